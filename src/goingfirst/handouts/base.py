"""What the handout steps that print crisis contacts share: the chosen region."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from traitlets import Unicode

from goingfirst.crisis import Region, load_contacts


class HandoutPreprocessor(Preprocessor):
    """A handout step; configure ``HandoutPreprocessor.region`` once for every step."""

    region = Unicode(
        "",
        help="Crisis contacts to print: a region code from assets/crisis-contacts.toml "
        "such as US, UK, CA, AU or OTHER. Empty means the file's default region.",
    ).tag(config=True)

    def contacts_region(self) -> Region:
        """The chosen region's contacts; raises ``UnknownRegion`` for a code the file lacks."""
        return load_contacts().region(self.region or None)
