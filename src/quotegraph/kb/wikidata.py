"""Import people with dated positions from Wikidata exports into people.yaml records.

Two inputs are understood, both read from a local file (nothing is fetched):

- SPARQL JSON results (``head.vars``, ``results.bindings``) with the variables ``person``,
  ``personLabel``, ``position``/``positionLabel``, ``start``, ``end`` and optionally ``country``/
  ``countryLabel``, ``gender``/``genderLabel``, ``altLabels`` (``|`` or ``,`` separated),
  ``startPrecision``/``endPrecision``;
- a Wikidata JSON dump subset (``{"entities": {...}}``) whose people have P39 (position held)
  claims with P580 (start) / P582 (end) qualifiers; position and country entities in the same
  file lend their English labels.

Positions are mapped to the role vocabulary by their label ("Minister of Foreign Affairs of
Russia" -> foreign-minister of RUS) with the knowledge base resolving the country or
organisation, and by a short table of position QIDs. Unmapped positions are skipped and
reported, never guessed.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from quotegraph.errors import KnowledgeBaseError
from quotegraph.kb.base import KnowledgeBase
from quotegraph.kb.types import Country, Organization

logger = logging.getLogger(__name__)

# Position items whose meaning is certain: QID -> (role, of).
POSITION_QIDS: dict[str, tuple[str, str]] = {
    "Q11696": ("head-of-state", "USA"),        # President of the United States
    "Q14211": ("head-of-government", "GBR"),   # Prime Minister of the United Kingdom
}
# Country items whose QIDs are certain (labels in the file work too).
COUNTRY_QIDS: dict[str, str] = {
    "Q159": "RUS", "Q30": "USA", "Q145": "GBR", "Q148": "CHN", "Q142": "FRA", "Q183": "DEU",
    "Q232": "KAZ", "Q813": "KGZ", "Q863": "TJK", "Q874": "TKM", "Q265": "UZB", "Q184": "BLR",
    "Q212": "UKR", "Q399": "ARM", "Q227": "AZE", "Q230": "GEO", "Q43": "TUR", "Q668": "IND",
    "Q794": "IRN", "Q17": "JPN",
}
GENDER_QIDS = {"Q6581097": "m", "Q6581072": "f"}

# Position label patterns -> role; ``{x}`` is the country/organisation part of the label.
_LABEL_RULES: tuple[tuple[str, str], ...] = (
    (r"(?:first )?deputy (?:minister of foreign affairs|foreign minister) of {x}",
     "deputy-foreign-minister"),
    (r"minister (?:of|for) foreign affairs of {x}", "foreign-minister"),
    (r"foreign minister of {x}", "foreign-minister"),
    (r"{x} minister (?:of|for) foreign affairs", "foreign-minister"),
    (r"{x} foreign minister", "foreign-minister"),
    (r"vice[- ]president of {x}", "vice-president"),
    (r"president of {x}", "head-of-state"),
    (r"{x} president", "head-of-state"),
    (r"prime minister of {x}", "head-of-government"),
    (r"{x} prime minister", "head-of-government"),
    (r"(?:federal )?chancellor of {x}", "head-of-government"),
    (r"premier of {x}", "head-of-government"),
    (r"secretary[- ]general of {x}", "secretary-general"),
    (r"{x} secretary[- ]general", "secretary-general"),
    (r"press secretary (?:to|of) the president of {x}", "presidential-spokesperson"),
    (r"spokesperson (?:for|of) the (?:ministry of foreign affairs|foreign ministry) of {x}",
     "foreign-ministry-spokesperson"),
)
_FIXED_LABELS: dict[str, tuple[str, str]] = {
    "united states secretary of state": ("foreign-minister", "USA"),
    "secretary of state for foreign and commonwealth affairs": ("foreign-minister", "GBR"),
    "secretary of state for foreign, commonwealth and development affairs":
        ("foreign-minister", "GBR"),
    "white house press secretary": ("presidential-spokesperson", "USA"),
    "vice president of the united states": ("vice-president", "USA"),
    "president of the european commission": ("commission-president", "EU"),
    "president of the european council": ("council-president", "EU"),
    "high representative of the union for foreign affairs and security policy":
        ("high-representative", "EU"),
    "spokesperson for the united states department of state":
        ("foreign-ministry-spokesperson", "USA"),
}


@dataclass
class ImportResult:
    """People records in people.yaml shape, and what could not be mapped (for the user)."""

    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.records, sort_keys=False, allow_unicode=True, width=100)


def import_file(path: str | Path, *, kb: KnowledgeBase) -> ImportResult:
    """Read a SPARQL JSON result or a JSON dump subset and return people records."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise KnowledgeBaseError(f"{path}: cannot read ({e.strerror or e})") from e
    except (ValueError, UnicodeDecodeError) as e:
        raise KnowledgeBaseError(f"{path}: not valid JSON ({e})") from e
    if isinstance(data, Mapping) and "results" in data and "head" in data:
        return from_sparql(data, kb=kb)
    if isinstance(data, Mapping) and isinstance(data.get("entities"), Mapping):
        return from_entities(data["entities"], kb=kb)
    raise KnowledgeBaseError(f"{path}: neither SPARQL JSON results (head, results.bindings) nor "
                             "a Wikidata JSON dump ({\"entities\": ...})")


def map_position(label: str | None, qid: str | None, *, kb: KnowledgeBase
                 ) -> tuple[str, str] | None:
    """``(role, of)`` for a position, or ``None`` when it is not certain."""
    if qid and qid in POSITION_QIDS:
        return POSITION_QIDS[qid]
    if not label:
        return None
    text = " ".join(label.split()).casefold()
    if text in _FIXED_LABELS:
        return _FIXED_LABELS[text]
    label = " ".join(label.split())
    for pattern, role in _LABEL_RULES:
        rx = re.fullmatch(pattern.replace("{x}", r"(?P<x>.+)"), text)
        if rx is None:
            continue
        # the country part as written (case matters for lookup), when folding kept the length
        part = label[rx.start("x"):rx.end("x")] if len(label) == len(text) else rx.group("x")
        of = _actor_id(part, kb)
        if of is not None:
            return role, of
    return None


def from_sparql(data: Mapping[str, Any], *, kb: KnowledgeBase) -> ImportResult:
    """People records from SPARQL JSON results (one binding per person-position row)."""
    rows = data.get("results", {}).get("bindings", [])
    if not isinstance(rows, list):
        raise KnowledgeBaseError("SPARQL results: 'results.bindings' is not a list")
    people: dict[str, dict[str, Any]] = {}
    result = ImportResult()
    for i, row in enumerate(rows, 1):
        def v(name: str) -> str | None:
            cell = row.get(name)
            return cell.get("value") if isinstance(cell, Mapping) else None

        pid = _qid(v("person")) or f"row{i}"
        label = v("personLabel")
        if not label:
            result.skipped.append(f"row {i}: no personLabel")
            continue
        rec = people.setdefault(pid, _new_person(label))
        aliases = v("altLabels") or v("aliases") or ""
        for alias in re.split(r"\s*[|,]\s*", aliases) if aliases else ():
            if alias and alias != rec["name"] and alias not in rec["aliases"]:
                rec["aliases"].append(alias)
        gender = GENDER_QIDS.get(_qid(v("gender")) or "") or \
            {"male": "m", "female": "f"}.get((v("genderLabel") or "").lower())
        rec["gender"] = rec["gender"] or gender
        country = COUNTRY_QIDS.get(_qid(v("country")) or "") or _actor_id(v("countryLabel"), kb)
        rec["country"] = rec["country"] or country
        pos_label = v("positionLabel")
        mapped = map_position(pos_label, _qid(v("position")), kb=kb)
        if mapped is None:
            result.skipped.append(f"{label}: position {pos_label or v('position')!r} not mapped")
            continue
        _add_role(rec, mapped, pos_label, _sparql_date(v("start"), v("startPrecision")),
                  _sparql_date(v("end"), v("endPrecision")), result)
    result.records = _finish(people.values(), result)
    return result


def from_entities(entities: Mapping[str, Any], *, kb: KnowledgeBase) -> ImportResult:
    """People records from a Wikidata JSON dump subset (P39 claims with P580/P582)."""
    result = ImportResult()
    people: dict[str, dict[str, Any]] = {}
    for qid, ent in entities.items():
        claims = ent.get("claims", {}) if isinstance(ent, Mapping) else {}
        if "P39" not in claims:
            continue
        label = _label(ent)
        if not label:
            result.skipped.append(f"{qid}: no English label")
            continue
        rec = people.setdefault(qid, _new_person(label))
        rec["aliases"] = [a["value"] for a in ent.get("aliases", {}).get("en", [])
                          if a.get("value") and a["value"] != label]
        rec["gender"] = GENDER_QIDS.get(_claim_id(claims, "P21") or "")
        cqid = _claim_id(claims, "P27")
        rec["country"] = COUNTRY_QIDS.get(cqid or "") or _actor_id(
            _label(entities.get(cqid or "", {})), kb)
        for claim in claims["P39"]:
            pos_qid = _snak_id(claim.get("mainsnak", {}))
            pos_label = _label(entities.get(pos_qid or "", {}))
            mapped = map_position(pos_label, pos_qid, kb=kb)
            if mapped is None:
                result.skipped.append(f"{label}: position {pos_label or pos_qid!r} not mapped")
                continue
            quals = claim.get("qualifiers", {})
            _add_role(rec, mapped, pos_label, _time_qualifier(quals, "P580"),
                      _time_qualifier(quals, "P582"), result)
    result.records = _finish(people.values(), result)
    return result


def slug(name: str) -> str:
    """A readable id from a name: ``"Sergey Lavrov" -> "sergey-lavrov"``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "person"


# -- helpers ---------------------------------------------------------------------------------

def _new_person(label: str) -> dict[str, Any]:
    return {"id": slug(label), "name": label, "aliases": [], "gender": None, "country": None,
            "roles": []}


def _add_role(rec: dict[str, Any], mapped: tuple[str, str], title: str | None,
              start: tuple[date, bool] | None, end: tuple[date, bool] | None,
              result: ImportResult) -> None:
    if start is None:
        result.skipped.append(f"{rec['name']}: {mapped[0]} of {mapped[1]} has no start date")
        return
    role: dict[str, Any] = {"role": mapped[0], "of": mapped[1], "title": title,
                            "from": start[0], "until": end[0] if end else None}
    if start[1] or (end and end[1]):
        role["approx"] = True
    if role not in rec["roles"]:
        rec["roles"].append(role)


def _finish(people: Any, result: ImportResult) -> list[dict[str, Any]]:
    out, ids = [], set()
    for rec in people:
        if not rec["roles"]:
            continue
        if rec["gender"] is None:
            result.skipped.append(f"{rec['name']}: no gender (add it by hand)")
            del rec["gender"]
        if rec["country"] is None:
            del rec["country"]
        if not rec["aliases"]:
            del rec["aliases"]
        base, n = rec["id"], 2
        while rec["id"] in ids:
            rec["id"], n = f"{base}-{n}", n + 1
        ids.add(rec["id"])
        rec["roles"].sort(key=lambda r: r["from"])
        out.append(rec)
    return out


def _actor_id(text: str | None, kb: KnowledgeBase) -> str | None:
    if not text:
        return None
    text = text.strip()
    for candidate in (text, text.removeprefix("the ").removeprefix("The "), "the " + text):
        for actor in kb.lookup(candidate):
            if isinstance(actor, (Country, Organization)):
                return actor.id
    # "Russia" -> lookup works; "the Russian Federation" / lower-cased labels need a title-case try
    titled = " ".join(w if w.isupper() else w.capitalize() for w in text.split())
    if titled != text:
        return _actor_id(titled, kb)
    return None


def _qid(uri: str | None) -> str | None:
    if not uri:
        return None
    m = re.search(r"(Q\d+)$", uri)
    return m.group(1) if m else None


def _label(ent: Any) -> str | None:
    if not isinstance(ent, Mapping):
        return None
    return ent.get("labels", {}).get("en", {}).get("value")


def _snak_id(snak: Mapping[str, Any]) -> str | None:
    value = snak.get("datavalue", {}).get("value")
    return value.get("id") if isinstance(value, Mapping) else None


def _claim_id(claims: Mapping[str, Any], prop: str) -> str | None:
    for claim in claims.get(prop, []):
        found = _snak_id(claim.get("mainsnak", {}))
        if found:
            return found
    return None


def _time_qualifier(quals: Mapping[str, Any], prop: str) -> tuple[date, bool] | None:
    for snak in quals.get(prop, []):
        value = snak.get("datavalue", {}).get("value")
        if isinstance(value, Mapping) and "time" in value:
            return _wikidata_time(value["time"], int(value.get("precision", 11)))
    return None


def _sparql_date(value: str | None, precision: str | None) -> tuple[date, bool] | None:
    if not value:
        return None
    return _wikidata_time(value, int(precision) if precision else 11)


def _wikidata_time(value: str, precision: int) -> tuple[date, bool] | None:
    """``("+2004-03-09T00:00:00Z", 11) -> (2004-03-09, False)``; year/month precision rounds
    to the first day and marks it approximate."""
    m = re.match(r"^[+]?(\d{4})-(\d{2})-(\d{2})", value)
    if m is None:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if precision <= 9:
        return date(y, 1, 1), True
    if precision == 10:
        return date(y, max(mo, 1), 1), True
    return date(y, max(mo, 1), max(d, 1)), False
