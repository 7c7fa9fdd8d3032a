"""Rendering extracted articles: JSON lines (the record of DESIGN.md) and a readable table."""

from __future__ import annotations

import json
import shutil
import textwrap

import orjson

from quotegraph.model import ActorGroup, Article, Claim, Occasion, Relation


def to_jsonl(article: Article) -> str:
    """One line of JSON: the output record, without the document text."""
    return json.dumps(article.to_dict(), ensure_ascii=False)


def to_jsonl_bytes(article: Article) -> bytes:
    """``to_jsonl`` as UTF-8 bytes with the newline, through orjson (several times faster)."""
    return orjson.dumps(article.to_dict(), option=orjson.OPT_APPEND_NEWLINE)


def to_table(article: Article, *, width: int | None = None) -> str:
    """A header line for the document and one numbered block per statement."""
    width = width or min(shutil.get_terminal_size((110, 20)).columns, 140)
    head = [article.source or "-"]
    for part in (article.outlet, article.published):
        if part:
            head.append(part)
    lines = ["== " + " | ".join(head)]
    if article.title:
        lines.append(f"   {article.title}")
    if not article.statements:
        lines.append("   (no attributed statements)")
    for n, s in enumerate(article.statements, 1):
        who = s.speaker.name if s.speaker else "(unnamed)"
        if s.speaker and s.speaker.role:
            who += f", {s.speaker.role}"
        if s.speaker is None and s.source_mention is not None:
            who = f"(unnamed: {s.source_mention.text})"
        cue = s.cue.text if s.cue else "-"
        lines.append(f"{n:>4}. [{s.kind}] {who}  <{cue}>  @{s.start}-{s.end}")
        body = textwrap.fill(s.text, width=width - 8, initial_indent="        ",
                             subsequent_indent="        ", max_lines=4, placeholder=" …")
        lines.append(body)
        lines.extend(claim_line(c) for c in s.claims)
        lines.extend(relation_line(r) for r in s.relations)
        lines.extend(group_line(g) for g in s.groups)
        if s.occasion is not None:
            lines.append(occasion_line(s.occasion))
    return "\n".join(lines)


def group_line(g: ActorGroup) -> str:
    """One list of actors named together: ``& Russia, China and India = RUS + CHN + IND``."""
    ids = " + ".join(m.id or f"({m.text})" for m in g.members)
    return f"        & {g.text} = {ids}"


def occasion_line(o: Occasion) -> str:
    """The statement's occasion: ``@ press conference: told reporters in Astana (Astana)``."""
    return f"        @ {o.kind}: {o.text}" + (f" ({o.venue.text})" if o.venue else "")


def relation_line(r: Relation) -> str:
    """One relation under its statement: ``> accuse (ACCUSE) the West [collective] <is seeking
    to force> affected: Russia's allies``."""
    who = r.target.text + (" [collective]" if r.collective else "")
    line = f"        > {r.type} ({r.plover}) {who} <{r.trigger.text}>"
    return line + (f" affected: {r.affected.text}" if r.affected else "")


def format_value(v: float) -> str:
    """``4500000000.0`` -> ``4,500,000,000``, ``27.5`` -> ``27.5``: figures as people read them."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.6g}"


def claim_line(c: Claim) -> str:
    """One numeric claim under its statement: ``# about 12% = 12 percent (about, increase) |
    measure: Trade turnover | period: in January-October 2022``."""
    unit = c.currency if c.unit == "currency" and c.currency else c.unit
    value = format_value(c.value) + (f"-{format_value(c.value_max)}"
                                     if c.value_max is not None else "")
    notes = ", ".join(x for x in (c.approx, c.change) if x)
    parts = [f"        # {c.text} = {value} {unit}" + (f" ({notes})" if notes else "")]
    if c.measure:
        parts.append(f"measure: {c.measure.text}")
    if c.period:
        parts.append(f"period: {c.period.text}")
    return " | ".join(parts)
