"""Which recipients hear about which hit, and how (one email per hit or one per cycle)."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.config import AlertRule, AlertSettings


@dataclass(frozen=True)
class HitFacts:
    """What routing rules look at."""

    source: str
    programs: tuple[str, ...]
    schema: str
    score: float
    feed: tuple[str, ...]  # the feed's name and URL


def _matches(rule: AlertRule, facts: HitFacts) -> bool:
    if rule.source and facts.source not in rule.source:
        return False
    if rule.program and not set(rule.program) & set(facts.programs):
        return False
    if rule.schema and facts.schema not in rule.schema:
        return False
    if rule.feed and not set(rule.feed) & set(facts.feed):
        return False
    return facts.score >= rule.min_score


def route(settings: AlertSettings, facts: HitFacts) -> tuple[list[str], str]:
    """Recipients (the default list plus every matching rule's) and the delivery mode.

    One email per hit wins over one per cycle when rules disagree: the stricter promise.
    """
    recipients: list[str] = list(settings.to)
    modes = {settings.mode} if settings.to else set()
    for rule in settings.rules:
        if _matches(rule, facts):
            recipients.extend(r for r in rule.to if r not in recipients)
            modes.add(rule.mode)
    mode = "hit" if "hit" in modes or not modes else "cycle"
    return recipients, mode
