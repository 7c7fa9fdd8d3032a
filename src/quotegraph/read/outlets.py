"""News outlets' own spellings, for names as datelines, bylines, footers and corpus fields give them."""

from __future__ import annotations

__all__ = ["KNOWN_HOSTS", "KNOWN_OUTLETS", "normalise_outlet"]

# Lower-case spellings -> the outlet's own name. Extend freely; keys must be lower case.
KNOWN_OUTLETS: dict[str, str] = {
    "tass": "TASS", "itar-tass": "TASS", "tass news agency": "TASS",
    "belta": "BelTA", "belarusian telegraph agency": "BelTA",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "xinhua": "Xinhua", "xinhua news agency": "Xinhua",
    "ria novosti": "RIA Novosti", "ria": "RIA Novosti", "ria-novosti": "RIA Novosti",
    "interfax": "Interfax", "interfax-kazakhstan": "Interfax-Kazakhstan",
    "interfax-ukraine": "Interfax-Ukraine", "kazinform": "Kazinform", "kaztag": "KazTAG",
    "trend": "Trend", "trend news agency": "Trend", "azertac": "AzerTAc",
    "sputnik": "Sputnik", "akipress": "AKIpress", "kabar": "Kabar", "uza": "UzA",
    "rfe/rl": "RFE/RL", "radio free europe/radio liberty": "RFE/RL",
    "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency", "aa": "Anadolu Agency",
    "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo", "yonhap": "Yonhap",
    "irna": "IRNA", "ukrinform": "Ukrinform", "armenpress": "Armenpress",
    "bloomberg": "Bloomberg", "bbc": "BBC", "cnn": "CNN",
}  # fmt: skip

# Registered domains -> the outlet's own name, for addresses with no other outlet (a JSONL row's
# url, a page without a site name). A subdomain falls back to its parent: en.trend.az -> Trend.
# Hosts not listed keep their own name (``dawn.com``). Keys lower case, without "www.".
KNOWN_HOSTS: dict[str, str] = {
    "tass.com": "TASS", "tass.ru": "TASS", "belta.by": "BelTA", "reuters.com": "Reuters",
    "apnews.com": "AP", "afp.com": "AFP", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua",
    "ria.ru": "RIA Novosti", "interfax.ru": "Interfax", "interfax.kz": "Interfax-Kazakhstan",
    "interfax.com.ua": "Interfax-Ukraine", "inform.kz": "Kazinform", "kazinform.kz": "Kazinform",
    "qazinform.com": "Kazinform", "kaztag.kz": "KazTAG", "kaztag.info": "KazTAG",
    "trend.az": "Trend", "azertag.az": "AzerTAc", "apa.az": "APA", "report.az": "Report.az",
    "news.az": "News.Az", "sputniknews.com": "Sputnik", "akipress.com": "AKIpress",
    "kabar.kg": "Kabar", "24.kg": "24.kg", "uza.uz": "UzA", "kun.uz": "Kun.uz",
    "gazeta.uz": "Gazeta.uz", "rferl.org": "RFE/RL", "aa.com.tr": "Anadolu Agency",
    "dpa.com": "dpa", "efe.com": "EFE", "ansa.it": "ANSA", "kyodonews.net": "Kyodo",
    "yna.co.kr": "Yonhap", "irna.ir": "IRNA", "ukrinform.net": "Ukrinform",
    "ukrinform.ua": "Ukrinform", "armenpress.am": "Armenpress", "bloomberg.com": "Bloomberg",
    "bbc.com": "BBC", "bbc.co.uk": "BBC", "cnn.com": "CNN", "aljazeera.com": "Al Jazeera",
    "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian", "ft.com": "Financial Times", "wsj.com": "The Wall Street Journal",
    "globaltimes.cn": "Global Times", "chinadaily.com.cn": "China Daily", "cgtn.com": "CGTN",
    "people.cn": "People's Daily", "scmp.com": "South China Morning Post",
    "kremlin.ru": "Kremlin", "mid.ru": "Russian Foreign Ministry",
    "fmprc.gov.cn": "Chinese Foreign Ministry", "state.gov": "US State Department",
    "whitehouse.gov": "The White House", "gov.uk": "UK Government", "un.org": "United Nations",
    "civil.ge": "Civil.ge", "oc-media.org": "OC Media", "jam-news.net": "JAMnews",
    "eurasianet.org": "Eurasianet", "timesca.com": "The Times of Central Asia",
    "vlast.kz": "Vlast.kz", "asiaplustj.info": "Asia-Plus", "news.am": "news.am",
    "azatutyun.am": "Azatutyun", "mfa.am": "Armenian Foreign Ministry",
    "dawn.com": "Dawn", "arabnews.com": "Arab News", "mercopress.com": "MercoPress",
    "plenglish.com": "Prensa Latina", "prensa-latina.cu": "Prensa Latina",
}  # fmt: skip


def normalise_outlet(name: str | None) -> str | None:
    """The outlet's own spelling for a known outlet (``"Belta"`` -> ``"BelTA"``), else ``name``
    stripped of blanks and of the ``/TASS/`` or ``(Reuters)`` marks; ``None`` for nothing."""
    if name is None:
        return None
    name = name.strip().strip("/()").strip()
    if not name:
        return None
    return KNOWN_OUTLETS.get(name.lower(), name)
