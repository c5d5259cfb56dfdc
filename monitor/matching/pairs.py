"""Name against name: the score of a pair, and the best listed entities for a query name.

The score is a weighted overlap of the two names' words: each word weighs by how rare it is,
words are aligned in any order by their best similarity (spelling variants, transliteration,
initials), legal forms and particles count little, numbers must agree, and two persons with
different given names are told apart.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from monitor.matching.index import OPTIONAL_ROLES, MatchIndex, NameToken, analyse_name
from monitor.matching.model import PairScore
from monitor.matching.normalize import name_tokens, phonetic_keys
from monitor.matching.similarity import TOKEN_MATCH, initial_matches, token_similarity

SCHEMA_ALIASES = {
    "person": "Person", "individual": "Person", "organization": "Organization",
    "organisation": "Organization", "company": "Organization", "legalentity": "Organization",
    "entity": "Organization", "vessel": "Vessel", "aircraft": "Aircraft", "thing": "Organization",
}
OPTIONAL_WEIGHT = {"legal": 0.15, "stop": 0.15, "patronymic": 0.35, "middle": 0.5}


def canonical_schema(schema: str | None) -> str | None:
    if not schema:
        return None
    return SCHEMA_ALIASES.get(schema.strip().lower().replace("_", "").replace("-", ""), schema)


@lru_cache(maxsize=100_000)
def _analysed(name: str, schema: str) -> tuple[NameToken, ...]:
    return tuple(analyse_name(name, schema))


def _weight(tok: NameToken) -> float:
    return tok.weight * OPTIONAL_WEIGHT.get(tok.role, 1.0)


def score_tokens(a: tuple[NameToken, ...], b: tuple[NameToken, ...],
                 schema: str | None = None) -> tuple[float, dict[str, Any]]:
    if not a or not b:
        return 0.0, {"reason": "empty name"}
    pairs: list[tuple[float, int, int, str]] = []
    for i, ta in enumerate(a):
        a_keys = set(ta.keys)
        a_short = len(ta.norm) == 1
        for j, tb in enumerate(b):
            if ta.norm == tb.norm:
                pairs.append((1.0, i, j, "exact"))
                continue
            if a_short or len(tb.norm) == 1:
                if initial_matches(ta.norm, tb.norm) or initial_matches(tb.norm, ta.norm):
                    pairs.append((0.85, i, j, "initial"))
                continue
            if a_keys.isdisjoint(tb.keys) and abs(len(ta.norm) - len(tb.norm)) > 2:
                continue  # nothing in common in sound nor in length: not worth a comparison
            sim, how = token_similarity(ta.norm, tb.norm)
            if sim >= TOKEN_MATCH:
                pairs.append((sim, i, j, how))
    pairs.sort(reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    aligned = []
    for sim, i, j, how in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        aligned.append((i, j, sim, how))
    if not aligned and len(a) > 1 and len(b) > 1:
        # "Abdul Rahman" vs "Abdulrahman": compare the names written without spaces.
        joined_a, joined_b = "".join(t.norm for t in a), "".join(t.norm for t in b)
        sim, how = token_similarity(joined_a, joined_b)
        if sim >= 0.9:
            return sim * 0.95, {"aligned": [{"a": joined_a, "b": joined_b, "similarity": round(sim, 3), "how": "joined"}]}
    matched = sum((_weight(a[i]) + _weight(b[j])) / 2 * sim for i, j, sim, _how in aligned)
    total_a = sum(_weight(t) for t in a)
    total_b = sum(_weight(t) for t in b)
    score = 2 * matched / (total_a + total_b) if total_a + total_b else 0.0
    penalties: list[str] = []
    # Numbers are identifiers: "11420 CORP" is not "BELLETECH CORP".
    nums_a = {t.norm for t in a if t.norm.isdigit()}
    nums_b = {t.norm for t in b if t.norm.isdigit()}
    if (nums_a or nums_b) and nums_a != nums_b:
        score *= 0.6
        penalties.append("numbers differ")
    # Two persons whose given names are both stated and differ are two people.
    givens_a = [i for i, t in enumerate(a) if t.role == "given"]
    givens_b = [j for j, t in enumerate(b) if t.role == "given"]
    if givens_a and givens_b and not any(i in used_a for i in givens_a) and not any(j in used_b for j in givens_b):
        score *= 0.8
        penalties.append("given names differ")
    # Both names have a part the other lacks (Kim Jong Un / Kim Jong Il): a different name.
    side_a = [t for k, t in enumerate(a) if k not in used_a and t.role in ("given", "middle", "surname", "core")]
    side_b = [t for k, t in enumerate(b) if k not in used_b and t.role in ("given", "middle", "surname", "core")]
    if side_a and side_b:
        score *= 0.85
        penalties.append("each name has a part the other lacks")
    elif schema == "Person" and any(t.role in ("given", "surname") for t in (*side_a, *side_b)):
        # One name states a given name or surname the other lacks: Uday Saddam Hussein is not
        # Saddam Hussein, Ismael Garcia is not ZAMBADA GARCIA, Ismael.
        score *= 0.85
        penalties.append("a given name or surname on one side only")
    elif (side_a or side_b) and schema in ("Vessel", "Aircraft"):
        # A vessel or aircraft name is an identifier: "MAYAK STAR" is another ship than "MAYAK".
        score *= 0.8
        penalties.append("a vessel or aircraft name with a word the other lacks")
    # A name's main words must be there: unmatched required words weigh more than extras.
    unmatched_required = [t.norm for k, t in enumerate(a) if k not in used_a and t.role not in OPTIONAL_ROLES] + \
        [t.norm for k, t in enumerate(b) if k not in used_b and t.role not in OPTIONAL_ROLES]
    features = {
        "aligned": [{"a": a[i].norm, "b": b[j].norm, "similarity": round(sim, 3), "how": how}
                    for i, j, sim, how in aligned],
        "unmatched": unmatched_required,
    }
    if penalties:
        features["penalties"] = penalties
    return min(1.0, score), features


def compare_names(name1: str, name2: str, schema: str | None = None, threshold: float = 0.7) -> PairScore:
    """Score two names as names of one entity of `schema` (persons by default when unknown)."""
    schema = canonical_schema(schema) or _guess_schema(name1, name2)
    score, features = score_tokens(_analysed(name1, schema), _analysed(name2, schema), schema)
    features["schema"] = schema
    return PairScore(score=round(score, 4), match=score >= threshold, features=features)


def _guess_schema(name1: str, name2: str) -> str:
    from monitor.matching.index import _legal_positions  # noqa: PLC0415

    for name in (name1, name2):
        if _legal_positions(name_tokens(name)):
            return "Organization"
    return "Person"


def search(index: MatchIndex, query: str, schema: str | None = None, limit: int = 10,
           threshold: float = 0.7) -> list[dict[str, Any]]:
    """The best listed entities for a name, as a screening tool returns them."""
    schema = canonical_schema(schema)
    words = name_tokens(query)
    candidates: set[int] = set()
    for word in words:
        for key in phonetic_keys(word):
            for name_idx, _pos in index.postings.get(key, ()):
                candidates.add(name_idx)
    if not candidates and words:
        choices = {i: " ".join(t.norm for t in n.tokens) for i, n in enumerate(index.names)}
        for _choice, _score, idx in process.extract(" ".join(words), choices, scorer=fuzz.token_sort_ratio, limit=50):
            candidates.add(idx)
    best: dict[int, tuple[float, str]] = {}
    for name_idx in candidates:
        name = index.names[name_idx]
        if schema and name.entity.schema != schema and not (schema == "Organization" and name.entity.schema not in ("Person",)):
            continue
        query_tokens = _analysed(query, name.entity.schema)
        score, _features = score_tokens(query_tokens, name.tokens, name.entity.schema)
        if name.kind == "weak":
            score *= 0.85
        eid = name.entity.entity_id
        if eid not in best or score > best[eid][0]:
            best[eid] = (score, name.text)
    ranked = sorted(best.items(), key=lambda kv: kv[1][0], reverse=True)[:limit]
    results = []
    for eid, (score, matched) in ranked:
        entity = index.entities[eid]
        results.append({
            "entity_id": eid, "source": entity.source, "source_id": entity.source_id,
            "name": entity.name, "matched_name": matched, "score": round(score, 4),
            "match": score >= threshold, "schema": entity.schema,
        })
    return results
