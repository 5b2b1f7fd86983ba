"""Feedback on a draft invitation, from the invitation coach's rules.

Reads a reflection's text, or, for a builder, the fields named in the spec's
``extra.coach_fields``. Things to soften come back with the tone "try", what is
working with "good", and everything else with "info".
"""

from __future__ import annotations

from goingfirst import invitation_coach as coach
from goingfirst.feedback import Answers
from goingfirst.models.base import ExerciseModel, Feedback

EMPTY = Feedback(
    "info",
    "Start with a first draft",
    "Write two or three sentences you might say to your partner. It doesn't need "
    "to be right yet. You can change it as often as you like, and the coach will "
    "show you what is working and what you might say more gently.",
)
NOT_ENGLISH = Feedback(
    "info",
    "This coach only reads English",
    "The coach looks for English words and phrases, so it can't comment on this "
    "draft. Your words are still yours to keep, just as you wrote them. You could "
    "read them aloud and ask: do they talk about me and us, and do they leave the "
    "choice with my partner?",
)
LONG = Feedback(
    "info",
    "Try a shorter version too",
    "Long invitations are harder to hear, especially when feelings run high. Could "
    "you say the heart of it in two or three sentences? You can keep this longer "
    "draft for yourself.",
)
NOTHING_TO_SOFTEN = Feedback(
    "good",
    "Nothing here sounds like pressure",
    "The coach found nothing to soften. Read it aloud once, in the voice you would "
    "really use: a calm, warm tone carries as much as the words.",
)
IDEAS_TITLE = "Ideas you could add"
IDEAS_TEXT = "Some things that often help words like these land:"
# A spec may give its own ideas in ``extra.ideas``; these suit an invitation.
INVITATION_IDEAS = (
    "Say how you feel: “I’ve been feeling lonely.”",
    "Make it about the two of you: “I’d like us to feel close again.”",
    "Ask for something small: “Would you try one session?”",
    "Leave the choice with them: “It’s your choice, and you can say no.”",
)


def respond(model: ExerciseModel, answers: Answers) -> list[Feedback]:
    """Feedback on the learner's own words: safety first, then what to soften, then what works."""
    text = _draft(model)
    if not text.strip():
        return [EMPTY]
    if not coach.is_english(text):
        return [NOT_ENGLISH]
    rules = coach.load_rules()
    notes = []
    if coach.needs_safety(text, rules):
        notes.append(Feedback("warning", rules.safety_title, rules.safety_text))
    if coach.is_long(text):
        notes.append(LONG)
    findings = coach.find(text, rules)
    soften = [finding for finding in findings if finding.kind == "soften"]
    notes += [_note(finding) for finding in soften]
    if not soften:
        notes.append(NOTHING_TO_SOFTEN)
    notes += [_note(finding) for finding in findings if finding.kind == "working"]
    if not findings:
        ideas = tuple(model.spec.extra.get("ideas", INVITATION_IDEAS))
        notes.append(Feedback("info", IDEAS_TITLE, IDEAS_TEXT, ideas))
    return notes


def _draft(model: ExerciseModel) -> str:
    """The words to read: a reflection's text, or a builder's chosen fields."""
    if isinstance(model.value, str):
        return model.value
    fields = (model.value or {}).get("fields", {}) if isinstance(model.value, dict) else {}
    chosen = model.spec.extra.get("coach_fields", list(fields))
    return "\n".join(fields[name] for name in chosen if isinstance(fields.get(name), str))


def _note(finding: coach.Finding) -> Feedback:
    points = tuple(f"You wrote: “{quote}”" for quote in finding.quotes)
    if finding.kind == "soften":
        return Feedback("try", finding.title, finding.explanation, points + (f"A gentler way: {finding.rewrite}",))
    return Feedback("good", finding.title, finding.explanation, points)
