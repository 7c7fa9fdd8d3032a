"""The HTML pages, rendered through the app (no browser): content, links, escaping, errors."""

from __future__ import annotations

import re
import warnings
from urllib.parse import quote

import pytest

from test_web_fixtures import A1_ID, XSS_ID, build_db
from test_web_highlight import parse

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2"; irrelevant to these tests
    from fastapi.testclient import TestClient

from quotegraph.api import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("web") / "t.db")
    with TestClient(create_app(db)) as c:
        yield c


def cards(html: str) -> int:
    return html.count('<article class="card"')


def test_home_lists_latest_statements_with_paging(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert cards(html) == 20
    assert "<strong>38</strong> statements" in html
    assert 'href="/?page=2"' in html
    second = client.get("/?page=2").text
    assert cards(second) == 18
    assert "31 articles" in html


def test_search_highlights_matches_and_counts_facets(client):
    html = client.get("/", params={"q": "lectures"}).text
    assert cards(html) == 1
    assert "<mark>lectures</mark>" in html
    assert re.search(r'data-value="irina-valko">\s*<span class="label">Irina Valko</span>\s*'
                     r'<span class="count">1</span>', html)


def test_facet_link_filters(client):
    html = client.get("/").text
    link = re.search(r'<a href="(/\?speaker=tomas-berg)" data-value="tomas-berg">', html)
    assert link, "speaker facet link"
    filtered = client.get(link.group(1).replace("&amp;", "&")).text
    assert cards(filtered) == 3
    assert "speaker: Tomas Berg" in filtered  # the active-filter chip, with its label
    assert 'class="on"' in filtered


def test_statement_card_links_to_the_article_view(client):
    html = client.get("/", params={"q": "lectures"}).text
    m = re.search(r'href="/articles/([0-9a-f]{16})\?s=([^"#]+)#s=', html)
    assert m and m.group(1) == A1_ID


def test_article_view_selects_the_statement(client):
    art = client.get(f"/api/articles/{A1_ID}").json()
    st = art["statements"][0]
    html = client.get(f"/articles/{A1_ID}", params={"s": st["id"]}).text
    body = html[html.index('<div class="text" id="article-text">'):html.index("</article>")]
    tree = parse(body)
    sel = [inner for tag, attrs, inner in tree.found if tag == "mark" and "sel" in attrs.get("class", "").split()]
    assert sel == [st["text"]]
    on = {attrs["class"]: inner for tag, attrs, inner in tree.found if attrs.get("class", "").endswith(" on")}
    assert on == {"cue on": "told", "spk on": "Valko"}
    assert tree.text.startswith(art["text"][:40])
    assert '<script src="/static/article.js" defer></script>' in html


def test_article_view_without_selection_marks_all_statements(client):
    html = client.get(f"/articles/{A1_ID}").text
    body = html[html.index('id="article-text"'):html.index("</article>")]
    assert body.count('<mark class="stmt') == 3
    assert " sel\"" not in body and " on\"" not in body


def test_xss_article_is_escaped_everywhere(client):
    for path in (f"/articles/{XSS_ID}", "/?q=quote", "/speakers/mallory-quill", "/", "/actors"):
        html = client.get(path).text
        assert "<script>window" not in html, path
        assert "<img src=x" not in html, path
        assert "<svg onload" not in html, path
        assert "<b>Evil" not in html, path
        assert "javascript:" not in html, path
    html = client.get(f"/articles/{XSS_ID}").text
    assert "&lt;script&gt;window.__pwned = 1;" in html
    assert "{{ 7*7 }}" in html  # no template evaluation of stored text
    assert "&lt;/mark&gt;&lt;mark&gt;fake marks" in html


def test_speaker_page_has_chart_roles_topics_and_latest(client):
    html = client.get("/speakers/irina-valko").text
    assert "<h1>Irina Valko</h1>" in html
    assert "foreign ministry spokeswoman" in html
    assert html.count('<rect class="bar"') == 12
    assert 'href="/actors/KZ"' in html
    assert cards(html) == 10
    assert "All 30 statements" in html


def test_actor_page_shows_who_talks_about_it(client):
    html = client.get("/actors/WEST").text
    assert "<h1>the West</h1>" in html
    assert 'href="/speakers/irina-valko"' in html and 'href="/speakers/aslan-nurov"' in html
    assert '<rect class="bar"' in html
    assert cards(html) == 2
    odd = client.get("/actors/" + quote("SVG<x>", safe=""))
    assert odd.status_code == 200


def test_lists_of_speakers_and_actors(client):
    html = client.get("/speakers").text
    assert html.index("Irina Valko") < html.index("Tomas Berg")
    assert "Tomas Berg" in client.get("/speakers?q=berg").text
    assert "Irina Valko" not in client.get("/speakers?q=berg").text
    actors = client.get("/actors?type=grouping").text
    assert "the West" in actors and "Kazakhstan" not in actors


def test_network_page_points_its_script_at_the_api(client):
    html = client.get("/network", params={"speaker": "tomas-berg", "min_weight": "2"}).text
    assert 'data-api="/api/network?speaker=tomas-berg&amp;min_weight=2"' in html
    assert '<script src="/static/network.js" defer></script>' in html


def test_bad_input_shows_a_message_not_a_crash(client):
    r = client.get("/", params={"since": "not-a-date"})
    assert r.status_code == 400
    assert "since must be a date" in r.text
    r = client.get("/", params={"since": "2023-06-01", "until": "2023-01-01"})
    assert r.status_code == 400 and 'class="error"' in r.text
    assert client.get("/?page=zzz").status_code == 200


def test_missing_pages_are_html_404s(client):
    for path in ("/speakers/nobody", "/actors/NOWHERE", "/articles/ffffffffffffffff", "/no/such/page"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("text/html")
        assert "Not found" in r.text


def test_static_assets_are_served(client):
    for path in ("/static/app.css", "/static/article.js", "/static/network.js", "/static/favicon.svg"):
        r = client.get(path)
        assert r.status_code == 200 and len(r.content) > 100, path
