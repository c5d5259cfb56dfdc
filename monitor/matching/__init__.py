"""Matching: normalisation, candidate index, scoring and explanations. Pure: no I/O."""

from monitor.matching.index import MatchIndex
from monitor.matching.model import EntityRecord, Mention, PairScore
from monitor.matching.text import TextMatcher

__all__ = ["EntityRecord", "MatchIndex", "Mention", "PairScore", "TextMatcher"]
