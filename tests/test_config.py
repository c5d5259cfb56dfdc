"""Settings precedence and bad configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import load_settings, parse_duration
from monitor.exc import ConfigError


def test_precedence_defaults_file_env_flags(tmp_path: Path) -> None:
    config = tmp_path / "monitor.toml"
    config.write_text('log_level = "DEBUG"\n[smtp]\nhost = "file-host"\nport = 2525\n[matching]\nthreshold = 0.8\n')
    env = {"MONITOR_HOME": str(tmp_path), "MONITOR_SMTP_HOST": "env-host", "MONITOR_ALERT_TO": "a@x, b@y"}
    settings = load_settings(None, {"database_url": "sqlite:///flag.db"}, environ=env)
    assert settings.config_file == config
    assert settings.smtp.host == "env-host"  # env beats file
    assert settings.smtp.port == 2525  # file beats default
    assert settings.matching.threshold == 0.8
    assert settings.alerts.to == ("a@x", "b@y")
    assert settings.database_url == "sqlite:///flag.db"  # flag beats all
    assert settings.feeds.max_bytes == 10 * 1024 * 1024  # default


def test_default_database_is_sqlite_in_home(tmp_path: Path) -> None:
    settings = load_settings(None, None, environ={"MONITOR_HOME": str(tmp_path)})
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'monitor.db'}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("nonsense = 1\n", "unknown configuration key 'nonsense'"),
        ("[smtp]\nhots = 'x'\n", "unknown configuration key smtp.'hots'"),
        ("[smtp\nhost = 'x'\n", "malformed configuration file"),
        ("[smtp]\nport = 'many'\n", "invalid value for smtp.port"),
        ("[smtp]\ntls = 'maybe'\n", "smtp.tls must be"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_settings(path, environ={"MONITOR_HOME": str(tmp_path)})
    assert message in str(info.value)


def test_durations() -> None:
    assert parse_duration("15m") == 900
    assert parse_duration("2h") == 7200
    with pytest.raises(ConfigError):
        parse_duration("soon")
