"""The handout exporter: ``jupyter nbconvert --to handout NOTEBOOK``."""

from __future__ import annotations

from pathlib import Path

import jinja2
from nbconvert.exporters import HTMLExporter
from traitlets import default
from traitlets.config import Config

from goingfirst.handouts.links import notebook_links_to_handouts
from goingfirst.handouts.placement import region_of

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# The order matters:
# 1. Page runs first: it stamps every cell's position (error messages name the cell an
#    author sees) before anything is split, added or dropped, and it puts the generated
#    header in the banner, so the steps below see the page's h1.
# 2. Worksheets and Views turn their code cells into static HTML. They follow the headings
#    of the markdown before each cell, so an exercise is never an h3 straight after the h1.
# 3. DropCode then removes every code cell left, and the generated footer with its crisis
#    contacts, which EndMatter replaces with the page's own closing section.
# 4. EndMatter needs the exercise markers the worksheets kept, for the answer key.
# 5. Images last, on the final markdown.
PIPELINE = [
    "goingfirst.handouts.page.PagePreprocessor",
    "goingfirst.handouts.worksheets.WorksheetPreprocessor",
    "goingfirst.handouts.views.ViewPreprocessor",
    "goingfirst.handouts.drop_code.DropCodePreprocessor",
    "goingfirst.handouts.end_matter.EndMatterPreprocessor",
    "goingfirst.handouts.images.InlineImagesPreprocessor",
]


class HandoutExporter(HTMLExporter):
    """A self-contained, printable HTML handout of one course notebook: no code, no script."""

    export_from_notebook = "Going First handout"

    @default("template_name")
    def _template_name_default(self) -> str:
        return "handout"

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self) -> list[str]:
        return [str(TEMPLATES)]

    @default("default_preprocessors")
    def _default_preprocessors_default(self) -> list[str]:
        return list(PIPELINE)

    @default("exclude_anchor_links")
    def _exclude_anchor_links_default(self) -> bool:
        # A pilcrow after every heading is noise on paper.
        return True

    @property
    def default_config(self) -> Config:
        config = super().default_config
        config.merge(Config({name.rsplit(".", 1)[1]: {"enabled": True} for name in PIPELINE}))
        return config

    def _create_environment(self) -> jinja2.Environment:
        environment = super()._create_environment()
        # Titles, the organisation's name and dates are text; only the cells' HTML is marked safe.
        environment.autoescape = True
        return environment

    def default_filters(self):
        yield from super().default_filters()
        yield ("notebook_links_to_handouts", notebook_links_to_handouts)
        yield ("handout_region", region_of)
