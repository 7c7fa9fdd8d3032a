"""Loading the knowledge base: shipped data, schema errors, user overrides, caches."""

from __future__ import annotations

import logging
import os
import textwrap
import time
from pathlib import Path

import pytest

from quotegraph.errors import KnowledgeBaseError
from quotegraph.kb import ENV_VAR, Country, Organization, Person, load_kb, loader


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("kbcache")


@pytest.fixture(autouse=True)
def private_cache(cache_dir, monkeypatch):
    """A pickle cache of this module's own and an empty per-process KB cache."""
    monkeypatch.setenv(loader.CACHE_ENV_VAR, str(cache_dir))
    monkeypatch.delenv(ENV_VAR, raising=False)
    loader._cache.clear()
    yield
    loader._cache.clear()


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


# -- the shipped data ------------------------------------------------------------------------

def test_shipped_kb_covers_every_un_member_and_the_extra_states():
    kb = load_kb()
    countries = kb.actors("country")
    assert sum(1 for c in countries if isinstance(c, Country) and c.un == "member") == 193
    assert {c.id for c in countries if c.un == "observer"} == {"VAT", "PSE"}
    for cid in ("XKX", "TWN", "PSE", "ESH"):
        assert kb.get(cid) is not None
    assert len({c.iso2 for c in countries}) == len(countries)
    assert len(kb.members("UN")) == 193


def test_shipped_kb_has_the_required_organisations_and_groupings():
    kb = load_kb()
    for oid in ("UN", "EU", "NATO", "OSCE", "G7", "G20", "BRICS", "ASEAN", "EAEU", "CSTO", "CIS",
                "SCO", "EurAsEC", "UNION-STATE", "AU", "ARAB-LEAGUE", "OPEC", "OPEC-PLUS", "GCC",
                "OIC", "CICA", "OTS"):
        assert isinstance(kb.get(oid), Organization), oid
    for gid in ("the-west", "central-asia", "post-soviet-space", "anglo-saxons",
                "south-caucasus", "global-south", "the-baltics", "middle-east"):
        assert kb.get(gid) is not None, gid
    for alias, oid in (("ЕАЭС", "EAEU"), ("ОДКБ", "CSTO"), ("СНГ", "CIS"), ("ШОС", "SCO")):
        assert [a.id for a in kb.lookup(alias)] == [oid]


def test_every_country_people_hold_roles_of_has_a_foreign_ministry():
    kb = load_kb()
    ministries = {a.of for a in kb.actors("institution") if a.kind == "foreign-ministry"}
    covered = {r.of for p in kb.people for r in p.roles if isinstance(kb.get(r.of), Country)}
    assert covered <= ministries, covered - ministries


def test_every_role_in_people_is_in_the_vocabulary():
    kb = load_kb()
    used = {r.role for p in kb.people for r in p.roles}
    assert used <= set(kb.roles), used - set(kb.roles)


def test_a_second_load_is_the_cached_object_and_a_new_process_reads_the_disk_copy(monkeypatch, tmp_path):
    # (how fast that is belongs to benchmarks, not to a unit test on a loaded machine)
    monkeypatch.setenv("QUOTEGRAPH_CACHE_DIR", str(tmp_path))
    loader._cache.clear()
    loader._layers.clear()
    first = load_kb()  # parses the YAML and writes the disk copy
    assert load_kb() is first
    assert any(tmp_path.iterdir()), "no disk copy was written"
    loader._cache.clear()  # a new process: the pickled copy on disk answers, YAML is not parsed
    loader._layers.clear()

    def no_parse(shipped):
        raise AssertionError("the shipped YAML was parsed again despite the disk cache")

    monkeypatch.setattr(loader, "_parse_shipped", no_parse)
    third = load_kb()
    assert third is not first and len(third) == len(first)
    loader._cache.clear()  # later tests load the KB afresh, with the real parser
    loader._layers.clear()


# -- schema errors name file, record and field ---------------------------------------------

@pytest.mark.parametrize("field, value, message", [
    ("from", "2004", "bare year 2004 is not a date"),
    ("from", "'2004-13-01'", "is not a real date"),
    ("from", "'09.03.2004'", "is not a date (YYYY-MM-DD)"),
    ("until", "2001-01-01", "is before from 2004-03-09"),
])
def test_bad_role_dates_are_named(tmp_path, field, value, message):
    dates = {"from": "2004-03-09", "until": "null"}
    dates[field] = value
    path = write(tmp_path, "people.yaml", f"""\
        - id: someone
          name: Some One
          gender: m
          roles:
            - {{role: foreign-minister, of: RUS, from: {dates['from']}, until: {dates['until']}}}
        """)
    with pytest.raises(KnowledgeBaseError) as e:
        load_kb(extra=[path])
    text = str(e.value)
    assert "people.yaml: record #1 (id 'someone')" in text
    assert f"'roles[0].{field}'" in text and message in text


def test_unknown_country_id_is_named(tmp_path):
    path = write(tmp_path, "people.yaml", """\
        - id: someone
          name: Some One
          country: RUSSIA
          roles: [{role: head-of-state, of: XYZ, from: 2000-01-01}]
        """)
    with pytest.raises(KnowledgeBaseError, match=r"id 'someone'.*field 'country': unknown "
                                                 r"country id 'RUSSIA'"):
        load_kb(extra=[path])


def test_unknown_member_id_in_an_organisation_is_named(tmp_path):
    path = write(tmp_path, "organizations.yaml", """\
        - id: TEST-ORG
          name: Test Organisation
          founded: 2001-01-01
          members: [{country: KAZ}, {country: ATLANTIS}]
        """)
    with pytest.raises(KnowledgeBaseError, match=r"'members\[1\]\.country': unknown .* 'ATLANTIS'"):
        load_kb(extra=[path])


def test_duplicate_id_in_one_file_is_an_error(tmp_path):
    path = write(tmp_path, "people.yaml", """\
        - {id: twin, name: Twin One, roles: []}
        - {id: twin, name: Twin Two, roles: []}
        """)
    with pytest.raises(KnowledgeBaseError, match=r"record #2 \(id 'twin'\): duplicate id 'twin'"):
        load_kb(extra=[path])


def test_duplicate_id_in_the_shipped_files_is_an_error(tmp_path, monkeypatch):
    shipped = tmp_path / "kb"
    shipped.mkdir()
    (shipped / "meta.yaml").write_text("as_of: 2024-01-01\n", encoding="utf-8")
    write(shipped, "countries.yaml", """\
        - {id: AAA, iso2: AA, name: Aland}
        """)
    write(shipped, "institutions.yaml", """\
        - {id: AAA, name: Another Thing, of: AAA}
        """)
    monkeypatch.setattr(loader, "DEFAULT_DIR", shipped)
    with pytest.raises(KnowledgeBaseError, match=r"duplicate id 'AAA' \(first defined at"):
        load_kb()


def test_yaml_syntax_error_gives_the_line(tmp_path):
    path = write(tmp_path, "countries.yaml", "- id: AAA\n  name: [unclosed\n")
    with pytest.raises(KnowledgeBaseError, match=r"countries.yaml: line \d+: not valid YAML"):
        load_kb(extra=[path])


def test_norway_problem_explains_quoting(tmp_path):
    path = write(tmp_path, "countries.yaml", "- {id: NOX, iso2: NO, name: Noland}\n")
    with pytest.raises(KnowledgeBaseError, match="quote it"):
        load_kb(extra=[path])


def test_missing_file_and_non_list_are_errors(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="no such knowledge-base file"):
        load_kb(extra=[tmp_path / "absent.yaml"])
    path = write(tmp_path, "people.yaml", "just a string\n")
    with pytest.raises(KnowledgeBaseError, match="expected a list of records"):
        load_kb(extra=[path])


def test_unknown_fields_are_warned_not_fatal(tmp_path, caplog):
    path = write(tmp_path, "people.yaml", """\
        - {id: someone, name: Some One, gender: m, shoe_size: 44, roles: []}
        """)
    with caplog.at_level(logging.WARNING, logger="quotegraph.kb.schema"):
        kb = load_kb(extra=[path])
    assert kb.get("someone") is not None
    assert "shoe_size" in caplog.text


def test_a_record_of_unknown_kind_must_say_its_type(tmp_path):
    path = write(tmp_path, "extra.yaml", "- {id: thing, name: Thing}\n")
    with pytest.raises(KnowledgeBaseError, match="add `type: person"):
        load_kb(extra=[path])
    path.write_text("- {id: thing, name: Thing, type: grouping, members: [KAZ]}\n",
                    encoding="utf-8")
    assert load_kb(extra=[path]).get("thing").type == "grouping"


# -- user files extend and override --------------------------------------------------------

def test_user_record_overrides_the_shipped_one_by_id(tmp_path):
    path = write(tmp_path, "my-countries.yaml", """\
        - id: KAZ
          iso2: KZ
          name: Qazaqstan
          aliases: [Qazaqstan Respublikasy]
          adjectives: [Qazaq]
        """)
    base = load_kb()
    kb = load_kb(extra=[path])
    assert kb.get("KAZ").name == "Qazaqstan"
    assert [a.id for a in kb.lookup("Qazaq")] == ["KAZ"]
    assert kb.lookup("Kazakh") == []  # the user's aliases replace the shipped ones
    assert base.get("KAZ").name == "Kazakhstan"  # the default KB is untouched
    assert len(kb) == len(base)


def test_override_must_keep_the_type(tmp_path):
    path = write(tmp_path, "extra.yaml", "- {id: KAZ, name: Not a country, type: grouping}\n")
    with pytest.raises(KnowledgeBaseError, match="'KAZ' is a country .* must be a country too"):
        load_kb(extra=[path])


def test_environment_variable_adds_files(tmp_path, monkeypatch):
    path = write(tmp_path, "people.yaml", """\
        - id: jane-envvar
          name: Jane Envvar
          gender: f
          country: KAZ
          roles: [{role: ambassador, of: KAZ, from: 2020-01-01}]
        """)
    monkeypatch.setenv(ENV_VAR, str(path))
    kb = load_kb()
    assert kb.person_by_name("Jane Envvar").id == "jane-envvar"


def test_a_changed_file_is_reloaded(tmp_path):
    path = write(tmp_path, "people.yaml", "- {id: p1, name: Petr Odin, roles: []}\n")
    assert load_kb(extra=[path]).get("p1").name == "Petr Odin"
    path.write_text("- {id: p1, name: Petr Dva, roles: []}\n", encoding="utf-8")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10_000_000))
    assert load_kb(extra=[path]).get("p1").name == "Petr Dva"


def test_user_only_kb_keeps_the_role_vocabulary(tmp_path):
    path = write(tmp_path, "people.yaml", """\
        - {id: p1, name: Petr Odin, roles: [{role: foreign-minister, of: RUS, from: 2000-01-01}]}
        """)
    countries = write(tmp_path, "countries.yaml", "- {id: RUS, iso2: RU, name: Russia}\n")
    kb = load_kb(extra=[countries, path], use_default=False)
    assert len(kb) == 2
    assert "foreign-minister" in kb.roles
    assert isinstance(kb.get("p1"), Person)


def test_public_api_is_pinned():
    import quotegraph.kb as kb_pkg

    assert sorted(kb_pkg.__all__) == sorted([
        "ACTOR_TYPES", "DEFAULT_DIR", "ENV_VAR", "Actor", "Country", "Grouping", "Institution",
        "KnowledgeBase", "Membership", "Metonym", "Organization", "Person", "Role", "RoleDef",
        "Surface", "as_date", "default_files", "load_kb"])
    for name in kb_pkg.__all__:
        assert hasattr(kb_pkg, name)
