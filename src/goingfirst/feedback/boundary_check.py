"""The boundary builder's feedback: is the action yours, are you ready, is it safe?

A boundary says what *I* will do; a demand says what my partner must do. The
word patterns that tell them apart live in ``data/boundary_check.toml``.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from goingfirst.feedback import Answers
from goingfirst.models.base import ExerciseModel, Feedback

DATA = Path(__file__).parent / "data" / "boundary_check.toml"
NOT_READY, NEARLY_READY = 4, 7  # readiness 0-4, 5-7 and 8-10 get different notes
_I_WILL = re.compile(r"^\s*i\s*(will|'ll)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    with DATA.open("rb") as handle:
        data = tomllib.load(handle)
    return {
        group: tuple(re.compile(text, re.IGNORECASE) for text in data[group])
        for group in ("demands", "partner_needs", "safety")
    }


def _plain(text: str) -> str:
    # Curly apostrophes from phones and word processors would slip past the patterns.
    return " ".join(text.replace("\u2019", "'").split())


def _first_match(group: str, text: str) -> str | None:
    for pattern in patterns()[group]:
        found = pattern.search(text)
        if found:
            return found.group(0).strip()
    return None


SAFETY_NOTE = Feedback(
    "warning",
    "A word about safety",
    "What you wrote touches on leaving, fear or harm. If your partner has hurt you, "
    "threatened you or makes you afraid, a boundary may not be respected, and saying it "
    "could make things more dangerous. Please read Lesson 5, Safety first, before you use "
    "this boundary, and think about talking it over with an advocate. The contacts are at "
    "the end of each lesson.",
)


def respond(model: ExerciseModel, answers: Answers) -> list[Feedback]:
    if not model.is_answered():
        return []
    when, action, need = (_plain(model.field(name)) for name in ("when", "action", "need"))
    notes = []
    if _first_match("safety", when) or _first_match("safety", action):
        notes.append(SAFETY_NOTE)
    notes += _action_notes(action)
    notes += _need_notes(need)
    notes.append(_readiness_note(model.number("ready")))
    return notes


def _action_notes(action: str) -> list[Feedback]:
    if not action:
        return [
            Feedback(
                "info",
                "Add what you will do",
                "The heart of a boundary is the part after \"I will\": the step you take "
                "to look after yourself.",
            )
        ]
    demand = _first_match("demands", action)
    if demand:
        return [
            Feedback(
                "try",
                "This part asks your partner to change",
                f"The words \"{demand}\" put the action on your partner. A boundary is "
                "about what you will do. You cannot control what your partner chooses, "
                "but you can choose your own next step.",
                (
                    "Instead of \"you will stop shouting\", try \"I will leave the room and "
                    "come back in an hour\".",
                    "Instead of \"my partner has to come to therapy\", try \"I will book a "
                    "session for myself\".",
                ),
            )
        ]
    points = ()
    if _I_WILL.match(action):
        points = ("The sentence already says \"I will\", so you can start your answer with "
                  "the action itself, such as \"take a short walk\".",)
    return [
        Feedback(
            "good",
            "This step is yours",
            "Your action is something you can do yourself, whatever your partner does. "
            "That is what makes it a boundary and not a demand.",
            points,
        )
    ]


def _need_notes(need: str) -> list[Feedback]:
    if need and _first_match("partner_needs", need):
        return [
            Feedback(
                "info",
                "Look for the need underneath",
                "Your need is written as something your partner should do. Try naming what "
                "that would give you, such as calm, rest, respect or feeling safe. That need "
                "is yours, whatever your partner does.",
            )
        ]
    return []


def _readiness_note(ready: int | None) -> Feedback:
    if ready is None:
        return Feedback(
            "info",
            "How ready are you to follow through?",
            "Choose a number from 0 to 10. A boundary only helps if you keep it, so it is "
            "worth checking before you say it.",
        )
    if ready <= NOT_READY:
        return Feedback(
            "try",
            "Not ready yet, and that is useful to know",
            "A boundary you are not ready to keep can turn into a threat. If you say it and "
            "do not follow through, both of you learn that it does not count. Try a smaller "
            "step you know you can keep, or give yourself more time before you say it.",
        )
    if ready <= NEARLY_READY:
        return Feedback(
            "info",
            "Nearly there",
            "What would make it easier to follow through? A friend to call, a plan for where "
            "you will go, or practice saying it out loud? Write down one thing that would help.",
        )
    return Feedback(
        "good",
        "Ready to follow through",
        "Plan how you will say it. Pick a calm moment, keep it short, say it once, and then "
        "do what you said. You do not need to win an argument about it.",
        ("For example: \"When we start shouting, I'm going to take a break. I'll come back "
         "in an hour so we can try again.\"",),
    )
