"""The invitation coach: plain rules that read a draft invitation to therapy.

The rules live as data in ``feedback/data/invitation_rules.toml``. This module
loads them, checks them, and matches them against a learner's draft, quoting
back the words that matched. It knows nothing about widgets or feedback tones:
``goingfirst.feedback.invitation_coach`` turns its findings into feedback.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_PATH = Path(__file__).parent / "feedback" / "data" / "invitation_rules.toml"
KINDS = ("soften", "working")
LONG_AFTER = 3000
"""Characters after which a draft counts as long (about 500 words)."""
MAX_QUOTES = 3
QUOTE_LENGTH = 80

# Curly apostrophes become straight ones, so one pattern covers both ways of typing.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# Words that are common in English drafts but rare in other languages written
# with the same letters. Short words shared with other languages ("a", "me",
# "no", "in", "we", "die") are left out on purpose, so that Spanish or Dutch
# is not mistaken for English.
_ENGLISH = frozenset(
    """
    i i'm i've i'd i'll you you're you've your yours the and to of that it it's
    with for this would could should will can can't don't doesn't won't not
    be been being are was were have has had do does did what how why when
    where who there their they them they're our ours us my mine myself just
    really about feel feeling felt like want wanted think know going get
    from if or but at on one all some more much very because something
    anything nothing lately time talk talking listen help together therapy
    therapist counselling counseling counselor counsellor session sessions
    couple couples relationship marriage partner love miss sorry please
    thanks thank hello hi okay ok yes yeah maybe try trying ask asking hope
    wish worried scared lonely sad happy hurt need again still ever never
    always every other each both would've need needs
    """.split()
)
ENGLISH_SHARE = 0.2
"""Share of words that must be common English words for a draft to be read."""


class RuleError(ValueError):
    """A rule in the rules file that does not follow its schema."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    title: str
    explanation: str
    rewrite: str
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[str, ...] = ()

    def quotes(self, text: str) -> tuple[str, ...]:
        """The learner's words this rule matches, first ones first, no repeats."""
        found: list[tuple[int, str]] = []
        seen: set[str] = set()
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                quote = _tidy(match.group(0))
                if quote and quote.lower() not in seen:
                    seen.add(quote.lower())
                    found.append((match.start(), quote))
        found.sort()
        return tuple(quote for _, quote in found[:MAX_QUOTES])


@dataclass(frozen=True)
class Finding:
    """One rule that matched, with the learner's own words quoted back."""

    rule: str
    kind: str
    title: str
    explanation: str
    rewrite: str
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Ruleset:
    rules: tuple[Rule, ...]
    safety: tuple[re.Pattern[str], ...]
    safety_title: str
    safety_text: str


def _compile(raw: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(raw, re.IGNORECASE)
    except re.error as error:
        raise RuleError(f"{where}: the pattern {raw!r} is not a valid regular expression ({error})") from error


def parse_rules(data: dict) -> Ruleset:
    """Build a Ruleset from the rules file's data, checking every rule."""
    rules = []
    for raw in data.get("rule", []):
        name = raw.get("id") or "<no id>"
        for needed in ("id", "kind", "title", "explanation", "patterns"):
            if not raw.get(needed):
                raise RuleError(f"Rule {name}: '{needed}' is required")
        if raw["kind"] not in KINDS:
            raise RuleError(f"Rule {name}: kind must be one of {KINDS}")
        if raw["kind"] == "soften" and not raw.get("rewrite"):
            raise RuleError(f"Rule {name}: a 'soften' rule needs a rewrite")
        patterns = tuple(_compile(pattern, f"Rule {name}") for pattern in raw["patterns"])
        rules.append(
            Rule(name, raw["kind"], raw["title"], raw["explanation"], raw.get("rewrite", ""),
                 patterns, tuple(raw.get("unless", ())))
        )
    ids = [rule.id for rule in rules]
    if len(set(ids)) != len(ids):
        raise RuleError("Rule ids must be unique")
    for rule in rules:
        unknown = set(rule.unless) - set(ids)
        if unknown:
            raise RuleError(f"Rule {rule.id}: 'unless' names unknown rules {sorted(unknown)}")
    safety = data.get("safety", {})
    return Ruleset(
        tuple(rules),
        tuple(_compile(pattern, "Safety") for pattern in safety.get("patterns", ())),
        safety.get("title", ""),
        safety.get("text", ""),
    )


def load_rules(path: Path | None = None) -> Ruleset:
    return _load(path or RULES_PATH)


@lru_cache(maxsize=4)
def _load(path: Path) -> Ruleset:
    with path.open("rb") as handle:
        return parse_rules(tomllib.load(handle))


def prepare(text: str) -> str:
    """The draft as the rules read it: invisible format marks out, apostrophes straight.

    Direction marks (common around right-to-left text) and zero-width
    characters would otherwise split words and end up inside quotes.
    """
    visible = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return visible.translate(_STRAIGHTEN)


def is_english(text: str) -> bool:
    """Whether the draft has enough English words for the rules to mean anything."""
    words = _WORD.findall(prepare(text))
    if not words:
        return False
    letters = sum(len(word) for word in words)
    latin = sum(1 for word in words for char in word if char.isascii())
    if latin < letters * 0.6:
        return False
    known = sum(1 for word in words if word.lower() in _ENGLISH)
    return known > 0 and known >= len(words) * ENGLISH_SHARE


def is_long(text: str) -> bool:
    return len(text.strip()) > LONG_AFTER


def find(text: str, rules: Ruleset | None = None) -> list[Finding]:
    """Every rule that matches the draft: things to soften first, then what works."""
    ruleset = rules or load_rules()
    clean = prepare(text)
    quoted = {rule.id: rule.quotes(clean) for rule in ruleset.rules}
    matched = {rule_id for rule_id, quotes in quoted.items() if quotes}
    findings = [
        Finding(rule.id, rule.kind, rule.title, rule.explanation, rule.rewrite, quoted[rule.id])
        for rule in ruleset.rules
        if rule.id in matched and not matched.intersection(rule.unless)
    ]
    return sorted(findings, key=lambda finding: KINDS.index(finding.kind))


def needs_safety(text: str, rules: Ruleset | None = None) -> bool:
    """Whether the draft has words that may point to danger or thoughts of harm."""
    clean = prepare(text)
    return any(pattern.search(clean) for pattern in (rules or load_rules()).safety)


def _tidy(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= QUOTE_LENGTH else quote[: QUOTE_LENGTH - 1].rstrip() + "…"
