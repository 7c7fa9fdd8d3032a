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
    # Regional and national papers, broadcasters and agencies often met in international news.
    "1lurer.am": "Armenian Public TV (1lurer.am)", "armradio.am": "Public Radio of Armenia",
    "mediamax.am": "Mediamax", "paralel.az": "Paralel.az", "turan.az": "Turan",
    "messenger.com.ge": "The Messenger", "rustavi2.ge": "Rustavi 2", "mtavari.tv": "Mtavari",
    "interpressnews.ge": "Interpressnews", "agenda.ge": "Agenda.ge", "tashkenttimes.uz": "Tashkent Times",
    "kt.kz": "Kazakhstan Today", "tengrinews.kz": "Tengrinews", "astanatimes.com": "The Astana Times",
    "khovar.tj": "Khovar", "turkmenportal.com": "Turkmenportal", "montsame.mn": "Montsame",
    "afintl.com": "Afghanistan International", "tolonews.com": "TOLOnews",
    "dailymaverick.co.za": "Daily Maverick", "sowetanlive.co.za": "Sowetan Live",
    "news24.com": "News24", "iol.co.za": "IOL", "the-star.co.ke": "The Star (Kenya)",
    "nation.africa": "Nation", "standardmedia.co.ke": "The Standard", "mfa.go.ke":
    "Kenya Ministry of Foreign and Diaspora Affairs", "dailypost.ng": "Daily Post",
    "premiumtimesng.com": "Premium Times", "punchng.com": "Punch", "vanguardngr.com": "Vanguard",
    "thenigerianvoice.com": "The Nigerian Voice", "today.ng": "TODAY", "qualitytvng.com": "Quality TV",
    "thenewsmatrics.com": "The News Matrics", "channelstv.com": "Channels Television",
    "thisdaylive.com": "ThisDay", "guardian.ng": "The Guardian (Nigeria)",
    "ghanaweb.com": "GhanaWeb", "mynewsgh.com": "MyNewsGh", "myjoyonline.com": "MyJoyOnline",
    "gna.org.gh": "GNA", "ahram.org.eg": "Ahram Online", "egypttoday.com": "Egypt Today",
    "middleeastmonitor.com": "Middle East Monitor", "thegulfobserver.com": "The Gulf Observer",
    "gulfnews.com": "Gulf News", "thenationalnews.com": "The National", "khaleejtimes.com":
    "Khaleej Times", "wam.ae": "WAM", "spa.gov.sa": "SPA", "qna.org.qa": "QNA",
    "jordantimes.com": "The Jordan Times", "petra.gov.jo": "Petra", "naharnet.com": "Naharnet",
    "timesofisrael.com": "The Times of Israel", "haaretz.com": "Haaretz", "wanaen.com": "WANA",
    "mehrnews.com": "Mehr News Agency", "tehrantimes.com": "Tehran Times", "presstv.ir": "Press TV",
    "tasnimnews.com": "Tasnim", "anews.com.tr": "A News", "dailysabah.com": "Daily Sabah",
    "hurriyetdailynews.com": "Hürriyet Daily News", "trtworld.com": "TRT World",
    "arynews.tv": "ARY News", "aaj.tv": "Aaj News", "thefrontierpost.com": "The Frontier Post",
    "minutemirror.com.pk": "Minute Mirror", "pakistantoday.com.pk": "Pakistan Today",
    "samaaenglish.tv": "SAMAA", "tribune.com.pk": "The Express Tribune", "geo.tv": "Geo News",
    "thenews.com.pk": "The News International", "app.com.pk": "APP",
    "newindianexpress.com": "The New Indian Express", "thehindu.com": "The Hindu",
    "hindustantimes.com": "Hindustan Times", "indianexpress.com": "The Indian Express",
    "timesofindia.indiatimes.com": "The Times of India", "ptinews.com": "PTI",
    "mea.gov.in": "Ministry of External Affairs of India", "dailyasianage.com":
    "The Asian Age (Bangladesh)", "thedailystar.net": "The Daily Star", "bssnews.net": "BSS",
    "kbs.co.kr": "KBS World", "koreaherald.com": "The Korea Herald", "koreatimes.co.kr":
    "The Korea Times", "taipeitimes.com": "Taipei Times", "focustaiwan.tw": "Focus Taiwan",
    "mofa.go.jp": "Ministry of Foreign Affairs of Japan", "japantimes.co.jp": "The Japan Times",
    "nhk.or.jp": "NHK", "ecns.cn": "ECNS", "suara.my": "Suara", "bernama.com": "Bernama",
    "thestar.com.my": "The Star (Malaysia)", "antaranews.com": "Antara", "thejakartapost.com":
    "The Jakarta Post", "inquirer.net": "Inquirer", "pna.gov.ph": "Philippine News Agency",
    "vietnamnews.vn": "Viet Nam News", "vnexpress.net": "VnExpress", "bangkokpost.com":
    "Bangkok Post", "nationthailand.com": "The Nation (Thailand)", "straitstimes.com":
    "The Straits Times", "channelnewsasia.com": "CNA", "abc.net.au": "ABC",
    "turkic.world": "TurkicWorld", "iuvmpress.co": "IUVM Press",
    "odishatv.in": "Odisha TV", "agenciabrasil.ebc.com.br": "Agência Brasil",
    "telesurenglish.net": "teleSUR", "batimes.com.ar": "Buenos Aires Times",
    "france24.com": "France 24", "dw.com": "DW", "euronews.com": "Euronews", "politico.eu":
    "Politico Europe", "politico.com": "Politico", "foxnews.com": "Fox News", "nbcnews.com":
    "NBC News", "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "npr.org": "NPR",
    "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times", "axios.com": "Axios",
    "thehill.com": "The Hill", "independent.co.uk": "The Independent", "telegraph.co.uk":
    "The Telegraph", "thetimes.co.uk": "The Times", "economist.com": "The Economist",
    "kyivindependent.com": "The Kyiv Independent", "pravda.com.ua": "Ukrainska Pravda",
    "meduza.io": "Meduza", "themoscowtimes.com": "The Moscow Times", "rt.com": "RT",
    "novinite.com": "Novinite", "balkaninsight.com": "Balkan Insight",
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
