"""Tests for the invitation coach: its rules engine and its feedback adapter."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from goingfirst import invitation_coach as coach
from goingfirst.feedback import respond
from goingfirst.feedback import invitation_coach as adapter
from goingfirst.models import make_model
from goingfirst.specs import load_file

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "invitation_corpus.toml"
SPECS = ROOT / "exercises" / "specs" / "03-inviting-without-pressure.toml"


def no_answers(exercise_id: str) -> None:
    return None


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    with CORPUS.open("rb") as handle:
        return tomllib.load(handle)["case"]


@pytest.fixture(scope="module")
def specs() -> dict:
    return {spec.id: spec for spec in load_file(SPECS)}


def feedback_for(specs: dict, text: str) -> list:
    return respond(make_model(specs["invitation-coach"], text), no_answers)


# ------------------------------------------------------------------ corpus


def test_every_corpus_case_finds_exactly_the_expected_rules(cases):
    """Does the coach find exactly the expected rules in every example draft?"""
    mismatches = []
    for case in cases:
        found = {finding.rule for finding in coach.find(case["text"])}
        expected = set(case["expect"])
        safety = coach.needs_safety(case["text"])
        if found != expected or safety != case.get("safety", False):
            mismatches.append(
                f"{case['text']!r}: expected {sorted(expected)}, found {sorted(found)}"
                f" (missing {sorted(expected - found)}, extra {sorted(found - expected)};"
                f" safety {safety}, expected {case.get('safety', False)})"
            )
    assert not mismatches, f"{len(mismatches)} of {len(cases)} cases differ:\n" + "\n".join(mismatches)


def test_corpus_is_large_and_exercises_every_rule(cases):
    """Does the corpus hold at least 45 drafts and expect every rule somewhere?"""
    assert len(cases) >= 45
    expected = {rule for case in cases for rule in case["expect"]}
    assert expected == {rule.id for rule in coach.load_rules().rules}
    assert any(not case["expect"] for case in cases)
    assert any(case.get("safety") for case in cases)


def test_corpus_cases_are_read_as_english(cases):
    """Is every example draft recognised as English, so the rules really ran?"""
    assert [case["text"] for case in cases if not coach.is_english(case["text"])] == []


# ------------------------------------------------------------------ rules data


def test_rules_file_gives_soften_and_working_rules():
    """Does the rules file load, with a rewrite for every rule to soften?"""
    rules = coach.load_rules().rules
    kinds = {rule.kind for rule in rules}
    assert kinds == {"soften", "working"}
    assert all(rule.rewrite for rule in rules if rule.kind == "soften")
    assert all(rule.patterns and rule.title and rule.explanation for rule in rules)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"id": "x", "kind": "scold", "title": "t", "explanation": "e", "patterns": ["a"]}, "kind"),
        ({"id": "x", "kind": "soften", "title": "t", "explanation": "e", "patterns": ["a"]}, "rewrite"),
        ({"id": "x", "kind": "working", "title": "t", "explanation": "e", "patterns": ["("]}, "not a valid"),
        ({"id": "x", "kind": "working", "title": "t", "explanation": "e", "patterns": ["a"], "unless": ["y"]}, "unknown"),
        ({"id": "x", "kind": "working", "title": "t", "explanation": "e"}, "patterns"),
    ],
)
def test_broken_rules_are_refused_with_a_clear_message(rule, message):
    """Does a rule that breaks the schema raise RuleError naming the problem?"""
    with pytest.raises(coach.RuleError, match=message):
        coach.parse_rules({"rule": [rule]})


def test_rules_can_be_loaded_from_another_file(tmp_path):
    """Can the engine run on a rules file given to it, not only the built-in one?"""
    path = tmp_path / "rules.toml"
    path.write_text(
        "[[rule]]\nid = 'hello'\nkind = 'working'\ntitle = 'Hi'\nexplanation = 'Kind.'\n"
        "patterns = ['\\bhello\\b']\n",
        encoding="utf-8",
    )
    findings = coach.find("Hello there, hello again", coach.load_rules(path))
    assert [(finding.rule, finding.quotes) for finding in findings] == [("hello", ("Hello",))]


# ------------------------------------------------------------------ findings


def test_findings_quote_the_learners_own_words():
    """Does each finding quote back the words that matched, as the learner wrote them?"""
    findings = {finding.rule: finding for finding in coach.find("Honestly? You NEVER listen. I miss us.")}
    assert findings["always-never"].quotes == ("You NEVER",)
    assert findings["i-statement"].quotes == ("I miss",)
    assert findings["always-never"].kind == "soften"
    assert findings["always-never"].rewrite


def test_things_to_soften_come_before_what_is_working():
    """Are soften findings listed before working ones?"""
    kinds = [finding.kind for finding in coach.find("I miss us. You never listen.")]
    assert kinds == sorted(kinds, key=coach.KINDS.index)
    assert kinds[0] == "soften"


def test_quotes_are_capped_and_shortened():
    """Are quotes limited in number and length, however often a rule matches?"""
    text = "You never listen. You always leave. You're constantly busy. Every time you go, I wait."
    finding = next(f for f in coach.find(text) if f.rule == "always-never")
    assert finding.quotes == ("You never", "You always", "You're constantly")
    threat = "If you don't " + "come with me " * 5 + "then I'm leaving."
    quote = next(f for f in coach.find(threat) if f.rule == "threat").quotes[0]
    assert len(quote) == coach.QUOTE_LENGTH and quote.endswith("…")


def test_the_same_words_are_quoted_once():
    """Is a phrase repeated in the draft quoted only once?"""
    finding = next(f for f in coach.find("You never call. you never write.") if f.rule == "always-never")
    assert finding.quotes == ("You never",)


# ------------------------------------------------------------------ adapter


def test_soften_findings_have_tone_try_with_a_rewrite(specs):
    """Does a phrase to soften come back as "try", quoting the words and offering a rewrite?"""
    notes = feedback_for(specs, "You need to go to therapy.")
    tries = [note for note in notes if note.tone == "try"]
    assert len(tries) == 1
    assert tries[0].points[0] == "You wrote: “You need to”"
    assert tries[0].points[-1].startswith("A gentler way: ")


def test_working_findings_have_tone_good_and_encouragement_when_nothing_to_soften(specs):
    """With nothing to soften, is the learner encouraged and each strength shown as "good"?"""
    notes = feedback_for(specs, "I've been feeling lonely, and I miss us. Would you try one session? It's your choice.")
    assert {note.tone for note in notes} == {"good"}
    assert notes[0].title == adapter.NOTHING_TO_SOFTEN.title
    titles = {note.title for note in notes}
    assert "You leave the choice with them" in titles


def test_no_encouragement_when_something_needs_softening(specs):
    """Is the "nothing sounds like pressure" note left out when there is pressure?"""
    notes = feedback_for(specs, "I miss us, but you never listen.")
    assert adapter.NOTHING_TO_SOFTEN not in notes
    assert [note.tone for note in notes] == ["try", "good", "good"]


def test_a_plain_draft_gets_ideas(specs):
    """Does a draft with no findings at all get ideas to add, as info?"""
    notes = feedback_for(specs, "Can I talk to you about something tonight?")
    assert notes[0] == adapter.NOTHING_TO_SOFTEN
    assert notes[-1].tone == "info" and notes[-1].title == adapter.IDEAS_TITLE
    assert notes[-1].points == adapter.INVITATION_IDEAS


def test_a_threat_cancels_credit_for_choice(specs):
    """Is "your choice" not praised when it comes with an ultimatum?"""
    notes = feedback_for(specs, "Therapy or divorce. It's your choice.")
    assert [note.tone for note in notes] == ["try"]


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_input_gets_a_calm_prompt(specs, text):
    """Does an empty draft get one calm prompt to write a first draft?"""
    assert feedback_for(specs, text) == [adapter.EMPTY]


def test_hundred_thousand_characters_are_read_quickly(specs):
    """Does a 100,000-character draft come back fast, with the note about length?"""
    text = ("I miss us and you never listen. " * 3200)[:100_000]
    assert len(text) == 100_000
    started = time.perf_counter()
    notes = feedback_for(specs, text)
    assert time.perf_counter() - started < 2.0
    assert adapter.LONG in notes
    assert {"try", "good", "info"} == {note.tone for note in notes}


def test_a_draft_just_over_the_limit_is_long_and_a_short_one_is_not():
    """Is the long-draft note given only past 3,000 characters?"""
    assert coach.is_long("a" * (coach.LONG_AFTER + 1))
    assert not coach.is_long("I miss us. " * 10)


@pytest.mark.parametrize(
    "text",
    [
        "Te extraño. ¿Podemos ir a terapia juntos? Es tu decisión.",
        "Ich möchte, dass wir zusammen zur Paartherapie gehen.",
        "Ik wil dat we samen in therapie gaan.",
        "Je voudrais qu'on essaie une thérapie de couple.",
        "我想和你一起去做伴侣治疗。",
        "Я скучаю по нам.",
    ],
)
def test_non_english_gets_a_calm_note_and_no_findings(specs, text):
    """Is a non-English draft met with a calm note, and no false findings?"""
    assert feedback_for(specs, text) == [adapter.NOT_ENGLISH]


@pytest.mark.parametrize(
    "text",
    [
        "أنا أفتقدك. هل يمكننا أن نجرب جلسة واحدة معا؟",
        "אני מתגעגע אלינו. אולי ננסה פגישה אחת?",
        "\u202bאני מתגעגע אלינו\u202c",
    ],
)
def test_right_to_left_text_gets_the_same_calm_note(specs, text):
    """Is right-to-left text handled calmly, with no crash and no findings?"""
    assert feedback_for(specs, text) == [adapter.NOT_ENGLISH]


def test_direction_marks_do_not_end_up_in_quotes(specs):
    """Are invisible direction marks kept out of the words quoted back?"""
    notes = feedback_for(specs, "\u200fYou\u200b never listen\u202c. I miss \u2066us\u2069.")
    points = [point for note in notes for point in note.points if point.startswith("You wrote")]
    assert "You wrote: “You never”" in points
    assert not any(char in point for point in points for char in "\u200f\u200b\u202c\u2066\u2069")


def test_emoji_only_is_not_english_but_emoji_in_english_is_fine(specs):
    """Does a row of emoji get the calm note, while emoji inside English are read normally?"""
    assert feedback_for(specs, "😢🙏❤️") == [adapter.NOT_ENGLISH]
    notes = feedback_for(specs, "I miss us 😢 and you never listen 🙄")
    assert "try" in {note.tone for note in notes}


def test_curly_and_straight_apostrophes_read_the_same():
    """Does "You’re so selfish" (curly) match like "You're so selfish" (straight)?"""
    curly = [finding.rule for finding in coach.find("You’re so selfish")]
    straight = [finding.rule for finding in coach.find("You're so selfish")]
    assert curly == straight == ["labels"]


def test_words_of_danger_put_safety_first(specs):
    """Do words that may point to danger bring a safety note before anything else?"""
    notes = feedback_for(specs, "I'm scared of how you'll react, so you need to promise to stay calm.")
    assert notes[0].tone == "warning"
    assert "Safety first" in notes[0].text
    assert "try" in {note.tone for note in notes[1:]}


def test_builder_reply_to_a_no_is_read_but_private_plans_are_not(specs):
    """For "if-they-say-no", is only the reply read, with ideas that suit a reply?"""
    spec = specs["if-they-say-no"]
    model = make_model(spec, {"fields": {"reply": "Fine. You never listen anyway.", "next": "you need to"}})
    notes = respond(model, no_answers)
    assert [(note.tone, note.points[0]) for note in notes] == [("try", "You wrote: “You never”")]
    plain = make_model(spec, {"fields": {"reply": "Okay.", "next": "call my sister"}})
    ideas = respond(plain, no_answers)[-1]
    assert ideas.points == tuple(spec.extra["ideas"])


def test_builder_with_no_reply_gets_the_calm_prompt(specs):
    """Does an unanswered reply box get the first-draft prompt, not an error?"""
    model = make_model(specs["if-they-say-no"], {"fields": {"next": "call my sister"}})
    assert respond(model, no_answers) == [adapter.EMPTY]


def test_timing_planner_composes_a_plan(specs):
    """Does the timing planner turn its four fields into one plan sentence?"""
    model = make_model(
        specs["timing-planner"],
        {"fields": {"when": "on Saturday morning", "where": "on a walk", "opening": "I miss us.", "avoid": "old fights"}},
    )
    assert model.composed() == (
        "I will bring it up on Saturday morning, on a walk. I will start by saying: “I miss us”. "
        "I will steer clear of old fights."
    )
