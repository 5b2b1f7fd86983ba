"""Crisis contacts with a region picker."""

from __future__ import annotations

import ipywidgets as widgets

from goingfirst.crisis import load_contacts
from goingfirst.render import render_contacts


def crisis_contacts_widget(region: str | None = None) -> widgets.Widget:
    contacts = load_contacts()
    picker = widgets.Dropdown(
        options=[(item.name, item.code) for item in contacts.regions],
        value=contacts.region(region).code,
        description="Where are you?",
        style={"description_width": "initial"},
    )
    shown = widgets.HTML(render_contacts(contacts.region(picker.value), heading=3))

    def picked(change: dict) -> None:
        shown.value = render_contacts(contacts.region(change["new"]), heading=3)

    picker.observe(picked, names="value")
    box = widgets.VBox([picker, shown])
    box.add_class("gf-contacts-widget")
    return box
