"""Crisis contacts by region, read from ``assets/crisis-contacts.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from goingfirst.paths import assets_dir

FILE_NAME = "crisis-contacts.toml"


class UnknownRegion(ValueError):
    """A region code that the crisis contacts file does not have."""


@dataclass(frozen=True)
class Contact:
    name: str
    for_: str
    how: str
    source: str
    last_checked: date


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class CrisisContacts:
    default_region: str
    regions: tuple[Region, ...]

    def region(self, code: str | None = None) -> Region:
        wanted = (code or self.default_region).upper()
        for region in self.regions:
            if region.code == wanted:
                return region
        known = ", ".join(region.code for region in self.regions)
        raise UnknownRegion(f"There are no crisis contacts for region {code!r}. Choose one of: {known}.")

    def codes(self) -> list[str]:
        return [region.code for region in self.regions]


def parse_contacts(data: dict) -> CrisisContacts:
    regions = tuple(
        Region(
            code=raw["code"],
            name=raw["name"],
            contacts=tuple(
                Contact(
                    name=item["name"],
                    for_=item["for"],
                    how=item["how"],
                    source=item["source"],
                    last_checked=date.fromisoformat(str(item["last_checked"])),
                )
                for item in raw["contact"]
            ),
        )
        for raw in data["region"]
    )
    return CrisisContacts(default_region=data["default_region"], regions=regions)


def load_contacts(folder: Path | None = None) -> CrisisContacts:
    with ((folder or assets_dir()) / FILE_NAME).open("rb") as handle:
        return parse_contacts(tomllib.load(handle))
