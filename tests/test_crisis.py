"""Crisis contacts come from one data file, each with a source and a date."""

from __future__ import annotations

import pytest

from goingfirst.crisis import UnknownRegion, load_contacts
from goingfirst.render import render_contacts

REGIONS = {"US", "UK", "CA", "AU", "OTHER"}


def test_does_the_file_cover_every_region_the_course_promises() -> None:
    assert set(load_contacts().codes()) == REGIONS


def test_does_every_entry_have_a_source_and_a_check_date() -> None:
    for region in load_contacts().regions:
        assert region.contacts, region.code
        for contact in region.contacts:
            assert contact.source.startswith("https://"), contact.name
            assert contact.last_checked.year >= 2025, contact.name


def test_does_every_named_region_start_with_its_emergency_number() -> None:
    for region in load_contacts().regions:
        if region.code != "OTHER":
            assert "Emergency" in region.contacts[0].name, region.code


def test_does_an_unknown_region_get_a_clear_message() -> None:
    with pytest.raises(UnknownRegion, match="Choose one of: US, UK"):
        load_contacts().region("XX")


def test_do_rendered_contacts_show_source_and_date() -> None:
    html = render_contacts(load_contacts().region("UK"))
    assert "Help now: United Kingdom" in html and "checked 21 November 2026" in html
