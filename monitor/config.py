"""Settings, in rising precedence: defaults < TOML file < environment (MONITOR_*) < flags.

The TOML file is `$MONITOR_HOME/monitor.toml` or the path given with `--config`. Its tables
mirror the sections below (`[smtp]`, `[alerts]`, ...). Every key of a section can be set from
the environment as `MONITOR_<SECTION>_<KEY>` (e.g. `MONITOR_SMTP_HOST`); top-level keys as
`MONITOR_<KEY>` (e.g. `MONITOR_DATABASE_URL`). Unknown keys are an error, not a silent no-op.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from monitor.exc import ConfigError

ENV_PREFIX = "MONITOR_"
CONFIG_FILE_NAME = "monitor.toml"


@dataclass(frozen=True)
class MatchingSettings:
    threshold: float = 0.7
    rescreen_days: int = 30


@dataclass(frozen=True)
class FeedSettings:
    timeout: float = 20.0
    connect_timeout: float = 10.0
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff_base: float = 1.0
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0
    max_redirects: int = 5
    default_interval: str = "15m"
    concurrency: int = 50  # in all; per host the limit is per_host_concurrency
    user_agent: str = "monitor/0.1 (+https://github.com/monitor-sanctions/monitor; sanctions news screening)"


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 25
    username: str = ""
    password: str = field(default="", repr=False)
    tls: str = "none"  # none | starttls | ssl
    timeout: float = 30.0


@dataclass(frozen=True)
class AlertRule:
    """Who gets alerts about which hits: every condition given must hold (empty = any)."""

    to: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    program: tuple[str, ...] = ()
    schema: tuple[str, ...] = ()
    feed: tuple[str, ...] = ()
    min_score: float = 0.0
    mode: str = "hit"  # hit | cycle


@dataclass(frozen=True)
class AlertSettings:
    from_: str = "monitor@localhost"
    to: tuple[str, ...] = ()
    mode: str = "hit"  # hit | cycle
    max_attempts: int = 8
    backoff_base: float = 60.0
    rules: tuple[AlertRule, ...] = ()


@dataclass(frozen=True)
class DigestSettings:
    time: str = "07:00"
    send: bool = False


@dataclass(frozen=True)
class WatchlistSettings:
    refresh_interval: str = "24h"


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir("monitor")))
    database_url: str = ""
    log_level: str = "INFO"
    reviewer: str = ""
    config_file: Path | None = None
    matching: MatchingSettings = field(default_factory=MatchingSettings)
    feeds: FeedSettings = field(default_factory=FeedSettings)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    digest: DigestSettings = field(default_factory=DigestSettings)
    watchlists: WatchlistSettings = field(default_factory=WatchlistSettings)

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'monitor.db'}"


_SECTIONS: dict[str, type] = {
    f.name: typing.get_type_hints(Settings)[f.name]
    for f in dataclasses.fields(Settings)
    if dataclasses.is_dataclass(typing.get_type_hints(Settings)[f.name])
}
# A few environment names read better than the mechanical ones; both work.
_ENV_ALIASES = {"MONITOR_ALERT_FROM": ("alerts", "from"), "MONITOR_ALERT_TO": ("alerts", "to")}


def _key(field_name: str) -> str:
    """The name a field has in TOML and the environment (`from_` is `from`)."""
    return field_name.rstrip("_")


def _coerce(value: Any, typ: Any, where: str) -> Any:
    origin = typing.get_origin(typ)
    try:
        if typ is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(f"not a boolean: {value!r}")
        if typ is int:
            if isinstance(value, bool):
                raise ValueError("not an integer")
            return int(value)
        if typ is float:
            return float(value)
        if typ is str:
            if not isinstance(value, str | int | float):
                raise ValueError(f"not a string: {value!r}")
            return str(value)
        if origin is tuple and dataclasses.is_dataclass(typing.get_args(typ)[0]):
            if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
                raise ValueError("expected a list of tables ([[...]] in TOML)")
            item = typing.get_args(typ)[0]
            return tuple(_build_section(item, v, f"{where}[{i}].") for i, v in enumerate(value))
        if origin is tuple:
            if isinstance(value, str):
                return tuple(part.strip() for part in value.split(",") if part.strip())
            if isinstance(value, list):
                return tuple(str(v) for v in value)
            raise ValueError(f"not a list: {value!r}")
        if typ == Path or typ == (Path | None):
            return Path(os.path.expanduser(str(value)))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"invalid value for {where}: {exc}") from None
    return value


def _build_section(cls: type, values: Mapping[str, Any], where: str) -> Any:
    hints = typing.get_type_hints(cls)
    names = {_key(f.name): f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - set(names))
    if unknown:
        raise ConfigError(f"unknown configuration key {where}{unknown[0]!r}")
    kwargs = {names[k]: _coerce(v, hints[names[k]], f"{where}{k}") for k, v in values.items()}
    return cls(**kwargs)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"malformed configuration file {path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc.strerror}") from None


def _env_values(environ: Mapping[str, str]) -> dict[str, Any]:
    """Collect MONITOR_* variables into the same nested shape as the TOML file."""
    result: dict[str, Any] = {}
    top_level = {_key(f.name) for f in dataclasses.fields(Settings)} - set(_SECTIONS)
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or name.startswith("MONITOR_TEST_"):
            continue
        if name in _ENV_ALIASES:
            section, key = _ENV_ALIASES[name]
            result.setdefault(section, {})[key] = value
            continue
        rest = name[len(ENV_PREFIX) :].lower()
        if rest in top_level:
            result[rest] = value
            continue
        for section in _SECTIONS:
            if rest.startswith(section + "_"):
                result.setdefault(section, {})[rest[len(section) + 1 :]] = value
                break
        # Other MONITOR_* variables are ignored: they may belong to a wrapper script.
    return result


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def load_settings(
    config_path: str | Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve settings from defaults, the TOML file, the environment and explicit overrides."""
    environ = os.environ if environ is None else environ
    env_values = _env_values(environ)
    overrides = dict(overrides or {})
    home_value = overrides.get("home") or env_values.get("home")
    home = Path(os.path.expanduser(str(home_value))) if home_value else Settings().home
    if config_path is None:
        config_path = environ.get("MONITOR_CONFIG") or None
    file_values: dict[str, Any] = {}
    if config_path is not None:
        path = Path(config_path)
        if not path.is_file():
            raise ConfigError(f"configuration file not found: {path}")
        file_values = _read_toml(path)
    elif (home / CONFIG_FILE_NAME).is_file():
        config_path = home / CONFIG_FILE_NAME
        file_values = _read_toml(Path(config_path))
    values = _merge(_merge(file_values, env_values), overrides)
    if "home" not in values:
        values["home"] = str(home)
    kwargs: dict[str, Any] = {}
    hints = typing.get_type_hints(Settings)
    top = {_key(f.name): f.name for f in dataclasses.fields(Settings)}
    for key, value in values.items():
        if key not in top or key == "config_file":
            raise ConfigError(f"unknown configuration key {key!r}")
        if key in _SECTIONS:
            if not isinstance(value, Mapping):
                raise ConfigError(f"configuration key {key!r} must be a table")
            kwargs[top[key]] = _build_section(_SECTIONS[key], value, f"{key}.")
        else:
            kwargs[top[key]] = _coerce(value, hints[top[key]], key)
    kwargs["config_file"] = Path(config_path) if config_path else None
    settings = Settings(**kwargs)
    _validate(settings)
    return settings


def _validate(settings: Settings) -> None:
    if settings.smtp.tls not in {"none", "starttls", "ssl"}:
        raise ConfigError(f"smtp.tls must be none, starttls or ssl, not {settings.smtp.tls!r}")
    for mode in (settings.alerts.mode, *(r.mode for r in settings.alerts.rules)):
        if mode not in {"hit", "cycle"}:
            raise ConfigError(f"alerts.mode must be hit or cycle, not {mode!r}")
    for i, rule in enumerate(settings.alerts.rules):
        if not rule.to:
            raise ConfigError(f"alerts.rules[{i}] has no recipients (to)")
    if not 0.0 <= settings.matching.threshold <= 1.0:
        raise ConfigError("matching.threshold must be between 0 and 1")


def parse_duration(text: str) -> float:
    """'15m' -> 900.0 seconds; accepts s, m, h, d suffixes or a bare number of seconds."""
    text = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    try:
        if text and text[-1] in units:
            return float(text[:-1]) * units[text[-1]]
        return float(text)
    except ValueError:
        raise ConfigError(f"invalid duration {text!r} (use e.g. 30s, 15m, 2h, 1d)") from None
