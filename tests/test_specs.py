"""Every exercise in the course is valid data, and bad data is refused clearly."""

from __future__ import annotations

import pytest

from goingfirst.models import make_model
from goingfirst.render import render_exercise
from goingfirst.specs import SpecError, all_specs, get_spec, parse_spec


def test_does_every_course_exercise_load_and_render_blank() -> None:
    specs = all_specs()
    assert len(specs) >= 4
    for spec in specs.values():
        html = render_exercise(spec)
        assert spec.title.replace("'", "&#39;") in html or spec.title in html
        assert not make_model(spec).is_answered()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kind": "reflection", "title": "t", "why": "w", "prompt": "p"}, "'id' is required"),
        ({"id": "x", "kind": "poem", "title": "t", "why": "w", "prompt": "p"}, "kind must be one of"),
        ({"id": "x", "kind": "scale", "title": "t", "why": "w", "prompt": "p"}, "needs items"),
        ({"id": "x", "kind": "reflection", "title": "t", "why": "w", "prompt": "p", "colour": 1}, "unknown fields"),
        (
            {"id": "x", "kind": "quiz", "title": "t", "why": "w", "prompt": "p", "choices": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], "items": [{"id": "i", "label": "I", "answer": "c", "explanation": "e"}]},
            "needs an answer from the choices",
        ),
    ],
)
def test_is_a_broken_spec_refused_with_a_clear_message(data, message) -> None:
    with pytest.raises(SpecError, match=message):
        parse_spec(data, "00")


def test_does_an_unknown_id_get_a_message_naming_it() -> None:
    with pytest.raises(KeyError, match="no-such-exercise"):
        get_spec("no-such-exercise")
