"""Put every image into the page itself, as a data: URI, so a handout needs no other file."""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Unicode

from goingfirst.handouts import CellError, placement
from goingfirst.paths import course_root

MARKDOWN_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\(\s*(?P<url><[^>\n]*>|[^)\s]+)(?P<title>\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_SRC = re.compile(r"""(\bsrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
HTML_ALT = re.compile(r"""\balt\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
# A scheme ("https:", "data:") or a protocol-relative "//host" means not a file of ours.
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
ATTACHMENT = "attachment:"


class InlineImagesPreprocessor(Preprocessor):
    """Inline markdown images from the course folder (such as ``assets/``) and cell attachments.

    An image from the web is replaced by its description: a handout never makes a request.
    """

    image_root = Unicode(
        "",
        help="Folder that images may be read from. Empty means the course folder, "
        "so lessons can use images in assets/.",
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        self._root = Path(self.image_root or course_root()).resolve()
        self._folder = Path(resources.get("metadata", {}).get("path") or ".").resolve()
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        if cell.cell_type != "markdown" or ("![" not in cell.source and "<img" not in cell.source.lower()):
            return cell, resources
        number = placement.number_of(cell, index)
        attachments = cell.get("attachments", {})

        def markdown_image(found: re.Match) -> str:
            url = found.group("url").strip("<>")
            if REMOTE.match(url) and not url.startswith(ATTACHMENT) and not url.startswith("data:"):
                return f"*{found.group('alt') or 'An image'} (not included: it is on the web)*"
            inlined = self._data_uri(url, attachments, number)
            return f"![{found.group('alt')}]({inlined}{found.group('title') or ''})"

        def html_image(found: re.Match) -> str:
            tag = found.group(0)
            source = HTML_SRC.search(tag)
            if source is None:
                return tag
            url = source.group(3).strip()
            if REMOTE.match(url) and not url.startswith(ATTACHMENT) and not url.startswith("data:"):
                alt = HTML_ALT.search(tag)
                return f"<em>{alt.group(2) if alt else 'An image'} (not included: it is on the web)</em>"
            inlined = self._data_uri(url, attachments, number)
            return tag[: source.start(3)] + inlined + tag[source.end(3) :]

        cell.source = HTML_IMAGE.sub(html_image, MARKDOWN_IMAGE.sub(markdown_image, cell.source))
        return cell, resources

    def _data_uri(self, url: str, attachments: dict, number: int) -> str:
        if url.startswith("data:"):
            return url
        if url.startswith(ATTACHMENT):
            bundle = attachments.get(url[len(ATTACHMENT) :])
            if not bundle:
                raise CellError(number, f"the image {url!r} is not attached to this cell.")
            mime, data = next(iter(sorted(bundle.items(), key=lambda item: item[0] != "image/png")))
            return f"data:{mime};base64,{''.join(data) if isinstance(data, list) else data}"
        path = (self._folder / url.split("#", 1)[0].split("?", 1)[0]).resolve()
        if not path.is_relative_to(self._root):
            raise CellError(number, f"the image {url!r} is outside the course folder.")
        mime, _ = mimetypes.guess_type(path.name)
        if not path.is_file() or not (mime or "").startswith("image/"):
            raise CellError(number, f"the image {url!r} was not found (looked for {path}).")
        return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
