"""Build benchmarks/html_gold/: real news excerpts (tests/gold/real, tests/gold/claims) wrapped
in page templates written here, so the reader's main-text accuracy can be measured.

Deterministic: the same excerpts always give the same pages. Each NNN.html has NNN.json with
the gold: the excerpt's paragraphs as text, and the title/date the template puts in the page.
The boilerplate strings below are ours; the article text is the excerpt, unchanged.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "html_gold"
SOURCES = [ROOT / "tests/gold/real", ROOT / "tests/gold/claims"]
PAGES = 64


def _excerpts():
    for folder in SOURCES:
        for txt in sorted(folder.glob("*.txt")):
            meta = yaml.safe_load(txt.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
            paras = [" ".join(p.split()) for p in txt.read_text(encoding="utf-8").split("\n\n")]
            paras = [p for p in paras if p]
            if len(paras) < 2:
                continue
            yield txt.stem, meta, paras


def _headline(stem: str, paras: list[str]) -> tuple[str, list[str]]:
    """The first line as the headline when it is short and has no full stop, else one made
    from the file name (the page needs a title; the body stays the whole excerpt)."""
    first = paras[0]
    if len(first) < 140 and not first.rstrip().endswith("."):
        return first, paras[1:]
    words = stem.split("_")[1:]
    return " ".join(w.capitalize() for w in words), paras


NAV = "".join(f'<li><a href="/section/{s.lower()}">{s}</a></li>' for s in
              ["Home", "World", "Politics", "Economy", "Region", "Opinion", "Sport", "Culture",
               "Science", "Video", "Photo", "Podcasts", "Archive", "Contacts", "Subscribe"])
SHARE = ('<div class="share"><span>Share:</span> <a href="#">Facebook</a> <a href="#">X</a> '
         '<a href="#">Telegram</a> <a href="#">WhatsApp</a> <a href="#">Copy link</a></div>')
COOKIE = ('<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your '
          'experience and to show relevant advertising. By continuing to browse you agree to our '
          'use of cookies.</p><button>Accept all</button><button>Settings</button></div>')
RELATED = ('<aside class="related"><h3>Related stories</h3><ul>'
           '<li><a href="/a/1">Ministers meet ahead of the regional summit in the capital</a></li>'
           '<li><a href="/a/2">Trade turnover between the two countries grew last year</a></li>'
           '<li><a href="/a/3">Parliament to debate the new budget next week</a></li></ul></aside>')
FOOTER = ('<footer><p>Editorial office: 12 Harbour Street, Office 4, Postal code 010000.</p>'
          '<p>Tel. +1 555 0100. All rights reserved. Reproduction of materials is allowed only '
          'with a hyperlink to the source.</p></footer>')
COMMENTS = ('<section id="comments" class="comments"><h3>Comments (3)</h3>'
            '<div class="comment"><b>reader42</b><p>This is exactly what I expected them to say, '
            'nothing new here at all.</p></div><div class="comment"><b>Marat</b><p>Who will pay '
            'for all of this in the end? Ordinary people as usual.</p></div>'
            '<div class="comment"><b>J. K.</b><p>Good article, thanks for the detailed '
            'report.</p></div></section>')
BIO = ('<div class="author-bio"><p>Our correspondent has covered diplomacy and security for '
       'the newsroom since 2015. Before that she worked for a regional radio station.</p></div>')
READ_ALSO = ('<p class="read-also"><strong>Read also:</strong> <a href="/a/9">Foreign ministers '
             'to hold talks on the sidelines of the forum</a></p>')
PAYWALL = ('<div class="paywall"><h4>Subscribe to keep reading</h4><p>Get unlimited access to '
           'our journalism for just 1 dollar for the first month. Cancel anytime.</p></div>')
CAPTION = ('<figure><img src="/img/photo.jpg" alt=""><figcaption>Delegations at the talks. '
           'Photo: press service</figcaption></figure>')


def _paras(paras, *, read_also=False, caption=False):
    out = []
    for i, p in enumerate(paras):
        out.append(f"<p>{html.escape(p)}</p>")
        if read_also and i == 1:
            out.append(READ_ALSO)
        if caption and i == 0:
            out.append(CAPTION)
    return "\n".join(out)


def _head(title, date, outlet, extra=""):
    t = html.escape(title)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{t} | '
            f'{html.escape(outlet)}</title><meta property="og:title" content="{t}">'
            f'<meta property="article:published_time" content="{date}">{extra}</head>')


def wire(title, date, outlet, paras):
    return (_head(title, date, outlet) + f'<body><header><ul class="nav">{NAV}</ul></header>'
            f'<main><article><h1>{html.escape(title)}</h1><div class="dateline">{date}</div>'
            f'<div class="article-body">{_paras(paras)}</div></article></main>{FOOTER}</body></html>')


def ministry(title, date, outlet, paras):
    return (_head(title, date, outlet) + f'<body><div id="top"><ul>{NAV}</ul></div>'
            f'<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/press">Press</a> &gt; '
            f'Briefings</div><div id="News_Body_Title">{html.escape(title)}</div>'
            f'<div id="News_Body_Time">{date}</div><div id="News_Body_Txt_A">{_paras(paras)}</div>'
            f'<div class="print"><a href="#">Print</a> <a href="#">Close</a></div>{FOOTER}</body></html>')


def newspaper_comments(title, date, outlet, paras):
    return (_head(title, date, outlet) + f'<body>{COOKIE}<nav><ul>{NAV}</ul></nav><article>'
            f'<h1>{html.escape(title)}</h1><time datetime="{date}">{date}</time>{SHARE}'
            f'<div class="story">{_paras(paras, caption=True)}</div></article>{COMMENTS}{FOOTER}</body></html>')


def wordpress(title, date, outlet, paras):
    return (_head(title, date, outlet) + f'<body class="post-template-default single"><div id="page">'
            f'<nav class="main-navigation"><ul>{NAV}</ul></nav><div id="content"><article class="post '
            f'type-post hentry"><header class="entry-header"><h1 class="entry-title">{html.escape(title)}'
            f'</h1><span class="posted-on"><time class="entry-date published" datetime="{date}">{date}'
            f'</time></span></header><div class="entry-content">{_paras(paras, read_also=True)}{SHARE}</div>'
            f'</article>{RELATED}<div id="secondary" class="widget-area"><h3>Tags</h3><a href="#">politics'
            f'</a> <a href="#">diplomacy</a></div></div>{FOOTER}</div></body></html>')


def amp(title, date, outlet, paras):
    return (f'<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>'
            f'{html.escape(title)}</title><link rel="canonical" href="https://example.org/a/1">'
            f'<meta name="date" content="{date}"><script async src="https://cdn.ampproject.org/v0.js">'
            f'</script></head><body><amp-sidebar id="sb"><ul>{NAV}</ul></amp-sidebar><article>'
            f'<h1>{html.escape(title)}</h1><div class="meta">{date}</div>{_paras(paras)}'
            f'<amp-social-share type="facebook"></amp-social-share></article>{RELATED}</body></html>')


def jsonld(title, date, outlet, paras):
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": date, "publisher": {"@type": "Organization", "name": outlet}})
    extra = (f'<meta property="og:site_name" content="{html.escape(outlet)}">'
             f'<script type="application/ld+json">{ld}</script>')
    return (_head(title, date, outlet, extra) + f'<body><header><ul>{NAV}</ul></header><div class="'
            f'container"><h1>{html.escape(title)}</h1><div class="text">{_paras(paras, read_also=True)}'
            f'</div>{BIO}{SHARE}</div>{FOOTER}</body></html>')


def paywall(title, date, outlet, paras):
    toc = "".join(f'<li><a href="#p{i}">Part {i + 1}</a></li>' for i in range(3))
    return (_head(title, date, outlet) + f'<body>{COOKIE}<nav><ul>{NAV}</ul></nav><article><h1>'
            f'{html.escape(title)}</h1><p class="date">{date}</p><div class="toc"><h4>Contents</h4>'
            f'<ol>{toc}</ol></div><div class="article__text">{_paras(paras, caption=True)}</div>'
            f'{PAYWALL}</article>{RELATED}{FOOTER}</body></html>')


def liveblog(title, date, outlet, paras):
    entries = "".join(f'<div class="live-entry"><span class="time">{10 + i:02d}:{(7 * i) % 60:02d}'
                      f'</span><p>{html.escape(p)}</p></div>' for i, p in enumerate(paras))
    return (_head(title, date, outlet) + f'<body><nav><ul>{NAV}</ul></nav><main><h1>'
            f'{html.escape(title)}</h1><div class="live-badge">LIVE</div><p>Updated {date}</p>'
            f'<div class="live-feed">{entries}</div>{SHARE}</main>{FOOTER}</body></html>')


LAYOUTS = [wire, ministry, newspaper_comments, wordpress, amp, jsonld, paywall, liveblog]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.*"):
        old.unlink()
    for n, (stem, meta, paras) in enumerate(_excerpts()):
        if n >= PAGES:
            break
        layout = LAYOUTS[n % len(LAYOUTS)]
        title, body = _headline(stem, paras)
        date = str(meta.get("published") or "2024-01-15")
        outlet = meta.get("outlet") or "News"
        name = f"{n:03d}_{layout.__name__}"
        (OUT / f"{name}.html").write_text(layout(title, date, outlet, body), encoding="utf-8")
        gold = {"source": stem, "url": meta.get("url"), "layout": layout.__name__,
                "title": title, "date": date, "author": None, "text": "\n".join(body)}
        (OUT / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
