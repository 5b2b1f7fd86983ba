"""The goingfirst command: help everywhere, private server settings, journal tools."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from goingfirst.cli import main
from goingfirst.journal import Journal
from goingfirst.lab import server_arguments


@pytest.mark.parametrize("argv", [["--help"], ["lab", "--help"], ["journal", "--help"], ["journal", "erase", "--help"]])
def test_does_every_command_have_help(argv, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    assert "usage: goingfirst" in capsys.readouterr().out


def test_does_the_module_run_as_python_dash_m() -> None:
    done = subprocess.run([sys.executable, "-m", "goingfirst", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "journal" in done.stdout


def test_does_lab_listen_on_loopback_with_nothing_phoned_home() -> None:
    arguments = server_arguments("lab", browser=False)
    assert "--ServerApp.ip=127.0.0.1" in arguments
    assert "--LabApp.news_url=None" in arguments
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in arguments
    assert any(a.endswith("/lab/tree/lessons/00-start-here.ipynb") for a in arguments)
    assert not any("token=" in a.lower() for a in arguments), "token auth stays on"
    settings_dir = next(a.split("=", 1)[1] for a in arguments if a.startswith("--LabApp.app_settings_dir="))
    overrides = json.loads((Path(settings_dir) / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}


def test_do_show_export_and_erase_work_on_the_learners_answers(private_home: Path, tmp_path: Path, capsys) -> None:
    journal = Journal(private_home)
    journal.save("start-why-here", "We keep arguing about therapy.")
    journal.close()
    assert main(["journal", "show"]) == 0
    assert "We keep arguing about therapy." in capsys.readouterr().out
    out = tmp_path / "copy.json"
    assert main(["journal", "export", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["start-why-here"]["value"] == "We keep arguing about therapy."
    assert (out.stat().st_mode & 0o777) == 0o600
    assert main(["journal", "erase", "--yes"]) == 0
    assert "Erased 1 saved answer" in capsys.readouterr().out
    assert Journal(private_home).answered() == set()


def test_does_erase_refuse_to_run_unconfirmed_without_a_terminal(private_home: Path, monkeypatch, capsys) -> None:
    Journal(private_home).save("q", "keep me")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["journal", "erase"]) == 1
    assert Journal(private_home).load("q") == "keep me"


def test_can_a_locked_journal_be_erased_without_its_passphrase(private_home: Path, capsys) -> None:
    journal = Journal(private_home)
    journal.save("q", "secret words")
    assert journal.set_passphrase("a long passphrase here").saved
    journal.close()
    assert main(["journal", "erase", "--yes"]) == 0
    after = Journal(private_home)
    assert after.answered() == set() and not after.encrypted


def test_does_show_explain_a_locked_journal_without_a_terminal(private_home: Path, monkeypatch, capsys) -> None:
    journal = Journal(private_home)
    journal.save("q", "secret words")
    journal.set_passphrase("a long passphrase here")
    journal.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["journal", "show"]) == 1
    captured = capsys.readouterr()
    assert "locked with a passphrase" in captured.err and "secret words" not in captured.out
