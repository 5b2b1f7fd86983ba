"""Links between notebooks point to the matching handouts instead."""

from __future__ import annotations

import re

# Relative links only: a scheme ("https:") or "//host" is left alone.
NOTEBOOK_LINK = re.compile(
    r"""(\bhref\s*=\s*)(["'])(?![a-z][a-z0-9+.-]*:|//)([^"'#?]*?)\.ipynb([#?][^"']*)?\2""",
    re.IGNORECASE,
)


def notebook_links_to_handouts(html: str) -> str:
    """Rewrite ``href="x.ipynb#part"`` as ``href="x.html#part"`` in rendered HTML."""
    return NOTEBOOK_LINK.sub(
        lambda found: f"{found.group(1)}{found.group(2)}{found.group(3)}.html"
        f"{found.group(4) or ''}{found.group(2)}",
        html,
    )
