"""The CLI end to end, as a user runs it: a real process, a real database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_") or k.startswith("MONITOR_TEST_")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "monitor", "-q", *args], capture_output=True, text=True,
                          env=full_env, input=stdin, timeout=300, cwd=ROOT)


@pytest.fixture(params=["sqlite", "postgresql"])
def cli_env(request: pytest.FixtureRequest, tmp_path: Path, pg_schema_url) -> dict[str, str]:  # type: ignore[no-untyped-def]
    env = {"MONITOR_HOME": str(tmp_path / "home")}
    if request.param == "postgresql":
        env["MONITOR_DATABASE_URL"] = pg_schema_url()
        upgrade = run("db", "upgrade", env=env)
        assert upgrade.returncode == 0, upgrade.stderr
    return env


def test_check_finds_demo_hits_once(cli_env: dict[str, str]) -> None:
    first = run("check", "--format", "json", env=cli_env)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["feeds"] == 1 and report["articles_new"] == 7
    hits = report["hits_new"]
    keys = {"entity_id", "source", "source_id", "name", "matched_name", "text", "start", "end",
            "score", "article_url", "article_title"}
    assert all(keys <= set(h) for h in hits)
    ids = {h["source_id"] for h in hits}
    assert {"22543", "21171"} <= ids
    titles = {h["article_title"] for h in hits}
    assert not any("Bayreuth" in t or "Moura" in t for t in titles)
    assert all(0 < h["score"] <= 1 for h in hits)
    second = run("check", "--format", "json", env=cli_env)
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["hits_new"] == []


def test_check_text_summary_and_fail_on_hit(tmp_path: Path) -> None:
    env = {"MONITOR_HOME": str(tmp_path / "h")}
    result = run("check", "--fail-on-hit", env=env)
    assert result.returncode == 3
    assert "PRIVATE MILITARY COMPANY 'WAGNER'" in result.stdout
    assert "hits new:" in result.stdout
    assert "alerts stay queued" in result.stderr
    again = run("check", "--fail-on-hit", env=env)
    assert again.returncode == 0


def test_screen_json_contract(tmp_path: Path) -> None:
    env = {"MONITOR_HOME": str(tmp_path / "h")}
    text = "Wagner boss Yevgeny Prigozhin said"
    result = run("screen", "-", "--explain", env=env, stdin=text)
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    hit = next(h for h in hits if h["source_id"] == "21171")
    assert text[hit["start"] : hit["end"]] == hit["text"]
    assert {"entity_id", "source", "name", "matched_name", "score", "schema", "features"} <= set(hit)


def test_screen_jsonl_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    env = {"MONITOR_HOME": str(tmp_path / "h")}
    lines = '{"id": 1, "text": "PMC Wagner"}\nnot json\n{"id": 3, "text": "nothing here"}\n'
    result = run("screen", "--jsonl", "-", env=env, stdin=lines)
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 3]
    assert out[0]["hits"][0]["source_id"] == "22543"
    assert "line 2" in result.stderr


def test_compare_and_search(tmp_path: Path) -> None:
    env = {"MONITOR_HOME": str(tmp_path / "h")}
    compared = json.loads(run("compare", "Jewgeni Prigoschin", "PRIGOZHIN, Yevgeniy Viktorovich", env=env).stdout)
    assert compared["match"] is True and set(compared) >= {"score", "match", "features"}
    found = run("watchlist", "search", "Evgeny Prigozhin", "--schema", "Person", env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["results"][0]["source_id"] == "21171"


def test_compare_and_search_take_format(tmp_path: Path) -> None:
    """`--format json` is the contract's spelling for every matcher command; text is for people."""
    env = {"MONITOR_HOME": str(tmp_path / "h")}
    pair = ("Jewgeni Prigoschin", "PRIGOZHIN, Yevgeniy Viktorovich")
    compared = run("compare", *pair, "--format", "json", env=env)
    assert compared.returncode == 0, compared.stderr
    assert set(json.loads(compared.stdout)) >= {"score", "match", "features"}
    readable = run("compare", *pair, "--format", "text", env=env)
    assert readable.returncode == 0 and readable.stdout.split()[1] == "match"
    assert "'prigoschin' ~ 'prigozhin'" in readable.stdout
    found = run("watchlist", "search", "Evgeny Prigozhin", "--schema", "Person", "--format", "json", env=env)
    assert found.returncode == 0, found.stderr
    results = json.loads(found.stdout)["results"]
    assert {"entity_id", "source", "source_id", "name", "matched_name", "score", "match", "schema"} <= set(results[0])
    lines = run("watchlist", "search", "Evgeny Prigozhin", "--format", "text", env=env).stdout.splitlines()
    assert lines[0].split()[:2] == ["SCORE", "MATCH"]
    assert "PRIGOZHIN, Yevgeniy Viktorovich" in lines[1] and "21171" in lines[1] and " True " in lines[1]


def test_config_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[smtp\n")
    result = run("--config", str(bad), "check", env={"MONITOR_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.strip().startswith("monitor: error: malformed configuration file")
    assert "Traceback" not in result.stderr
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("colour = 'red'\n")
    result = run("--config", str(unknown), "check", env={"MONITOR_HOME": str(tmp_path)})
    assert result.returncode == 2 and "unknown configuration key 'colour'" in result.stderr


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    env = {"MONITOR_HOME": str(tmp_path), "MONITOR_DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:1/x"}
    result = run("check", env=env)
    assert result.returncode != 0
    assert "monitor: error:" in result.stderr and "Traceback" not in result.stderr


def test_eval_reports_precision_and_recall(tmp_path: Path) -> None:
    env = {"MONITOR_HOME": str(tmp_path / "h")}
    result = run("eval", str(ROOT / "tests/fixtures/labelled_mentions.jsonl"), "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["examples"] >= 50
    assert {"precision", "recall", "f1", "misses", "false_alarms"} <= set(report)
