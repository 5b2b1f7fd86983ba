"""Draw a builder's four steps as a loop, and say where the learner can change it.

Used by the ``pattern-mapper`` exercise. The same drawing, with every box
blank, serves as a printed worksheet.
"""

from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape

from goingfirst.feedback import Answers
from goingfirst.models.base import ExerciseModel, Feedback

BLANK = "______"
STEPS = 4
# Box text is cut to fit; the full words stay in the learner's own answer.
WRAP = 24
LABEL_WRAP = 30
MAX_LINES = 4
DESC_CHARS = 72

# Top, right, bottom, left: reading clockwise like the loop itself.
_BOXES = ((180, 10), (350, 155), (180, 300), (10, 155))
_BOX_W, _BOX_H = 200, 110
# Each arrow runs from the box before it to the box after it, along the loop.
_ARROWS = (
    "M 384 70 Q 450 80 452 149",
    "M 452 271 Q 450 345 386 352",
    "M 174 352 Q 110 345 108 271",
    "M 108 149 Q 110 80 176 70",
)


def _lines(text: str, width: int, most: int) -> list[str]:
    words = " ".join(text.split())
    if not words:
        return [BLANK]
    lines = textwrap.wrap(words, width)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _short(text: str) -> str:
    words = " ".join(text.split())
    if not words:
        return "blank"
    return words if len(words) <= DESC_CHARS else words[: DESC_CHARS - 1].rstrip() + "…"


def _box(number: int, x: int, y: int, label: str, text: str) -> str:
    rows = [
        f'<rect x="{x}" y="{y}" width="{_BOX_W}" height="{_BOX_H}" rx="10" '
        'fill="#ffffff" stroke="#000000" stroke-width="2"/>'
    ]
    heading = _lines(f"{number}. {label}", LABEL_WRAP, 2)
    for row, line in enumerate(heading):
        rows.append(
            f'<text x="{x + 10}" y="{y + 18 + row * 15}" font-size="12" '
            f'font-weight="bold">{escape(line)}</text>'
        )
    top = y + 18 + len(heading) * 15 + 6
    # Two heading lines leave room for one fewer line of the learner's words.
    body = _lines(text, WRAP, MAX_LINES + 1 - len(heading))
    for row, line in enumerate(body):
        rows.append(f'<text x="{x + 10}" y="{top + row * 18}">{escape(line)}</text>')
    if not text.strip():
        # Writing lines, so a printed copy has room for a pen.
        for row in range(1, MAX_LINES + 1 - len(heading)):
            line_y = top + row * 18
            rows.append(
                f'<line x1="{x + 10}" y1="{line_y}" x2="{x + _BOX_W - 10}" y2="{line_y}" '
                'stroke="#555555" stroke-width="1" stroke-dasharray="3 3"/>'
            )
    return "\n".join(rows)


def cycle_svg(steps: list[tuple[str, str]]) -> str:
    """Four (label, text) steps as labelled boxes round a loop of arrows.

    Empty text is drawn as a blank line to write on. Every string is escaped.
    """
    if len(steps) != STEPS:
        raise ValueError(f"A pattern loop needs exactly {STEPS} steps, not {len(steps)}.")
    desc = " Then ".join(
        f"step {number}, {label}: {_short(text)}." for number, (label, text) in enumerate(steps, 1)
    )
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 560 420" '
        'width="100%" style="max-width:560px;height:auto" font-family="sans-serif">',
        "<title>Your pattern as a loop</title>",
        f"<desc>A loop of four steps, each leading to the next and back to the first. "
        f"Start at {escape(desc)} Then back to step 1.</desc>",
        '<defs><marker id="gf-pattern-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#000000"/></marker></defs>',
    ]
    parts += [
        f'<path d="{arrow}" fill="none" stroke="#000000" stroke-width="2" '
        'marker-end="url(#gf-pattern-arrow)"/>'
        for arrow in _ARROWS
    ]
    parts.append('<text x="280" y="215" font-size="13" text-anchor="middle">and round</text>')
    parts.append('<text x="280" y="233" font-size="13" text-anchor="middle">it goes</text>')
    # Shared text size on a group keeps the drawing small however long the answers are.
    parts.append('<g font-size="13">')
    parts += [
        _box(number, x, y, label, text)
        for number, ((x, y), (label, text)) in enumerate(zip(_BOXES, steps), 1)
    ]
    parts.append("</g>\n</svg>")
    return "\n".join(parts)


def _steps(model: ExerciseModel) -> list[tuple[str, str]]:
    items = [item for item in model.spec.items if item.type == "text"]
    return [(item.label, model.field(item.id)) for item in items]


def _where_to_change(steps: list[tuple[str, str]]) -> Feedback:
    feel, next_move = steps[2][1].strip(), steps[3][1].strip()
    points = []
    if feel:
        points.append(f"When you notice you feel {feel.rstrip('.')}, pause for one slow breath before you act.")
    else:
        points.append("Notice the feeling in step 3. It is the signal that the loop is about to turn.")
    if next_move:
        points.append(
            f"Instead of \"{next_move.rstrip('.')}\", try one small different move once this week."
        )
    points.append(
        "Small different moves: name your feeling gently, take a 20-minute break and say when "
        "you will come back, or say one kind thing and let the topic rest."
    )
    return Feedback(
        "info",
        "Where you can change the loop",
        "You cannot choose your partner's step, but you can choose yours. Step 4 is often the "
        "easiest place to start, because it is yours and it comes right after the feeling. "
        "Changing your step does not mean the pattern is your fault. It means you have found "
        "the part you can move.",
        tuple(points),
    )


def respond(model: ExerciseModel, answers: Answers) -> list[Feedback]:
    """The loop drawn from the learner's words, and where they can change it."""
    steps = _steps(model)
    drawing = Feedback(
        "info",
        "Your pattern as a loop",
        "Each step leads to the next, and the last leads back to the first. "
        "Seen this way, the problem is the loop, not either of you.",
        svg=cycle_svg(steps),
    )
    return [drawing, _where_to_change(steps)]
