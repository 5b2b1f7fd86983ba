"""My plan: a summary of the learner's own words from earlier in the course.

Each section appears only if its exercise has an answer. The private safety
exercises (safety-check, safe-people-places) are never read here: a plan
summary may be printed or shown to someone, and those answers must not be.
"""

from __future__ import annotations

from typing import Any, Callable

from goingfirst.feedback import Answers
from goingfirst.models import make_model
from goingfirst.models.base import ExerciseModel, Feedback, is_rating, labelled
from goingfirst.specs import Spec, SpecError, get_spec

NEVER_SHOWN = frozenset({"safety-check", "safe-people-places"})
TOP_REASONS = 3


def _spec(exercise_id: str) -> Spec | None:
    """The exercise's spec, or None while its lesson is missing or being edited."""
    try:
        return get_spec(exercise_id)
    except (KeyError, SpecError, OSError):
        # A summary with plain ids is better than no summary at all.
        return None


def _readable(item_id: str) -> str:
    return item_id.replace("-", " ").replace("_", " ").capitalize()


def _label(spec: Spec | None, item_id: str) -> str:
    if spec is not None:
        try:
            return spec.item(item_id).label
        except KeyError:
            pass
    return _readable(item_id)


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def top_reasons(value: Any, spec: Spec | None) -> list[str]:
    """The reasons rated highest (above 0), most important first, then the learner's own words."""
    if not isinstance(value, dict):
        return []
    ratings = value.get("ratings") if isinstance(value.get("ratings"), dict) else {}
    rated = [(rating, item_id) for item_id, rating in ratings.items() if is_rating(rating) and rating > 0]
    rated.sort(key=lambda pair: -pair[0])  # stable: ties keep the exercise's order
    points = [f"{_label(spec, item_id)} ({rating} out of 10)" for rating, item_id in rated[:TOP_REASONS]]
    own = _text(value.get("own"))
    if own:
        points.append(f"In your own words: {own}")
    return points


def fields(value: Any, spec: Spec | None) -> list[str]:
    """A builder's filled fields as "label: words", in the exercise's order when known."""
    if spec is None:
        if not isinstance(value, dict) or not isinstance(value.get("fields"), dict):
            return []
        return [labelled(_readable(key), _text(text)) for key, text in value["fields"].items() if _text(text)]
    return make_model(spec, value).summary()


def reflection(value: Any, spec: Spec | None) -> list[str]:
    text = _text(value)
    return [text] if text else []


def checked(value: Any, spec: Spec | None) -> list[str]:
    if spec is not None:
        return make_model(spec, value).summary()
    if not isinstance(value, dict):
        return []
    ticked = value.get("checked") if isinstance(value.get("checked"), list) else []
    points = [_readable(item_id) for item_id in ticked if isinstance(item_id, str)]
    other = _text(value.get("other"))
    return points + ([other] if other else [])


def latest_entry(value: Any, spec: Spec | None) -> list[str]:
    """The most recent log entry, its date first."""
    if not isinstance(value, dict) or not isinstance(value.get("entries"), list):
        return []
    entries = [entry for entry in value["entries"] if isinstance(entry, dict) and isinstance(entry.get("date"), str)]
    if spec is not None:
        entries = make_model(spec, {"entries": entries}).value["entries"]
    if not entries:
        return []
    latest = max(entries, key=lambda entry: entry["date"])
    found = latest.get("fields") if isinstance(latest.get("fields"), dict) else {}
    order = [item.id for item in spec.items] if spec is not None else list(found)
    points = [f"Entry from {latest['date']}"]
    for item_id in order:
        field = found.get(item_id)
        if is_rating(field):
            points.append(labelled(_label(spec, item_id), f"{field} out of 10"))
        elif _text(field):
            points.append(labelled(_label(spec, item_id), _text(field)))
    return points if len(points) > 1 else []


Section = tuple[str, str, Callable[[Any, Spec | None], list[str]]]

# In course order. Each: exercise id, section title, how to read its answer.
SECTIONS: tuple[Section, ...] = (
    ("behind-the-no", "What may sit behind their no", top_reasons),
    ("pattern-mapper", "The pattern between you", fields),
    ("invitation-coach", "Your invitation, in your words", reflection),
    ("if-they-say-no", "If they say no", fields),
    ("boundary-builder", "Your boundary", fields),
    ("self-care-plan", "How you will care for yourself", checked),
    ("experiments-log", "Your latest experiment", latest_entry),
    ("readiness-rulers", "Your latest readiness rulers", latest_entry),
    ("decision-balance", "How you weigh the paths", fields),
)

PRIVATE_NOTE = "This answer is private. It is here because you chose to keep it on this computer."

EMPTY = (
    "As you answer exercises in the earlier lessons, a summary of your own words "
    "will appear here. You can go back to any lesson at any time."
)


def respond(model: ExerciseModel, answers: Answers) -> list[Feedback]:
    notes = []
    for exercise_id, title, read in SECTIONS:
        if exercise_id in NEVER_SHOWN:  # a guard in case someone adds one to SECTIONS
            continue
        value = answers(exercise_id)
        if value is None:
            continue
        spec = _spec(exercise_id)
        points = read(value, spec)
        if points:
            # A private answer reaches here only if the learner chose to keep it; say so.
            text = PRIVATE_NOTE if spec is not None and spec.private else ""
            notes.append(Feedback("info", title, text, tuple(points)))
    return notes or [Feedback("info", "Your course so far", EMPTY)]
