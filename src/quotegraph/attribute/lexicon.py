"""English word lists for attribution, as named constants (textacy's REPORTING_VERBS habit).

Every list is data: extend it here, and the compiled patterns in ``cues`` and ``mentions`` pick
it up. Verb forms are listed explicitly (no stemming) so a reviewer sees exactly what counts.
"""

from __future__ import annotations

# Reporting verbs that introduce speech directly: "X said (that) ...", "..., X said".
REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "stressed", "stresses", "noted", "notes", "added",
    "adds", "underscored", "underscores", "underlined", "underlines", "emphasised", "emphasized",
    "emphasises", "emphasizes", "warned", "warns", "stated", "states", "explained", "explains",
    "concluded", "concludes", "recalled", "recalls", "argued", "argues", "insisted", "insists",
    "announced", "announces", "reiterated", "reiterates", "confirmed", "confirms", "denied",
    "denies", "claimed", "claims", "urged", "urges", "asserted", "asserts", "declared",
    "declares", "acknowledged", "acknowledges", "admitted", "admits", "observed", "remarked",
    "commented", "comments", "replied", "replies", "responded", "answered", "complained",
    "complains", "assured", "assures", "promised", "promises", "vowed", "vows", "predicted",
    "predicts", "revealed", "reveals", "disclosed", "maintained", "maintains", "highlighted",
    "highlights", "mentioned", "wrote", "writes", "tweeted", "posted", "suggested", "suggests",
    "proposed", "proposes", "objected", "cautioned", "cautions", "specified", "clarified",
    "reaffirmed", "reaffirms", "signalled", "signaled", "indicated", "indicates", "alleged",
    "alleges", "contended", "reckoned", "estimated", "forecast", "added", "continued",
    "went on", "pointed out", "points out", "made it clear", "made clear", "called on",
    "calls on", "called for", "calls for", "informed", "briefed", "conceded", "opined",
    "insisted", "boasted", "lamented", "charged", "countered", "retorted", "quipped",
    "acknowledged", "recounted", "elaborated", "summed up", "concluded", "asked", "asks",
    "reported", "reports", "reads", "reminded", "reminds",
    # Plural present tense ("Protesters claim that ..."); the speaker phrase before the cue
    # is required, so the noun and infinitive readings ("the claim", "to warn") do not count.
    "claim", "argue", "insist", "warn", "deny", "urge", "contend", "allege", "maintain",
    "complain", "tell", "note", "acknowledge", "admit", "emphasize", "emphasise", "stress",
    "explain", "assert", "concede", "declare", "confirm", "write",
    # Testimony and replies ("Clinton testified that ...", "Sanders responds that ...").
    "testified", "testifies", "testify", "responds", "respond", "contends",
) + tuple(f"{aux} {verb}" for aux in ("is", "was", "are", "were", "has been", "have been", "had been")
          for verb in ("saying", "telling", "calling for", "calling on", "warning", "arguing",
                       "claiming", "insisting", "urging"))
# The progressive cues above ("is calling for") read as their present tense ("calls for").
PROGRESSIVE_AS = {"saying": "says", "telling": "tells", "calling for": "calls for",
                  "calling on": "calls on", "warning": "warns", "arguing": "argues",
                  "claiming": "claims", "insisting": "insists", "urging": "urges"}

# Reporting verbs that take a direct object that is the content: "criticised this approach".
OBJECT_VERBS = (
    "criticised", "criticized", "criticises", "criticizes", "dismissed", "dismisses",
    "condemned", "condemns", "denounced", "denounces", "rejected", "rejects", "slammed",
    "welcomed", "welcomes", "praised", "praises", "hailed", "hails", "questioned",
    "ruled out", "rules out", "reaffirmed", "backed", "defended", "blamed", "blames", "accused",
    "accuses", "described", "describes", "characterised", "characterized", "called",
    "highlighted", "highlights", "underlined", "outlined", "outlines", "calls", "termed",
    "terms", "dubbed", "dubs", "labelled", "labeled", "labels", "branded", "brands", "blasted",
    "blasts",
    # Judgements with "as" ("portrayed him as a reformer")
    "portrayed", "portrays",
) + (
    # Rarer evaluative, directive and commissive speech acts of real wire copy. The gold keeps
    # the object ("lauded the delegation for its work", "refuted the allegations") and, for a
    # request or a pledge, the infinitive with its "to" ("encouraged investors to open plants",
    # "pledged to double exports"). A subject before the cue is still required.
    "lauded", "lauds", "faulted", "faults", "rebuked", "rebukes", "refuted", "refutes",
    "encouraged", "encourages", "implored", "implores", "advised", "advises", "instructed",
    "instructs", "pledged", "pledges", "promised", "vowed",
    # A refusal to exclude is a statement of what stays possible ("did not rule out new tariffs").
    "did not rule out", "does not rule out", "has not ruled out", "have not ruled out",
    "had not ruled out", "would not rule out", "cannot rule out", "can't rule out",
)

# Multi-word reporting phrases whose content follows a preposition (kept out of the content).
PHRASAL_CUES = (
    "expressed concern about", "expressed concern over", "expressed concern that",
    "expressed concerns about", "expressed concerns over", "expressed his concern about",
    "expressed her concern about", "expressed his concerns about", "expressed her concerns about",
    "expressed hope that", "expressed the hope that", "expressed confidence that",
    "expressed his belief in", "expressed her belief in", "expressed his belief that",
    "expressed her belief that", "expressed the belief that", "expressed regret that",
    "expressed regret over", "expressed support for", "expressed his hope that",
    "expressed her hope that", "expressed his confidence that", "expressed her confidence that",
    "drew attention to the fact that", "drew attention to", "draws attention to",
    "spoke about", "spoke of", "talked about", "commented on",
    "reminded that", "reminded reporters that", "made the point that", "took the view that",
    "voiced concern about", "voiced concern over", "voiced hope that", "voiced support for",
    "raised concerns about", "raised concern about", "called attention to",
    "spoke in favour of", "spoke in favor of", "spoke out against", "warned against",
    "warned of", "warned about", "warns of", "warns about", "warns against", "complained about", "complained of", "insisted on",
    "pointed to", "referred to", "focused on", "touched upon", "touched on", "dwelt on",
    "gave assurance that", "gave assurances that", "gave an assurance that", "went on to say",
    "went on to add", "went on to say that",
    # Appeals, warnings and advocacy whose object is the content ("appealed to the parties to
    # refrain from escalation" -> "the parties to refrain from escalation").
    "appealed to", "cautioned against", "cautions against", "advocated for",
    "advocates for", "spoke out in favour of", "expressed confidence in", "expresses confidence in",
    "expressed shock over", "expresses shock over", "expressed shock at", "expressed bewilderment at",
    "expresses bewilderment at", "expressed outrage at", "expressed outrage over",
    "expressed dismay at", "expressed dismay over", "expressed disappointment with",
    "expressed disappointment over", "expressed disappointment at",
)

# Auxiliaries and adverbs allowed between a speaker and the cue: "Lavrov has also repeatedly said".
CUE_MODIFIERS = (
    "also", "further", "again", "once again", "repeatedly", "earlier", "previously", "then",
    "later", "has", "had", "have", "has also", "had also", "also has", "in turn", "however",
    "particularly", "specifically", "separately", "additionally", "firmly", "publicly",
    "openly", "bluntly", "flatly", "categorically", "clearly", "strongly", "reportedly",
    "recently", "today", "yesterday", "would", "will", "has repeatedly", "had repeatedly",
    "himself", "herself", "themselves",
    "then", "subsequently", "now", "already", "explicitly", "directly", "personally",
    "often", "frequently", "privately", "usually", "routinely", "sometimes", "immediately",
    "quickly", "initially", "first", "originally", "long",
)

# The finite auxiliaries and modals that show a clause has its verb ("X said the talks *would*
# resume"), as one regex alternation for the patterns that look for a clause; the negated forms
# with either apostrophe. Patterns add their own extras ("that", "not", "never").
AUXILIARIES = ("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
               "should", "may", "might", "must", "did", "does", "do")
NEGATED_AUXILIARIES = ("cannot", "won[’']t", "wouldn[’']t", "couldn[’']t", "isn[’']t", "wasn[’']t",
                       "aren[’']t", "weren[’']t", "doesn[’']t", "don[’']t", "didn[’']t")
AUX = "|".join(AUXILIARIES)
NEGATED_AUX = "|".join(NEGATED_AUXILIARIES)

# Passive reporting: "were emphasized by Lavrov".
PASSIVE_AUX = ("was", "were", "has been", "have been", "had been", "is", "are")
PASSIVE_PARTICIPLES = (
    "said", "stated", "emphasized", "emphasised", "stressed", "noted", "underscored",
    "underlined", "highlighted", "mentioned", "pointed out", "announced", "confirmed",
    "reported", "voiced", "raised", "expressed", "claimed", "denied", "criticised",
    "criticized", "dismissed", "welcomed", "praised", "rejected", "condemned", "described",
    "singled out", "cited", "acknowledged", "recognised", "recognized", "underlined", "proposed",
)

# Attribution through a preposition: "according to X", plus common misspellings in real copy.
ACCORDING_TO = ("according to", "accodring to", "acording to", "accoring to", "accordng to",
                "accordig to", "according to to", "as per", "in the words of")

PRONOUNS = {"he": "m", "she": "f", "they": "p", "He": "m", "She": "f", "They": "p"}
# Object pronouns stand for a speaker after "according to" and "quoted ... as saying".
OBJECT_PRONOUNS = {"him": "m", "her": "f", "them": "p", "Him": "m", "Her": "f"}
# Possessives stand for a speaker in "In his words, X".
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f", "their": "p"}

# Role nouns: "the minister", "the top Russian diplomat". Each head maps to words that must
# occur in the title a person was introduced with for that person to be a candidate.
ROLE_HEADS: dict[str, tuple[str, ...]] = {
    "minister": ("minister",),
    "foreign minister": ("foreign minister", "minister of foreign affairs", "foreign affairs minister",
                         "secretary of state", "foreign secretary", "top diplomat"),
    "foreign policy chief": ("foreign policy chief", "high representative", "top diplomat"),
    "diplomat": ("foreign", "diplomat", "ambassador", "envoy", "spokes", "secretary of state",
                 "ministry"),
    "top diplomat": ("foreign minister", "minister of foreign affairs", "foreign affairs minister",
                     "secretary of state", "foreign secretary", "top diplomat",
                     "foreign policy chief", "high representative"),
    "chief diplomat": ("foreign minister", "minister of foreign affairs", "foreign affairs minister",
                       "secretary of state", "foreign secretary"),
    "deputy minister": ("deputy",),
    "deputy foreign minister": ("deputy",),
    "spokeswoman": ("spokeswoman", "spokesperson", "spokesman", "press secretary", "spokes"),
    "spokesman": ("spokesman", "spokesperson", "spokeswoman", "press secretary", "spokes"),
    "spokesperson": ("spokes", "press secretary"),
    "press secretary": ("press secretary", "spokes"),
    "president": ("president", "head of state"),
    "leader": ("president", "leader", "prime minister", "chancellor", "premier", "head of state"),
    "head of state": ("president", "head of state", "king", "emir"),
    "prime minister": ("prime minister", "premier"),
    "premier": ("prime minister", "premier"),
    "chancellor": ("chancellor",),
    "ambassador": ("ambassador",),
    "envoy": ("envoy", "ambassador", "representative"),
    "secretary": ("secretary",),
    "secretary of state": ("secretary of state",),
    "secretary general": ("secretary general", "secretary-general"),
    "secretary-general": ("secretary general", "secretary-general"),
    "official": ("official", "minister", "deputy", "spokes", "secretary", "director", "head"),
    "senator": ("senator",),
    "governor": ("governor",),
    "chairman": ("chairman", "chair"),
    "chairwoman": ("chairwoman", "chair"),
    "chair": ("chair",),  # "the AU chair said": a chairman, chairwoman or chairperson
    "chairperson": ("chair",),
    "head": ("head", "chief", "director", "chairman"),
    "chief": ("chief", "head"),
    "politician": ("minister", "president", "senator", "deputy", "speaker", "leader"),
    "lawmaker": ("deputy", "senator", "lawmaker", "member of parliament", "mp"),
    "speaker": ("speaker",),
    "official representative": ("official representative", "spokes"),
    "representative": ("representative", "envoy"),
    "general": ("general",),
    "commander": ("commander", "general"),
    "candidate": ("candidate",),
    "nominee": ("nominee", "candidate"),
    "aide": ("aide", "adviser", "advisor", "assistant"),
    "adviser": ("adviser", "advisor", "aide", "assistant"),
    "advisor": ("adviser", "advisor", "aide", "assistant"),
    "assistant": ("assistant", "aide", "adviser", "advisor"),
    "counselor": ("counselor", "counsellor"),
    "counsellor": ("counselor", "counsellor"),
    "state counselor": ("state counselor", "state counsellor"),
    "mayor": ("mayor",),
    "emir": ("emir",),
    "king": ("king",),
    "queen": ("queen",),
    "sheikh": ("sheikh",),
    # Abbreviated titles as copy uses them: "The FM said", "the PM told reporters".
    "fm": ("foreign minister", "minister of foreign affairs", "foreign affairs minister", "fm"),
    "pm": ("prime minister", "premier", "pm"),
}

# Female and male role nouns, used for pronoun agreement.
FEMALE_TITLE_WORDS = ("spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen",
                      "first lady", "ms.", "mrs.", "madam")
MALE_TITLE_WORDS = ("spokesman", "chairman", "congressman", "businessman", "king", "mr.")

# Nouns that end a portfolio of several words after "for" or "of" ("Commissioner for Climate
# Action", "Minister of Works and Housing"): a capitalised one of them after a title word is
# still the title, not the first word of a personal name.
PORTFOLIO_WORDS = frozenset("""
action affairs development cooperation co-operation relations planning resources protection
change policy services integration works communications technology innovation reform reforms
welfare rights power water mines mining sport sports youth women family information media
administration housing lands budget revenue investment markets enterprise employment aviation
railways highways telecommunications broadcasting safety solidarity diaspora planning
""".split())

# Words that may make up a title before a name ("Russian Deputy Foreign Minister Mikhail Galuzin").
TITLE_WORDS = frozenset("""
minister ministry spokeswoman spokesman spokesperson deputy foreign affairs president vice prime
secretary state general chairman chairwoman chair head chief ambassador envoy special
representative official permanent director senator congressman congresswoman governor mayor
premier chancellor king queen emir sheikh prince crown first lady press presidential assistant
advisor adviser aide commissioner high commission council member speaker leader chief of staff
commander defence defense interior finance economy economic trade justice security national
acting former ex- current new incoming outgoing top senior junior executive managing board
spokesperson-in-chief department office service agency federal foreign-affairs lieutenant colonel
major admiral marshal gen. col. lt. mr. mrs. ms. dr. prof. sen. rep. gov. pres. sir lord lady
delegation party opposition parliamentary parliament duma federation house committee union
european eurasian collective treaty organization organisation cooperation economic commissioner
mission to at for the of and un nato osce eu csto cis sco eaeu brics g7 g20 asean policy
affairs trade climate energy fm pm mp journalist reporter correspondent editor
analyst expert professor activist lawyer researcher economist scholar commentator columnist
blogger host anchor mr mrs ms dr counselor counsellor secretary-general negotiator mediator
envoy-designate president-elect lead fisheries agriculture health education transport labour labor
environment culture tourism industry commerce infrastructure emergency emergencies
secretary-general's vice-president vice-premier deputy-minister
democrat democratic republican gop conservative liberal independent billionaire donor candidate
nominee front-runner frontrunner hopeful incumbent sen rep gov strategist consultant pollster
charge chargé d'affaires d'affairs
operative lobbyist assemblyman assemblywoman councilman councilwoman alderman
""".split())

# Honorifics that West African, East African and South Asian copy puts before a name ("Amb.
# Yusuf Tuggar", "Engr. Greg Nnaji", "Alhaji Lai Mohammed", "Hon Shirley Botchwey", "H.E.
# President Ruto"): titles, never a given name. The tokeniser drops the dot of all but "H.E.".
# Not "Barr" (a surname as often as the barrister's title) nor "Md" (an abbreviated given name).
# Kenyan copy writes a Cabinet Secretary as "CS Firstname Surname".
HONORIFICS = frozenset("""
amb engr alhaji alhaja hajiya hajia mallam malam hon honourable honorable arc pst pastor rev
revd prof h.e. cs
""".split())
TITLE_WORDS = TITLE_WORDS | HONORIFICS

# Heads that make a capitalised noun phrase an institution rather than a person.
INSTITUTION_HEADS = frozenset("""
ministry department office kremlin house government administration commission council
parliament duma senate congress committee agency service embassy mission secretariat
cabinet presidency court bank fund assembly chamber bureau directorate command staff
headquarters mfa
""".split())

# Unnamed sources: the statement keeps the words but gets no speaker.
UNNAMED_SOURCE_HEADS = (
    "source", "sources", "official", "officials", "diplomat", "diplomats", "observer", "observers",
    "analyst", "analysts", "expert", "experts", "insider", "insiders", "person", "people",
    "spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "witness",
    "witnesses", "resident", "residents", "aide", "aides", "critics", "supporters", "member",
    "members", "lawmaker", "lawmakers", "media", "reports", "report", "statement", "document",
    "data", "statistics", "survey", "poll", "study", "estimates", "figures", "eyewitnesses",
    "protesters", "protestors", "demonstrators", "activists", "villagers", "locals",
    "participants", "organisers", "organizers", "campaigners", "journalists", "reporters",
    "sides", "others",
    # collective sources of real wire copy: "..., police said", "prosecutors say"
    "police", "authorities", "prosecutors", "investigators", "officers", "advisers", "advisors",
    "lawyers", "attorneys", "doctors", "scientists", "researchers", "economists", "historians",
    "scholars", "academics", "strategists", "pollsters", "commentators", "allies", "relatives",
    "neighbours", "neighbors", "voters", "legislators", "senators", "leaders", "opponents",
    "proponents", "advocates", "commanders", "soldiers", "troops", "rebels", "militants",
    "rescuers", "medics", "regulators", "negotiators", "inspectors", "monitors", "investors",
    "traders", "executives", "bankers", "forecasters", "spokespeople", "spokesmen", "delegates",
)

# Adjectives of nationality used in titles: "Russian Foreign Minister", "Kazakh leader".
NATIONALITY_ADJECTIVES = frozenset("""
Russian Kazakh Kazakhstani Kyrgyz Uzbek Tajik Turkmen Belarusian Armenian Azerbaijani Georgian
Ukrainian Chinese American US U.S. British UK French German Turkish Indian Iranian Japanese
European EU Moldovan Mongolian Afghan Pakistani Israeli Palestinian Syrian Iraqi Saudi Emirati
Qatari Egyptian Polish Lithuanian Latvian Estonian Finnish Swedish Norwegian Danish Dutch
Belgian Italian Spanish Portuguese Greek Hungarian Serbian Croatian Romanian Bulgarian Czech
Slovak Austrian Swiss Canadian Australian Brazilian Mexican Argentine Venezuelan Cuban Korean
South North Vietnamese Indonesian Malaysian Thai Philippine Singaporean Kenyan Nigerian
Ethiopian African Arab Kremlin White
""".split())

# Nationality words and country names in titles, to the country they name: "the Uzbek minister"
# and "Uzbekistan's foreign minister" are the same office; "the Belarusian minister" is not.
COUNTRY_WORDS: dict[str, str] = {}
for _code, _words in {
    "RUS": "Russian Russia Russia's Russia’s Moscow",
    "KAZ": "Kazakh Kazakhstani Kazakhstan Kazakhstan's Kazakhstan’s",
    "KGZ": "Kyrgyz Kyrgyzstan Kyrgyzstan's Kyrgyzstan’s",
    "UZB": "Uzbek Uzbekistan Uzbekistan's Uzbekistan’s",
    "TJK": "Tajik Tajikistan Tajikistan's Tajikistan’s",
    "TKM": "Turkmen Turkmenistan Turkmenistan's Turkmenistan’s",
    "BLR": "Belarusian Belarus Belarus's Belarus’s Belarus'",
    "ARM": "Armenian Armenia Armenia's Armenia’s",
    "AZE": "Azerbaijani Azerbaijan Azerbaijan's Azerbaijan’s",
    "GEO": "Georgian Georgia Georgia's Georgia’s",
    "UKR": "Ukrainian Ukraine Ukraine's Ukraine’s",
    "CHN": "Chinese China China's China’s",
    "USA": "American US U.S. America's America’s",
    "GBR": "British UK U.K. Britain Britain's Britain’s",
    "FRA": "French France France's France’s",
    "DEU": "German Germany Germany's Germany’s",
    "TUR": "Turkish Turkey Turkey's Turkey’s Türkiye",
    "IND": "Indian India India's India’s",
    "IRN": "Iranian Iran Iran's Iran’s",
    "JPN": "Japanese Japan Japan's Japan’s",
    "EU": "EU EU's EU’s European",
    "SRB": "Serbian Serbia Serbia's Serbia’s",
    "QAT": "Qatari Qatar Qatar's Qatar’s",
    "ISR": "Israeli Israel Israel's Israel’s",
    "PSE": "Palestinian Palestine",
    "ARG": "Argentine Argentinian Argentina Argentina's Argentina’s",
    "BRA": "Brazilian Brazil Brazil's Brazil’s",
    "ZAF": "South-African",
    "NGA": "Nigerian Nigeria Nigeria's Nigeria’s",
    "KEN": "Kenyan Kenya Kenya's Kenya’s",
    "UGA": "Ugandan Uganda Uganda's Uganda’s",
    "EGY": "Egyptian Egypt Egypt's Egypt’s",
    "SAU": "Saudi",
    "ARE": "Emirati UAE",
    "PAK": "Pakistani Pakistan Pakistan's Pakistan’s",
    "AFG": "Afghan Afghanistan Afghanistan's Afghanistan’s",
    "POL": "Polish Poland Poland's Poland’s",
    "ITA": "Italian Italy Italy's Italy’s",
    "ESP": "Spanish Spain Spain's Spain’s",
    "HUN": "Hungarian Hungary Hungary's Hungary’s",
    "MDA": "Moldovan Moldova Moldova's Moldova’s",
    "MNG": "Mongolian Mongolia Mongolia's Mongolia’s",
    "CAN": "Canadian Canada Canada's Canada’s",
    "MEX": "Mexican Mexico Mexico's Mexico’s",
    "SYR": "Syrian Syria Syria's Syria’s",
    "IRQ": "Iraqi Iraq Iraq's Iraq’s",
    "LTU": "Lithuanian Lithuania",
    "LVA": "Latvian Latvia",
    "EST": "Estonian Estonia",
    "FIN": "Finnish Finland Finland's Finland’s",
}.items():
    for _w in _words.split():
        COUNTRY_WORDS[_w] = _code


# Words that cannot be the start of a speaker name even when capitalised (sentence-initial).
NON_NAME_WORDS = frozenset("""
The A An This That These Those It Its In On At For From With By As But And Or If When While
After Before Since Until During Despite However Meanwhile Moreover Also Still Yet Thus So Then
There Here Such Some Many Most All Both Each Every Other Another Any No Not Our Their His Her
We They You He She I Why What Who Whom Whose Which Where How Speaking According Earlier Later
Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December Mr Mrs Ms
Asked Recently Last Next Over Under Between Among Against Amid Following Unlike Like Given
Because Although Though Unless Once Having Being Instead Indeed Perhaps Even Only Just Now Soon
Shortly Already Again Finally Eventually Initially Overall Beyond Others Latest Hours Minutes
Days Weeks Months Years Year Moments Nevertheless Nonetheless Furthermore Besides Separately
Similarly Likewise Notably Apparently Reportedly Allegedly Obviously Clearly Several Few
""".split())
