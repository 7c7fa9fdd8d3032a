"""End to end in headless Chromium (Debian's /usr/bin/chromium, driven by playwright).

The app runs with uvicorn in a thread on 127.0.0.1 and a free port. Screenshots go to
``tests/artifacts/`` for a person to look at. Skips when chromium or playwright is missing
(install chromium with ``.ci/browser.sh``; never ``playwright install``).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web_fixtures import A1_ID, XSS_ID, XSS_STATEMENT, build_db

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"{CHROMIUM} not installed (.ci/browser.sh)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    import uvicorn

    from quotegraph.api import create_app

    db = build_db(tmp_path_factory.mktemp("browser") / "t.db")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


@pytest.fixture()
def page(browser, base_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    pg = ctx.new_page()
    errors: list[str] = []
    outside: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base_url, "data:")) else None)
    yield pg
    ctx.close()
    assert not errors, errors
    assert not outside, f"requests left the app: {outside}"


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_filter_open_and_highlight(page):
    page.goto("/")
    page.fill('input[name="q"]', "Kazakhstan")
    page.press('input[name="q"]', "Enter")
    page.wait_for_url("**/?q=Kazakhstan*")
    assert page.locator("article.card").count() == 20
    assert page.locator("article.card .snippet mark").first.inner_text() == "Kazakhstan"
    shot(page, "search")

    # Filter by a facet: the outlet Northwire.
    page.click('section.facet[data-facet="outlet"] a[data-value="Northwire"]')
    page.wait_for_url("**outlet=Northwire*")
    summary = " ".join(page.locator("p.summary").inner_text().split())
    assert summary == "1 statement matching Kazakhstan", summary
    assert page.locator("article.card").count() == 1
    assert page.locator(".active-filters .chip").first.inner_text().startswith("outlet: Northwire")
    shot(page, "search-facet")

    # Open a statement: the article view with it highlighted and scrolled into view.
    card = page.locator("article.card").filter(has_text="Pressure of this kind")
    card.locator(".snippet a").click()
    page.wait_for_url(f"**/articles/{A1_ID}?s=*")
    sel = page.locator("#article-text mark.stmt.sel")
    assert sel.count() == 1
    assert sel.inner_text() == ("Pressure of this kind only makes Uzbekistan and Kazakhstan value "
                                "dependable partners more,")
    assert page.locator("#article-text .cue.on").inner_text() == "added"
    assert page.locator("#article-text .spk.on").inner_text() == "she"
    assert page.locator(".statements li.st.active").count() == 1
    styles = page.evaluate("""() => ['mark.stmt.sel', '.cue.on', '.spk.on'].map(s =>
        getComputedStyle(document.querySelector('#article-text ' + s)).backgroundColor + '|' +
        getComputedStyle(document.querySelector('#article-text ' + s)).color)""")
    assert len(set(styles)) == 3, styles  # three distinct looks
    assert sel.evaluate("""m => { const r = m.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }""")
    shot(page, "article-selected")


def test_statement_view_shows_groups_and_occasion(page):
    page.goto(f"/articles/{A1_ID}")
    told = page.locator(".statements li.st").filter(has_text="Our neighbours in Central Asia")
    occ = told.locator("p.occasion")
    assert occ.locator(".okind").text_content() == "press conference"
    assert occ.get_attribute("title") == "told reporters"
    together = page.locator(".statements li.st").filter(has_text="Pressure of this kind")
    chips = together.locator("ul.groups li.group a.chip")
    assert [chips.nth(i).inner_text() for i in range(chips.count())] == ["Uzbekistan",
                                                                          "Kazakhstan"]
    assert together.locator("ul.groups li.group").get_attribute("title") == (
        "named together: Uzbekistan and Kazakhstan")
    assert together.locator("ul.groups").is_visible() and occ.is_visible()
    shot(page, "article-groups-occasion")
    chips.first.click()
    page.wait_for_url("**/actors/UZ")

    # The search card shows them too.
    page.goto("/?q=Pressure")
    card = page.locator("article.card").filter(has_text="Pressure of this kind")
    assert card.locator("ul.groups a.chip").count() == 2
    page.goto("/?q=neighbours")
    card = page.locator("article.card").filter(has_text="Our neighbours")
    assert card.locator("p.occasion .okind").text_content() == "press conference"


def test_hash_selects_and_list_click_moves_selection(page):
    art_statements = page.request.get(f"/api/articles/{A1_ID}").json()["statements"]
    first, second = art_statements[0], art_statements[1]
    page.goto(f"/articles/{A1_ID}#s={first['id']}")
    sel = page.locator("#article-text mark.stmt.sel")
    sel.wait_for()
    assert sel.inner_text() == first["text"]
    assert page.locator("#article-text .cue.on").inner_text() == "told"
    page.click(f'.statements a.pick[data-sid="{second["id"]}"]')
    assert page.locator("#article-text mark.stmt.sel").inner_text() == second["text"]
    assert page.locator("#article-text .spk.on").inner_text() == "She"
    assert page.url.endswith(f"#s={second['id']}".replace(":", "%3A")) or second["id"] in page.url


def test_speaker_page_shows_the_chart(page):
    page.goto("/speakers/irina-valko")
    bars = page.locator("svg.chart.timeline rect.bar")
    assert bars.count() == 12
    box = page.locator("svg.chart.timeline").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 80
    tallest = max(float(bars.nth(i).get_attribute("height")) for i in range(bars.count()))
    assert tallest > 50
    assert page.locator("table.ranked a", has_text="Kazakhstan").count() == 1
    shot(page, "speaker")
    page.click("table.ranked a:has-text('Kazakhstan')")
    page.wait_for_url("**/actors/KZ")
    assert page.locator("h1").inner_text() == "Kazakhstan"
    assert page.locator("svg.chart.timeline rect.bar").count() >= 1
    shot(page, "actor")


def test_network_draws_nodes_that_link_to_pages(page):
    page.goto("/network")
    page.wait_for_selector("#network-svg a.node")
    nodes = page.locator("#network-svg a.node")
    assert nodes.count() == 11
    assert page.locator("#network-svg line.edge").count() == 12
    assert page.locator("#network-status").inner_text() == "11 nodes, 12 edges"
    # Every node lies inside the drawing.
    inside = page.evaluate("""() => { const svg = document.getElementById('network-svg');
        const b = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('a.node circle')].every(c => { const r = c.getBoundingClientRect();
          return r.left >= b.left && r.right <= b.right && r.top >= b.top && r.bottom <= b.bottom; }); }""")
    assert inside
    shot(page, "network")
    page.locator('#network-svg a.node[data-id="tomas-berg"] circle').click()
    page.wait_for_url("**/speakers/tomas-berg")
    assert page.locator("h1").inner_text() == "Tomas Berg"


def test_xss_article_shows_payloads_as_text_and_runs_nothing(page):
    page.goto(f"/articles/{XSS_ID}#s={XSS_ID}%3A0-1")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.title() != "pwned"
    assert page.title().startswith("<script>window.__pwned = 4</script>Payload title")
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1; document.title = 'pwned';</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert "{{ 7*7 }}" in text
    assert page.locator("#article-text script, #article-text img, #article-text svg, #article-text b").count() == 0
    page.click(".statements a.pick >> nth=0")
    assert page.locator("#article-text mark.stmt.sel").inner_text() == XSS_STATEMENT
    page.locator("#article-text .ment").first.hover()
    assert page.evaluate("() => window.__pwned === undefined")
    shot(page, "xss-article")
    # The search page shows the same article's statements, still inert.
    page.goto("/?q=quote")
    assert page.evaluate("() => window.__pwned === undefined")
    assert "<img src=x" in page.locator("article.card").first.inner_text()


def test_api_docs_render_offline(page):
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".opblock-summary-path", has_text="/api/statements").count() >= 1
    shot(page, "docs")
