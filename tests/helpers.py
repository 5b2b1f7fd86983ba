"""Small builders shared by tests."""

from __future__ import annotations

from goingfirst.specs import Spec, parse_spec


def make_spec(kind: str, **fields) -> Spec:
    data = {"id": f"test-{kind}", "kind": kind, "title": "A title", "why": "Why it helps.", "prompt": "Do this."}
    data.update(fields)
    return parse_spec(data, "00")


QUIZ = dict(
    choices=[{"id": "boundary", "label": "Boundary"}, {"id": "ultimatum", "label": "Ultimatum"}],
    items=[
        {"id": "one", "label": "I will leave the room when shouting starts.", "answer": "boundary", "explanation": "It is about what I do."},
        {"id": "two", "label": "Go to therapy or I'm leaving.", "answer": "ultimatum", "explanation": "It is a demand under threat.", "rewrite": "I need us to get help."},
    ],
)
