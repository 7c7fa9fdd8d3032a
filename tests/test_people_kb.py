"""Checks on the shipped people records (src/quotegraph/data/kb/people.yaml and people/*.yaml).

These read the YAML directly rather than through the KB loader, so they pin the data itself:
shape, the role vocabulary in meta.yaml, date order, unique ids and aliases, no two holders of
a single-holder role at once, and a table of office holders on given dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

KB_DIR = Path(__file__).resolve().parents[1] / "src" / "quotegraph" / "data" / "kb"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# `surname` (accepted by the loader) overrides the surnames derived from the name and aliases
PERSON_KEYS = {"id", "name", "surname", "aliases", "gender", "country", "roles"}
ROLE_KEYS = {"role", "of", "title", "from", "until", "approx", "acting"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Sanity bounds: nobody in scope took office before 1950, and nothing past the KB's horizon.
EARLIEST = dt.date(1950, 1, 1)
LATEST = dt.date(2026, 1, 31)


def _load(path: Path) -> object:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=Loader)


def people_files() -> list[Path]:
    files = sorted((KB_DIR / "people").glob("*.yaml"))
    single = KB_DIR / "people.yaml"
    if single.exists():
        files.insert(0, single)
    return files


@pytest.fixture(scope="module")
def records() -> list[tuple[Path, dict]]:
    out = []
    for path in people_files():
        data = _load(path)
        assert isinstance(data, list), f"{path.name}: top level must be a list of records"
        out.extend((path, rec) for rec in data)
    assert out, "no people records found"
    return out


@pytest.fixture(scope="module")
def meta_roles() -> dict:
    return _load(KB_DIR / "meta.yaml")["roles"]


def _known_ids(name: str) -> set[str] | None:
    path = KB_DIR / name
    if not path.exists():
        return None
    return {rec["id"] for rec in _load(path)}


def test_record_shape(records, meta_roles):
    problems = []
    for path, rec in records:
        where = f"{path.name}:{rec.get('id', '?')}"
        if not isinstance(rec, dict):
            problems.append(f"{where}: not a mapping")
            continue
        extra = set(rec) - PERSON_KEYS
        missing = {"id", "name", "gender", "roles"} - set(rec)
        if extra or missing:
            problems.append(f"{where}: extra keys {sorted(extra)}, missing {sorted(missing)}")
        if not SLUG.match(str(rec.get("id", ""))):
            problems.append(f"{where}: id is not a lowercase slug")
        if rec.get("gender") not in ("m", "f"):
            problems.append(f"{where}: gender must be m or f")
        aliases = rec.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            problems.append(f"{where}: aliases must be a list of strings")
        roles = rec.get("roles")
        if not isinstance(roles, list) or not roles:
            problems.append(f"{where}: roles must be a non-empty list")
            continue
        for i, role in enumerate(roles):
            rw = f"{where} role {i}"
            extra = set(role) - ROLE_KEYS
            missing = {"role", "of", "from", "until"} - set(role)
            if extra or missing:
                problems.append(f"{rw}: extra keys {sorted(extra)}, missing {sorted(missing)}")
                continue
            if role["role"] not in meta_roles:
                problems.append(f"{rw}: role {role['role']!r} is not in meta.yaml")
            start, end = role["from"], role["until"]
            if type(start) is not dt.date:
                problems.append(f"{rw}: from {start!r} is not an ISO date")
                continue
            if end is not None and type(end) is not dt.date:
                problems.append(f"{rw}: until {end!r} is not an ISO date or null")
                continue
            if not EARLIEST <= start <= LATEST or (end and not start <= end <= LATEST):
                problems.append(f"{rw}: dates out of order or range ({start} .. {end})")
            for flag in ("approx", "acting"):
                if flag in role and role[flag] is not True:
                    problems.append(f"{rw}: {flag} is only ever `true`")
    assert not problems, "\n".join(problems)


def test_ids_unique(records):
    seen: dict[str, str] = {}
    dupes = []
    for path, rec in records:
        if rec["id"] in seen:
            dupes.append(f"{rec['id']} in {seen[rec['id']]} and {path.name}")
        seen[rec["id"]] = path.name
    assert not dupes, dupes


def test_names_and_aliases_name_one_person(records):
    """A surface form that names two people would make name lookup guess."""
    owner: dict[str, str] = {}
    clashes = []
    for _, rec in records:
        forms = {rec["name"].casefold()} | {a.casefold() for a in rec.get("aliases", [])}
        for form in forms:
            if form in owner and owner[form] != rec["id"]:
                clashes.append(f"{form!r}: {owner[form]} and {rec['id']}")
            owner[form] = rec["id"]
    assert not clashes, clashes


def test_country_and_of_ids_exist(records, meta_roles):
    countries = _known_ids("countries.yaml")
    orgs = _known_ids("organizations.yaml")
    if countries is None or orgs is None:
        pytest.skip("countries.yaml / organizations.yaml not written yet")
    bad = []
    for _, rec in records:
        if "country" in rec and rec["country"] not in countries:
            bad.append(f"{rec['id']}: country {rec['country']}")
        for role in rec["roles"]:
            kind = meta_roles.get(role["role"], {}).get("of")
            known = orgs if kind == "organization" else countries | orgs
            if role["of"] not in known:
                bad.append(f"{rec['id']}: {role['role']} of {role['of']}")
    assert not bad, bad


# Seats that several people share at once although the role is not `multi` in general: China's
# foreign ministry has a rota of spokespeople (a bare phrase then resolves to nobody).
SHARED_SEATS = {("foreign-ministry-spokesperson", "CHN")}


def _spans(records, meta_roles):
    by_seat = defaultdict(list)
    for _, rec in records:
        for role in rec["roles"]:
            if meta_roles.get(role["role"], {}).get("multi") or role.get("acting"):
                continue
            if (role["role"], role["of"]) in SHARED_SEATS:
                continue
            if type(role["from"]) is not dt.date:
                continue  # test_record_shape reports it
            by_seat[(role["role"], role["of"])].append(
                (role["from"], role["until"] or dt.date.max, rec["id"])
            )
    return by_seat


def test_single_holder_roles_do_not_overlap(records, meta_roles):
    """Two people never hold the same single-holder seat at once (a handover day may touch)."""
    overlaps = []
    for seat, spans in _spans(records, meta_roles).items():
        spans.sort()
        for (s1, e1, p1), (s2, e2, p2) in zip(spans, spans[1:]):
            if s2 < e1:
                overlaps.append(f"{seat}: {p1} ({s1}..{e1}) and {p2} ({s2}..{e2})")
    assert not overlaps, "\n".join(overlaps)


def holders(records, role: str, of: str, on: dt.date) -> set[str]:
    out = set()
    for _, rec in records:
        for r in rec["roles"]:
            if r["role"] == role and r["of"] == of and r["from"] <= on:
                if r["until"] is None or on <= r["until"]:
                    out.add(rec["id"])
    return out


# Office holders on dates well inside their tenure: a wrong edit to any of them shows up here.
KNOWN = [
    ("head-of-state", "RUS", "2005-06-01", "vladimir-putin"),
    ("head-of-state", "RUS", "2010-06-01", "dmitry-medvedev"),
    ("head-of-government", "RUS", "2010-06-01", "vladimir-putin"),
    ("head-of-government", "RUS", "2022-06-01", "mikhail-mishustin"),
    ("foreign-minister", "RUS", "2003-06-01", "igor-ivanov"),
    ("foreign-minister", "RUS", "2023-06-01", "sergey-lavrov"),
    ("foreign-ministry-spokesperson", "RUS", "2020-06-01", "maria-zakharova"),
    ("presidential-spokesperson", "RUS", "2020-06-01", "dmitry-peskov"),
    ("head-of-state", "KAZ", "2015-01-01", "nursultan-nazarbayev"),
    ("head-of-state", "KAZ", "2022-01-01", "kassym-jomart-tokayev"),
    ("foreign-minister", "KAZ", "2021-01-01", "mukhtar-tileuberdi"),
    ("head-of-state", "KGZ", "2015-01-01", "almazbek-atambayev"),
    ("head-of-state", "KGZ", "2023-01-01", "sadyr-japarov"),
    ("head-of-state", "TJK", "2010-01-01", "emomali-rahmon"),
    ("head-of-state", "TKM", "2015-01-01", "gurbanguly-berdimuhamedow"),
    ("head-of-state", "TKM", "2023-01-01", "serdar-berdimuhamedow"),
    ("head-of-state", "UZB", "2010-01-01", "islam-karimov"),
    ("head-of-state", "UZB", "2020-01-01", "shavkat-mirziyoyev"),
    ("head-of-state", "BLR", "2020-01-01", "alexander-lukashenko"),
    ("foreign-minister", "BLR", "2015-01-01", "vladimir-makei"),
    ("head-of-state", "UKR", "2016-01-01", "petro-poroshenko"),
    ("head-of-state", "UKR", "2022-06-01", "volodymyr-zelensky"),
    ("foreign-minister", "UKR", "2022-06-01", "dmytro-kuleba"),
    ("head-of-government", "ARM", "2022-01-01", "nikol-pashinyan"),
    ("foreign-minister", "AZE", "2015-01-01", "elmar-mammadyarov"),
    ("head-of-state", "GEO", "2010-01-01", "mikheil-saakashvili"),
    ("head-of-state", "USA", "2010-01-01", "barack-obama"),
    ("head-of-government", "USA", "2010-01-01", "barack-obama"),
    ("foreign-minister", "USA", "2014-01-01", "john-kerry"),
    ("foreign-minister", "USA", "2022-01-01", "antony-blinken"),
    ("presidential-spokesperson", "USA", "2022-01-01", "jen-psaki"),
    ("head-of-government", "GBR", "2012-01-01", "david-cameron"),
    ("foreign-minister", "GBR", "2024-01-01", "david-cameron"),
    ("head-of-state", "FRA", "2020-01-01", "emmanuel-macron"),
    ("foreign-minister", "FRA", "2019-01-01", "jean-yves-le-drian"),
    ("head-of-government", "DEU", "2015-01-01", "angela-merkel"),
    ("foreign-minister", "DEU", "2023-01-01", "annalena-baerbock"),
    ("head-of-state", "CHN", "2020-01-01", "xi-jinping"),
    ("foreign-minister", "CHN", "2023-03-01", "qin-gang"),
    ("foreign-minister", "CHN", "2024-01-01", "wang-yi"),
    ("foreign-ministry-spokesperson", "CHN", "2024-06-01", "mao-ning"),
    ("head-of-government", "IND", "2020-01-01", "narendra-modi"),
    ("foreign-minister", "IND", "2020-01-01", "s-jaishankar"),
    ("head-of-government", "JPN", "2015-01-01", "shinzo-abe"),
    ("foreign-minister", "JPN", "2015-01-01", "fumio-kishida"),
    ("head-of-state", "TUR", "2020-01-01", "recep-tayyip-erdogan"),
    ("head-of-government", "TUR", "2020-01-01", "recep-tayyip-erdogan"),
    ("foreign-minister", "TUR", "2020-01-01", "mevlut-cavusoglu"),
    ("head-of-state", "IRN", "2020-01-01", "ali-khamenei"),
    ("head-of-government", "IRN", "2020-01-01", "hassan-rouhani"),
    ("foreign-minister", "IRN", "2020-01-01", "mohammad-javad-zarif"),
    ("commission-president", "EU", "2020-01-01", "ursula-von-der-leyen"),
    ("council-president", "EU", "2016-01-01", "donald-tusk"),
    ("high-representative", "EU", "2016-01-01", "federica-mogherini"),
    ("secretary-general", "UN", "2010-01-01", "ban-ki-moon"),
    ("secretary-general", "NATO", "2020-01-01", "jens-stoltenberg"),
    ("secretary-general", "CSTO", "2021-01-01", "stanislav-zas"),
    ("secretary-general", "SCO", "2020-01-01", "vladimir-norov"),
    ("board-chair", "EAEU", "2018-01-01", "tigran-sargsyan"),
]


@pytest.mark.parametrize(("role", "of", "on", "expected"), KNOWN)
def test_known_holders(records, role, of, on, expected):
    found = holders(records, role, of, dt.date.fromisoformat(on))
    assert expected in found, f"{role} of {of} on {on}: {sorted(found)}"
    if (role, of) not in SHARED_SEATS:
        assert found == {expected}, f"{role} of {of} on {on}: {sorted(found)}"


def test_people_load_through_the_kb_loader(records):
    """The shipped loader accepts every record (its schema is stricter about some fields)."""
    kb_module = pytest.importorskip("quotegraph.kb")
    kb = kb_module.load_kb()
    loaded = {p.id for p in kb.people}
    missing = {rec["id"] for _, rec in records} - loaded
    assert not missing, sorted(missing)

