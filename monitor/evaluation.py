"""Detection quality: precision, recall and F1 of the text matcher on labelled examples."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from monitor.matching import TextMatcher

# Names a labelled set may use for a source, mapped to the names monitor gives them.
SOURCE_ALIASES = {
    "ofac": "ofac-sdn", "sdn": "ofac-sdn", "ofac_sdn": "ofac-sdn", "us_ofac_sdn": "ofac-sdn",
    "ofac-sdn": "ofac-sdn", "us-ofac-sdn": "ofac-sdn",
}


def canonical_source(source: str) -> str:
    return SOURCE_ALIASES.get(source.strip().lower(), source.strip().lower())


@dataclass
class EvalResult:
    examples: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    invalid_lines: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "examples": self.examples,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positives": self.true_positives,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "invalid_lines": self.invalid_lines,
        }

    def render(self) -> str:
        lines = [
            f"examples: {self.examples}",
            f"precision: {self.precision:.3f}  recall: {self.recall:.3f}  F1: {self.f1:.3f}",
            f"true positives: {self.true_positives}  false alarms: {self.false_positives}  misses: {self.false_negatives}",
        ]
        for miss in self.misses:
            lines.append(f"MISS  {miss['id']}: {miss['source']}:{miss['source_id']} in {miss['text'][:100]!r}")
        for fa in self.false_alarms:
            lines.append(f"FALSE {fa['id']}: {fa['source']}:{fa['source_id']} {fa['name']!r} "
                         f"from {fa['span']!r} ({fa['score']:.2f}) in {fa['text'][:100]!r}")
        for bad in self.invalid_lines:
            lines.append(f"INVALID line {bad['line']}: {bad['error']}")
        return "\n".join(lines)


def evaluate(matcher: TextMatcher, lines: Iterable[tuple[int, dict[str, Any] | None, str | None]]) -> EvalResult:
    """Score each labelled text; a hit counts once per (text, entity)."""
    result = EvalResult()
    for lineno, item, error in lines:
        if error or item is None or not isinstance(item.get("text"), str):
            result.invalid_lines.append({"line": lineno, "error": error or "missing text"})
            continue
        result.examples += 1
        expected = {
            (canonical_source(str(e.get("source", ""))), str(e.get("source_id", "")))
            for e in item.get("expected") or []
        }
        found: dict[tuple[str, str], Any] = {}
        for hit in matcher.screen(item["text"]):
            key = (canonical_source(hit.entity.source), hit.entity.source_id)
            if key not in found or hit.score > found[key].score:
                found[key] = hit
        for key in expected:
            if key in found:
                result.true_positives += 1
            else:
                result.false_negatives += 1
                result.misses.append({"id": item.get("id"), "source": key[0], "source_id": key[1], "text": item["text"]})
        for key, hit in found.items():
            if key not in expected:
                result.false_positives += 1
                result.false_alarms.append({"id": item.get("id"), "source": key[0], "source_id": key[1],
                                            "name": hit.entity.name, "span": hit.text, "score": hit.score,
                                            "text": item["text"]})
    return result


def evaluate_pairs(lines: Iterable[tuple[int, dict[str, Any] | None, str | None]],
                   threshold: float = 0.7) -> EvalResult:
    """Score labelled name pairs {"id", "name1", "name2", "schema"?, "match": bool} with `compare`."""
    from monitor.matching.pairs import compare_names

    result = EvalResult()
    for lineno, item, error in lines:
        if item is None:
            result.invalid_lines.append({"line": lineno, "error": error})
            continue
        if not (isinstance(item.get("name1"), str) and isinstance(item.get("name2"), str)
                and isinstance(item.get("match"), bool)):
            result.invalid_lines.append({"line": lineno, "error": 'needs "name1", "name2" and "match" (true/false)'})
            continue
        result.examples += 1
        scored = compare_names(item["name1"], item["name2"], item.get("schema"), threshold)
        record = {"id": item.get("id", lineno), "name1": item["name1"], "name2": item["name2"],
                  "score": scored.score, "features": scored.features}
        if scored.match and item["match"]:
            result.true_positives += 1
        elif scored.match:
            result.false_positives += 1
            result.false_alarms.append(record)
        elif item["match"]:
            result.false_negatives += 1
            result.misses.append(record)
    return result


def render_pairs(result: EvalResult) -> str:
    lines = [
        f"pairs: {result.examples}",
        f"precision: {result.precision:.3f}  recall: {result.recall:.3f}  F1: {result.f1:.3f}",
        f"true positives: {result.true_positives}  false matches: {result.false_positives}  "
        f"misses: {result.false_negatives}",
    ]
    for miss in result.misses:
        lines.append(f"MISS  {miss['id']}: {miss['name1']!r} ~ {miss['name2']!r} ({miss['score']:.2f})")
    for fa in result.false_alarms:
        lines.append(f"FALSE {fa['id']}: {fa['name1']!r} ~ {fa['name2']!r} ({fa['score']:.2f})")
    for bad in result.invalid_lines:
        lines.append(f"INVALID line {bad['line']}: {bad['error']}")
    return "\n".join(lines)
