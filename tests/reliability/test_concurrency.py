"""Do two kernels saving to one journal at the same time lose anything, or see a lock error?"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from goingfirst.journal import Journal

SAVES_EACH = 1_000
SHARED = "shared-answer"
# Every tenth save goes to the one answer both kernels write.
SHARED_EVERY = 10

KERNEL = """
import sys, time
from pathlib import Path
from goingfirst.journal import Journal

home, writer, count, shared, every = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
journal = Journal(Path(home))
print("ready", flush=True)
sys.stdin.readline()
slowest = 0.0
for number in range(count):
    exercise_id = shared if number % every == 0 else f"{writer}-{number}"
    value = f"{writer}-{number} " + "words " * (number % 50)
    started = time.monotonic()
    try:
        result = journal.save(exercise_id, value)
    except BaseException as error:
        print("RAISED", repr(error), flush=True)
        raise
    slowest = max(slowest, time.monotonic() - started)
    print("OK" if result.saved else "FAIL", number, "" if result.saved else result.message, flush=True)
print("SLOWEST", slowest, flush=True)
"""


def _value(writer: str, number: int) -> str:
    return f"{writer}-{number} " + "words " * (number % 50)


@pytest.mark.slow
def test_do_two_kernels_saving_at_once_lose_nothing(private_home: Path, figures) -> None:
    Journal(private_home).close()
    writers = ("kernel1", "kernel2")
    kernels = [
        subprocess.Popen(
            [sys.executable, "-c", KERNEL, str(private_home), writer, str(SAVES_EACH), SHARED, str(SHARED_EVERY)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for writer in writers
    ]
    for kernel in kernels:
        assert kernel.stdout.readline().strip() == "ready"
    for kernel in kernels:  # start both together
        kernel.stdin.write("go\n")
        kernel.stdin.flush()
    outputs = []
    for kernel in kernels:
        out, err = kernel.communicate(timeout=200)
        assert kernel.returncode == 0, err[-2000:]
        outputs.append(out.splitlines())

    acknowledged: dict[str, str] = {}
    refused, slowest = [], 0.0
    for writer, lines in zip(writers, outputs):
        for line in lines:
            word, _, rest = line.partition(" ")
            if word == "OK":
                number = int(rest.split()[0])
                if number % SHARED_EVERY:
                    acknowledged[f"{writer}-{number}"] = _value(writer, number)
            elif word == "SLOWEST":
                slowest = max(slowest, float(rest))
            else:
                refused.append(line)
        assert sum(line.startswith("OK") for line in lines) == SAVES_EACH
    assert refused == [], refused[:5]

    journal = Journal(private_home)
    try:
        lost = [i for i, value in acknowledged.items() if journal.load(i) != value]
        last_values = {_value(w, max(n for n in range(SAVES_EACH) if n % SHARED_EVERY == 0)) for w in writers}
        shared = journal.load(SHARED)
        shared_versions = len(journal.history(SHARED))
        stored = len(journal.answered())
    finally:
        journal.close()
    assert lost == []
    assert shared in last_values
    assert stored == len(acknowledged) + 1
    figures(
        f"concurrency: 2 kernels x {SAVES_EACH} saves at once ({len(acknowledged)} distinct answers, "
        f"{2 * SAVES_EACH // SHARED_EVERY} saves to one shared answer); 0 refused, 0 raised, 0 lost; "
        f"shared answer holds a last value ({shared.split()[0]}), {shared_versions} versions kept; "
        f"slowest single save {slowest * 1000:.0f} ms"
    )
