"""What a name or role phrase resolves to on a date, as JSON-ready dicts (``quotegraph kb show``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from quotegraph.kb.base import KnowledgeBase, Surface
from quotegraph.kb.roles import candidate_roles
from quotegraph.kb.types import Actor, Country, Grouping, Institution, Organization, Person


def explain(kb: KnowledgeBase, name: str, on: date) -> list[dict[str, Any]]:
    """Every actor ``name`` resolves to on ``on``, each with how it matched and what holds then.

    Tried in order, first hit wins: a KB id, a surface form (name, alias, adjective, demonym,
    metonym, unique surname), a person's name in another romanisation, a role phrase, a phrase
    the mention rules read as one actor ("Kazakhstan's Foreign Ministry").
    """
    actor = kb.get(name)
    if actor is not None:
        return [describe(kb, actor, on, how="id", matched=name)]
    found = kb.matches(name, on=on)
    if found:
        seen: set[str] = set()
        out = []
        for s in found:
            if s.actor.id not in seen:
                seen.add(s.actor.id)
                out.append(describe(kb, s.actor, on, how=s.how, matched=name, surface=s))
        return out
    person = kb.person_by_name(name)
    if person is not None:
        return [describe(kb, person, on, how="name variant", matched=name)]
    person = kb.resolve_role(name, on)
    if person is not None:
        roles = [f"{r} of {o}" for r, o in candidate_roles(kb, name, on)]
        return [describe(kb, person, on, how="role phrase", matched=name, via=roles)]
    # a phrase only the mention rules read whole ("Kazakhstan's Foreign Ministry")
    from quotegraph.resolve.actors import find_mentions

    found = find_mentions(name, published=on.isoformat(), kb=kb)
    if len(found) == 1 and found[0].text == name.strip():
        actor = kb.get(found[0].id)
        if actor is not None:
            return [describe(kb, actor, on, how="mention rule", matched=name)]
    return []


def describe(kb: KnowledgeBase, actor: Actor, on: date, *, how: str, matched: str,
             surface: Surface | None = None, via: list[str] | None = None) -> dict[str, Any]:
    """One actor as ``kb show`` prints it: identity, how it matched, and what holds on ``on``."""
    d: dict[str, Any] = {"id": actor.id, "type": actor.type, "name": actor.name,
                         "matched": matched, "how": how, "date": on.isoformat()}
    if surface is not None and surface.period is not None:
        d["valid"] = surface.period.dates_dict()
    if via:
        d["role_phrase"] = via
    if isinstance(actor, Person):
        d["country"] = actor.country
        d["roles_on_date"] = [r.to_dict() for r in kb.roles_of(actor, on)]
        d["roles"] = [r.to_dict() for r in actor.roles]
    elif isinstance(actor, Country):
        d["capital"] = actor.capital
        d["adjectives"] = list(actor.adjectives)
        d["metonyms_on_date"] = [m.name for m in actor.metonyms if m.covers(on)]
        d["member_of"] = [o.id for o in kb.actors("organization")
                          if actor in kb.members(o.id, on)]
    elif isinstance(actor, Organization):
        d["kind"] = actor.kind
        d["founded"] = actor.founded.isoformat() if actor.founded else None
        d["members_on_date"] = [m.id for m in kb.members(actor.id, on)]
        for field in ("observers", "partners", "associates"):
            ids = [m.country for m in getattr(actor, field) if m.covers(on)]
            if ids:
                d[f"{field}_on_date"] = ids
    elif isinstance(actor, Grouping):
        d["members"] = list(actor.members)
        d["source"] = actor.source
    elif isinstance(actor, Institution):
        d["of"] = actor.of
        d["kind"] = actor.kind
    return d


def render(results: list[dict[str, Any]]) -> str:
    """Human-readable text for ``explain`` results."""
    lines = []
    for r in results:
        valid = ""
        if "valid" in r:
            valid = f", valid {r['valid']['from'] or '…'}..{r['valid']['until'] or '…'}"
        lines.append(f"{r['name']}  [{r['type']} {r['id']}]  matched {r['matched']!r} as "
                     f"{r['how']}{valid}")
        if r.get("role_phrase"):
            lines.append(f"  role phrase: {', '.join(r['role_phrase'])}")
        if r["type"] == "person":
            held = r["roles_on_date"]
            lines.append(f"  roles on {r['date']}:" + (" none" if not held else ""))
            for role in held:
                until = role["until"] or "(open)"
                title = f" - {role['title']}" if role.get("title") else ""
                lines.append(f"    {role['role']} of {role['of']}{title} "
                             f"({role['from']} .. {until})")
        elif r["type"] == "country":
            lines.append(f"  capital: {r['capital']}; metonyms on {r['date']}: "
                         f"{', '.join(r['metonyms_on_date']) or 'none'}")
            lines.append(f"  member of on {r['date']}: {', '.join(r['member_of']) or 'none'}")
        elif r["type"] == "organization":
            lines.append(f"  members on {r['date']} ({len(r['members_on_date'])}): "
                         f"{', '.join(r['members_on_date']) or 'none'}")
            for field in ("observers", "partners", "associates"):
                if r.get(f"{field}_on_date"):
                    lines.append(f"  {field}: {', '.join(r[f'{field}_on_date'])}")
        elif r["type"] == "grouping":
            lines.append(f"  members: {', '.join(r['members']) or 'none (no fixed membership)'}")
        elif r["type"] == "institution":
            lines.append(f"  of: {r['of']}; kind: {r['kind']}")
    return "\n".join(lines)
