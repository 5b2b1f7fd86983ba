"""Where the safety check sends a learner: plain rules over the ids they ticked.

The safety-check exercise names its items in ``exercises/specs/05-safety-first.toml``
and lists, in its ``extra`` table, which ids are high-risk signs and which are
signs of coercive control. ``route`` turns a set of ticked ids into one of three
routes; the messages for each route live here too, so the rules and the words
can be read and tested together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from goingfirst.specs import Spec, get_spec

SAFETY_CHECK = "safety-check"

HIGH_RISK = "high-risk"
CONTROL = "control"
NONE = "none"
ROUTES = (HIGH_RISK, CONTROL, NONE)


@dataclass(frozen=True)
class Rules:
    """Which safety-check item ids are high-risk signs and which are signs of control."""

    high_risk: frozenset[str]
    control: frozenset[str]


def rules_from(spec: Spec) -> Rules:
    extra = spec.extra or {}
    return Rules(
        high_risk=frozenset(extra.get("high_risk", ())),
        control=frozenset(extra.get("control", ())),
    )


def course_rules() -> Rules:
    """The rules as the course's safety-check exercise defines them."""
    return rules_from(get_spec(SAFETY_CHECK))


def route(checked: Iterable[str], rules: Rules | None = None) -> str:
    """``"high-risk"``, ``"control"`` or ``"none"`` for the ids ticked.

    Any high-risk sign wins over signs of control, because the advice for
    high risk (contact an advocate now) already covers control. Ids the rules
    do not know are ignored rather than guessed at.
    """
    rules = rules or course_rules()
    ticked = set(checked)
    if ticked & rules.high_risk:
        return HIGH_RISK
    if ticked & rules.control:
        return CONTROL
    return NONE


@dataclass(frozen=True)
class Message:
    tone: str
    title: str
    text: str
    points: tuple[str, ...] = ()


DEVICE_SAFETY = (
    "When you look for help, use a phone or computer your partner has never had access "
    "to, such as a trusted friend's phone or a library computer. Think before you remove "
    "any tracking you find: an advocate can help you plan that safely."
)

MESSAGES = {
    HIGH_RISK: Message(
        "urgent",
        "Please reach out to a domestic violence advocate now",
        "What you ticked are signs that you may be in serious danger. You do not have to "
        "face this alone. Contact a domestic violence hotline or advocate today if you "
        "can. It is free and confidential, and they help people make a safety plan that "
        "fits their own life. The contacts are at the end of this lesson. If you are in "
        "danger right now, call your local emergency number.",
        (
            "While it is not safe, couples therapy is not recommended. Neither is pressing "
            "your partner to change, even gently: invitations, boundaries and ultimatums "
            "can all make things more dangerous.",
            "If you are thinking about leaving, plan it with an advocate first. The time "
            "around leaving can be the most dangerous time.",
            DEVICE_SAFETY,
            "None of this is your fault.",
        ),
    ),
    CONTROL: Message(
        "warning",
        "These can be signs of coercive control",
        "Coercive control is a pattern that takes away your freedom bit by bit: watching "
        "you, cutting you off from people, putting you down, controlling money, making "
        "threats. It can happen with or without physical violence, and it is a form of "
        "abuse. It is not your fault. An advocate at a domestic abuse helpline can help "
        "you make sense of what is happening and think about your safety. The contacts "
        "are at the end of this lesson.",
        (
            "Couples therapy is generally not advised where there is control like this. "
            "Talk with an advocate before you try it, or before you press your partner "
            "with invitations, boundaries or ultimatums.",
            DEVICE_SAFETY,
            "Things can change, sometimes fast. Come back to this check whenever you need to.",
        ),
    ),
    NONE: Message(
        "info",
        "Nothing ticked today",
        "Thank you for taking a look. Safety can change over time. If anything on this "
        "list starts to happen, or you begin to feel afraid of your partner, come back to "
        "this lesson at any time. You do not need to be sure it is abuse to talk to an "
        "advocate.",
    ),
}

SOMETHING_ELSE = Message(
    "info",
    "About what you wrote",
    "If what you wrote makes you feel afraid, watched or controlled, an advocate can help "
    "you think it through. You do not need to be sure it is abuse to call.",
)


def message(route_name: str) -> Message:
    return MESSAGES[route_name]
