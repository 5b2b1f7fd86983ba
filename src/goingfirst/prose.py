"""The authored prose of a lesson, as plain sentences for reading-level checks."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from goingfirst import cells

# Citations are not prose a learner reads for meaning; they are measured apart.
UNMEASURED_SECTIONS = ("sources",)

_HEADING = re.compile(r"^(#{1,6})\s*(.*)$")


def authored_markdown(path: Path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    return [cell.source for cell in notebook.cells if cells.is_authored_prose(cell)]


def _plain(markdown: str) -> str:
    text = re.sub(r"`{3}.*?`{3}", " ", markdown, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"[*_`>|]", "", text)
    sentences = []
    for block in re.split(r"\n\s*\n", text):
        paragraph: list[str] = []
        for line in block.splitlines():
            item = re.match(r"^\s*([-+]|\d+\.)\s+(.*)$", line)
            heading = _HEADING.match(line)
            if item or heading:
                # Headings and list items stand alone as sentences.
                sentences.append(" ".join(paragraph))
                paragraph = []
                sentences.append((item or heading).group(2))
            elif re.fullmatch(r"\s*-{3,}\s*", line):
                continue
            elif sentences and not paragraph and line.startswith("  ") and sentences[-1]:
                sentences[-1] += " " + line.strip()  # a wrapped list item
            else:
                paragraph.append(line.strip())
        sentences.append(" ".join(paragraph))
    lines = [s.strip() for s in sentences if s.strip()]
    return "\n".join(line if line[-1] in ".!?:" else line + "." for line in lines)


def lesson_prose(path: Path) -> str:
    """Authored markdown of a lesson without its Sources section, as plain text."""
    kept, skipping = [], False
    for markdown in authored_markdown(path):
        for line in markdown.splitlines():
            heading = _HEADING.match(line)
            if heading:
                skipping = heading.group(2).strip().lower() in UNMEASURED_SECTIONS
            if not skipping:
                kept.append(line)
        kept.append("")
    return _plain("\n".join(kept))


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", text))
