"""Is any text a learner can type stored and read back exactly, or refused plainly?"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goingfirst import journal as journal_module
from goingfirst.exercise_session import ExerciseSession
from goingfirst.journal import Journal
from goingfirst.widgets import make_view
from tests.helpers import make_spec

CATEGORIES = (
    "Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Pc Pd Ps Pe Pi Pf Po Sm Sc Sk So Zs Zl Zp Cc Cf Co Cn Cs"
).split()
# Fixed examples, so each run tries the same inputs.
SETTINGS = settings(database=None, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANY_CHARACTER = st.characters(categories=CATEGORIES)


def one_of_each_category() -> dict[str, str]:
    """The first code point of every Unicode general category, surrogates included."""
    found: dict[str, str] = {}
    for point in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(point))
        found.setdefault(category, chr(point))
        if len(found) == len(CATEGORIES):
            break
    assert set(found) == set(CATEGORIES)
    return found


NAMED = {
    "emoji": "😀👩🏽‍🤝‍👩🏻 🏳️‍🌈",
    "right-to-left": "שלום עליכם مرحبا بك \u202eevil\u202c",
    "combining": "e\u0301 a\u0308 Z̵̡̢͖̈́͊a̶͕̓l̷͇̈g̸̱̾o̴̞͋",
    "nul and controls": "NUL \x00 bell \x07 escape \x1b[31m DEL \x7f C1 \x85\x9b",
    "lone surrogates": "high \ud800 low \udfff reversed \udc00\ud800",
    "noncharacters": "\ufffe\uffff\U0010ffff",
    "one megabyte": "All of this is mine. " * 50_000,
}


def _samples() -> dict[str, str]:
    samples = {f"category {name}": char for name, char in one_of_each_category().items()}
    samples["every category at once"] = "".join(one_of_each_category().values())
    samples.update(NAMED)
    return samples


def test_is_every_category_stored_and_read_back_exactly(private_home: Path, figures) -> None:
    samples = _samples()
    first = Journal(private_home)
    for number, value in enumerate(samples.values()):
        assert first.save(f"q{number}", value).saved
        assert first.save(f"nested{number}", {"fields": {value: [value, {"x": value}]}}).saved
    first.close()
    again = Journal(private_home)
    for number, value in enumerate(samples.values()):
        assert again.load(f"q{number}") == value
        assert again.load(f"nested{number}") == {"fields": {value: [value, {"x": value}]}}
    again.close()
    figures(f"hostile input (journal): {len(samples)} fixed inputs ({len(CATEGORIES)} categories, emoji, RTL, combining, NUL, surrogates, 1 MB), each as text and nested; all read back exactly")


def test_does_typing_any_text_into_an_exercise_save_it_exactly(private_home: Path, figures) -> None:
    samples = _samples()
    reflection, builder = make_spec("reflection"), make_spec("builder", template="I will {what}.", items=[{"id": "what", "label": "What"}])
    for value in samples.values():
        view = make_view(ExerciseSession(reflection, Journal(private_home)))
        view.area.value = value
        assert "Saved on this computer" in view.status.value
        form = make_view(ExerciseSession(builder, view.session.journal))
        form.inputs["what"].value = value
        assert "Saved on this computer" in form.status.value
        view.session.journal.close()
        assert make_view(ExerciseSession(reflection, Journal(private_home))).area.value == value
        assert make_view(ExerciseSession(builder, Journal(private_home))).inputs["what"].value == value
    figures(f"hostile input (widgets): {len(samples)} inputs typed into a reflection and a builder field; all saved and shown again exactly")


@pytest.mark.parametrize(
    "value, words",
    [
        (b"bytes", "not text"),
        ({1, 2}, "not text"),
        (object(), "not text"),
        (10**5000, "not text"),
        (pytest.param("nested", "nested too deeply", id="deep")),
    ],
    ids=["bytes", "set", "object", "huge-int", "deep"],
)
def test_is_a_value_that_cannot_be_stored_refused_plainly(journal: Journal, value, words) -> None:
    if value == "nested":
        value = []
        for _ in range(100_000):
            value = [value]
    result = journal.save("q", value)
    assert not result.saved and words in result.message and "Traceback" not in result.message
    assert journal.load("q") is value, "kept in memory for now"


def test_is_an_over_long_answer_refused_in_the_exercise_and_kept(journal: Journal) -> None:
    view = make_view(ExerciseSession(make_spec("reflection"), journal))
    huge = "y" * (journal_module.MAX_ANSWER_CHARS + 1)
    view.area.value = huge
    assert "too long to save" in view.status.value and "Traceback" not in view.status.value
    assert view.session.model.value == huge


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=ANY_CHARACTER, max_size=60)
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(alphabet=ANY_CHARACTER, max_size=12), inner, max_size=5),
    max_leaves=25,
)


def _round_trips(writer: Journal, reader: Journal, examples: int) -> int:
    """Save generated values with one connection and read them back with another."""
    tried = []

    @settings(SETTINGS, max_examples=examples)
    @given(value=JSON_VALUES)
    def round_trip(value) -> None:
        exercise_id = f"q{len(tried)}"
        tried.append(exercise_id)
        assert writer.save(exercise_id, value).saved
        assert reader.load(exercise_id) == value

    round_trip()
    writer.close()
    reader.close()
    return len(tried)


def test_property_does_any_json_value_round_trip(private_home: Path, figures) -> None:
    count = _round_trips(Journal(private_home), Journal(private_home), 1000)
    figures(f"property (journal round trip): {count} generated JSON-like values (all 30 categories incl. surrogates, nested) read back exactly by a second connection")


def test_property_does_any_value_round_trip_encrypted(private_home: Path, figures) -> None:
    passphrase = "a long enough passphrase"
    count = _round_trips(Journal(private_home, passphrase=passphrase), Journal(private_home, passphrase=passphrase), 300)
    figures(f"property (encrypted journal round trip): {count} generated values read back exactly")


def test_property_does_any_typed_text_come_back_in_the_exercise(private_home: Path, figures) -> None:
    spec = make_spec("reflection")
    journal = Journal(private_home)
    tried = []

    @settings(SETTINGS, max_examples=200)
    @given(text=st.text(alphabet=ANY_CHARACTER, max_size=200))
    def typed(text: str) -> None:
        tried.append(text)
        view = make_view(ExerciseSession(spec, journal))
        view.area.value = text
        assert "Traceback" not in view.status.value
        reader = Journal(private_home)
        assert make_view(ExerciseSession(spec, reader)).area.value == text
        reader.close()

    typed()
    journal.close()
    figures(f"property (widget round trip): {len(tried)} generated texts typed and shown again exactly after reopening")
