"""Safe HTML for article text with highlighted spans, and for store-made search snippets.

The article text is never inserted raw: it is cut at span boundaries and every piece goes
through :func:`markupsafe.escape`; only the wrapping tags are ours. Spans nest; a span that
crosses the end of an enclosing one is split in two, so the output is always well-formed.
"""

from __future__ import annotations

import heapq
import html
import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

__all__ = ["Highlight", "render_highlighted", "safe_snippet"]

_TAGS = frozenset({"mark", "span", "a"})
_ATTR_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Highlight:
    """One span to wrap in a tag: ``text[start:end]`` becomes ``<tag attrs>...</tag>``.

    ``priority`` decides nesting between spans with the same start and end: the higher one
    is the outer element. ``attrs`` values are escaped; names must be plain lowercase words.
    """

    start: int
    end: int
    tag: str = "span"
    attrs: tuple[tuple[str, str], ...] = ()
    priority: int = 0

    def open_tag(self) -> str:
        if self.tag not in _TAGS:
            raise ValueError(f"tag {self.tag!r} is not allowed in highlights")
        parts = [self.tag]
        for name, value in self.attrs:
            if not _ATTR_NAME.match(name) or name.startswith("on"):
                raise ValueError(f"attribute {name!r} is not allowed in highlights")
            parts.append(f'{name}="{escape(value)}"')
        return "<" + " ".join(parts) + ">"


@dataclass
class _Node:
    hl: Highlight | None
    start: int
    end: int
    children: list[_Node] = field(default_factory=list)


def _sort_key(h: Highlight) -> tuple[int, int, int]:
    # Outer spans first: earlier start, then longer, then higher priority.
    return (h.start, -h.end, -h.priority)


def render_highlighted(
    text: str, highlights: list[Highlight], *, start: int = 0, end: int | None = None
) -> Markup:
    """Escape ``text[start:end]`` and wrap the given spans in their tags.

    Spans outside the window are clipped; empty or inverted spans are ignored. Offsets in the
    highlights are offsets into the whole ``text``.
    """
    end = len(text) if end is None else min(end, len(text))
    root = _Node(None, start, end)
    queue: list[tuple[tuple[int, int, int], int, Highlight]] = []
    for i, h in enumerate(highlights):
        s, e = max(h.start, start), min(h.end, end)
        if s < e:
            clipped = Highlight(s, e, h.tag, h.attrs, h.priority)
            heapq.heappush(queue, (_sort_key(clipped), i, clipped))
    counter = len(highlights)
    stack = [root]
    while queue:
        _, _, h = heapq.heappop(queue)
        while len(stack) > 1 and stack[-1].end <= h.start:
            stack.pop()
        parent = stack[-1]
        if h.end > parent.end:
            # Crosses the parent's end: keep the part inside, requeue the rest.
            rest = Highlight(parent.end, h.end, h.tag, h.attrs, h.priority)
            heapq.heappush(queue, (_sort_key(rest), counter, rest))
            counter += 1
            h = Highlight(h.start, parent.end, h.tag, h.attrs, h.priority)
        node = _Node(h, h.start, h.end)
        parent.children.append(node)
        stack.append(node)
    return Markup("".join(_emit(text, root)))


def _emit(text: str, node: _Node) -> list[str]:
    out: list[str] = []
    if node.hl is not None:
        out.append(node.hl.open_tag())
    pos = node.start
    for child in node.children:
        if child.start > pos:
            out.append(str(escape(text[pos : child.start])))
        out.extend(_emit(text, child))
        pos = child.end
    if node.end > pos:
        out.append(str(escape(text[pos : node.end])))
    if node.hl is not None:
        out.append(f"</{node.hl.tag}>")
    return out


_MARK_SPLIT = re.compile(r"(</?mark>)")


def safe_snippet(snippet: str | None) -> Markup:
    """Re-build a store snippet (escaped text with ``<mark>`` around matches) as safe HTML.

    The snippet is trusted for nothing but its ``<mark>``/``</mark>`` tags: every other piece
    is unescaped and escaped again, so a snippet that was escaped shows unchanged and one that
    was not cannot inject markup. Unbalanced marks are closed.
    """
    if not snippet:
        return Markup("")
    out: list[str] = []
    depth = 0
    for piece in _MARK_SPLIT.split(snippet):
        if piece == "<mark>":
            if depth == 0:
                out.append("<mark>")
            depth += 1
        elif piece == "</mark>":
            if depth == 1:
                out.append("</mark>")
            depth = max(depth - 1, 0)
        elif piece:
            out.append(str(escape(html.unescape(piece))))
    if depth:
        out.append("</mark>")
    return Markup("".join(out))
