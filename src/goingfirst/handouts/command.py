"""``goingfirst handouts``: the course (or the notebooks named) as handouts, plus index.html."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import nbformat
from nbformat import NotebookNode
from tqdm import tqdm
from traitlets.config import Config

from goingfirst.crisis import UnknownRegion, load_contacts
from goingfirst.handouts import HandoutError
from goingfirst.handouts.contents import contents_notebook
from goingfirst.handouts.exporter import HandoutExporter
from goingfirst.journal import Journal
from goingfirst.manifest import Course, load_course
from goingfirst.paths import course_root

FAILED = 1
USAGE_ERROR = 2
INDEX = "index.html"


@dataclass(frozen=True)
class Job:
    """One notebook to export, and where its handout goes."""

    source: Path
    target: Path
    shown: str


def make_exporter(region: str | None = None, with_answers: bool = False, org: str | None = None) -> HandoutExporter:
    """One exporter for a whole run: it is reused for every notebook."""
    config = Config()
    config.HandoutPreprocessor.region = region or ""
    config.WorksheetPreprocessor.with_answers = with_answers
    config.EndMatterPreprocessor.org = org or ""
    return HandoutExporter(config=config)


def read_notebook(path: Path) -> NotebookNode:
    """The notebook at ``path``, or a ``HandoutError`` that says plainly what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise HandoutError("there is no such file.") from None
    except UnicodeDecodeError:
        raise HandoutError("it is not text, so it cannot be a notebook.") from None
    except OSError as error:
        raise HandoutError(f"it could not be read ({error.strerror}).") from None
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        # Cells are written in order, so the cells begun before the error say where it is.
        cell = text[: error.pos].count('"cell_type"')
        where = f", in cell {cell}" if cell else ""
        raise HandoutError(
            f"it is not readable notebook JSON ({error.msg} at line {error.lineno}, "
            f"column {error.colno}{where}). Was it saved completely?"
        ) from None
    try:
        return nbformat.reads(text, as_version=4)
    except Exception as error:  # noqa: BLE001 - nbformat raises many kinds for a bad file
        raise HandoutError(f"it is not a Jupyter notebook ({error}).") from None


def export_notebook(exporter: HandoutExporter, notebook: NotebookNode, folder: Path, name: str) -> str:
    resources = {"metadata": {"name": name, "path": str(folder)}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return body


def write_handout(target: Path, body: str, private: bool) -> None:
    """Write one handout; with answers in it, readable only by the learner."""
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = 0o600 if private else 0o644
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(body)
    if private:
        os.chmod(target, mode)


def writable_problem(out: Path) -> str | None:
    """Why handouts cannot be written to ``out``, or None if they can."""
    if out.exists() and not out.is_dir():
        return f"{out} is a file, not a folder."
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as error:
        return f"handouts cannot be written to {out} ({error.strerror or error})."
    return None


def _target(path: Path, root: Path, course: Course, out: Path) -> Path:
    """Course notebooks keep their folder (lessons/, exercises/), so links between them work."""
    listed = {notebook for _, notebook in course.notebooks()}
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        relative = ""
    if relative in listed:
        return out / Path(relative).with_suffix(".html")
    return out / (path.stem + ".html")


def plan(named: Iterable[str], course: Course, root: Path, out: Path) -> tuple[list[Job], list[str]]:
    """The jobs to run, and notes on course notebooks skipped because they are not written yet."""
    named = list(named)
    if named:
        paths = [Path(name) for name in named]
        return [Job(path, _target(path, root, course, out), str(path)) for path in paths], []
    jobs, skipped = [], []
    for _, notebook in course.notebooks():
        path = root / notebook
        if path.is_file():
            jobs.append(Job(path, _target(path, root, course, out), notebook))
        else:
            skipped.append(f"Skipped {notebook}: it is not written yet.")
    return jobs, skipped


def _say(message: str) -> None:
    tqdm.write(message, file=sys.stderr)


def _answers_note() -> str | None:
    journal = Journal()
    try:
        if journal.problem:
            return journal.problem
        if not journal.answered():
            return f"No saved answers were found in {journal.home}, so the worksheets are blank."
        return None
    finally:
        journal.close()


def run(options) -> int:
    """Export handouts as ``options`` asks (see ``goingfirst handouts --help``); returns the exit status."""
    try:
        root = course_root()
        course = load_course(root)
        load_contacts().region(options.region)
    except UnknownRegion as error:
        print(f"goingfirst handouts: {error}", file=sys.stderr)
        return USAGE_ERROR
    except (OSError, KeyError, ValueError) as error:
        print(f"goingfirst handouts: the course could not be read ({error}).", file=sys.stderr)
        return USAGE_ERROR
    out = Path(options.out)
    problem = writable_problem(out)
    if problem:
        print(f"goingfirst handouts: {problem}", file=sys.stderr)
        return USAGE_ERROR
    if options.with_answers:
        note = _answers_note()
        if note:
            print(note, file=sys.stderr)

    exporter = make_exporter(options.region, options.with_answers, options.org)
    jobs, skipped = plan(options.notebooks, course, root, out)
    for message in skipped:
        print(message, file=sys.stderr)
    failed = 0
    written = 0
    for job in tqdm(jobs, desc="Making handouts", unit="handout", file=sys.stderr):
        try:
            notebook = read_notebook(job.source)
            body = export_notebook(exporter, notebook, job.source.parent, job.source.stem)
            write_handout(job.target, body, private=options.with_answers)
        except HandoutError as error:
            failed += 1
            _say(f"Could not make a handout of {job.shown}: {error}")
        except OSError as error:
            failed += 1
            _say(f"Could not write the handout of {job.shown} to {job.target}: {error.strerror or error}.")
        except Exception as error:  # noqa: BLE001 - one broken notebook must not stop the rest
            failed += 1
            _say(f"Could not make a handout of {job.shown}: {type(error).__name__}: {error}")
        else:
            written += 1

    try:
        index = export_notebook(exporter, contents_notebook(course), out, "index")
        write_handout(out / INDEX, index, private=False)
    except OSError as error:
        print(f"Could not write {out / INDEX}: {error.strerror or error}.", file=sys.stderr)
        return FAILED
    print(f"Wrote {written} handout{'s' if written != 1 else ''} and {INDEX} to {out}.")
    if options.with_answers:
        print("These handouts hold your answers: keep them somewhere private.")
    if failed:
        print(f"{failed} notebook{'s' if failed != 1 else ''} could not be exported (see above).", file=sys.stderr)
        return FAILED
    return 0
