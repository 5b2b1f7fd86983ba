"""Readiness rulers over time: a small line chart and a question about the latest change.

The chart must read well on a black-and-white printout, so the two lines
differ by dash pattern and marker shape as well as by shade, and a legend
names them in words.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from goingfirst.feedback import Answers
from goingfirst.models.base import ExerciseModel, Feedback, is_rating

# Chart geometry, in SVG user units.
WIDTH, HEIGHT = 480, 270
LEFT, RIGHT, TOP, BOTTOM = 48, 20, 44, 56
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
PAD = 36  # keeps the first and last points, and their date labels, off the edges
MAX_DATE_LABELS = 6

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
HIGH, LOW = 7, 4  # what counts as a high or a low rating in the notes below


@dataclass(frozen=True)
class Series:
    field: str
    name: str
    shade: str
    dash: str  # stroke-dasharray; "" for a solid line
    marker: str  # "circle" or "square"


SERIES = (
    Series("importance", "Importance", "#111111", "", "circle"),
    Series("confidence", "Confidence", "#555555", "7 4", "square"),
)

NO_ENTRIES = "Your chart will appear here after your first entry."
NO_RATINGS = "Your chart will appear once an entry has a number on either ruler."


def respond(model: ExerciseModel, answers: Answers) -> list[Feedback]:
    entries = sorted(model.value.get("entries", []), key=lambda entry: entry["date"])
    if not entries:
        return [Feedback("info", "Your readiness chart", NO_ENTRIES)]
    rated = [entry for entry in entries if any(_rating(entry, s.field) is not None for s in SERIES)]
    if not rated:
        return [Feedback("info", "Your readiness chart", NO_RATINGS)]
    chart = Feedback("info", "Your readiness chart", _summary(rated), svg=chart_svg(rated))
    return [chart, _latest_change(rated)]


def _rating(entry: dict, field: str) -> int | None:
    value = entry.get("fields", {}).get(field)
    return value if is_rating(value) else None


def _short_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    # Fixed month names: strftime would follow the computer's locale.
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _summary(entries: list[dict]) -> str:
    """The chart's content in words, for screen readers and for anyone who prefers text."""
    parts = []
    for series in SERIES:
        values = [_rating(entry, series.field) for entry in entries]
        values = [value for value in values if value is not None]
        if len(values) == 1:
            parts.append(f"{series.name} is {values[0]} out of 10.")
        elif values:
            parts.append(f"{series.name} went from {values[0]} to {values[-1]} out of 10.")
    first, last = _short_date(entries[0]["date"]), _short_date(entries[-1]["date"])
    when = f"1 entry, on {first}." if len(entries) == 1 else f"{len(entries)} entries, from {first} to {last}."
    return " ".join([when, *parts])


def _x(index: int, count: int) -> float:
    if count == 1:
        return LEFT + PLOT_W / 2
    return LEFT + PAD + (PLOT_W - 2 * PAD) * index / (count - 1)


def _y(value: int) -> float:
    return TOP + PLOT_H * (10 - value) / 10


def _marker(kind: str, x: float, y: float, shade: str) -> str:
    # Filled white so a marker stays visible where the two lines cross.
    if kind == "square":
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="#ffffff" stroke="{shade}" stroke-width="2"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{shade}" stroke="{shade}" stroke-width="2"/>'


def _line(series: Series, points: list[tuple[float, float]]) -> str:
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dash = f' stroke-dasharray="{series.dash}"' if series.dash else ""
    return f'<polyline points="{path}" fill="none" stroke="{series.shade}" stroke-width="2.5"{dash}/>'


def _axes(entries: list[dict]) -> list[str]:
    parts = []
    for value in range(0, 11, 2):
        y = _y(value)
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#dddddd" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12">{value}</text>')
    bottom = TOP + PLOT_H
    parts.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" stroke="#333333" stroke-width="1"/>')
    parts.append(f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="#333333" stroke-width="1"/>')
    count = len(entries)
    # Label every entry when there are few; otherwise the first and the last.
    labelled = range(count) if count <= MAX_DATE_LABELS else (0, count - 1)
    for index in labelled:
        label = escape(_short_date(entries[index]["date"]))
        parts.append(
            f'<text x="{_x(index, count):.1f}" y="{bottom + 18}" text-anchor="middle" font-size="11">{label}</text>'
        )
    parts.append(
        f'<text x="{LEFT + PLOT_W / 2:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="12">Your entries, by date</text>'
    )
    parts.append(
        f'<text x="14" y="{TOP + PLOT_H / 2:.1f}" text-anchor="middle" font-size="12" '
        f'transform="rotate(-90 14 {TOP + PLOT_H / 2:.1f})">Rating, 0 to 10</text>'
    )
    return parts


def _legend() -> list[str]:
    parts = []
    for position, series in enumerate(SERIES):
        x = LEFT + position * 150
        dash = f' stroke-dasharray="{series.dash}"' if series.dash else ""
        parts.append(f'<line x1="{x}" y1="18" x2="{x + 36}" y2="18" stroke="{series.shade}" stroke-width="2.5"{dash}/>')
        parts.append(_marker(series.marker, x + 18, 18, series.shade))
        parts.append(f'<text x="{x + 44}" y="22" font-size="13">{escape(series.name)}</text>')
    return parts


def chart_svg(entries: list[dict]) -> str:
    """A line chart of both rulers, one point per entry in date order.

    With one entry the chart shows points only; a line needs two points.
    """
    count = len(entries)
    body = _axes(entries)
    for series in SERIES:
        points = [
            (_x(index, count), _y(value))
            for index, entry in enumerate(entries)
            if (value := _rating(entry, series.field)) is not None
        ]
        if len(points) >= 2:
            body.append(_line(series, points))
        body.extend(_marker(series.marker, x, y, series.shade) for x, y in points)
    body.extend(_legend())
    # Ids must differ between charts on one page; the data gives a stable one.
    key = f"readiness-{zlib.crc32(repr(entries).encode()):08x}"
    title = "Readiness rulers over time"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" '
        f'aria-labelledby={quoteattr(key + "-title")} aria-describedby={quoteattr(key + "-desc")}>'
        f'<title id={quoteattr(key + "-title")}>{escape(title)}</title>'
        f'<desc id={quoteattr(key + "-desc")}>{escape(_summary(entries))} Importance is a solid line with round '
        f'markers; confidence is a dashed line with square markers.</desc>'
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>'
        f'<g fill="#111111">{"".join(body)}</g></svg>'
    )


def _latest_change(entries: list[dict]) -> Feedback:
    """Notice the latest numbers and how they moved, then ask one question in the spirit of MI."""
    latest = entries[-1]
    importance, confidence = (_rating(latest, s.field) for s in SERIES)
    points = []
    for series, value in zip(SERIES, (importance, confidence)):
        if value is None:
            continue
        earlier = [v for entry in entries[:-1] if (v := _rating(entry, series.field)) is not None]
        was = f" (last time {earlier[-1]})" if earlier else ""
        points.append(f"{series.name}: {value} out of 10{was}")
    return Feedback("info", "What your latest entry shows", _question(entries, importance, confidence), tuple(points))


def _question(entries: list[dict], importance: int | None, confidence: int | None) -> str:
    previous = [_rating(entry, "confidence") for entry in entries[:-1]]
    previous = [value for value in previous if value is not None]
    if confidence is not None and previous and confidence < previous[-1]:
        return (
            f"Your confidence went down from {previous[-1]} to {confidence}. Setbacks are a normal part of "
            "change, not a sign that you failed. What got in the way, and what helped you before?"
        )
    if importance is not None and confidence is not None:
        if importance >= HIGH and confidence <= LOW:
            return (
                "This change matters a lot to you, and you feel less sure you can make it. That gap is common. "
                "What would raise your confidence by one point?"
            )
        if importance >= HIGH and confidence >= HIGH:
            return "Both numbers are high. What is the smallest next step you could take this week?"
    if importance is not None and importance <= LOW:
        lower = f" Why is it a {importance} and not a 0?" if importance > 0 else ""
        return (
            "A change does not feel very important to you right now, and that is allowed. Your reasons may be "
            f"wise ones.{lower} Is something else more important to you at the moment?"
        )
    if confidence is not None:
        lower = f"Why is your confidence a {confidence} and not a {max(confidence - 3, 0)}? " if confidence > 0 else ""
        return f"{lower}What would raise it by one point?"
    return f"Why is it a {importance} and not lower? What would make it one point higher?"
