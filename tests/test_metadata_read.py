"""read_metadata on wire copy and scraped pages, in the shapes real inputs have.

Every text here is written for these tests; none is taken from a real article.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph.segment.metadata import Metadata, normalise_outlet, read_metadata

# A scraper's date token, then dateline and first paragraph on the same line.
WIRE_DATE_TOKEN = (
    " date 2024-03-02 ASTANA, March 3. /TASS/. Kazakhstan will host the next round of "
    "consultations on transit routes, the country's deputy foreign minister said on Saturday.\n\n"
    '"We expect all five partners to attend," he told reporters.\n'
)

# A scraped agency page: navigation, empty Updated-at line, headline, sub-headline, dateline.
SCRAPED_PAGE = (
    "All news\n"
    "Updated at:\u00a0\n"
    "\n"
    "Grain corridor talks to resume next week, says envoy\n"
    "\n"
    "The envoy noted that both sides had submitted written proposals\n"
    "\n"
    "GENEVA, October 12. /TASS/. Negotiators will meet again next Tuesday to discuss the grain "
    "corridor, a senior envoy said on Thursday.\n"
    "\n"
    '"The proposals are on the table," the envoy said.\n'
)

# A headline with no dateline, body paragraphs, a Source footer in the BelTA style.
HEADLINE_AND_FOOTER = (
    "Minister: \u2018Our Partners Will Not Be Pressured Into Choosing\u2019\n"
    "\n"
    "\n"
    "In an interview for a regional television channel, the foreign minister discussed trade "
    "between the union states and the wider region.\n"
    "\n"
    "\u201cNobody can dictate to sovereign nations whom they trade with,\u201d he said.\n"
    "\n"
    "Source : Belta\n"
)


def test_date_token_then_dateline_gives_the_datelines_day_and_no_title():
    m = read_metadata(WIRE_DATE_TOKEN)
    assert m.title is None
    assert m.dateline is not None
    assert m.dateline.text == "ASTANA, March 3. /TASS/."
    assert WIRE_DATE_TOKEN[m.dateline.start : m.dateline.end] == m.dateline.text
    assert m.dateline_place == "ASTANA"
    # The date line says 2 March (UTC); the dateline's 3 March is the reporter's day.
    assert m.published == "2024-03-03"
    assert m.published_source == "dateline+date-line"
    assert m.outlet == "TASS"
    assert WIRE_DATE_TOKEN[m.body_start :].startswith("Kazakhstan will host")
    assert [WIRE_DATE_TOKEN[a:b] for a, b in m.skip] == ["date 2024-03-02"]
    assert m.headlines == ()


def test_scraped_page_headline_block_and_boilerplate():
    m = read_metadata(SCRAPED_PAGE)
    assert m.title == "Grain corridor talks to resume next week, says envoy"
    assert [SCRAPED_PAGE[a:b] for a, b in m.headlines] == [
        "Grain corridor talks to resume next week, says envoy",
        "The envoy noted that both sides had submitted written proposals",
    ]
    assert [SCRAPED_PAGE[a:b] for a, b in m.skip] == ["All news", "Updated at:"]
    assert m.dateline is not None and m.dateline.text == "GENEVA, October 12. /TASS/."
    assert SCRAPED_PAGE[m.body_start :].startswith("Negotiators will meet")
    # "October 12" with no year anywhere: never guessed.
    assert m.published is None
    assert m.published_source is None
    assert m.outlet == "TASS"


def test_headline_without_dateline_and_source_footer():
    m = read_metadata(HEADLINE_AND_FOOTER)
    assert m.title == "Minister: \u2018Our Partners Will Not Be Pressured Into Choosing\u2019"
    assert m.dateline is None
    assert HEADLINE_AND_FOOTER[m.body_start :].startswith("In an interview for")
    assert m.outlet == "BelTA"
    assert [HEADLINE_AND_FOOTER[a:b] for a, b in m.skip] == ["Source : Belta"]
    assert m.published is None


def test_date_token_then_body_has_no_title_and_body_after_token():
    text = " date 2023-11-05 Earlier this month, the ministry published a review of its regional policy.\n"
    m = read_metadata(text)
    assert m.title is None
    assert m.published == "2023-11-05"
    assert m.published_source == "date-line"
    assert text[m.body_start :].startswith("Earlier this month")


@pytest.mark.parametrize(
    ("line", "place", "outlet", "published"),
    [
        ("MOSCOW, August 19. /TASS/.", "MOSCOW", "TASS", "2023-08-19"),
        ("MINSK, 3 March (BelTA) -", "MINSK", "BelTA", "2023-03-03"),
        ("ASTANA, Nov 7 (Reuters) -", "ASTANA", "Reuters", "2023-11-07"),
        ("WASHINGTON (AP) \u2014", "WASHINGTON", "AP", "2023-06-01"),
        ("BEIJING, March 3 (Xinhua) --", "BEIJING", "Xinhua", "2023-03-03"),
        ("KYIV, Ukraine (AP) \u2014", "KYIV", "AP", "2023-06-01"),
        ("WASHINGTON, D.C. (AP) \u2014", "WASHINGTON", "AP", "2023-06-01"),
        ("MOSCOW, Aug. 19 /ITAR-TASS/ -", "MOSCOW", "TASS", "2023-08-19"),
        ("MOSCOW, August 19 - RIA Novosti.", "MOSCOW", "RIA Novosti", "2023-08-19"),
        ("ASTANA. KAZINFORM -", "ASTANA", "Kazinform", "2023-06-01"),
        ("NEW YORK, Jan 5, 2024 (Reuters) -", "NEW YORK", "Reuters", "2024-01-05"),
        ("ST. PETERSBURG, June 16. /TASS/.", "ST. PETERSBURG", "TASS", "2023-06-16"),
        ("Minsk, 12 April (BelTA) -", "Minsk", "BelTA", "2023-04-12"),
        ("TASHKENT, May 2 -", "TASHKENT", None, "2023-05-02"),
        ("BISHKEK \u2014", "BISHKEK", None, "2023-06-01"),
    ],
)
def test_dateline_shapes(line, place, outlet, published):
    # The date line gives the year closest to it (7 November 2023 is nearer 1 June 2023
    # than 7 November 2022 is); datelines without a day take the date line's date.
    text = f"date 2023-06-01 {line} The delegation arrived for two days of talks on energy.\n"
    m = read_metadata(text)
    assert m.dateline is not None, line
    assert m.dateline.text == line
    assert m.dateline_place == place
    assert m.outlet == outlet
    assert m.published == published
    assert text[m.body_start :].startswith("The delegation arrived")


def test_a_transcript_label_with_a_bracketed_name_is_no_dateline():
    text = ("Briefing by the Official Spokesperson\n\nOfficial Spokesperson (Shri Anand Varma): "
            "Good morning and welcome.\n\nQuestion: When do the talks resume?\n")
    m = read_metadata(text)
    assert m.dateline is None
    assert m.outlet is None
    assert text[m.body_start:].startswith("Official Spokesperson (Shri")


@pytest.mark.parametrize(
    "text",
    [
        "US \u2013 China talks stall over tariffs\n\nThe talks ended without agreement on Friday.\n",
        "UPDATE 2 \u2014 Ministers meet in Baku\n\nThe ministers met on Friday for talks.\n",
        "Lavrov (Russia) says the talks were useful\n\nThe talks were held in Moscow.\n",
        "Energy ministers meet in Vienna\n\nThe ministers met on Friday.\n",
    ],
)
def test_headlines_that_only_look_like_datelines(text):
    m = read_metadata(text)
    assert m.dateline is None
    assert m.title == text.split("\n", 1)[0]
    assert text[m.body_start :].startswith("The ")


@pytest.mark.parametrize(
    ("text", "published", "how"),
    [
        # dateline day beats a date line one day earlier (the scraper's UTC clock)
        ("date 2023-08-18 MOSCOW, August 19. /TASS/. Body text.\n", "2023-08-19", "dateline+date-line"),
        # and one day later
        ("date 2023-08-20 MOSCOW, August 19. /TASS/. Body text.\n", "2023-08-19", "dateline+date-line"),
        # across the new year: the closest year, not the date line's
        ("date 2022-12-31 MOSCOW, January 1. /TASS/. Body text.\n", "2023-01-01", "dateline+date-line"),
        ("date 2024-01-01 MOSCOW, December 31. /TASS/. Body text.\n", "2023-12-31", "dateline+date-line"),
        # an Updated-at line with a date and time gives the year
        ("Updated at: 19 Aug 2023 14:05\n\nMOSCOW, August 19. /TASS/. Body text.\n", "2023-08-19",
         "dateline+updated-at"),
        ("Updated at: 19 Aug 2023 14:05\n\nThe ministry said on Friday it would reply.\n", "2023-08-19",
         "updated-at"),
        ("Published: 2023-05-04 10:00\n\nThe ministry said on Friday it would reply.\n", "2023-05-04",
         "published-line"),
        # a dateline with its own year
        ("NEW YORK, Jan 5, 2024 (Reuters) - Body text.\n", "2024-01-05", "dateline"),
        # no year evidence: no date
        ("MOSCOW, August 19. /TASS/. Body text.\n", None, None),
        ("The ministry said on Friday it would reply.\n", None, None),
        # an impossible date line is no evidence
        ("date 2023-02-30 MOSCOW, August 19. /TASS/. Body text.\n", None, None),
    ],
)
def test_published_evidence(text, published, how):
    m = read_metadata(text)
    assert (m.published, m.published_source) == (published, how)


# Page shapes with the date under the headline, a byline, a masthead. Texts written for the tests.
@pytest.mark.parametrize(
    ("head", "dateline", "published", "how", "outlet"),
    [
        ("Transit talks resume\n\n4 July 2024 | 15:20\n\nMINSK, 4 July (BelTA) \u2013",
         "MINSK, 4 July (BelTA) \u2013", "2024-07-04", "dateline+date-line", "BelTA"),
        ("12 March 2024, 09:15\n\nTransit talks resume", None, "2024-03-12", "date-line", None),
        ("Transit talks resume\n\n24/05/2023 16:05\n\nBISHKEK (AKIpress) -",
         "BISHKEK (AKIpress) -", "2023-05-24", "date-line", "AKIpress"),
        ("Transit talks resume\n\n29.01.2024 17:10\n\nST PETERSBURG, 29 January (BelTA) \u2013",
         "ST PETERSBURG, 29 January (BelTA) \u2013", "2024-01-29", "dateline+date-line", "BelTA"),
        ("Transit talks resume\n\nPolitics Materials 15 April 2024 13:42 (UTC +04:00)\n\nBAKU, Azerbaijan, April 15.",
         "BAKU, Azerbaijan, April 15.", "2024-04-15", "dateline+date-line", None),
        ("Transit talks resume\n\nBy Reuters\nNovember 7, 2023 4:12 PM GMT+6\n\nASTANA, Nov 7 (Reuters) -",
         "ASTANA, Nov 7 (Reuters) -", "2023-11-07", "dateline+date-line", "Reuters"),
        ("Transit talks resume\n\nBy The Associated Press\nUpdated 6:12 PM GMT+4, May 4, 2023\n\nARLINGTON, Va. (AP) \u2014",
         "ARLINGTON, Va. (AP) \u2014", "2023-05-04", "updated-at", "AP"),
        ("Transit talks resume\n\nPublished 11:25 AM GMT+6, February 28, 2023\n\nASTANA, Kazakhstan (AP) \u2014",
         "ASTANA, Kazakhstan (AP) \u2014", "2023-02-28", "published-line", "AP"),
        ("Transit talks resume\n\nSource: Xinhua| 2022-06-08 21:37:10|Editor: desk\n\nBEIJING, June 8 (Xinhua) --",
         "BEIJING, June 8 (Xinhua) --", "2022-06-08", "dateline+date-line", "Xinhua"),
        ("Transit talks resume\n\n25.12.2023 14:31\n\nST. PETERSBURG. Dec 25 (Interfax) -",
         "ST. PETERSBURG. Dec 25 (Interfax) -", "2023-12-25", "dateline+date-line", "Interfax"),
        ("Interfax-Kazakhstan\n\nTransit talks resume\n\n14 June 2023 14:35\n\nASTANA. June 14 (Interfax-Kazakhstan) -",
         "ASTANA. June 14 (Interfax-Kazakhstan) -", "2023-06-14", "dateline+date-line", "Interfax-Kazakhstan"),
        ("Transit talks resume\n\nNovember 19, 2024 14:32 GMT\nBy RFE/RL's Kyrgyz Service\n\nShare\nComments",
         None, "2024-11-19", "date-line", "RFE/RL"),
    ],
)
def test_page_heads_with_date_lines_and_bylines(head, dateline, published, how, outlet):
    joint = " " if dateline else "\n\n"  # the body follows the dateline on its line
    text = head + joint + "The two ministers met in the capital on Monday for talks.\n\nMore text.\n"
    m = read_metadata(text)
    assert m.title == "Transit talks resume"
    assert [text[a:b] for a, b in m.headlines] == ["Transit talks resume"]
    assert (m.dateline.text if m.dateline else None) == dateline
    assert (m.published, m.published_source, m.outlet) == (published, how, outlet)
    assert text[m.body_start :].startswith("The two ministers met")


def test_a_headline_that_mentions_a_date_is_still_the_headline():
    text = "Summit on 5 March 2024 to review transit\n\nThe ministers will meet in Astana.\n"
    m = read_metadata(text)
    assert m.title == "Summit on 5 March 2024 to review transit"
    assert m.published is None and m.skip == ()


def test_given_fields_win_and_the_given_date_gives_the_datelines_year():
    text = "MOSCOW, August 19. /TASS/. Body text.\n"
    m = read_metadata(text, title="  Given title ", published="2023-08-18", outlet="reuters")
    assert m.title == "Given title"
    assert m.outlet == "Reuters"  # the container's outlet, in its known spelling
    assert (m.published, m.published_source) == ("2023-08-19", "dateline+field")
    assert read_metadata("Talks resume\n\nMOSCOW, May 5. /TASS/. Body.", title=" ").title == "Talks resume"
    plain = read_metadata("The ministry said on Friday it would reply.\n", published="2023-08-18T22:00:00Z")
    assert (plain.published, plain.published_source) == ("2023-08-18", "field")


@pytest.mark.parametrize(
    "line",
    [
        "All news",
        "All news \u203a",
        "Read more",
        "Read more: Ministers agree on a new transit corridor",
        "READ MORE",
        "See also: Earlier talks in Tashkent",
        "Share",
        "Share this article",
        "Print",
        "Tweet",
        "Updated at:",
        "Updated at: 19 Aug 2023 14:05",
        "Last updated 3 March 2023",
        "Source : Belta",
        "Source: Reuters",
        "Subscribe to our Telegram channel",
        "Follow us on social media",
        "We use cookies to improve your experience on this website. Accept",
        "By continuing to browse the site you agree to our use of cookies.",
        "Cookie policy",
        "Advertisement",
        "Tags: diplomacy, trade",
        "\u00a9 2023 Example News Agency",
        "Copyright 2023 Example News. All rights reserved.",
        "3 min read",
        "By The Associated Press",
        "(Reporting by the Almaty newsroom; Editing by the Asia desk)",
        "Enditem",
        "Stay up-to-date with more news on our messenger channel",
    ],
)
def test_boilerplate_lines_are_skipped(line):
    text = f"Ministers agree on transit corridor\n\n{line}\n\nThe ministers agreed on Friday to build the road.\n"
    m = read_metadata(text)
    assert [text[a:b] for a, b in m.skip] == [line]
    assert m.title == "Ministers agree on transit corridor"
    assert text[m.body_start :].startswith("The ministers agreed")


@pytest.mark.parametrize(
    "line",
    [
        "Related to this, the minister said the corridor would open in the spring.",
        "Updated figures show that trade grew by a fifth over the year.",
        "Share prices fell sharply after the announcement.",
        "Sources said the talks would continue.",
        "Copyright law was not on the agenda, the minister said.",
        "Accept that we disagree, the minister told his counterpart.",
        "By Friday, the ministers had agreed on a text.",
        "By 2030 the corridor should carry ten million tonnes.",
        "Published on Monday, the report criticised the sanctions policy of several states.",
    ],
)
def test_body_lines_that_start_like_boilerplate_are_content(line):
    text = f"MOSCOW, May 5. /TASS/. The talks went on.\n\n{line}\n"
    assert read_metadata(text).skip == ()


def test_boilerplate_first_line_and_crlf_line_endings():
    text = "All news\r\nUpdated at: 2023-07-01\r\n\r\nHeadline about talks\r\n\r\nPARIS (AFP) - Body text.\r\n"
    m = read_metadata(text)
    assert [text[a:b] for a, b in m.skip] == ["All news", "Updated at: 2023-07-01"]
    assert m.title == "Headline about talks"
    assert m.dateline is not None and m.dateline.text == "PARIS (AFP) -"
    assert m.outlet == "AFP"
    assert m.published == "2023-07-01"


def test_source_footer_outlet_only_when_no_dateline_agency():
    text = "BAKU, May 5 (Reuters) - Body text here.\n\nSource: TASS\n"
    m = read_metadata(text)
    assert m.outlet == "Reuters"
    assert read_metadata("Body text here.\n\nSource: ministry press service of the republic\n").outlet is None
    assert read_metadata("Body text here.\n\nSource: press service\n").outlet is None
    assert read_metadata("Body text here.\n\nSource: Kun.uz\n").outlet == "Kun.uz"


@pytest.mark.parametrize(
    ("second", "headline_count"),
    [
        ("He said: \u201cWe will respond.\u201d", 1),  # a full stop inside quotes ends a sentence
        ("The talks will resume in May (officials said).", 1),
        ("Asked about the talks, he replied:", 1),
        ("Envoys to meet again in spring", 2),  # a sub-headline
        ("Will the corridor open?", 2),
    ],
)
def test_headline_block_ends_at_the_first_sentence(second, headline_count):
    text = f"Transit talks resume in Almaty\n\n{second}\n\nThe delegations met on Monday for talks.\n"
    m = read_metadata(text)
    assert m.title == "Transit talks resume in Almaty"
    assert len(m.headlines) == headline_count
    body = second if headline_count == 1 else "The delegations met"
    assert text[m.body_start :].startswith(body)


def test_short_lines_without_a_following_paragraph_are_content_not_a_title():
    text = "Talks resumed in Geneva\n"
    m = read_metadata(text)
    assert m.title is None
    assert m.headlines == ()
    assert m.body_start == 0


@pytest.mark.parametrize("text", ["", "   \n\n  ", "All news\nShare\n"])
def test_texts_with_no_content(text):
    m = read_metadata(text)
    assert m.title is None
    assert m.body_start == len(text)


@pytest.mark.parametrize(
    ("given", "expected"),
    [("Belta", "BelTA"), ("BELTA", "BelTA"), (" /TASS/ ", "TASS"), ("itar-tass", "TASS"),
     ("(Reuters)", "Reuters"), ("Associated Press", "AP"), ("ria novosti", "RIA Novosti"),
     ("Kun.uz", "Kun.uz"), ("", None), (None, None)],
)  # fmt: skip
def test_normalise_outlet(given, expected):
    assert normalise_outlet(given) == expected


def test_long_single_line_text_is_fast_enough_and_has_no_title():
    text = "The minister said trade grew. " * 300_000  # 9 MB on one line
    m = read_metadata(text)
    assert m.title is None and m.body_start == 0 and m.dateline is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("MOSCW, Augst19./TA()-\u2014\n \u00a0dte20-8AllnewsSource:")) )
       | st.text())
def test_never_raises_and_spans_are_inside_the_text(text):
    m = read_metadata(text)
    assert isinstance(m, Metadata)
    assert 0 <= m.body_start <= len(text)
    for a, b in (*m.skip, *m.headlines):
        assert 0 <= a < b <= len(text)
    assert list(m.skip) == sorted(m.skip)
    if m.dateline is not None:
        assert text[m.dateline.start : m.dateline.end] == m.dateline.text
        assert m.dateline.end <= m.body_start
