"""Saved answers for every kind of exercise, built from a spec and one piece of text."""

from __future__ import annotations

from typing import Any

from goingfirst.specs import Spec


def answer_for(spec: Spec, text: str, rating: int = 7) -> Any:
    """A full answer in the journal's format (see docs/authoring.md), with ``text`` in every text box."""
    def field(item) -> Any:
        return rating if item.type == "scale" else text

    if spec.kind == "reflection":
        return text
    if spec.kind == "scale":
        return {"ratings": {item.id: rating for item in spec.items}, "own": text}
    if spec.kind == "checklist":
        return {"checked": [item.id for item in spec.items], "other": text}
    if spec.kind == "quiz":
        return {"choices": {item.id: spec.choices[0].id for item in spec.items}, "checked": True}
    if spec.kind == "builder":
        return {"fields": {item.id: field(item) for item in spec.items}}
    if spec.kind == "log":
        return {"entries": [{"date": "2026-01-05", "fields": {item.id: field(item) for item in spec.items}}]}
    raise ValueError(f"No answer maker for kind {spec.kind!r}")
