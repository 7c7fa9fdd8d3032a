"""The article view's marked-up text: statements, their cues and speaker mentions, actor mentions.

Every statement is a ``<mark class="stmt">`` carrying its id in ``data-sid``; its cue and its
speaker mention are ``<span class="cue|spk" data-for="<ids>">`` (one element per span, listing
every statement that shares it). The selected statement, cue and mention get the classes
``sel``/``on`` here so the page is right without script; ``article.js`` moves the selection.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from quotegraph.web.highlight import Highlight, render_highlighted

__all__ = ["article_body", "cue_span", "speaker_span"]


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return value["start"], value["end"]
    return None


def cue_span(st: dict[str, Any]) -> tuple[int, int] | None:
    """The cue's offsets, from ``cue_span`` or a ``cue`` given as a span dict."""
    return _span(st.get("cue_span")) or _span(st.get("cue"))


def speaker_span(st: dict[str, Any]) -> tuple[int, int] | None:
    """The speaker mention's offsets, from ``speaker_span``/``mention_span`` or the speaker dict."""
    return (
        _span(st.get("speaker_span"))
        or _span(st.get("mention_span"))
        or _span(st.get("speaker"))
    )


def article_body(art: dict[str, Any], *, selected: str | None = None) -> Markup:
    """The article text as safe HTML with every span marked (see the module docstring)."""
    text: str = art.get("text") or ""
    n = len(text)
    hls: list[Highlight] = []
    shared: dict[tuple[str, int, int], list[str]] = {}
    for st in art.get("statements", ()):
        sid = str(st.get("id"))
        s, e = st.get("start"), st.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n):
            continue
        sel = sid == selected
        cls = f"stmt k-{st.get('kind') or 'unknown'}" + (" sel" if sel else "")
        hls.append(Highlight(s, e, "mark", (("class", cls), ("data-sid", sid)), 30 if sel else 20))
        for kind, span in (("cue", cue_span(st)), ("spk", speaker_span(st))):
            if span and 0 <= span[0] < span[1] <= n:
                shared.setdefault((kind, *span), []).append(sid)
    for (kind, s, e), sids in shared.items():
        cls = kind + (" on" if selected in sids else "")
        hls.append(Highlight(s, e, "span", (("class", cls), ("data-for", " ".join(sids))), 10))
    last_end = -1
    mentions = [m for m in art.get("mentions", ()) if isinstance(m.get("start"), int)
                and isinstance(m.get("end"), int) and m.get("id")]
    for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        s, e = m["start"], m["end"]
        # Links must not nest or cross: keep the outermost of overlapping mentions.
        if not (0 <= s < e <= n) or s < last_end:
            continue
        last_end = e
        title = f"{m.get('name') or m.get('text')} ({m.get('type') or 'actor'})"
        attrs = (("class", "ment"), ("href", f"/actors/{_path(m['id'])}"), ("title", title))
        hls.append(Highlight(s, e, "a", attrs, 0))
    return render_highlighted(text, hls)


def _path(value: str) -> str:
    return quote(str(value), safe="")
