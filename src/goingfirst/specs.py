"""Exercise definitions: plain data read from ``exercises/specs/*.toml``.

Each file holds the exercises for one lesson number. An exercise has an id that
is unique in the course, a kind (one of ``KINDS``), words for the learner, and
the fields its kind needs. See ``docs/authoring.md`` for the schema.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from goingfirst.paths import course_root

KINDS = ("reflection", "scale", "checklist", "quiz", "builder", "log")
SPECS_FOLDER = "exercises/specs"


class SpecError(ValueError):
    """An exercise definition that does not follow the schema."""


@dataclass(frozen=True)
class Item:
    """One line of a scale, checklist or quiz, or one field of a builder or log."""

    id: str
    label: str
    advice: str = ""
    hint: str = ""
    answer: str = ""
    explanation: str = ""
    rewrite: str = ""
    type: str = "text"


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class Spec:
    id: str
    kind: str
    title: str
    why: str
    prompt: str
    lesson: str
    private: bool = False
    feedback: str = ""
    placeholder: str = ""
    lines: int = 6
    low: str = "0"
    high: str = "10"
    advice_at: int = 5
    other: str = ""
    template: str = ""
    items: tuple[Item, ...] = ()
    choices: tuple[Choice, ...] = ()
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def choice_label(self, choice_id: str) -> str:
        for choice in self.choices:
            if choice.id == choice_id:
                return choice.label
        return choice_id


_ITEM_FIELDS = {"id", "label", "advice", "hint", "answer", "explanation", "rewrite", "type"}
ITEM_TYPES = ("text", "scale")
_SPEC_FIELDS = {
    "id", "kind", "title", "why", "prompt", "private", "feedback", "placeholder",
    "lines", "low", "high", "advice_at", "other", "template", "items", "choices", "extra",
}


def parse_spec(data: dict, lesson: str) -> Spec:
    """Build a Spec from one ``[[exercise]]`` table, checking the schema."""
    name = data.get("id", "<no id>")
    unknown = set(data) - _SPEC_FIELDS
    if unknown:
        raise SpecError(f"Exercise {name}: unknown fields {sorted(unknown)}")
    for required in ("id", "kind", "title", "why", "prompt"):
        if not data.get(required):
            raise SpecError(f"Exercise {name}: '{required}' is required")
    if data["kind"] not in KINDS:
        raise SpecError(f"Exercise {name}: kind must be one of {KINDS}")
    items = []
    for raw in data.get("items", []):
        extra_keys = set(raw) - _ITEM_FIELDS
        if extra_keys or "id" not in raw or "label" not in raw:
            raise SpecError(f"Exercise {name}: each item needs id and label only from {_ITEM_FIELDS}")
        if raw.get("type", "text") not in ITEM_TYPES:
            raise SpecError(f"Exercise {name}: item type must be one of {ITEM_TYPES}")
        items.append(Item(**raw))
    if len({item.id for item in items}) != len(items):
        raise SpecError(f"Exercise {name}: item ids must be unique")
    choices = tuple(Choice(**raw) for raw in data.get("choices", []))
    values = {key: value for key, value in data.items() if key not in ("items", "choices")}
    spec = Spec(**values, lesson=lesson, items=tuple(items), choices=choices)
    _check_kind(spec)
    return spec


def _check_kind(spec: Spec) -> None:
    needs_items = spec.kind in ("scale", "checklist", "quiz", "builder", "log")
    if needs_items and not spec.items:
        raise SpecError(f"Exercise {spec.id}: a {spec.kind} needs items")
    if spec.kind == "quiz":
        choice_ids = {choice.id for choice in spec.choices}
        if len(choice_ids) < 2:
            raise SpecError(f"Exercise {spec.id}: a quiz needs at least two choices")
        for item in spec.items:
            if item.answer not in choice_ids or not item.explanation:
                raise SpecError(
                    f"Exercise {spec.id}: quiz item {item.id} needs an answer from the choices "
                    "and an explanation"
                )
    if spec.kind == "builder" and spec.template:
        for item in spec.items:
            if item.type == "text" and "{" + item.id + "}" not in spec.template:
                raise SpecError(f"Exercise {spec.id}: template does not use field {item.id}")


def load_file(path: Path) -> list[Spec]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    lesson = path.stem.split("-", 1)[0]
    try:
        return [parse_spec(item, lesson) for item in data.get("exercise", [])]
    except SpecError as error:
        raise SpecError(f"{path.name}: {error}") from error


@lru_cache(maxsize=4)
def _load_all(folder: Path) -> dict[str, Spec]:
    specs: dict[str, Spec] = {}
    for path in sorted(folder.glob("*.toml")):
        for spec in load_file(path):
            if spec.id in specs:
                raise SpecError(f"Exercise id {spec.id!r} is used twice")
            specs[spec.id] = spec
    return specs


def all_specs(root: Path | None = None) -> dict[str, Spec]:
    """Every exercise in the course, by id."""
    return _load_all((root or course_root()) / SPECS_FOLDER)


def get_spec(exercise_id: str, root: Path | None = None) -> Spec:
    specs = all_specs(root)
    if exercise_id not in specs:
        raise KeyError(
            f"There is no exercise called {exercise_id!r}. Check the id in the notebook cell."
        )
    return specs[exercise_id]
