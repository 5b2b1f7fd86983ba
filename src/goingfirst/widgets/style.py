"""The small stylesheet that lays exercises out for reading, in every front end."""

from __future__ import annotations

from importlib.resources import files

import ipywidgets as widgets


def stylesheet() -> str:
    return (files("goingfirst") / "static" / "exercise.css").read_text(encoding="utf-8")


def style_widget() -> widgets.HTML:
    # Each exercise carries the sheet so it renders alone (for example in app mode).
    return widgets.HTML(f"<style>{stylesheet()}</style>", layout=widgets.Layout(display="none"))
