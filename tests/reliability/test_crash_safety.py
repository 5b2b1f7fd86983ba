"""Does an acknowledged save survive the saving process being killed at any moment?"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from goingfirst.journal import Journal
from goingfirst.store_files import MOVED_ASIDE_MARK

KILLS = 200
SEED = 20240601
SHARED = "shared-answer"


def _operations(round_number: int):
    """The child's saves, in order: (exercise id, value). The parent replays it to check."""
    number = 0
    while True:
        exercise_id = f"r{round_number}-{number}"
        # Sizes vary so some answers spill onto overflow pages and force checkpoints.
        body = "ü✓ " * ((number * 37 + round_number) % 700)
        yield exercise_id, f"{exercise_id} {body}"
        if number % 3 == 0:
            yield SHARED, f"{SHARED} {round_number}-{number}"
        number += 1


def _child(home: Path, round_number: int, ack_fd: int) -> None:
    """Save forever; write an acknowledgement only after save() returns saved=True."""
    code = 0
    try:
        journal = Journal(home)
        for index, (exercise_id, value) in enumerate(_operations(round_number)):
            result = journal.save(exercise_id, value)
            if not result.saved:
                os.write(ack_fd, f"FAIL {index} {result.message}\n".encode())
                code = 3
                break
            os.write(ack_fd, f"{index}\n".encode())
    except BaseException:  # noqa: BLE001
        code = 4
    finally:
        os._exit(code)


def _acknowledged(read_fd: int) -> list[str]:
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    return b"".join(chunks).decode().splitlines()


@pytest.mark.slow
def test_does_every_acknowledged_save_survive_sigkill(private_home: Path, figures) -> None:
    rng = random.Random(SEED)
    Journal(private_home).close()
    expected: dict[str, str] = {}
    shared_last: str | None = None
    acknowledged_total = mid_save_kills = 0
    for round_number in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(private_home, round_number, write_fd)
        os.close(write_fd)
        # Random points: during opening, mid-save, mid-checkpoint; a few long runs.
        time.sleep(rng.choice([rng.uniform(0, 0.004), rng.uniform(0, 0.06), rng.uniform(0.05, 0.25)]))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        lines = _acknowledged(read_fd)
        assert not any(line.startswith("FAIL") for line in lines), lines[-1:]
        assert os.WIFSIGNALED(status), f"the child ended on its own (status {status})"
        operations = _operations(round_number)
        done = [next(operations) for _ in range(len(lines))]
        in_flight = next(operations)
        for exercise_id, value in done:
            expected[exercise_id] = value
            if exercise_id == SHARED:
                shared_last = value
        acknowledged_total += len(done)

        journal = Journal(private_home)
        try:
            assert journal.saving, journal.problem
            assert journal.notices == [], "a killed save must never make the journal look damaged"
            for exercise_id, value in done:
                if exercise_id != SHARED:
                    assert journal.load(exercise_id) == value, exercise_id
            # The save in flight may or may not have landed; nothing else may appear.
            shared_now = journal.load(SHARED)
            allowed_shared = {shared_last} | ({in_flight[1]} if in_flight[0] == SHARED else set())
            assert shared_now in allowed_shared, (shared_now, allowed_shared)
            if in_flight[0] == SHARED and shared_now == in_flight[1]:
                shared_last = shared_now
            extra = journal.load(in_flight[0]) if in_flight[0] != SHARED else None
            if extra is not None:
                assert extra == in_flight[1]
                expected[in_flight[0]] = extra
                mid_save_kills += 1
            round_ids = {i for i in journal.answered() if i.startswith(f"r{round_number}-")}
            assert round_ids <= {i for i, _ in done} | {in_flight[0]}
        finally:
            journal.close()
    final = Journal(private_home)
    try:
        lost = [i for i, value in expected.items() if i != SHARED and final.load(i) != value]
        assert lost == []
        assert final.load(SHARED) == shared_last
        stored = len(final.answered())
    finally:
        final.close()
    assert not any(MOVED_ASIDE_MARK in p.name for p in private_home.iterdir())
    figures(
        f"crash safety: {KILLS} SIGKILLs survived (seed {SEED}); {acknowledged_total} acknowledged saves "
        f"checked after each kill and again at the end ({stored} answers stored); "
        f"{mid_save_kills} unacknowledged in-flight saves had landed whole; 0 lost, 0 journals moved aside"
    )
