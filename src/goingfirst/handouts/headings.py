"""Heading levels in markdown, so generated sections never skip a level."""

from __future__ import annotations

import re

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
HTML_HEADING = re.compile(r"<h([1-6])\b", re.IGNORECASE)


def last_level(markdown: str, current: int) -> int:
    """The level of the last heading in ``markdown``, or ``current`` if it has none."""
    level = current
    fenced = False
    for line in markdown.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        found = ATX_HEADING.match(line)
        if found:
            level = len(found.group(1))
            continue
        for tag in HTML_HEADING.finditer(line):
            level = int(tag.group(1))
    return level


def below(level: int) -> int:
    """The level for a section under a heading of ``level`` (never an h1, never past h6)."""
    return min(max(level + 1, 2), 6)
