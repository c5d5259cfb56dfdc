"""The project's errors. The CLI turns each into one line and a non-zero exit code."""


class MonitorError(Exception):
    """Base of every error `monitor` raises on purpose."""

    exit_code = 1


class ConfigError(MonitorError):
    """The configuration (file, environment or flags) is invalid."""

    exit_code = 2


class DatabaseError(MonitorError):
    """The database cannot be reached or is not in the expected state."""


class WatchlistError(MonitorError):
    """A watchlist could not be imported; the previous version stays in force."""


class WatchlistParseError(WatchlistError):
    """A watchlist file is malformed. Carries where (file, line or element) and why."""

    def __init__(self, path: str, where: str, reason: str) -> None:
        self.path = path
        self.where = where
        self.reason = reason
        super().__init__(f"{path}: {where}: {reason}")


class FeedError(MonitorError):
    """A feed could not be fetched or parsed. Only that feed is affected."""


class AlertError(MonitorError):
    """An alert could not be delivered; it stays in the outbox."""


class NotFoundError(MonitorError):
    """A named object (entity, feed, hit) does not exist."""
