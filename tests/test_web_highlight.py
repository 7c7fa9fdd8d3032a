"""Safe HTML building blocks of the UI: span highlighting, snippets, SVG charts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph.web.article import article_body
from quotegraph.web.charts import bar_svg, fill_months, timeline_svg
from quotegraph.web.highlight import Highlight, render_highlighted, safe_snippet


class Tree(HTMLParser):
    """Collects the text inside each tag (by class) and checks tags are balanced."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.text = ""
        self.found: list[tuple[str, dict, str]] = []
        self._starts: list[int] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs)))
        self._starts.append(len(self.text))

    def handle_endtag(self, tag):
        open_tag, attrs = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        self.found.append((tag, attrs, self.text[self._starts.pop():]))

    def handle_data(self, data):
        self.text += data


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert not t.stack
    return t


def test_text_is_escaped_and_spans_wrapped():
    text = "a <b>x</b> & \"q\""
    out = render_highlighted(text, [Highlight(2, 10, "mark", (("class", "sel"),))])
    assert str(out) == 'a <mark class="sel">&lt;b&gt;x&lt;/b&gt;</mark> &amp; &#34;q&#34;'


def test_nested_spans_nest():
    text = "0123456789"
    out = str(render_highlighted(text, [Highlight(1, 9, "mark"), Highlight(3, 5, "span")]))
    assert out == "0<mark>12<span>34</span>5678</mark>9"


def test_crossing_spans_are_split_not_broken():
    text = "0123456789"
    out = str(render_highlighted(text, [Highlight(1, 6, "mark"), Highlight(4, 8, "span")]))
    assert out == "0<mark>123<span>45</span></mark><span>67</span>89"


def test_equal_spans_nest_by_priority():
    out = str(render_highlighted("abc", [Highlight(0, 3, "span", priority=1), Highlight(0, 3, "mark", priority=5)]))
    assert out == "<mark><span>abc</span></mark>"


def test_attribute_values_are_escaped_and_dangerous_names_refused():
    out = str(render_highlighted("ab", [Highlight(0, 1, "span", (("title", '"><script>'),))]))
    assert "<script>" not in out and "&#34;&gt;&lt;script&gt;" in out
    with pytest.raises(ValueError):
        render_highlighted("ab", [Highlight(0, 1, "span", (("onclick", "x"),))])
    with pytest.raises(ValueError):
        render_highlighted("ab", [Highlight(0, 1, "script")])


def test_out_of_range_and_empty_spans_are_ignored():
    out = str(render_highlighted("abc", [Highlight(2, 1, "mark"), Highlight(5, 9, "mark"), Highlight(1, 1, "mark")]))
    assert out == "abc"


spans = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(["mark", "span", "a"])), max_size=8)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab<>&\"' \n", max_size=30), spans=spans)
def test_any_spans_give_balanced_html_with_the_exact_text(text, spans):
    hls = [Highlight(s, e, tag) for s, e, tag in spans]
    tree = parse(str(render_highlighted(text, hls)))
    assert tree.text == text


def test_safe_snippet_keeps_marks_only():
    assert str(safe_snippet("a &lt;b&gt; <mark>hit</mark> &amp; c")) == "a &lt;b&gt; <mark>hit</mark> &amp; c"
    # A snippet that was not escaped still cannot inject markup.
    assert str(safe_snippet("<script>x</script> <mark>hit</mark>")) == "&lt;script&gt;x&lt;/script&gt; <mark>hit</mark>"
    assert str(safe_snippet("<mark>open")) == "<mark>open</mark>"
    assert str(safe_snippet("close</mark> x")) == "close x"
    assert str(safe_snippet(None)) == ""


def test_article_body_marks_statement_cue_speaker_and_mentions():
    text = 'Intro. "We will trade more," Valko said about Kazakhstan.'
    s = text.index("We will")
    e = text.index(',"') + 1
    art = {
        "text": text,
        "statements": [{
            "id": "x:1-2", "kind": "direct", "start": s, "end": e,
            "cue_span": {"start": text.index("said"), "end": text.index("said") + 4, "text": "said"},
            "speaker_span": {"start": text.index("Valko"), "end": text.index("Valko") + 5, "text": "Valko"},
        }],
        "mentions": [{"start": text.index("Kazakhstan"), "end": text.index("Kazakhstan") + 10,
                      "text": "Kazakhstan", "id": "KZ", "name": "Kazakhstan", "type": "country"}],
    }
    tree = parse(str(article_body(art, selected="x:1-2")))
    assert tree.text == text
    got = {(tag, attrs.get("class")): inner for tag, attrs, inner in tree.found}
    assert got[("mark", "stmt k-direct sel")] == "We will trade more,"
    assert got[("span", "cue on")] == "said"
    assert got[("span", "spk on")] == "Valko"
    assert got[("a", "ment")] == "Kazakhstan"
    unselected = parse(str(article_body(art, selected=None)))
    assert ("span", "cue") in {(t, a.get("class")) for t, a, _ in unselected.found}


def test_article_body_never_nests_links():
    text = "the Russian Foreign Ministry said"
    ms = [
        {"start": 4, "end": 28, "text": text[4:28], "id": "MFA", "name": "MFA", "type": "institution"},
        {"start": 4, "end": 11, "text": "Russian", "id": "RU", "name": "Russia", "type": "country"},
    ]
    html = str(article_body({"text": text, "statements": [], "mentions": ms}))
    assert html.count("<a ") == 1 and "/actors/MFA" in html


def test_fill_months_fills_gaps():
    pts = fill_months([{"period": "2023-11", "count": 2}, {"period": "2024-02", "count": 1}])
    assert [p["period"] for p in pts] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert [p["count"] for p in pts] == [2, 0, 0, 1]
    assert fill_months([]) == []


def test_timeline_svg_draws_one_bar_per_month():
    pts = [{"period": f"2023-{m:02d}", "count": m} for m in (1, 2, 3, 5, 6, 7, 8)]
    svg = str(timeline_svg(pts, title="<b>t</b>"))
    assert svg.count('<rect class="bar"') == 8
    assert 'data-period="2023-04" data-count="0"' in svg
    assert 'data-period="2023-08" data-count="8"' in svg
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert "style=" not in svg  # the UI's CSP forbids inline styles
    assert "No dated" in str(timeline_svg([]))


def test_short_timelines_get_context_months():
    svg = str(timeline_svg([{"period": "2024-05", "count": 12}]))
    assert svg.count('<rect class="bar"') == 6
    periods = re.findall(r'data-period="([^"]+)" data-count="(\d+)"', svg)
    assert periods[0] == ("2024-03", "0") and ("2024-05", "12") in periods


def test_bar_svg_is_clamped():
    assert 'width="100.0"' in str(bar_svg(5, 2))
    assert 'width="0.0"' in str(bar_svg(1, 0))
