"""The page address as the weakest metadata: outlet from the host, publication day from the path."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from quotegraph import extract
from quotegraph.read.from_url import date_from_url, outlet_from_url

TEXT = 'The envoy said the talks would resume. "We are ready," she told reporters.\n'


@pytest.mark.parametrize("url, outlet", [
    ("https://www.reuters.com/world/some-story-2021", "Reuters"),
    ("https://en.trend.az/azerbaijan/politics/12345.html", "Trend"),  # parent domain
    ("https://m.kun.uz/en/news/2021/01/28/x", "Kun.uz"),
    ("http://world.kbs.co.kr/service/news_view.htm?Seq_Code=1", "KBS World"),
    ("https://archive.pakistantoday.com.pk/2019/10/02/x", "Pakistan Today"),
    ("https://www.example-daily.org/news/1", "example-daily.org"),  # unknown: the host itself
    ("http://10.0.0.7/story", "10.0.0.7"),
    ("not an address", None),
    ("http://[::1", None),
    ("", None),
    (None, None),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url, day", [
    ("https://a.example/world/2023/05/17/talks-resume/", "2023-05-17"),
    ("https://a.example/world/2023/5/7/talks", "2023-05-07"),
    ("https://a.example/news/2022-11-26-minister-says", "2022-11-26"),
    ("https://a.example/eng/202304/t20230428_1106.html", "2023-04-28"),
    ("https://a.example/n3/2023/0208/c900-1020.html", "2023-02-08"),
    ("https://a.example/story/2023/02/30/x", None),        # no such day
    ("https://a.example/view/AEN20200924007551325", None),  # an id with digits running on
    ("https://a.example/archive/1875/05/17/x", None),       # before 1990
    ("https://a.example/page/202209/1274637.shtml", None),  # a month is not a day
    ("https://a.example/news/699143.html", None),
    ("https://a.example/briefings/department-press-briefing-may-22-2023/", "2023-05-22"),
    ("https://a.example/issues/5977_september_10_2025/5977_x.html", "2025-09-10"),
    ("https://a.example/world/2019/oct/05/envoy-quits", "2019-10-05"),
    ("https://a.example/press/12-Sept-2024-readout", "2024-09-12"),
    ("https://a.example/briefings.htm?dtl/23358/Briefing+by+Spokesperson+May+23+2014", "2014-05-23"),
    ("https://a.example/news/june-31-2023-x", None),             # no such day
    ("https://a.example/news/summary-22-2023", None),           # "may" inside a word is no month
    ("https://a.example/news/may-2023-report", None),           # a month without a day
    ("https://a.example/2022/01/02/feb-3-2021-recap", "2022-01-02"),  # digits in the path first
    (None, None),
])
def test_date_from_url(url, day):
    assert date_from_url(url, today=date(2026, 1, 1)) == day


def test_a_year_after_next_is_not_a_date():
    assert date_from_url("https://a.example/2031/01/02/x", today=date(2026, 1, 1)) is None
    assert date_from_url("https://a.example/2027/01/02/x", today=date(2026, 1, 1)) == "2027-01-02"


def test_extract_fills_outlet_and_day_from_the_url_only_when_nothing_else_does():
    art = extract(TEXT, url="https://www.reuters.com/world/2023/05/17/envoy-talks/")
    assert (art.outlet, art.published, art.published_how) == ("Reuters", "2023-05-17", "url")
    given = extract(TEXT, url="https://www.reuters.com/world/2023/05/17/envoy-talks/",
                    outlet="Kabar", published="2023-05-16")
    assert (given.outlet, given.published, given.published_how) == ("Kabar", "2023-05-16", "field")
    # The text's own date line beats the address.
    own = extract("Published: 12 March 2024\n\n" + TEXT, url="https://a.example/2023/05/17/x")
    assert own.published == "2024-03-12"
    assert extract(TEXT).outlet is None


def test_a_dateline_takes_only_its_year_from_the_url():
    text = "ASTANA, March 3. The envoy said the talks would resume on Friday.\n"
    art = extract(text, url="https://a.example/news/2024/03/04/envoy")
    assert art.published == "2024-03-03"
    assert art.published_how == "dateline+url"


def test_cli_jsonl_rows_with_only_a_url_get_outlet_and_day(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": TEXT,
                                "url": "https://tass.com/politics/2023-08-19-envoy"}) + "\n",
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "quotegraph", "extract", "--format", "jsonl",
                          str(rows)], capture_output=True, text=True, check=True)
    record = json.loads(out.stdout.splitlines()[0])
    assert record["outlet"] == "TASS"
    assert record["published"] == "2023-08-19"
    assert record["statements"], "the statements are still there"


def test_known_hosts_are_bare_lower_case_domains():
    from quotegraph.read.outlets import KNOWN_HOSTS
    for host, name in KNOWN_HOSTS.items():
        assert host == host.lower().strip() and "." in host and not host.startswith("www."), host
        assert name and name == name.strip(), host
