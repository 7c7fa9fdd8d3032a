"""Extraction cases as (text, expected) tables: each hard case the engine must get right.

Every text here is written for these tests. ``expect`` lists (kind, content, speaker) triples in
document order; the statement list must match exactly, so a missed or an extra statement fails.
"""

from __future__ import annotations

import pytest

from quotegraph import extract

CASES = [
    # --- direct quotes -------------------------------------------------------------------
    (
        "straight quote, pronoun after",
        'Kazakh Foreign Minister Murat Nurtleu met his Uzbek counterpart in Tashkent.\n\n'
        '"We agreed to open two new border crossings before winter," he said.',
        [("direct", "We agreed to open two new border crossings before winter", "Murat Nurtleu")],
    ),
    (
        "curly quote with nested single quotes, inverted attribution",
        "“Some capitals still speak of ‘balancing’ as if it were a crime,” said Sergey Lavrov.",
        [("direct", "Some capitals still speak of ‘balancing’ as if it were a crime", "Sergey Lavrov")],
    ),
    (
        "guillemets and a colon introduction",
        "Belarusian Foreign Minister Maxim Ryzhenkov said: «Our trade with the region grew by a fifth.»",
        [("direct", "Our trade with the region grew by a fifth.", "Maxim Ryzhenkov")],
    ),
    (
        "quote split by its attribution gives two statements",
        '"The door is open," the spokeswoman said, "but nobody will be dragged through it."\n'
        "Earlier that day Russian Foreign Ministry Spokeswoman Maria Zakharova had held a briefing.",
        [
            ("direct", "The door is open", "Maria Zakharova"),
            ("direct", "but nobody will be dragged through it.", "Maria Zakharova"),
        ],
    ),
    (
        "quote running on into the next paragraph",
        "Deputy Foreign Minister Andrei Rudenko spoke at length about the region.\n\n"
        "“We see no reason to change the format of the talks.\n\n"
        "“The parties know what is on the table and what is not,” Rudenko said.",
        [
            ("direct", "We see no reason to change the format of the talks.", "Andrei Rudenko"),
            ("direct", "The parties know what is on the table and what is not", "Andrei Rudenko"),
        ],
    ),
    (
        "unattributed quoted paragraph continues the previous speaker",
        "“The corridor will carry ten million tonnes by 2027,” Azerbaijani Foreign Minister "
        "Jeyhun Bayramov said.\n\n“Nobody can afford to ignore this route any longer.”",
        [
            ("direct", "The corridor will carry ten million tonnes by 2027", "Jeyhun Bayramov"),
            ("direct", "Nobody can afford to ignore this route any longer.", "Jeyhun Bayramov"),
        ],
    ),
    (
        "a quoted paragraph after another person is introduced is that person's, not the old speaker's",
        "“Our position has not changed,” Lavrov said.\n\n"
        "Kyrgyz Foreign Minister Jeenbek Kulubaev, who also attended, was more cautious about the timing.\n\n"
        "“We need more time to study the draft before we can sign it.”",
        [
            ("direct", "Our position has not changed", "Lavrov"),
            ("direct", "We need more time to study the draft before we can sign it.", "Jeenbek Kulubaev"),
        ],
    ),
    (
        "a quoted paragraph after two other people are named has no speaker we can support",
        "“Our position has not changed,” Lavrov said.\n\n"
        "Kulubaev and Mirzoyan, who also attended, were more cautious about the timing.\n\n"
        "“We need more time to study the draft before we can sign it.”",
        [("direct", "Our position has not changed", "Lavrov")],
    ),
    # --- reported speech -----------------------------------------------------------------
    (
        "speaker first with that",
        "Russian Deputy Foreign Minister Mikhail Galuzin said that the consultations would resume in March.",
        [("indirect", "the consultations would resume in March", "Mikhail Galuzin")],
    ),
    (
        "content first, post-posed attribution with circumstances",
        "Moscow will answer any new restrictions in kind, Kremlin spokesman Dmitry Peskov told reporters on Tuesday.",
        [("indirect", "Moscow will answer any new restrictions in kind", "Dmitry Peskov")],
    ),
    (
        "inverted reporting verb",
        "The summit declaration is almost ready, said Kazakh President Kassym-Jomart Tokayev.",
        [("indirect", "The summit declaration is almost ready", "Kassym-Jomart Tokayev")],
    ),
    (
        "passive attribution",
        "Chinese Foreign Minister Wang Yi arrived in Astana on Monday. The need for a common "
        "water strategy was stressed by Wang during the talks.",
        [("indirect", "The need for a common water strategy", "Wang Yi")],
    ),
    (
        "according to, and its misspelling",
        "According to Foreign Minister Ararat Mirzoyan, the text of the treaty is ninety percent agreed.\n\n"
        "Accodring to the minister the remaining issues concern the border commission.",
        [
            ("indirect", "the text of the treaty is ninety percent agreed", "Ararat Mirzoyan"),
            ("indirect", "the remaining issues concern the border commission", "Ararat Mirzoyan"),
        ],
    ),
    (
        "trailing according to",
        "Trade in national currencies reached 90 percent last year, according to Russian Deputy "
        "Prime Minister Alexei Overchuk.",
        [("indirect", "Trade in national currencies reached 90 percent last year", "Alexei Overchuk")],
    ),
    (
        "mixed: reported speech with a quoted fragment",
        "Russian Foreign Minister Sergey Lavrov said the new sanctions were “a sign of helplessness and nothing more”.",
        [("mixed", "the new sanctions were “a sign of helplessness and nothing more”", "Sergey Lavrov")],
    ),
    (
        "adding that: a second statement by the same speaker",
        "Belarus is ready to host the next round, Belarusian Foreign Minister Sergei Aleinik said, "
        "adding that the venue would be announced later.",
        [
            ("indirect", "Belarus is ready to host the next round", "Sergei Aleinik"),
            ("indirect", "the venue would be announced later", "Sergei Aleinik"),
        ],
    ),
    (
        "phrasal cue keeps its object",
        "Uzbek Foreign Minister Bakhtiyor Saidov expressed concern about the falling water level in the Amu Darya.",
        [("indirect", "the falling water level in the Amu Darya", "Bakhtiyor Saidov")],
    ),
    # --- speakers --------------------------------------------------------------------------
    (
        "role noun resolves to the titled person in the article",
        "Russian Foreign Minister Sergey Lavrov arrived in Dushanbe on Friday.\n\n"
        "The top Russian diplomat noted that the CSTO would hold exercises near the Afghan border.",
        [("indirect", "the CSTO would hold exercises near the Afghan border", "Sergey Lavrov")],
    ),
    (
        "two officials, pronouns agree in gender",
        "Russian Foreign Ministry Spokeswoman Maria Zakharova and Deputy Foreign Minister Andrei "
        "Rudenko briefed the press.\n\n"
        "She said that the ministry had summoned the ambassador. He added that a protest note had been handed over.",
        [
            ("indirect", "the ministry had summoned the ambassador", "Maria Zakharova"),
            ("indirect", "a protest note had been handed over", "Andrei Rudenko"),
        ],
    ),
    (
        "institution as speaker takes its fullest name",
        "The Kazakh Foreign Ministry summoned the envoy on Monday.\n\n"
        "Astana regards the remarks as unacceptable, the ministry said.",
        [("indirect", "Astana regards the remarks as unacceptable", "Kazakh Foreign Ministry")],
    ),
    (
        "unnamed sources give no speaker",
        "The talks were postponed until next month, a diplomatic source told Interfax.",
        [("indirect", "The talks were postponed until next month", None)],
    ),
    (
        "a title with 'for' and 'of' keeps its capitalised object out of the name",
        "European Commissioner for Climate Action Wopke Hoekstra told reporters that the fund was ready. "
        "Foreign Minister of Armenia Ararat Mirzoyan said the text was agreed.",
        [
            ("indirect", "the fund was ready", "Wopke Hoekstra"),
            ("indirect", "the text was agreed", "Ararat Mirzoyan"),
        ],
    ),
    # --- headlines -------------------------------------------------------------------------
    (
        "headline with colon and single quotes",
        "Lavrov: 'Nobody will dictate terms to the Eurasian Union'\n\n"
        "MOSCOW, March 3. /TASS/. Russian Foreign Minister Sergey Lavrov met the press.",
        [("direct", "Nobody will dictate terms to the Eurasian Union", "Sergey Lavrov")],
    ),
    (
        "headline with says and with a dash source",
        "Kazakhstan will keep its neutrality, says Tokayev\n\n"
        "ASTANA, May 5 (Reuters) - Kazakh President Kassym-Jomart Tokayev opened the forum.",
        [("indirect", "Kazakhstan will keep its neutrality", "Kassym-Jomart Tokayev")],
    ),
    (
        "headline tag after a colon: 'X: Foreign Office', 'X: spokesperson'",
        "Borland has not shared any data on the missing convoy: Foreign Office\n\n"
        "KESSA, May 5 -- The Borland Foreign Office gave no details on Monday.",
        [("indirect", "Borland has not shared any data on the missing convoy", "Borland Foreign Office")],
    ),
    (
        "a colon before a photo credit or after a topic label is no headline tag",
        "Analysis: grain prices and the new corridor\n\n"
        "The port of Kessa at dawn on the first day of the harvest season (Photo: Ivo Brant)\n\n"
        "KESSA, May 5 -- Grain prices rose by a tenth in May.",
        [],
    ),
    (
        "headline \"Minister says 'ready' to X\": the quoted word opens a clause that goes on (mixed)",
        "Minister says 'ready' to resume talks with Aldania\n\n"
        "KESSA, May 3 -- Trade Minister Ena Kovac spoke to reporters. She said “thanks” to the "
        "staff at the port.",
        [("mixed", "'ready' to resume talks with Aldania", "Ena Kovac"),
         ("direct", "thanks", "Ena Kovac")],
    ),
    # --- patterns from real copy -----------------------------------------------------------
    (
        "a participle after a sentence that reports no speech gives the subject's statement",
        "Georgian Prime Minister Irakli Kobakhidze hit back at the European Parliament on Friday, "
        "saying the resolution ignored the will of Georgian voters.",
        [("indirect", "the resolution ignored the will of Georgian voters", "Irakli Kobakhidze")],
    ),
    (
        "a participle after an introduction",
        "On Tuesday, Armenian Foreign Minister Ararat Mirzoyan met the delegation, telling them "
        "that the peace treaty text was nearly agreed.",
        [("indirect", "the peace treaty text was nearly agreed", "Ararat Mirzoyan")],
    ),
    (
        "a participle whose subject is no speaker is not a statement",
        "The riot police fired water cannon, saying the crowd had turned violent.",
        [],
    ),
    (
        "'with X saying Y': the person after 'with' speaks, not the subject",
        "The tariff plan angered the unions, with Dock Workers' Union Chairman Jon Berg saying "
        "the port would close within a week.",
        [("indirect", "the port would close within a week", "Jon Berg")],
    ),
    (
        "'with' and a thing that is no speaker is not a statement",
        "The market fell sharply, with the latest figures showing a slump in exports.",
        [],
    ),
    (
        "a clause opening with a possessive is not cut at a later relative 'that'",
        "Pavel Dorn said his government would not accept a quota that ignored "
        "the catch of its coastal villages.",
        [("indirect", "his government would not accept a quota that ignored the catch of its coastal villages",
          "Pavel Dorn")],
    ),
    (
        "a lower-case office before a name ('Chief negotiator X said') is a title, not a name",
        "Chief negotiator Pavel Dorn said the talks would resume in April.",
        [("indirect", "the talks would resume in April", "Pavel Dorn")],
    ),
    (
        "a portfolio word before the office: 'Norland's fisheries minister X told'",
        '"We came with a fair offer," Norland\'s fisheries minister Anna Lindqvist told reporters.',
        [("direct", "We came with a fair offer", "Anna Lindqvist")],
    ),
    (
        "a circumstance between the cue and the clause",
        "Kyrgyz President Sadyr Japarov said after the talks he would visit Beijing in June.",
        [("indirect", "he would visit Beijing in June", "Sadyr Japarov")],
    ),
    (
        "an organisation noun inside a title",
        "Opposition party spokesman Levan Khabeishvili told Reuters that the protests would go on.",
        [("indirect", "the protests would go on", "Levan Khabeishvili")],
    ),
    (
        "a quote ending in a question mark keeps its attribution",
        "Reporters pressed the envoy on the deadline.\n\n“Who can promise that today?” "
        "Special Envoy Ilkhom Nematov said.",
        [("direct", "Who can promise that today?", "Ilkhom Nematov")],
    ),
    (
        "a news outlet's credit line is not a second statement",
        "Trade with Georgia rose by a third, Azerbaijani Economy Minister Mikayil Jabbarov said in "
        "Baku on Monday, Report reports.",
        [("indirect", "Trade with Georgia rose by a third", "Mikayil Jabbarov")],
    ),
    (
        "an outlet quoting a person: the person speaks",
        "RIA Novosti quoted Deputy Foreign Minister Andrei Rudenko as saying that the consultations "
        "would resume in March.",
        [("indirect", "the consultations would resume in March", "Andrei Rudenko")],
    ),
    (
        "an object pronoun as the speaker",
        "Uzbek Foreign Minister Bakhtiyor Saidov arrived in Riyadh. Local media quoted him as "
        "saying: “Our investment pipeline with the Gulf is the largest it has ever been.”",
        [("direct", "Our investment pipeline with the Gulf is the largest it has ever been.",
          "Bakhtiyor Saidov")],
    ),
    (
        "an organisation's statement speaks for the organisation",
        "The SCO statement said member states would coordinate their positions on Afghanistan.",
        [("indirect", "member states would coordinate their positions on Afghanistan", "SCO")],
    ),
    (
        "media as the speaker",
        "The Financial Times reported that the pipeline talks had stalled over pricing.",
        [("indirect", "the pipeline talks had stalled over pricing", "Financial Times")],
    ),
    (
        "'he' is the current speaker, not the person he told",
        "Armenian Prime Minister Nikol Pashinyan told Georgian Prime Minister Irakli Kobakhidze "
        "that the border crossing would reopen. He added that rail freight would follow.",
        [("indirect", "the border crossing would reopen", "Nikol Pashinyan"),
         ("indirect", "rail freight would follow", "Nikol Pashinyan")],
    ),
    (
        "'he' after a new person is introduced as a subject goes to that person",
        "Kazakh Foreign Minister Murat Nurtleu said the talks were useful. Later, Turkish Foreign "
        "Minister Hakan Fidan arrived in Astana. He said Ankara backed the transport corridor.",
        [("indirect", "the talks were useful", "Murat Nurtleu"),
         ("indirect", "Ankara backed the transport corridor", "Hakan Fidan")],
    ),
    (
        "a role noun for the only person the article names",
        "According to the President, the new constitution would be put to a referendum.\n\n"
        "“Nobody will be left out of this decision,” Shavkat Mirziyoyev said.",
        [("indirect", "the new constitution would be put to a referendum", "Shavkat Mirziyoyev"),
         ("direct", "Nobody will be left out of this decision", "Shavkat Mirziyoyev")],
    ),
    (
        "FM is a foreign minister's title",
        "FM Bayramov said the visit had gone well. The talks would cover the railway, the "
        "foreign minister added.",
        [("indirect", "the visit had gone well", "Bayramov"),
         ("indirect", "The talks would cover the railway", "Bayramov")],
    ),
    (
        "a role followed by a preposition is a person, resolved to whoever holds the title",
        "Foreign Minister of Armenia Ararat Mirzoyan arrived in Vienna. The talks were useful, "
        "the Minister of Foreign Affairs of Armenia said afterwards.",
        [("indirect", "The talks were useful", "Ararat Mirzoyan")],
    ),
    (
        "a person introduced in apposition after a title gets that title",
        "The mayor's spokesperson, Dana Okafor, said the bridge would reopen in May. The "
        "spokesperson added that the repairs were on budget.",
        [("indirect", "the bridge would reopen in May", "Dana Okafor"),
         ("indirect", "the repairs were on budget", "Dana Okafor")],
    ),
    (
        "a person introduced with a title after the name, then spoken of by the title",
        "Tomas Varga, presidential aide for regional affairs, opened the forum. Presidential "
        "Aide said the new districts would be drawn by spring.",
        [("indirect", "the new districts would be drawn by spring", "Tomas Varga")],
    ),
    (
        "a place before a post-posed attribution is not a person in apposition",
        "Talks must resume in the Middle East, the top Norwegian diplomat Ingrid Solberg said.",
        [("indirect", "Talks must resume in the Middle East", "Ingrid Solberg")],
    ),
    (
        "a phrasal cue followed by ', saying that' is two statements",
        "Mr Okafor called for restraint on both sides, saying that talks would resume next week.",
        [("indirect", "restraint on both sides", "Okafor"),
         ("indirect", "talks would resume next week", "Okafor")],
    ),
    (
        "a country's possessive before a titled name",
        "Ghana's President Kwame Mensah said the border would stay open.",
        [("indirect", "the border would stay open", "Kwame Mensah")],
    ),
    (
        "an opening adverb before the speaker",
        "The hearing was closed. Then Tomas Varga stated that his relatives had taken nothing abroad.",
        [("indirect", "his relatives had taken nothing abroad", "Tomas Varga")],
    ),
    (
        "an occupation before a name is a title",
        "Local reporter Dana Okafor said a police officer pushed her away from the gate.",
        [("indirect", "a police officer pushed her away from the gate", "Dana Okafor")],
    ),
    (
        "present-tense cues of headlines: urges, denies",
        "Chile urges its neighbours to reopen the border crossings\n\nMayor Tomas Varga denies "
        "any link to the cartel.",
        [("indirect", "its neighbours to reopen the border crossings", "Chile"),
         ("indirect", "any link to the cartel", "Tomas Varga")],
    ),
    (
        "asked someone to do something is a request; asked why is not a statement",
        "Dana Okafor asked the donors to release the funds. Later she asked why the convoy was "
        "late. A clerk, who asked not to be named, said the files were missing.",
        [("indirect", "the donors to release the funds", "Dana Okafor"),
         ("indirect", "the files were missing", None)],
    ),
    (
        "quotes listed under an interview header are the interviewee's",
        "Interview with Trade Minister Okafor\n\n  • 'Our exports will double within five years';\n"
        "  • 'The new port is ready for the first ships';\n\nIn an interview with our paper, "
        "Trade Minister Dana Okafor laid out her plans.",
        [("direct", "Our exports will double within five years", "Dana Okafor"),
         ("direct", "The new port is ready for the first ships", "Dana Okafor")],
    ),
    (
        "a paragraph about the same speaker between two quotes keeps the turn",
        "“The talks went well,” said Dana Okafor.\n\nOkafor was speaking at a briefing in Accra on "
        "Monday.\n\n“We will meet again in the spring, and we expect a deal by the summer.”",
        [("direct", "The talks went well", "Dana Okafor"),
         ("direct", "We will meet again in the spring, and we expect a deal by the summer.", "Dana Okafor")],
    ),
    (
        "a family name first takes the given name that follows it",
        "Embassy counsellor Xu Lanfang met the press. Xu said the shipment had been delayed.",
        [("indirect", "the shipment had been delayed", "Xu Lanfang")],
    ),
    (
        "plural common nouns and possessive pronouns as speakers are unnamed",
        "Eyewitnesses said the crowd had gathered before noon. Her administration said the "
        "decree was lawful.",
        [("indirect", "the crowd had gathered before noon", None),
         ("indirect", "the decree was lawful", None)],
    ),
    (
        "called on / urged someone to do something: the person is part of the content",
        "Senator Ruth Alvarez on Wednesday called on the governor to release the audit. She "
        "urged the council to delay the vote.",
        [("indirect", "the governor to release the audit", "Ruth Alvarez"),
         ("indirect", "the council to delay the vote", "Ruth Alvarez")],
    ),
    (
        "a role, then the name with an honorific in apposition",
        "The minister of finance, Mr. Osei Bonsu, argues there is no reason to raise taxes now.",
        [("indirect", "there is no reason to raise taxes now", "Osei Bonsu")],
    ),
    (
        "an introduction without a comma before an untitled name",
        "In a radio interview Mensah declared “the border will stay open.”",
        [("direct", "the border will stay open.", "Mensah")],
    ),
    (
        "a role noun stays with the current speaker when the nearer holder of the title is an object",
        "Kenyan President William Ruto said the corridor would open in March. He later met "
        "Ugandan President Yoweri Museveni in Kampala. “The corridor will change the region,” "
        "the president said.",
        [("indirect", "the corridor would open in March", "William Ruto"),
         ("direct", "The corridor will change the region", "William Ruto")],
    ),
    (
        "a country role prefers the holder from that country; welcoming a guest is no statement",
        "Serbian President Marko Ilic welcomed Qatari Emir Hamad Al Thani in Belgrade. The emir "
        "praised the new gas deal. The Serbian leader added that the pipeline would be built by 2027.",
        [("indirect", "the new gas deal", "Hamad Al Thani"),
         ("indirect", "the pipeline would be built by 2027", "Marko Ilic")],
    ),
    # --- traps: nothing here is a statement -------------------------------------------------
    (
        "scare quotes, format names and programme titles are not statements",
        "The so-called “Central Asia plus one” formats multiplied in recent years. Officials "
        "attended the “Caspian Dialogue” forum, and the show \"Evening Edition\" covered the "
        "'consultations' at length.",
        [],
    ),
    (
        "believes is not a statement",
        "Lavrov believes the West is tired of the sanctions.",
        [],
    ),
    (
        "a bare ministry takes the fuller name the headline gives, not a nearer repetition",
        "Moldovan Foreign Ministry summons Hungarian envoy\n\n"
        "The envoy was called to the Foreign Ministry on Friday morning.\n\n"
        "The Foreign Ministry said the remarks about the border were unacceptable.",
        [("indirect", "the remarks about the border were unacceptable", "Moldovan Foreign Ministry")],
    ),
    (
        "an institution named with two of-phrases keeps both",
        "A statement came from the Ministry of Foreign Affairs of the Republic of Moldova late on "
        "Friday.\n\nThe ministry said the envoy would be asked to explain the remarks.",
        [("indirect", "the envoy would be asked to explain the remarks",
          "Ministry of Foreign Affairs of the Republic of Moldova")],
    ),
    (
        "the PMS of lobby notes is an unnamed spokesman, not a person called PMS",
        "Asked about the strike, the PMS said the government would not reopen the pay offer.",
        [("indirect", "the government would not reopen the pay offer", None)],
    ),
    (
        "according to a reporter, the named speaker of the inner clause speaks",
        "According to a correspondent at the scene, Tokayev added that the new airport would open "
        "next spring.",
        [("indirect", "the new airport would open next spring", "Tokayev")],
    ),
    (
        "a role phrase with its own preposition, then the full name",
        "“Nobody will be allowed to take what belongs to the country,” the head of state "
        "Marat Osmonov said.\n\nThe president spoke at a meeting with farmers.\n\n"
        "The president added that the new rules would apply from March.",
        [
            ("direct", "Nobody will be allowed to take what belongs to the country", "Marat Osmonov"),
            ("indirect", "the new rules would apply from March", "Marat Osmonov"),
        ],
    ),
    (
        "the head of a country's diplomacy is its foreign minister",
        "Kyrgyz Foreign Minister Aibek Toktogulov met Tajik President Rustam Nazarov in "
        "Dushanbe.\n\n“The border is settled for good,” the head of Kyrgyz diplomacy said.",
        [("direct", "The border is settled for good", "Aibek Toktogulov")],
    ),
    (
        "a spokesperson for a named leader is not that leader",
        "“We have no information on the incident,” the spokesperson for Moldovan President Ana "
        "Rusu, Ion Botnaru, said.",
        [("direct", "We have no information on the incident", "Ion Botnaru")],
    ),
    (
        "whom the quote was told to stands between the cue and the quote",
        "Peace talks\n\nArmenian Prime Minister Nikol Pashinyan told reporters: “The text is "
        "almost ready.”\n\nLater Pashinyan told Public TV, “We will sign when it is fair.”",
        [
            ("direct", "The text is almost ready.", "Nikol Pashinyan"),
            ("direct", "We will sign when it is fair.", "Nikol Pashinyan"),
        ],
    ),
    (
        "a colon closing the paragraph before the quote",
        "Grain deal\n\nTurkish Foreign Minister Hakan Fidan said:\n\n“The corridor must stay "
        "open for every ship that carries food.”",
        [("direct", "The corridor must stay open for every ship that carries food.", "Hakan Fidan")],
    ),
    (
        "the subject of a first verb speaks the second",
        "Visit to Minsk\n\nIn Minsk, Kazakh Foreign Minister Murat Nurtleu met students and later "
        "said the new visa rules would help them.",
        [("indirect", "the new visa rules would help them", "Murat Nurtleu")],
    ),
    (
        "an opening phrase before a participle cue",
        "Border row\n\nOn Monday, Azerbaijani President Ilham Aliyev lashed out at the monitors, "
        "saying their mandate had expired.",
        [("indirect", "their mandate had expired", "Ilham Aliyev")],
    ),
    (
        "plural present-tense cues, an aside between the speaker and the cue",
        "Clashes in Tbilisi\n\nThe police said the march had been peaceful. Protesters, however, "
        "claim that officers stood by during the assaults.",
        [
            ("indirect", "the march had been peaceful", None),
            ("indirect", "officers stood by during the assaults", None),
        ],
    ),
    (
        "a judgement verb with a quoted judgement is a mixed statement",
        "Rally row\n\nGeorgian Prime Minister Irakli Kobakhidze calls the opposition rally a "
        "“march of ruin” and says that it has no programme.",
        [
            ("mixed", "the opposition rally a “march of ruin”", "Irakli Kobakhidze"),
            ("indirect", "it has no programme", "Irakli Kobakhidze"),
        ],
    ),
    (
        "the noun claim and the infinitive to warn are not cues",
        "Drone row\n\nRussia’s claim that the drones came from the west was not backed by "
        "evidence. Officials wanted to warn that the deal was fragile.",
        [],
    ),
    (
        "a role nobody's title fits goes to the nearest person named without a title",
        "Iran and Iraq\n\nAraghchi told state television that the trip had gone well.\n\n"
        "The visit sent a clear message to the region, the top diplomat said.",
        [
            ("indirect", "the trip had gone well", "Araghchi"),
            ("indirect", "The visit sent a clear message to the region", "Araghchi"),
        ],
    ),
    (
        "a speaker label and a colon without quotation marks, in a headline and a list item",
        "Qatari minister: Talks on the ceasefire will resume next week\n\n"
        "  • Al-Khulaifi: both sides have accepted the new text\n\n"
        "Qatari Minister of State Mohammed Al-Khulaifi spoke in Doha on Monday.",
        [
            ("indirect", "Talks on the ceasefire will resume next week", "Mohammed Al-Khulaifi"),
            ("indirect", "both sides have accepted the new text", "Mohammed Al-Khulaifi"),
        ],
    ),
    (
        "a name with an Al- family part given once in full",
        "Gaza talks\n\nQatar's Prime Minister Mohammed bin Abdulrahman Al-Thani attends the "
        "meeting in Doha.\n\n“We are closer than ever,” Mohammed bin Abdulrahman said.",
        [("direct", "We are closer than ever", "Mohammed bin Abdulrahman Al-Thani")],
    ),
    (
        "lowercase portfolio ministries keep apart, and a bare ministry is the nearest one",
        "Border shooting\n\nThe interior ministry said the shooting had lasted an hour. Earlier, "
        "the defense ministry said two soldiers were wounded. The ministry added that the border "
        "was calm again.",
        [
            ("indirect", "the shooting had lasted an hour", "Interior Ministry"),
            ("indirect", "two soldiers were wounded", "Defense Ministry"),
            ("indirect", "the border was calm again", "Defense Ministry"),
        ],
    ),
    (
        "a topic after 'spoke about' or 'commented on' is not a statement; a clause is",
        "Talks in Kabul\n\nTajik Foreign Minister Sirojiddin Muhriddin spoke about relations "
        "with Afghanistan. He also commented on the border and said the crossing would reopen.",
        [("indirect", "the crossing would reopen", "Sirojiddin Muhriddin")],
    ),
    (
        "'argued over' a thing is a dispute, not a claim; 'argued that' is",
        "Quota row\n\nThe two fishing ministries have argued over the quota since spring. "
        "Norland's minister Erik Sand argued that the stock could bear a larger catch.",
        [("indirect", "the stock could bear a larger catch", "Erik Sand")],
    ),
    (
        "a curly quote closed by a straight mark ends there, and copy without spaces still splits",
        "Harbour talks\n\nPortland's Trade Minister Dana Oyelaran met the delegation on Monday."
        "“Nobody leaves this table empty-handed,\" Oyelaran told reporters.She said that the next "
        "round would open in May.“We will be ready,” the minister said.",
        [
            ("direct", "Nobody leaves this table empty-handed", "Dana Oyelaran"),
            ("indirect", "the next round would open in May", "Dana Oyelaran"),
            ("direct", "We will be ready", "Dana Oyelaran"),
        ],
    ),
    (
        "a straight quote closed by a curly mark ends there",
        'Border row\n\n"The crossing stays shut until the survey is done,” the Kestavian '
        "Interior Minister Tomas Vell said on Tuesday.",
        [("direct", "The crossing stays shut until the survey is done", "Tomas Vell")],
    ),
    (
        "content opening with 'This' before ', he said' is content, not an introduction",
        "Grain deal\n\nMarek Halloran, the Kestavian farm minister, left the session early. "
        "This proposal sets a dangerous precedent for every exporter, he said.\n\n"
        "This week, the ministry said, the first shipments would leave the port.",
        [
            ("indirect", "This proposal sets a dangerous precedent for every exporter", "Marek Halloran"),
            ("indirect", "the first shipments would leave the port", "ministry"),
        ],
    ),
    (
        "'he' is the person the paragraph is about, not a man named in the paragraph before",
        "Letter row\n\nFormer US President Donald Trump wrote to the council last month.\n\n"
        "Foreign Minister Dana Oyelaran chaired the closing session.\n\n"
        "The request has no precedent, he said.",
        [("indirect", "The request has no precedent", "Dana Oyelaran")],
    ),
    (
        "a role that opens the article is the first person named after it without a title",
        "Letter row\n\nThe top Kestavian diplomat stated on Monday that the letter had not arrived.\n\n"
        "Oyelaran then met the ambassadors and told them that the talks would resume.",
        [("indirect", "the letter had not arrived", "Oyelaran"),
         ("indirect", "the talks would resume", "Oyelaran")],
    ),
    (
        "'it' and 'the communiqué' speak for the institution that issued the statement",
        "Quota row\n\nThe Norland Fisheries Ministry said on Monday that the quota was final.\n\n"
        "“No vessel will fish past the line this season” it adds.\n\n"
        "The communiqué also accuses the coastguard of “needless provocations” at sea.",
        [
            ("indirect", "the quota was final", "Norland Fisheries Ministry"),
            ("direct", "No vessel will fish past the line this season", "Norland Fisheries Ministry"),
            ("indirect", "the coastguard of “needless provocations” at sea", "Norland Fisheries Ministry"),
        ],
    ),
    (
        "'the statement said' after 'X issued a statement' is X's",
        "Quota row\n\nThe Kestavian Interior Ministry issued a statement on the border closure. "
        '"The crossing will reopen once the survey is complete," the statement said.\n\n'
        "“We regret the delay to travellers,” it reads.",
        [
            ("direct", "The crossing will reopen once the survey is complete", "Kestavian Interior Ministry"),
            ("direct", "We regret the delay to travellers", "Kestavian Interior Ministry"),
        ],
    ),
    (
        "'Prince Khalid' is the Khalid bin Saad Al-Marri of the caption",
        "Gulf talks\n\nKestavian Foreign Minister Prince Khalid bin Saad Al-Marri attends a panel "
        "at the forum. (AFP)\n\nKestavian Foreign Minister Prince Khalid bin Saad told the forum on "
        "Friday that the pipeline talks would resume.\n\nPrince Khalid added that no date had been "
        "set for the next round.",
        [
            ("indirect", "the pipeline talks would resume", "Khalid bin Saad Al-Marri"),
            ("indirect", "no date had been set for the next round", "Khalid bin Saad Al-Marri"),
        ],
    ),
    (
        "'he' before the surname is used again still gets the full name",
        "March row\n\nTV Norvik reported that the marchers were paid. Later came a reply from the protester, Pavel "
        "Dregan, at the rally.\n\nHe said that TV Norvik had used an old "
        "photo of him. Dregan added that the channel never called him.",
        [
            ("indirect", "the marchers were paid", "TV Norvik"),
            ("indirect", "TV Norvik had used an old photo of him", "Pavel Dregan"),
            ("indirect", "the channel never called him", "Pavel Dregan"),
        ],
    ),
    (
        "a role label that names its holder in brackets once keeps that name for later turns",
        "Briefing by the Official Spokesperson (March 3, 2026)\n\n"
        "Official Spokesperson (Shri Anand Varma): Good morning and welcome to this briefing.\n\n"
        "We have two visits to announce today and then I will take your questions.\n\n"
        "Question: When will the trade talks with the neighbours resume?\n\n"
        "Official Spokesperson: The dates are being worked out through diplomatic channels.",
        [
            ("direct", "Good morning and welcome to this briefing.", "Anand Varma"),
            ("direct", "We have two visits to announce today and then I will take your questions.", "Anand Varma"),
            ("direct", "When will the trade talks with the neighbours resume?", None),
            ("direct", "The dates are being worked out through diplomatic channels.", "Anand Varma"),
        ],
    ),
    (
        "', saying, “...”' after an introduction: the quotation, word for word, by the subject",
        "Campaign trail\n\nAt a rally in the evening, Senator Ana Ribeiro attacked the trade plan, "
        "saying, “It gives away our ports for nothing.”\n\nMeanwhile, it attacked the senator, "
        "saying her numbers were invented.",
        [
            ("direct", "It gives away our ports for nothing.", "Ana Ribeiro"),
            ("indirect", "her numbers were invented", None),
        ],
    ),
    (
        "', they say' and 'But many farmers say' are attributions; 'as they say' is an idiom",
        "Grain deal\n\nThe scheme has grown far beyond its first purpose, they say. But many farmers "
        "say the subsidy comes too late. Still, as they say, the harvest waits for nobody.",
        [
            ("indirect", "The scheme has grown far beyond its first purpose", None),
            ("indirect", "the subsidy comes too late", None),
        ],
    ),
    (
        "', calling X a Y' and ', urging X to' are what the subject said",
        "Campaign trail\n\nSenator Ana Ribeiro hit back on Friday, calling the governor a coward. "
        "Governor Luis Prado left the hall, urging his voters to stay calm.",
        [
            ("indirect", "the governor a coward", "Ana Ribeiro"),
            ("indirect", "his voters to stay calm", "Luis Prado"),
        ],
    ),
    (
        "a name in apposition after a short description is the speaker",
        "Port deal\n\nNorland's harbour master, Piet Vos, said the new berths would open in June.",
        [("indirect", "the new berths would open in June", "Piet Vos")],
    ),
    (
        "'Though she said X, ...': a pronoun after a subordinator opens the clause",
        "Port deal\n\nTrade Minister Ana Ribeiro toured the harbour. Though she said the berths were "
        "ready, the port stayed closed.",
        [("indirect", "the berths were ready", "Ana Ribeiro")],
    ),
    (
        "a straight quotation never closed ends where the next one opens",
        'Port deal\n\nAsked about the berths, Port Director Piet Vos told the paper: "We will not '
        'object to this. "We are ready," he added. "The rest is up to the ministry."',
        [
            ("direct", "We will not object to this.", "Piet Vos"),
            ("direct", "We are ready", "Piet Vos"),
            ("direct", "The rest is up to the ministry.", "Piet Vos"),
        ],
    ),
    (
        "a quote after ', adding:' belongs to the attribution it continues",
        "Astana talks\n\nThe country will keep its own course, said Erlan Karin, adding: “We talk "
        "to every partner on equal terms.”",
        [
            ("indirect", "The country will keep its own course", "Erlan Karin"),
            ("direct", "We talk to every partner on equal terms.", "Erlan Karin"),
        ],
    ),
    (
        "gave assurance that, went on to say, and a reflexive after the name",
        "Border case\n\nPakistani Foreign Office spokesperson Mumtaz Baloch gave assurance that "
        "the inquiry would be completed. Kamran Shah himself reported that he had been released. "
        "Baloch went on to say: “Nobody will be shielded from the law.”",
        [
            ("indirect", "the inquiry would be completed", "Mumtaz Baloch"),
            ("indirect", "he had been released", "Kamran Shah"),
            ("direct", "Nobody will be shielded from the law.", "Mumtaz Baloch"),
        ],
    ),
    (
        "an unnamed source introduced once stays unnamed through role nouns and pronouns",
        "Flights halted\n\nKyrgyz Foreign Minister Jeenbek Kulubaev was in Moscow on Monday.\n\n"
        "A spokeswoman for the Uzbek embassy in Bishkek said the two countries were talking.\n\n"
        "“Only a few passengers were let through,” the spokeswoman said.\n\n"
        "Another flight had been turned back, she said.",
        [
            ("indirect", "the two countries were talking", None),
            ("direct", "Only a few passengers were let through", None),
            ("indirect", "Another flight had been turned back", None),
        ],
    ),
    (
        "a pronoun goes to the current speaker, not to a man named before he spoke",
        "Water talks\n\nKazakh President Kassym-Jomart Tokayev said his government backed the "
        "plan.\n\nKyrgyz presidential adviser Azamat Bekov denied any deal and said the plan "
        "was dead.\n\n“We will not sign it in this form,” he said.",
        [
            ("indirect", "his government backed the plan", "Kassym-Jomart Tokayev"),
            ("indirect", "any deal", "Azamat Bekov"),
            ("indirect", "the plan was dead", "Azamat Bekov"),
            ("direct", "We will not sign it in this form", "Azamat Bekov"),
        ],
    ),
    (
        "a country that speaks is nobody's 'he'",
        "Drone row\n\nPresidential spokesman Oleh Marchuk said the claims were false.\n\n"
        "Russia described the incident as an attack on the capital.\n\n"
        "“It is a trick we expected,” he said.",
        [
            ("indirect", "the claims were false", "Oleh Marchuk"),
            ("indirect", "the incident as an attack on the capital", "Russia"),
            ("direct", "It is a trick we expected", "Oleh Marchuk"),
        ],
    ),
    (
        "a post-posed attribution holds the cues inside its clause",
        "ASEAN meeting\n\nThe president has called on the bloc to stay neutral and stressed the "
        "need for unity, Foreign Minister Sari Wulandari said.",
        [("indirect", "The president has called on the bloc to stay neutral and stressed the need "
                      "for unity", "Sari Wulandari")],
    ),
    (
        "copy that lost the space after a full stop still splits into sentences",
        "Seoul briefing\n\nPresidential spokesperson Park Min-ji said the talks were useful."
        "She said the next round would be in May.Park Min-ji added that no date was set.",
        [
            ("indirect", "the talks were useful", "Park Min-ji"),
            ("indirect", "the next round would be in May", "Park Min-ji"),
            ("indirect", "no date was set", "Park Min-ji"),
        ],
    ),
    (
        "a family name used alone is the full name given before",
        "Unification policy\n\nPresident Lee Jae Won said the ministry would be reformed.\n\n"
        "Lee said the reform would start in March.",
        [
            ("indirect", "the ministry would be reformed", "Lee Jae Won"),
            ("indirect", "the reform would start in March", "Lee Jae Won"),
        ],
    ),
    (
        "a short subject before a plain speech verb is an unnamed source",
        "Survey\n\nAlmost half of the respondents said the war had hurt their income. "
        "Most analysts in the region say the ceasefire will hold. What he said was unclear.",
        [
            ("indirect", "the war had hurt their income", None),
            ("indirect", "the ceasefire will hold", None),
        ],
    ),
    (
        "the subject of 'was quoted (by X) as saying' is the speaker, not the outlet",
        "Gaza talks\n\nQatari spokesman Majed Al-Ansari was also quoted by Reuters as saying, "
        "“We remain hopeful of a deal.” Foreign Minister Sergey Lavrov was quoted as saying the "
        "talks had been useful.",
        [
            ("direct", "We remain hopeful of a deal.", "Majed Al-Ansari"),
            ("indirect", "the talks had been useful", "Sergey Lavrov"),
        ],
    ),
    # --- collective and long subjects (classes seen in real US and wire copy) ------------
    (
        "a bare collective noun after the content: '..., police said'",
        "The driver was not carrying a licence, police said.",
        [("indirect", "The driver was not carrying a licence", None)],
    ),
    (
        "plural sources with a complement: 'advisers to X say' is the advisers, not X",
        "Advisers to Mayor Olsen say the budget will not pass before the summer.",
        [("indirect", "the budget will not pass before the summer", None)],
    ),
    (
        "'said this was ...' opens the clause; 'this' is no time phrase here",
        "Minister Tarik Hadzic said this was the worst harvest in a decade.",
        [("indirect", "this was the worst harvest in a decade", "Tarik Hadzic")],
    ),
    (
        "an age between the name and its description",
        "Lena Moor, 34, a teacher from Tartu, said she had never voted before.",
        [("indirect", "she had never voted before", "Lena Moor")],
    ),
    (
        "a relative clause between typewriter dashes after the subject",
        "The deputy speaker -- who chaired the session until noon -- said the vote would wait.",
        [("indirect", "the vote would wait", None)],
    ),
    (
        "'by saying': the subject of the sentence says it",
        "Senator Ada Kors answered the question by saying her party would not back the bill.",
        [("indirect", "her party would not back the bill", "Ada Kors")],
    ),
    (
        "an adverb between the name and a parenthetical cue ('X often says')",
        "Trade, Minister Tarik Hadzic often says, is the quickest road to peace.",
        [("indirect", "is the quickest road to peace", "Tarik Hadzic")],
    ),
    (
        "'reminded X that ...': the person reminded is no content",
        "Former premier Odd Lien reminded the visiting president that Norland had paid in full.",
        [("indirect", "Norland had paid in full", "Odd Lien")],
    ),
    (
        "'blames X for Y' with a longer aside ('for its part') between subject and verb",
        "Kyrgyz customs service, for its part, blames Kazakh hauliers for the queues.",
        [("indirect", "Kazakh hauliers for the queues", "Kyrgyz customs service")],
    ),
    (
        "a bracketed abbreviation inside an institution's name",
        "The Directorate of the State Border Committee (SBC) of Norland stated on Monday that the "
        "patrol had crossed first.",
        [("indirect", "the patrol had crossed first",
          "Directorate of the State Border Committee (SBC) of Norland")],
    ),
    (
        "party and state in brackets after a legislator's name",
        "Sen. Mara Quill (D-Ore.) said the bill would not reach the floor this year.",
        [("indirect", "the bill would not reach the floor this year", "Mara Quill")],
    ),
    (
        "'..., X reports citing Y': the outlet cited is the source, not the wire",
        "Norland will back direct talks with Kessa, the wire reports citing the Harbour Gazette.",
        [("indirect", "Norland will back direct talks with Kessa", "Harbour Gazette")],
    ),
    (
        "a participle after a statement: 'issued a statement expressing concern over X'",
        "The Norland Foreign Ministry issued a statement expressing concern over the naval drills.",
        [("indirect", "the naval drills", "Norland Foreign Ministry")],
    ),
    (
        "'responded ..., stating that': the participle carries the statement",
        "Lena Moor later responded to the channel, stating that she had lived in Tartu for years.",
        [("indirect", "she had lived in Tartu for years", "Lena Moor")],
    ),
    (
        "an inverted attribution inside the clause: '..., concluded X, is ...' gives both halves",
        "The closure of the only crossing, concluded Odd Lien, is a disaster for the valley.",
        [("indirect", "The closure of the only crossing", "Odd Lien"),
         ("indirect", "is a disaster for the valley", "Odd Lien")],
    ),
    (
        "an inverted attribution followed by a relative clause keeps one statement",
        "The talks were useful, said Odd Lien, who led the delegation.",
        [("indirect", "The talks were useful", "Odd Lien")],
    ),
    (
        "a long circumstance between the cue and 'that'",
        "Minister Odd Lien said at a joint press conference with his Kessan counterpart Ivo Brant "
        "of the coastal region that the border would reopen.",
        [("indirect", "the border would reopen", "Odd Lien")],
    ),
    (
        "a relative 'that' after a circumstance reports nothing",
        "Odd Lien said at the meeting with the group that had come from Tartu.",
        [],
    ),
    (
        "a circumstance between the speaker and the cue",
        "Prime Minister Odd Lien during his visit to the islands said that the ferry would stay.",
        [("indirect", "the ferry would stay", "Odd Lien")],
    ),
    (
        "a reduced relative attribution ('a claim X said was ...') cuts the statement before it, "
        "and a later 'he' is that speaker, not the person named as an object",
        "The Kessan government described the blast as sabotage, blaming Norland for trying to kill President Ivo Brant, "
        "a claim Arne Lund said was absurd.\n\n"
        '"We had no part in it," he said.',
        [("indirect", "the blast as sabotage, blaming Norland for trying to kill President Ivo Brant",
          "Kessan government"),
         ("indirect", "was absurd", "Arne Lund"),
         ("direct", "We had no part in it", "Arne Lund")],
    ),
    (
        "'according to him' after a subject introduced with a lower-case title ('a deputy X')",
        "President Ivo Brant said he would sign the mining law. He said the state would keep the mines.\n\n"
        "After this, a deputy Arne Lund, in an interview with a local radio, asked why the audit was "
        "late. According to him, the ore is still leaving the country.",
        [("indirect", "he would sign the mining law", "Ivo Brant"),
         ("indirect", "the state would keep the mines", "Ivo Brant"),
         ("indirect", "the ore is still leaving the country", "Arne Lund")],
    ),
    (
        "a titled name followed by 'of' and its country or state",
        "Foreign Minister Lena Holt of Norland said the corridor would open in May. "
        "Representative Ivo Brant of Kessa said it would not.",
        [("indirect", "the corridor would open in May", "Lena Holt"),
         ("indirect", "it would not", "Ivo Brant")],
    ),
    (
        "a conjunction and a short time phrase before a parenthetical attribution",
        "But in recent weeks, aides to the governor say, the mood has soured.",
        [("indirect", "the mood has soured", None)],
    ),
    (
        "a titled name 'of' a state, then an appositive, before the cue",
        "Senator Ada Quist of Vermont, the ranking member on the panel, said the hearing would "
        "resume in March.",
        [("indirect", "the hearing would resume in March", "Ada Quist")],
    ),
    (
        "a name whose description has commas of its own (a place, an age, a relative clause)",
        "Dana Reyes, a nurse from Tolland, Connecticut, said the clinic had run out of beds.\n\n"
        "Ira Holm, 40, of Salem, who runs a bakery on the square, said flour prices had doubled.",
        [("indirect", "the clinic had run out of beds", "Dana Reyes"),
         ("indirect", "flour prices had doubled", "Ira Holm")],
    ),
    (
        "a lowercase title or an indefinite description after the cue of a quote",
        "The count went on past midnight in the county hall.\n\n"
        "“It will be closer than anyone thinks,” said pollster Mira Okafor.\n\n"
        "“We knocked on every door twice,” said one Ohio Democrat.\n\n"
        "“Nobody expected the rain,” said a veteran strategist, who asked not to be named.",
        [("direct", "It will be closer than anyone thinks", "Mira Okafor"),
         ("direct", "We knocked on every door twice", None),
         ("direct", "Nobody expected the rain", None)],
    ),
    (
        "a participle after a comma that closes a quotation, and after an aside on the subject",
        "Mayor Lina Sorvik gave a spirited defence of “harbour towns,” saying the port kept the "
        "region alive.\n\n"
        "Governor Amos Varga, plainly annoyed, ended the session early, saying the budget had to "
        "wait.",
        [("indirect", "the port kept the region alive", "Lina Sorvik"),
         ("indirect", "the budget had to wait", "Amos Varga")],
    ),
    (
        "testimony, replies and plural claims without 'that', an aside before 'that'",
        "Senator Ora Penn testified that the files had been destroyed in March. "
        "Mayor Ivo Kask responds that the city never held the files. "
        "Farmers and their unions argue the quota favours the largest dairies. "
        "Ms. Penn wrote a letter to the council. "
        "Mr. Kask insisted, for his part, that nothing was hidden.",
        [("indirect", "the files had been destroyed in March", "Ora Penn"),
         ("indirect", "the city never held the files", "Ivo Kask"),
         ("indirect", "the quota favours the largest dairies", None),
         ("indirect", "nothing was hidden", "Ivo Kask")],
    ),
    (
        "'according to' after content that opens with an introduction, or after 'But' or a colon",
        "Meanwhile, bread prices rose by a third in the spring, according to the state "
        "statistics office. But according to the bakers' union, the rise has already stopped. "
        "It has gone unnoticed: According to the latest figures, flour imports doubled in June.",
        [("indirect", "Meanwhile, bread prices rose by a third in the spring", "state statistics office"),
         ("indirect", "the rise has already stopped", None),
         ("indirect", "flour imports doubled in June", None)],
    ),
    (
        "a name after a title with lowercase words the lexicon does not list",
        "Harbour party campaign manager Ola Brun replied that the count was fair. "
        "“We will appeal,” dairy cooperative spokeswoman Rita Moen said.",
        [("indirect", "the count was fair", "Ola Brun"),
         ("direct", "We will appeal", "Rita Moen")],
    ),
    (
        "progressive cues, a pronoun after a spaced hyphen, ', calling X Y' after a quote",
        "Mayor Ilse Brandt is calling for a second bridge over the river. "
        "The council balked - she called the plan \"overdue\" and said the money was there.\n\n"
        "“Nobody listens to the harbour towns,” Senator Pavel Orr said, calling the vote "
        "“a quiet scandal.”",
        [("indirect", "a second bridge over the river", "Ilse Brandt"),
         ("mixed", 'the plan "overdue"', "Ilse Brandt"),
         ("indirect", "the money was there", "Ilse Brandt"),
         ("direct", "Nobody listens to the harbour towns", "Pavel Orr"),
         ("mixed", "the vote “a quiet scandal.”", "Pavel Orr")],
    ),
    (
        "two people share a family name: the bare one is the one named last before it",
        "Spokesperson Park Min-ji said on Monday the talks would resume.\n\n"
        "Last week the president appointed Park Jae-won, a former envoy to Geneva, as adviser. "
        "Park has been calling for a slower pace of talks.",
        [("indirect", "the talks would resume", "Park Min-ji"),
         ("indirect", "a slower pace of talks", "Park Jae-won")],
    ),
    (
        "a title of capitalised and lowercase words after the cue; 'Another X said,' before a quote",
        "The ferry strike went into its second week.\n\n"
        "“We cannot wait any longer,” said Tromso harbour pilot Eva Lind.\n\n"
        "Another commuter said, “The buses are full by seven.”",
        [("direct", "We cannot wait any longer", "Eva Lind"),
         ("direct", "The buses are full by seven.", None)],
    ),
    (
        "an unnamed source the next sentence names (an article's first attribution)",
        "Another former deputy quits the Harbour Party.\n\n"
        "Another former deputy criticises the party's leadership. The former deputy speaker, "
        "Ivo Brant, spoke about the party on Monday.\n\n"
        "A spokesman for the ministry said the ferries would run again. The weather improved.",
        [("indirect", "the party's leadership", "Ivo Brant"),
         ("indirect", "the ferries would run again", None)],
    ),
    (
        "after the cue a titled name 'of' its state; before it a name after a possessive; a short quote runs on",
        "The committee vote was close.\n\n"
        "“We will bring it back in the spring,” said Sen. Ada Quist of Vermont, a former teacher. "
        "“Count on it, all of you.”\n\n"
        "“A wasted week,” Harbour Radio's Ivo Brant said.",
        [("direct", "We will bring it back in the spring", "Ada Quist"),
         ("direct", "Count on it, all of you.", "Ada Quist"),
         ("direct", "A wasted week", "Ivo Brant")],
    ),
    (
        "a poll's shares and respondents as unnamed sources, each its own statement",
        "Among farmers, 61 percent said the tariff had hurt them, while 30 percent said it had "
        "not. Even so, those surveyed said the ministry should act. But those who own larger "
        "farms say subsidies matter more.",
        [("indirect", "the tariff had hurt them", None),
         ("indirect", "it had not", None),
         ("indirect", "the ministry should act", None),
         ("indirect", "subsidies matter more", None)],
    ),
    (
        "', and they said' after a reported clause starts a second statement of its own",
        "Fishing crews have warned that the new quota could empty the northern villages, and "
        "they said they would block the harbour if the ministry did not meet them. The ministry "
        "said the quota was final, and the minister added that talks could resume in May.",
        [("indirect", "the new quota could empty the northern villages", None),
         ("indirect", "they would block the harbour if the ministry did not meet them", None),
         ("indirect", "the quota was final", "ministry"),
         ("indirect", "talks could resume in May", None)],
    ),
    (
        "a relative clause whose speaker stands between the pronoun and the cue",
        "The strike cut output at the smelter, which managers say will cost a month of exports. "
        "Divers found a wreck that the harbour master said was a Dutch trader. "
        "It was the port that she said she loved.",
        [("indirect", "will cost a month of exports", None),
         ("indirect", "was a Dutch trader", None)],
    ),
    (
        "an attribution set off with 'as', before or after what was said",
        "Last spring, as Harbour Radio reported on Monday, the mill lost its biggest buyer. "
        "The mine will close in May, as the regional governor said. "
        "As it was reported, more than 900 people attended the meeting.",
        [("indirect", "the mill lost its biggest buyer", "Harbour Radio"),
         ("indirect", "The mine will close in May", None)],
    ),
    (
        "a participle after an introduction with commas of its own, or after a dash",
        "At a fair in Tolland, Conn., on Sunday, Senator Ada Quist of Vermont visited the "
        "growers, saying that the harvest had saved the county. "
        "Mayor Ivo Brant changed his mind on the spot – saying the bridge could wait a year.",
        [("indirect", "the harvest had saved the county", "Ada Quist"),
         ("indirect", "the bridge could wait a year", "Ivo Brant")],
    ),
    (
        "the subject of a first verb speaks after 'but has said' and for unnamed subjects",
        "Governor Ada Quist has voiced doubts but has said the dam will be finished. "
        "Several former engineers walked out of the hearing and said the budget was too small.",
        [("indirect", "the dam will be finished", "Ada Quist"),
         ("indirect", "the budget was too small", None)],
    ),
    (
        "judgements with 'as' and a plural unnamed source before ', who'",
        "The plan was praised abroad but scorned by local economists, who dismissed it as a "
        "costly gamble. Mayor Ivo Brant portrayed the plan as a lifeline for the port.",
        [("indirect", "it as a costly gamble", None),
         ("indirect", "the plan as a lifeline for the port", "Ivo Brant")],
    ),
    (
        "a quoted subhead belongs to the speaker of the paragraph after it",
        "Prime Minister Ivo Brant said the port would reopen in May.\n\n"
        "'Talks with the dockers are welcome'\n\n"
        "Minister Lena Holt said the union had asked for a meeting.",
        [("indirect", "the port would reopen in May", "Ivo Brant"),
         ("direct", "Talks with the dockers are welcome", "Lena Holt"),
         ("indirect", "the union had asked for a meeting", "Lena Holt")],
    ),
    (
        "a quotation inside an introduction is not what the cue after it reports",
        "Walking in to chants of “Ada! Ada!,” the senator said her campaign was gaining ground. "
        "That is why critics say the count was rushed.",
        [("indirect", "her campaign was gaining ground", None),
         ("indirect", "the count was rushed", None)],
    ),
    (
        "a lowercase description before a titled name, before and after the cue",
        "Harbour Party hopeful Sen. Ada Quist was sharply critical of the budget, telling "
        "reporters: “The ferries are the first thing they cut.”\n\n"
        "“Nobody asked the islands,” said island veteran Gen. Ivo Brant.",
        [("direct", "The ferries are the first thing they cut.", "Ada Quist"),
         ("direct", "Nobody asked the islands", "Ivo Brant")],
    ),
    (
        "'according to X' set off by commas inside the sentence: both halves are reported",
        "In Kessa, the mill is still open, according to the regional paper, although orders have "
        "halved. The mayor approved the sale, according to council minutes, leaving the port "
        "without a buyer.",
        [("indirect", "In Kessa, the mill is still open", None),
         ("indirect", "although orders have halved", None),
         ("indirect", "The mayor approved the sale", None),
         ("indirect", "leaving the port without a buyer", None)],
    ),
    (
        "'according to X' after a subject or a verbless introduction: the half after it is reported",
        "Missing from the harbour plan, according to the auditors, was any estimate of the cost of "
        "new pumps. Among the bridges at risk, according to Ms. Holt, are nine built before the war.",
        [("indirect", "Missing from the harbour plan", None),
         ("indirect", "was any estimate of the cost of new pumps", None),
         ("indirect", "Among the bridges at risk", "Holt"),
         ("indirect", "are nine built before the war", "Holt")],
    ),
    (
        "'according to X' after a full clause: a second clause after it that is no continuation stays out",
        "The ferry stopped running in May, according to the harbour office, Brant said.",
        [("indirect", "The ferry stopped running in May, according to the harbour office", "Brant")],
    ),
    (
        "', writing'/', tweeting' with 'that', a colon or a quotation after them; 'authors write'",
        "Mayor Ivo Brant answered the critics on Friday, writing on Twitter that the pier would reopen "
        "in May. Ada Quist took to the radio, tweeting: “Another storm, another closed ferry.” "
        "At best, the two auditors write, the reform of the port has produced very little.",
        [("indirect", "the pier would reopen in May", "Ivo Brant"),
         ("direct", "Another storm, another closed ferry.", "Ada Quist"),
         ("indirect", "the reform of the port has produced very little", None)],
    ),
    (
        "', writing'/', tweeting' with only an object are no statements",
        "Ada Quist built her name around the ferries, writing a book about the crossing. Mayor Ivo "
        "Brant joined in, tweeting a link to the timetable. When two firms write a lease, the "
        "benefits are not part of it.",
        [],
    ),
    (
        "a poll's share before a bare 'saying' (no comma, no 'with') is the source",
        "The storms have left 62 percent of islanders saying the ferry service is getting worse. "
        "The share of growers saying the quota is too low rose by a third.",
        [("indirect", "the ferry service is getting worse", None),
         ("indirect", "the quota is too low", None)],
    ),
    (
        "a bare 'saying' after someone who is no share reports nothing",
        "Mayor Ivo Brant was seen saying goodbye to the ferry crew at the pier.",
        [],
    ),
    (
        "'X did A and said, “Q”': the sentence's subject speaks; a quotation in A does not stop it; ', then says'",
        "Ada Quist shook her head and said, “Not this winter.” Mayor Ivo Brant declared “What a "
        "night!” and said that the ferry would keep running. Dr. Lena Holt offered the man a job, "
        "then says she will welcome advice from anyone.",
        [("direct", "Not this winter.", "Ada Quist"),
         ("direct", "What a night!", "Ivo Brant"),
         ("indirect", "the ferry would keep running", "Ivo Brant"),
         ("indirect", "she will welcome advice from anyone", "Lena Holt")],
    ),
    (
        "a quotation before the subject, then 'told X and left': nothing is added to the quotation",
        "“The pier is safe,” the engineer told the council and left.",
        [("direct", "The pier is safe", None)],
    ),
    (
        "', pointing to X and saying Y': a second participle after a first one reports",
        "Mayor Ivo Brant ducked the question, pointing to his record on the council and saying "
        "that the ferry debt was overstated. Brant spoke of the gap between doing and saying "
        "things in the council.",
        [("indirect", "the ferry debt was overstated", "Ivo Brant")],
    ),
    (
        "a speech cue in a relative clause about its object: 'which he said X', 'what analysts said was X'",
        "Mayor Ivo Brant wants a new sea wall, which he said the county should also pay for. The "
        "ferry was freed, showing what many analysts said was a sign of better relations. The club "
        "has adapted to what its manager says is growing demand for pools.",
        [("indirect", "the county should also pay for", "Ivo Brant"),
         ("indirect", "was a sign of better relations", None),
         ("indirect", "is growing demand for pools", None)],
    ),
    (
        "'what X said' with nothing after it, and a relative 'that' before a verb that is no speech",
        "This is what he said. The pier that the county built is safe, Holt said.",
        [("indirect", "The pier that the county built is safe", "Holt")],
    ),
    (
        "generic subjects before 'have said', pronouns after 'where' and an opening bracket",
        "Many senior growers have said the quota is too low. Mayor Ivo Brant spent a week in Kessa, where "
        "he says the mill can be saved. Ms. Holt left early. (She says the vote was rigged.)",
        [("indirect", "the quota is too low", None),
         ("indirect", "the mill can be saved", "Ivo Brant"),
         ("indirect", "the vote was rigged", "Holt")],
    ),
    (
        "an indefinite phrase followed by a verb is the content, not a speaker",
        "The mayor spoke to the council on Monday.\n\n"
        "“The bridge stays shut,” the mayor said. A new survey shows most drivers agree.",
        [("direct", "The bridge stays shut", None)],
    ),
    (
        "a definite description after the cue is an unnamed speaker; 'said the same' is none",
        "“The pier will not reopen this year,” said the second harbour official. “We lack the "
        "timber.”\n\n“I kept every receipt,” said the 52-year-old, who runs the ferry. "
        "Last spring, 30 percent said the same.",
        [("direct", "The pier will not reopen this year", None),
         ("direct", "We lack the timber.", None),
         ("direct", "I kept every receipt", None)],
    ),
    (
        "a bare weekday after the cue is a circumstance: the content comes before it",
        "The ferry timetable is a fiction, Corran said Thursday at the harbour. "
        "Corran said Friday the boats would run again.",
        [("indirect", "The ferry timetable is a fiction", "Corran"),
         ("indirect", "the boats would run again", "Corran")],
    ),
    (
        "'and said' after an appositive subject or after a cue with only an object",
        "Ada Quist, a former port councillor, joined the board and said the pier would reopen. "
        "Bo Lind posted a map of the route and said the ferry would be late.",
        [("indirect", "the pier would reopen", "Ada Quist"),
         ("indirect", "the ferry would be late", "Bo Lind")],
    ),
    (
        "', saying' after a generic or adverb-led subject, and past a circumstance to 'that'",
        "Several growers echoed the complaint, saying the quota is too low for the valley. "
        "In May, a county judge sided with the growers, saying the levy broke the charter. "
        "The harbour board sternly rebuked the ferry company, saying at a hearing in Kessa that "
        "it had ignored the safety rules.",
        [("indirect", "the quota is too low for the valley", None),
         ("indirect", "the levy broke the charter", None),
         ("indirect", "it had ignored the safety rules", None)],
    ),
    (
        "surnames that are also title or nationality words, and 'X of the Y' after the cue",
        "“The pier is safe,” Ms. White said. “We checked it twice,” said Ben Carson of the Harbour "
        "Trust. Charlie King said the ferry would run on Sunday.",
        [("direct", "The pier is safe", "White"),
         ("direct", "We checked it twice", "Ben Carson"),
         ("indirect", "the ferry would run on Sunday", "Charlie King")],
    ),
    (
        "a subject set off by commas after an organisation's title or a participle aside",
        "The Harbour Group's CEO, Ada Quist, said the firm had paid every fee. "
        "Port commissioner Bo Lind, also touring the docks, said the cranes were too old.",
        [("indirect", "the firm had paid every fee", "Ada Quist"),
         ("indirect", "the cranes were too old", "Bo Lind")],
    ),
    (
        "'according to' after a closing quotation, with a long source, and a dash after the source",
        'The mayor wrote to the ferry company, demanding "a full refund," according to a copy of the '
        "letter seen by the Gazette. The council will spend $4 million on the pier by 2030, according to "
        "a harbour official who was not allowed to speak publicly before the vote. Six in ten riders "
        "back the plan, according to a survey last week - about the same as in May.",
        [("indirect", 'The mayor wrote to the ferry company, demanding "a full refund', None),
         ("indirect", "The council will spend $4 million on the pier by 2030", None),
         ("indirect", "Six in ten riders back the plan", None)],
    ),
    (
        "a conditional clause before ', X said,' is reported too; a time introduction is not",
        "If the levy on timber stays in place, Lind said, the mill will close. In the three years since, "
        "Lind says, the port has shrunk by half.",
        [("indirect", "If the levy on timber stays in place", "Lind"),
         ("indirect", "the mill will close", "Lind"),
         ("indirect", "the port has shrunk by half", "Lind")],
    ),
    (
        "a quotation split by an inverted attribution with an appositive",
        "“The risk,” said Ed Lamb, an economist who runs the harbour survey, “is that the ferries "
        "leave first.”",
        [("direct", "The risk", "Ed Lamb"),
         ("direct", "is that the ferries leave first.", "Ed Lamb")],
    ),
    (
        "an indefinite speaker description with a prepositional phrase after the cue",
        "“The ferry will not survive the winter,” said one of the harbour pilots, who asked not to "
        "be named. “We are tired,” said one owner of a bakery that faces the pier.",
        [("direct", "The ferry will not survive the winter", None),
         ("direct", "We are tired", None)],
    ),
    (
        "'told NAME information agency on DATE' after the content: the outlet is the person told",
        "Talk of a strike at the docks is nonsense, Ada Quist, the head of the pilots' guild, told "
        "Kessa information agency on March 3.",
        [("indirect", "Talk of a strike at the docks is nonsense", "Ada Quist")],
    ),
    (
        "'said in a statement released by X' and 'said ... Thursday night' before a clause without 'that'",
        "Bo Lind said in a statement released by the Quist campaign the audit merits a second look. "
        "The guild said in a statement Thursday night it had dropped the claim.",
        [("indirect", "the audit merits a second look", "Bo Lind"),
         ("indirect", "it had dropped the claim", None)],
    ),
    (
        "a description, then a titled name set off by commas, before the cue",
        "Another harbour ally, Port Commissioner Ada Quist, told the council that the cranes would be replaced.",
        [("indirect", "the cranes would be replaced", "Ada Quist")],
    ),
    (
        "a coordinated subject keeps its words as the source, with no single speaker",
        "The pier is older than the town, he and Mr. Lind said. Ada Quist, Bo Lind and other donors "
        "said the fund would close in May.",
        [("indirect", "The pier is older than the town", None),
         ("indirect", "the fund would close in May", None)],
    ),
    (
        "after 'told' a short phrase without a verb is whom it was told: the content is before",
        "The ferry needs a new hull, Ada Quist told a council panel Wednesday. Quist told reporters "
        "the hull failed.",
        [("indirect", "The ferry needs a new hull", "Ada Quist"),
         ("indirect", "the hull failed", "Ada Quist")],
    ),
    (
        "'with 40 percent saying' and 'did give ..., saying'",
        "Riders back the ferry, with 40 percent saying it should run all winter. The harbour board "
        "did give the pilots some credit, saying they had saved the boat.",
        [("indirect", "it should run all winter", None),
         ("indirect", "they had saved the boat", None)],
    ),
    # --- names: places, party labels, headline words and sentence openers are not names ---
    (
        "a titled name, then 'of' and a two-word place: the name is before 'of'",
        '"The ferry will run," said Representative Ivo T. Prince of New Falster, who backs the '
        "plan. Senator Ivo Brant of Vesteria, a ferry supporter, said the route would pay.",
        [("direct", "The ferry will run", "Ivo T. Prince"),
         ("indirect", "the route would pay", "Ivo Brant")],
    ),
    (
        "'the governor of New Falster' names a place, not a person called Falster",
        "Ada Quist spoke in Falster. The governor of New Falster has led the province since May. "
        "\"We will build it,\" the governor said.",
        [("direct", "We will build it", None)],
    ),
    (
        "party labels before a name are not given names",
        "Democrat Ada Quist said the levy was unfair. Conservative Ivo Brant said it was fair.",
        [("indirect", "the levy was unfair", "Ada Quist"),
         ("indirect", "it was fair", "Ivo Brant")],
    ),
    (
        "a title-case headline gives no given name: the fullest name is the body's",
        "Republican Donor Brant Backs Ferry Plan\n\nTop Republican Party donor Ivo Brant said on "
        "Friday the plan would work. Brant said the cost was fair.",
        [("indirect", "the plan would work", "Ivo Brant"),
         ("indirect", "the cost was fair", "Ivo Brant")],
    ),
    (
        "sentence openers are no speakers: 'Having ...', 'Others', 'Even X', 'another ... Republican'",
        "Having announced that the ferry would stop, Mayor Ada Quist said the port would close. "
        "Others argue that the fares are too high. Even Brant, a ferry supporter, said the fares "
        "were too high. \"Fares must fall,\" another Falster Republican added.",
        [("indirect", "the port would close", "Ada Quist"),
         ("indirect", "the fares are too high", None),
         ("indirect", "the fares were too high", "Brant"),
         ("direct", "Fares must fall", None)],
    ),
    (
        "capitals of a title-case headline are no given names",
        "Harbour Widow Ada Quist Defends The Ferry Plan\n\nQuist said the plan was sound. "
        "Assemblywoman Mira Holm said it was not.",
        [("indirect", "the plan was sound", "Quist"),
         ("indirect", "it was not", "Mira Holm")],
    ),
    (
        "a title-case headline runs a name into the words after it; a month can be a given name",
        "Ivo Brant Just Revealed Who He Would Pick For The Board\n\nSenator June Holm said the "
        "bill would pass.",
        [("indirect", "Who He Would Pick For The Board", "Ivo Brant"),
         ("indirect", "the bill would pass", "June Holm")],
    ),
    (
        "a participle opening a sentence is no given name; Irving is",
        "Debating Quist in Falster, Brant was calm. Quist said the plan was bad. Irving Holm "
        "wrote a book. Holm said the book was good.",
        [("indirect", "the plan was bad", "Quist"),
         ("indirect", "the book was good", "Irving Holm")],
    ),
    (
        "an object-only cue in a set-off relative clause reports nothing; a place before 'who' is no speaker",
        'President Ada Quist, who proposed the referendum, said on radio that the people had made "a '
        'wise choice." A ferry pilot in Falster, who asked that his name not be printed, told the '
        "Courier that the permits had been refused.",
        [("mixed", 'the people had made "a wise choice."', "Ada Quist"),
         ("indirect", "the permits had been refused", None)],
    ),
    (
        "relayed speech: 'The President reiterated X, said Brant, adding that Y' is all Brant's",
        "The President reiterated the role of the state language, said State Counsellor Ivo Brant, "
        "adding that the reform would go ahead without haste.",
        [("indirect", "The President reiterated the role of the state language", "Ivo Brant"),
         ("indirect", "the reform would go ahead without haste", "Ivo Brant")],
    ),
    (
        "a wire column's name before a colon is no speaker",
        "The Latest: Quist to give away an engraved oar.\n\nWASHINGTON (AP) — The vote is on Monday.",
        [],
    ),
    (
        "a quotation beside 'said' with a source phrase no speaker rule knows: kept, no speaker",
        "“The tide tables are wrong again,” said a 1998 harbour veteran. “Nobody checks the "
        "buoys any more,” one junior pilot said. “The ferry sails at noon,” this source told "
        "the Courier.",
        [("direct", "The tide tables are wrong again", None),
         ("direct", "Nobody checks the buoys any more", None),
         ("direct", "The ferry sails at noon", None)],
    ),
    (
        "'X did A and said B' after 'But', after an unlisted introduction, and for a subject "
        "no speaker rule knows",
        "By the end of the week, Ada Quist was forced into a retreat and said that the pier "
        "would stay shut. But the harbour court overruled and said the pier could open in May.",
        [("indirect", "the pier would stay shut", "Ada Quist"),
         ("indirect", "the pier could open in May", "harbour court")],
    ),
    (
        "a long opening clause before a comma is no introduction: no subject for 'and said'",
        "When the pilots who had run the ferry for years walked out, the town shrugged and said "
        "nothing.",
        [],
    ),
    (
        "a subject with a relative clause or a participle before 'said'/'say': kept as its words",
        "Pilots who worked the night ferry said the buoys had drifted. Families hoping to cross "
        "before winter say they will wait.",
        [("indirect", "the buoys had drifted", None),
         ("indirect", "they will wait", None)],
    ),
    (
        "no subject from a phrase whose head is no group or person, nor from a clause with a comma",
        "The plan that won the vote said little. Because pilots who worked nights left, ferries "
        "say nothing.",
        [],
    ),
    (
        "'who said' in a relative clause: the clause after the cue, never the main verb after it",
        "Ada Quist, who said that the pier would close, left the meeting early. The board heard "
        "from pilots who said they had not been paid since May.",
        [("indirect", "the pier would close", "Ada Quist"),
         ("indirect", "they had not been paid since May", None)],
    ),
    (
        "'who said' with no clause after it reports nothing",
        "It was Quist who said so. The pilots who said nothing stayed home.",
        [],
    ),
    (
        "a quoted fragment after 'said' that opens a longer reported clause: the whole clause",
        "Ada Quist said “the pier is finished” unless the town pays for new piles. Bo Lind said "
        "“we will see” in a letter to the council.",
        [("mixed", "“the pier is finished” unless the town pays for new piles", "Ada Quist"),
         ("direct", "we will see", "Bo Lind")],
    ),
    (
        "an inverted attribution with an appositive inside the clause: the clause goes on after it",
        "The trouble with the old pier, says Bo Lind, a historian at the college, is that nobody "
        "owns it.",
        [("indirect", "The trouble with the old pier", "Bo Lind"),
         ("indirect", "is that nobody owns it", "Bo Lind")],
    ),
    (
        "plural present cues 'note', 'acknowledge', 'emphasize'; two titled names are one source",
        "Harbour pilots note that the buoys drift in spring. Town officials acknowledge that the "
        "pier is unsafe. Mr. Lind and Mr. Quist emphasize that the ferry is full.",
        [("indirect", "the buoys drift in spring", None),
         ("indirect", "the pier is unsafe", None),
         ("indirect", "the ferry is full", None)],
    ),
    (
        "'to note that' and 'a note that' have no speaker: nothing reported",
        "It is fair to note that the pier is old. She left a note that the door was open.",
        [],
    ),
    (
        "an aside between an unnamed subject and its cue ('for instance', 'on the other hand')",
        "Ferry owners, for instance, argue that the tolls are too high. Pilots on the night "
        "ferry, on the other hand, said that the tolls were fair.",
        [("indirect", "the tolls are too high", None),
         ("indirect", "the tolls were fair", None)],
    ),
    (
        "a subject, then an aside set off by commas, then 'said' and a clause",
        "Several pilots, including Bo Lind, said the buoys had drifted. The harbour office, when "
        "asked by the Courier, said the buoys would be moved.",
        [("indirect", "the buoys had drifted", None),
         ("indirect", "the buoys would be moved", None)],
    ),
    (
        "a quotation inside the subject's aside is not what the phrase after 'said' said",
        "Ada Quist, citing “the worst tides in years,” said the minister could not land.",
        [("indirect", "the minister could not land", "Ada Quist")],
    ),
    (
        "an introduction before the first comma is no subject for the aside rule",
        "In Dover, where the pier stands, said to be the oldest, the ferry runs.",
        [],
    ),
    (
        "an elided clause ('said she would') and a circumstance 'this month' before the clause",
        "Asked whether the ferry would sail, Ada Quist said she would. Bo Lind has said this month "
        "the pier is unsafe.",
        [("indirect", "she would", "Ada Quist"),
         ("indirect", "the pier is unsafe", "Bo Lind")],
    ),
    (
        "a negated auxiliary with either apostrophe shows the clause after a plural present cue",
        "Ferry pilots note the harbour wouldn’t open before May. Harbour wardens acknowledge the "
        "pier couldn't last.",
        [("indirect", "the harbour wouldn’t open before May", None),
         ("indirect", "the pier couldn't last", None)],
    ),
    (
        "a plural present cue with a plain object reports nothing",
        "Pilots acknowledge the problem of the old pier.",
        [],
    ),
    (
        "a poll's share after 'in which' or 'is that' is the source",
        "The board faces a town in which 61 percent of residents say the pier should close. The "
        "good news is that two-thirds of pilots said they would stay.",
        [("indirect", "the pier should close", None),
         ("indirect", "they would stay", None)],
    ),
    (
        "a quoted sentence after a connective ('But “...”') continues the previous speaker",
        "“The pier is old,” Ada Quist said at the hall. But “the ferry will run all winter.”",
        [("direct", "The pier is old", "Ada Quist"),
         ("direct", "the ferry will run all winter.", "Ada Quist")],
    ),
    (
        "', saying' after a subject with a long appositive; ', telling <anyone> that'",
        "Ada Quist, the harbour master of the town for many years, closed the pier on Monday, "
        "saying the piles had rotted. Bo Lind sold the ferry, telling pilots in Dover, Kent, "
        "that the crossing would end.",
        [("indirect", "the piles had rotted", "Ada Quist"),
         ("indirect", "the crossing would end", "Bo Lind")],
    ),
    (
        "an opening curly mark typed where the closing one belongs ('...,“ said X')",
        "“The pier will not open this year,“ said Bo Lind, a harbour pilot.",
        [("direct", "The pier will not open this year", "Bo Lind")],
    ),
    (
        "a short source phrase no speaker rule knows, after or before the cue of a reported clause",
        "The pier has been unsafe for years, boatmen said. The ferry will run all winter, said the "
        "harbour's chief pilot, Bo Lind. “We are ready,” said the younger Mr. Lind.",
        [("indirect", "The pier has been unsafe for years", None),
         ("indirect", "The ferry will run all winter", None),
         ("direct", "We are ready", None)],
    ),
    (
        "'X reported that ...' after an earlier cue in the sentence is no credit line",
        "Although he described the pier as safe, the Courier reported that its piles had "
        "rotted. The pier is closed, Quist said in Dover, the Courier reports.",
        [("indirect", "the pier as safe", None),
         ("indirect", "its piles had rotted", "Courier"),
         ("indirect", "The pier is closed", "Quist")],
    ),
    (
        "a surname that reads as another word ('Cuban', 'From') after the full name was given",
        "Mark Cuban toured the pier. The pier is unsafe, Cuban said. Al From sailed with him. "
        "“The ferry is late,” From said.",
        [("indirect", "The pier is unsafe", "Mark Cuban"),
         ("direct", "The ferry is late", "Al From")],
    ),
    (
        "a nationality word before 'said' is no surname when no such name came before",
        "The pier is unsafe, Cuban officials said. “The ferry is late,” Cuban said.",
        [("indirect", "The pier is unsafe", None),
         ("direct", "The ferry is late", None)],
    ),
    (
        "'according to' after a dash or with no comma, when it names a count, a poll or a person",
        "The ferry carried 4,000 riders in May — up a third — according to figures from the "
        "harbour office. The pier earns more than the bridge according to a count by the Courier.",
        [("indirect", "The ferry carried 4,000 riders in May — up a third", None),
         ("indirect", "The pier earns more than the bridge", None)],
    ),
    (
        "'according to' a plan or a rule with no comma is a manner, not a source",
        "The new timetable of the ferry was drawn up according to the rules of the board.",
        [],
    ),
    (
        "a quotation split by 'X said' and a long phrase of whom it was said",
        '"I cannot tell how the pilots voted," Ada Quist said of the men whose licences were '
        'restored, "but I know they came back to the harbour."',
        [("direct", "I cannot tell how the pilots voted", "Ada Quist"),
         ("direct", "but I know they came back to the harbour.", "Ada Quist")],
    ),
    (
        "a subject and its aside before a quotation that goes on with their clause: mixed",
        'The ferry, which has run since 1921, "cannot survive another winter," Ada Quist said. '
        'In Dover, "the pier is old," she said.',
        [("mixed", 'The ferry, which has run since 1921, "cannot survive another winter,"', "Ada Quist"),
         ("direct", "the pier is old", "Ada Quist")],
    ),
    (
        "a sentence in brackets; a pronoun after a time introduction with no comma; a quotation "
        "in an introduction before 'X said' + a clause",
        "Ada Quist closed the pier. (On Monday she said the ferry would stop.) Last week she told "
        "pilots that the buoys had drifted. Asked about the \"winter timetable,\" Bo Lind said "
        "the pilots would decide.",
        [("indirect", "the ferry would stop", None),
         ("indirect", "the buoys had drifted", None),
         ("indirect", "the pilots would decide", "Bo Lind")],
    ),
    (
        "', saying' after a description, then the named speaker in apposition, then the verb",
        "But the other pilot on the boat, harbour master Ada Quist, drew a contrast, saying the "
        "old ferry was safer.",
        [("indirect", "the old ferry was safer", "Ada Quist")],
    ),
    (
        "a short introduction the list does not hold, then the subject and a plain cue",
        "A few weeks ahead of the vote in Dover, Ada Quist’s campaign says they are ready. Ahead "
        "of the vote, harbour pilots say the buoys drifted.",
        [("indirect", "they are ready", None),
         ("indirect", "the buoys drifted", None)],
    ),
    (
        "other plain cues in a restrictive relative clause ('critics who argue that')",
        "The plan drew pilots who argue that the tolls are too high.",
        [("indirect", "the tolls are too high", None)],
    ),
    (
        "'told' + a long phrase of whom and where + 'that': the clause after 'that' only",
        "Ada Quist told a town meeting in Dover, Kent on Monday that the pier would close.",
        [("indirect", "the pier would close", "Ada Quist")],
    ),
    (
        "a quotation before a phrase that is a clause ('the pilots who said') is not attributed",
        "“Storm warnings,” the pilots who were there said to each other and left.",
        [],
    ),
    (
        "a sentence quoting a fragment right after an attributed quotation is that speaker's",
        "“We will not wait for the council,” Mayor Ines Ode said on Tuesday. Her plan is “a bridge, "
        "not a wall,” built with money from the state.",
        [("direct", "We will not wait for the council", "Ines Ode"),
         ("mixed", "Her plan is “a bridge, not a wall,” built with money from the state", "Ines Ode")],
    ),
    (
        "a quoted name after an attributed quotation is nobody's fragment; nor is a fragment two sentences on",
        "“The line opens in May,” Minister Ines Ode said. Trains will be run by the operator "
        "«North Rail Link» from the capital. The board met on Friday. Critics call the route “a road to nowhere at all.”",
        [("direct", "The line opens in May", "Ines Ode")],
    ),
    (
        "a quoted show title in the introduction, then 'X said' + a clause: the clause is the statement",
        "Wednesday on Channel Nine’s “Harbour Talk,” Ivo Brant said if the council votes no the ferry will stop.",
        [("indirect", "if the council votes no the ferry will stop", "Ivo Brant")],
    ),
    (
        "a short capitalised quotation, then 'X said' + where and when only: the quotation is X's",
        "Her answer to the board was “Not Now,” Ivo Brant said in Dover on Monday.",
        [("mixed", "Her answer to the board was “Not Now,”", "Ivo Brant")],
    ),
    (
        "an inverted 'Said X, “Q”' opening its sentence: X is the speaker",
        "The old pier reopened in May. Said Ada Quist, “The ferry is the town’s lifeline.”",
        [("direct", "The ferry is the town’s lifeline.", "Ada Quist")],
    ),
    (
        "'Said to be ...' opening a sentence is no inverted attribution",
        "Said to be the oldest inn in Dover, “The Anchor Rooms” reopened in May.",
        [],
    ),
    # --- honorifics of West African, East African and South Asian copy ------------------
    (
        "'Amb.' before a name is a title, and the surname later is that person",
        "Foreign Minister, Amb. Ada Quist, said the ferry would run again in May. "
        "“We will not wait,” Quist added.",
        [
            ("indirect", "the ferry would run again in May", "Ada Quist"),
            ("direct", "We will not wait", "Ada Quist"),
        ],
    ),
    (
        "honorifics without a dot ('Engr', 'Alhaji', 'Hon') are titles too",
        "Engr Ivo Brant said the bridge was safe. Alhaji Tunde Bello said the toll was fair. "
        "Hon Mary Osei said the budget was ready.",
        [
            ("indirect", "the bridge was safe", "Ivo Brant"),
            ("indirect", "the toll was fair", "Tunde Bello"),
            ("indirect", "the budget was ready", "Mary Osei"),
        ],
    ),
    (
        "counter-case: a surname that looks like a title ('Barr') stays the name",
        "Attorney General Ivo Barr said the memo was ready.",
        [("indirect", "the memo was ready", "Ivo Barr")],
    ),
    (
        "the given name alone after an abbreviated one ('Md Ivo Brant' ... 'Ivo') is that person",
        "Harbour Adviser Md Ivo Brant said on Monday that the pier was safe. Ivo said the "
        "ferry would run in May.",
        [
            ("indirect", "the pier was safe", "Md Ivo Brant"),
            ("indirect", "the ferry would run in May", "Md Ivo Brant"),
        ],
    ),
    (
        "counter-case: a surname of someone else is not the middle word of a longer name",
        "Harbour Adviser Md Ivo Walker Brant said the pier was safe. Ada Walker said it was not. "
        "Walker added that the ferry was late.",
        [
            ("indirect", "the pier was safe", "Md Ivo Walker Brant"),
            ("indirect", "it was not", "Ada Walker"),
            ("indirect", "the ferry was late", "Ada Walker"),
        ],
    ),
    # --- a document as the subject: the body that issued it speaks --------------------
    (
        "'A statement issued on Monday said X': the institution that spoke before issued it",
        "The Ministry of Ports denied closing the harbour. A statement issued on Monday said the "
        "harbour was open.",
        [
            ("indirect", "closing the harbour", "Ministry of Ports"),
            ("indirect", "the harbour was open", "Ministry of Ports"),
        ],
    ),
    (
        "'“...,” the statement of the Ministry reads': the issuer after 'of' speaks, under its fullest name",
        "The Ports Ministry issued a statement on the harbour. «The harbour is open,» the "
        "statement of the Ministry reads.",
        [("direct", "The harbour is open", "Ports Ministry")],
    ),
    (
        "counter-case: 'according to a Harbour Board readout' is no earlier institution's statement",
        "The Ministry of Ports said the pier was safe. Ivo Brant met the mayor, according to a "
        "Harbour Board readout.",
        [
            ("indirect", "the pier was safe", "Ministry of Ports"),
            ("indirect", "Ivo Brant met the mayor", None),
        ],
    ),
    (
        "an agency word in capitals after a dateline is no part of the subject or its name",
        "DOVER. PORTINFORM The Ministry of Ports said it would reopen the pier. “The pier is "
        "safe,” the ministry added.",
        [
            ("indirect", "it would reopen the pier", "Ministry of Ports"),
            ("direct", "The pier is safe", "Ministry of Ports"),
        ],
    ),
    (
        "'The “...,” he told X of Y': a quotation after 'The' is no show title; it stays the speaker's",
        "Mayor Ivo Brant spoke after the vote. The “anger here is like nothing before,” he told "
        "Ada Quist of the Dover Post on Monday.",
        [("direct", "anger here is like nothing before", "Ivo Brant")],
    ),
    # --- a reported clause without "that" after a time phrase or an occasion (issue 7) -------
    (
        "'said late Friday X' and 'said on Friday Name would ...': the time phrase is no content",
        "Port talks stall\n\n"
        "KESSA, May 3 -- Deputy Foreign Minister Ivo Brant said late Friday Borland was ready to "
        "host the next round. He said on Saturday Foreign Minister Ada Quist would visit in June.",
        [("indirect", "Borland was ready to host the next round", "Ivo Brant"),
         ("indirect", "Foreign Minister Ada Quist would visit in June", "Ivo Brant")],
    ),
    (
        "'said on Monday, commenting on reports of X, that Y': the occasion set off by commas",
        "Pipeline plans\n\n"
        "KESSA, May 3 -- Energy Minister Ena Kovac said on Monday, commenting on reports of a new "
        "pipeline, that the project had not been discussed.",
        [("indirect", "the project had not been discussed", "Ena Kovac")],
    ),
    (
        "a time phrase and a place after 'said' with no clause: nothing reported after the cue",
        "Pipeline plans\n\n"
        "KESSA, May 3 -- Energy Minister Ena Kovac said on Monday in Kessa. Mayor Ivo Brant spoke "
        "on Friday Kessa time.",
        [],
    ),
    # --- a statement named by a back-reference in the next sentence (issue 7) ---------------
    (
        "'He stated this today at ...': the sentence before is what he stated, not 'this today ...'",
        "River talks\n\n"
        "KESSA, May 3 -- Mayor Ivo Brant met the port workers on Monday. Borland has talked with "
        "its neighbours about the river only four times in ten years. He stated this today at a "
        "meeting with the governor.",
        [("indirect", "Borland has talked with its neighbours about the river only four times in ten years", "Ivo Brant")],
    ),
    (
        "'confirmed this information to AGENCY': the sentence before, the agency is whom it was told",
        "Coast railway\n\n"
        "KESSA, May 3 -- The railway to the coast will open in 2027. Transport Minister Ena Kovac "
        "confirmed this information to Kessa Press.",
        [("indirect", "The railway to the coast will open in 2027", "Ena Kovac")],
    ),
    (
        "'He made the statement ...' after a sentence that is already a statement names nothing new",
        "Port closure\n\n"
        "KESSA, May 3 -- Mayor Ivo Brant said the port would close for a week. He made the "
        "statement at a news conference on Monday.",
        [("indirect", "the port would close for a week", "Ivo Brant")],
    ),
    (
        "'In his words, X': the possessive stands for the speaker; 'In other words' is the writer's",
        "Port rules\n\n"
        "KESSA, May 3 -- Mayor Ivo Brant met the port workers on Monday. In his words, the new "
        "rules will come into force in April. In other words, the old permits lapse in spring.",
        [("indirect", "the new rules will come into force in April", "Ivo Brant")],
    ),
    (
        "a ministry named with its country's possessive ('Borland’s Foreign Ministry') is that fullest form",
        "Port deal\n\n"
        "KESSA, May 3 -- Borland’s Foreign Ministry welcomed the port deal on Monday. The deal "
        "will open new routes to the coast, the Foreign Ministry said.",
        [("indirect", "the port deal on Monday", "Borland’s Foreign Ministry"),
         ("indirect", "The deal will open new routes to the coast", "Borland’s Foreign Ministry")],
    ),
    (
        "the wire's own credit line ('X, Trend reports.' in a Trend story) is no statement; another source's is",
        "Port deal\n\n"
        "BAKU, May 3 (Trend) -- Spokesman Ivo Brant made a statement on the port deal on Monday, "
        "Trend reports. The port of Kessa will reopen in June, Reuters reports.",
        [("indirect", "The port of Kessa will reopen in June", "Reuters")],
    ),
    (
        "a photo credit before the next line does not run into an institution's name",
        "Port deal\n\n"
        "Photo © Ada Quist\nThe Ministry of Foreign Affairs of Borland\n\n"
        "KESSA, May 3 -- The port will reopen in June, the Ministry of Foreign Affairs said.",
        [("indirect", "The port will reopen in June", "Ministry of Foreign Affairs of Borland")],
    ),
    # --- rarer speech acts with an object or an infinitive (issue 7) -------------------------
    (
        "'lauded X for Y': an evaluative act keeps its object",
        "Trade Minister Aru Demir lauded the customs officers for their work at the new crossing.",
        [("indirect", "the customs officers for their work at the new crossing", "Aru Demir")],
    ),
    (
        "'faulted X for Y' and 'rebuked X for Y'",
        "Governor Lina Osei faulted the regional banks for slow lending. Later she rebuked the "
        "district heads for the delays in the harvest.",
        [("indirect", "the regional banks for slow lending", "Lina Osei"),
         ("indirect", "the district heads for the delays in the harvest", "Lina Osei")],
    ),
    (
        "'refuted X' is a denial with a noun-phrase object",
        "Foreign Minister Pavel Rusu refuted the ambassador's remarks about the river border.",
        [("indirect", "the ambassador's remarks about the river border", "Pavel Rusu")],
    ),
    (
        "'appealed to X to Y', 'encouraged X to Y', 'advised X to Y': the request with its addressee",
        "Foreign Minister Pavel Rusu appealed to the parties to refrain from escalation. He encouraged "
        "investors to open plants in the north and advised traders to avoid the old route.",
        [("indirect", "the parties to refrain from escalation", "Pavel Rusu"),
         ("indirect", "investors to open plants in the north", "Pavel Rusu"),
         ("indirect", "traders to avoid the old route", "Pavel Rusu")],
    ),
    (
        "a thing that 'encouraged' people, or 'encouraged' with no request, is no speaker",
        "The new fuel tax took effect in May. It encouraged people to drive less. The harvest "
        "figures encouraged the traders.",
        [],
    ),
    (
        "'cautioned against X', 'advocated for X', 'expressed confidence in X', 'expressed shock over X'",
        "Senator Ada Quist cautioned against hasty conclusions about the crash. Mayor Ivo Brant "
        "advocated for a bigger role of the port authority. Ambassador Noor Hale expressed "
        "confidence in the success of the talks. Minister Ena Kovac expressed shock over the "
        "closure of the border post.",
        [("indirect", "hasty conclusions about the crash", "Ada Quist"),
         ("indirect", "a bigger role of the port authority", "Ivo Brant"),
         ("indirect", "the success of the talks", "Noor Hale"),
         ("indirect", "the closure of the border post", "Ena Kovac")],
    ),
    (
        "'pledged to X', 'promised to X', 'vowed to X' keep the infinitive; a day word before it is left out",
        "Prime Minister Aru Demir pledged to double exports by 2030. Mayor Ivo Brant promised on "
        "Tuesday to publish the budget. Senator Ada Quist vowed not to vote for the bill.",
        [("indirect", "to double exports by 2030", "Aru Demir"),
         ("indirect", "to publish the budget", "Ivo Brant"),
         ("indirect", "not to vote for the bill", "Ada Quist")],
    ),
    (
        "'pledges X' with a clause, and ', pledging to X' after a sentence that reports nothing",
        "Deputy Minister Ena Kovac opened the forum in the capital on Monday, pledging to cut the "
        "export duty. The ministry pledges Borland stands with its partners in the bloc.",
        [("indirect", "to cut the export duty", "Ena Kovac"),
         ("indirect", "Borland stands with its partners in the bloc", "ministry")],
    ),
    (
        "'did not rule out X', 'has not ruled out X': what stays possible is the content",
        "Grain tariffs\n\n"
        "KESSA, May 3 -- Mayor Ivo Brant did not rule out new tariffs on grain. Minister Ena Kovac "
        "has not ruled out direct talks with Aldania.",
        [("indirect", "new tariffs on grain", "Ivo Brant"),
         ("indirect", "direct talks with Aldania", "Ena Kovac")],
    ),
    (
        "'instructed to X' and 'instructed X to Y' are directives; 'instructed users in X' passes nothing on",
        "Border posts\n\n"
        "KESSA, May 3 -- President Aru Demir instructed to ensure the security of the border posts. "
        "He instructed the governors to report weekly. The old manual instructed users in the basics.",
        [("indirect", "to ensure the security of the border posts", "Aru Demir"),
         ("indirect", "the governors to report weekly", "Aru Demir")],
    ),
    (
        "'It was noted that X' goes on with the speaker just reported; with none before, nothing",
        "Border posts\n\n"
        "KESSA, May 3 -- It was noted that the old posts would close in May.\n\n"
        "\"The border is calm,\" Foreign Ministry spokesman Ivo Brant said. It was also noted that "
        "the new posts would open in June.",
        [("direct", "The border is calm", "Ivo Brant"),
         ("indirect", "the new posts would open in June", "Ivo Brant")],
    ),
    (
        "'pledged' as an adjective ('pledged delegates') is no pledge",
        "After the vote in the north her lead in pledged delegates will be hard to overcome.",
        [],
    ),
    (
        "'called in the ambassador', 'called off the talks': a summons or a cancellation, not a judgement",
        "The Borland Foreign Ministry has called in the Aldanian ambassador over the shooting. The "
        "Aldanian side called off the talks a day later.",
        [],
    ),
    # --- a sentence its attribution interrupts: both sides were said (a13) ----------------------
    (
        "a quotation whose sentence goes on after ', X said,' without marks",
        "“Only you, Ivo,” Ada Quist said, would use a hearing on ferries to praise the council. "
        "“It is our bad luck,” Lena Holt said, that both ferries broke down in the same week.",
        [("direct", "Only you, Ivo", "Ada Quist"),
         ("indirect", "would use a hearing on ferries to praise the council", "Ada Quist"),
         ("direct", "It is our bad luck", "Lena Holt"),
         ("indirect", "that both ferries broke down in the same week", "Lena Holt")],
    ),
    (
        "a clause with an introduction before ', X said, and ...' is reported too",
        "When the ferry finally docked, the pier was empty, Mayor Lena Holt said, and the crowd had "
        "gone home.",
        [("indirect", "When the ferry finally docked, the pier was empty", "Lena Holt"),
         ("indirect", "and the crowd had gone home", "Lena Holt")],
    ),
    (
        "', said X, but ...' after an inverted attribution goes on with the clause",
        "The mayor lacks experience, said Ivo Brant, but his plans for the harbour are sound.",
        [("indirect", "The mayor lacks experience", "Ivo Brant"),
         ("indirect", "but his plans for the harbour are sound", "Ivo Brant")],
    ),
    (
        "a subject or a condition before ', X said, “...”' belongs to the quoted sentence",
        "The harbour's new crane, Lena Holt said, “is a fine example of waste.” If the levy stays "
        "in place, Ivo Brant said, “the mill will close by spring.”",
        [("indirect", "The harbour's new crane", "Lena Holt"),
         ("direct", "is a fine example of waste.", "Lena Holt"),
         ("indirect", "If the levy stays in place", "Ivo Brant"),
         ("direct", "the mill will close by spring.", "Ivo Brant")],
    ),
    (
        "what follows ', X said,' about the scene, the time or the place is not said",
        "“We will win,” Ivo Brant said, and the crowd cheered. “The pier is unsafe,” Lena Holt "
        "told supporters in Troy, N.Y., while the council met in Kessa. The pier will close in May, "
        "Ada Quist said on Friday, hours after the council adopted the plan. “It is late,” Ivo "
        "Brant said, wiping his face.",
        [("direct", "We will win", "Ivo Brant"),
         ("direct", "The pier is unsafe", "Lena Holt"),
         ("indirect", "The pier will close in May", "Ada Quist"),
         ("direct", "It is late", "Ivo Brant")],
    ),
    (
        "a time clause or a participle before ', X said, “...”' says when or how, not what",
        "While he was speaking in Kessa on Monday, Ivo Brant said, “The ferry will run all winter.” "
        "Dashing into the council hall, Lena Holt called out, “The vote is ours.” In the weeks "
        "since, Ada Quist said, “nobody has come back.”",
        [("direct", "The ferry will run all winter.", "Ivo Brant"),
         ("direct", "The vote is ours.", "Lena Holt"),
         ("direct", "nobody has come back.", "Ada Quist")],
    ),
    # --- words before or at the start of a name ----------------------------------------------
    (
        "a first name that is a month opens a speaker's name",
        "April Holm, a spokeswoman for the harbour board, said in a statement that the pier would "
        "reopen in spring. June Brant said the ferry was late.",
        [("indirect", "the pier would reopen in spring", "April Holm"),
         ("indirect", "the ferry was late", "June Brant")],
    ),
    (
        "a month after a preposition opens a date, not a first name",
        "In April Holm said the pier would reopen.",
        [("indirect", "the pier would reopen", None)],
    ),
    (
        "an age before the name belongs to the speaker phrase",
        "81-year-old Ivo Brant, a retired ferryman who sailed the strait for decades, said that the "
        "new pier was too short. The 62-year-old Lena Holt said the levy was unfair.",
        [("indirect", "the new pier was too short", "Ivo Brant"),
         ("indirect", "the levy was unfair", "Lena Holt")],
    ),
    (
        "an age before a common noun names nobody",
        "The 81-year-old ferryman said that the new pier was too short.",
        [("indirect", "the new pier was too short", None)],
    ),
    (
        "a capitalised verb inside a name is no cue ('United States')",
        "For years, Mr. van Holt noted, the United States has sent observers to the islands. The "
        "United States has been lobbying island nations to back the court's statement that its "
        "ruling must be binding. Weary of the talks, the leaders of the United States and Kessa "
        "talked past each other. Consumer Reports found that the ferries were unsafe, the council "
        "said.",
        [("indirect", "the United States has sent observers to the islands", "van Holt"),  # the particle is part of the surname
         ("indirect", "Consumer Reports found that the ferries were unsafe", "council")],
    ),
    (
        "a poll's share 'as many as N percent of X' is an unnamed source, also opening a sentence",
        "By then, as many as 40 percent of Holt voters said they could not support Brant. As many "
        "as 30 percent of Brant voters said they would stay home.",
        [("indirect", "they could not support Brant", None),
         ("indirect", "they would stay home", None)],
    ),
    (
        "a subject with a relative clause after an introduction set off by a comma",
        "Still, while the harbour board cannot stop every leak, people who have fought other leaks "
        "say it could be doing more. Many of the local party leaders who would rather be working "
        "for Holt said they have rallied behind the ticket.",
        [("indirect", "it could be doing more", None),
         ("indirect", "they have rallied behind the ticket", None)],
    ),
    (
        "a short past verb ('sued') before ', claiming ...' is the subject's main verb",
        "The nurse later sued, claiming the quarantine violated her rights. The ferry company "
        "sued the council in court on Friday, seeking an injunction, claiming the levy would cost "
        "it a fortune.",
        [("indirect", "the quarantine violated her rights", None),
         ("indirect", "the levy would cost it a fortune", None)],
    ),
    (
        "a quoted sentence opening with a bracket, a space or an ellipsis continues the speaker",
        "“The pier is unsafe,” Lena Holt said. “[Brant] does not want to fix it before winter.” "
        "“The levy is too high,” said Ivo Brant. “ Nobody in Kessa can pay it.” \"The ferry is "
        "late,\" Ada Quist said. \". . . Nobody knows when it will come.\"",
        [("direct", "The pier is unsafe", "Lena Holt"),
         ("direct", "[Brant] does not want to fix it before winter.", "Lena Holt"),
         ("direct", "The levy is too high", "Ivo Brant"),
         ("direct", "Nobody in Kessa can pay it.", "Ivo Brant"),
         ("direct", "The ferry is late", "Ada Quist"),
         ("direct", ". . . Nobody knows when it will come.", "Ada Quist")],
    ),
    (
        "a document after an inverted cue: its issuer speaks the quotation before it",
        "The harbour board met on Monday.\n\n\"The ferry will run all winter, and the levy "
        "stays,\"  reads the  statement of the Harbour Board of Kessa. -03K-",
        [("direct", "The ferry will run all winter, and the levy stays", "Harbour Board of Kessa")],
    ),
    (
        "an institution's fullest form does not take in the last word of the headline above",
        "Levy stays for Kessa\n\nMinistry of Harbours of Kessa said that the levy would stay. The "
        "ministry said the ferry would run all winter.",
        [("indirect", "the levy would stay", None),
         ("indirect", "the ferry would run all winter", "Ministry of Harbours of Kessa")],
    ),
    (
        "'United States' followed by a comma or a capital is no cue either",
        "Mr. Holt said the judge, Ada Quist of United States District Court, was fair. As Kessa "
        "builds piers on the strait, long patrolled by the United States, it is his job, Ivo Brant "
        "said, to warn the council.",
        [("indirect", "the judge, Ada Quist of United States District Court, was fair", "Holt"),
         ("indirect", "As Kessa builds piers on the strait, long patrolled by the United States, it "
                      "is his job", "Ivo Brant"),
         ("indirect", "to warn the council", "Ivo Brant")],
    ),
    (
        "an aside between dashes after the cue, then 'that'",
        "Campaign chairman Ivo Brant said — on the radio, as it happens — that the levy raised "
        "four million that day.",
        [("indirect", "the levy raised four million that day", "Ivo Brant")],
    ),
    (
        "an attribution after a quotation closed by a full stop ('.” Holt said.') is one sentence",
        "“Kessa, if you are listening, I hope you can find the files that are missing.” Lena Holt "
        "said. “We won.” Ivo Brant said the count was done.",
        [("direct", "Kessa, if you are listening, I hope you can find the files that are missing.",
          "Lena Holt"),
         ("indirect", "the count was done", "Ivo Brant")],
    ),
    (
        "'another' alone is an unnamed source, after the cue or before a quotation",
        "\"The pier is more important than the levy,\" tweeted one harbour pilot. \"Better watch "
        "out for the council,\" tweeted another. Another wrote, “The ferry is late again.”",
        [("direct", "The pier is more important than the levy", None),
         ("direct", "Better watch out for the council", None),
         ("direct", "The ferry is late again.", None)],
    ),
    (
        "a decade's plural ('the mid-1990s.') ends its sentence; it is no initial",
        "Michael Brant said traffic peaked in the mid-1990s. He said he was glad that the ferry "
        "still runs.",
        [("indirect", "traffic peaked in the mid-1990s", "Michael Brant"),
         ("indirect", "he was glad that the ferry still runs", "Michael Brant")],
    ),
    (
        "'that' before a bare noun and a preposition, with no verb after, is a determiner",
        "Ivo Brant reiterated that approach in his interview last week. Lena Holt said that growth "
        "in Kessa remains weak.",
        [("indirect", "growth in Kessa remains weak", "Lena Holt")],
    ),
    (
        "'Yet' opening the sentence is no part of the speaker",
        "Yet another said, “The levy is too high.” Yet Lena Holt said the pier was safe.",
        [("direct", "The levy is too high.", None),
         ("indirect", "the pier was safe", "Lena Holt")],
    ),
    (
        "a title-case headline keeps its capitalised cue",
        "Brant Says Harbour Levy Will Stay",
        [("indirect", "Harbour Levy Will Stay", "Brant")],
    ),
    (
        "a three-word name after a one-word portfolio keeps its first word",
        "Federal Minister for Interior Arif Nawaz Qureshi said on Friday that the border crossing "
        "would stay open. Minister for Housing Tariq Aziz Malik said the camps would close.",
        [("indirect", "the border crossing would stay open", "Arif Nawaz Qureshi"),
         ("indirect", "the camps would close", "Tariq Aziz Malik")],
    ),
    (
        "'emphasized that, X': the comma after the complementiser is not content",
        "Foreign Minister Tomas Varga emphasized that, the talks with the neighbours would resume "
        "in May.",
        [("indirect", "the talks with the neighbours would resume in May", "Tomas Varga")],
    ),
    (
        "counter-case: 'said that, and not X, was ...' keeps its demonstrative 'that'",
        "Tomas Varga said that, and not the budget, was the reason for the delay.",
        [("indirect", "that, and not the budget, was the reason for the delay", "Tomas Varga")],
    ),
    # --- role nouns and the titled person named earlier ---------------------------------
    (
        "a courtesy title before the name, the office in apposition after it: the role noun finds her",
        "Dr. Amina Wekesa, Cabinet Secretary for Trade, met the visiting delegation in Nairobi on "
        "Monday.\n\nThe Cabinet Secretary said the new export rules would take effect in March.",
        [("indirect", "the new export rules would take effect in March", "Amina Wekesa")],
    ),
    (
        "two titles joined by 'and' before one name are both his; 'the STU chair' is that man",
        "The chairman of the Southern Trade Union (STU) and Ghanaian President Kofi Mensah said on "
        "Friday that the summit would go ahead.\n\n“Nobody will be left out,” the STU chair said.",
        [("indirect", "the summit would go ahead", "Kofi Mensah"),
         ("direct", "Nobody will be left out", "Kofi Mensah")],
    ),
    (
        "'he' is never a woman named 'Madame ...' (no speaker beats her)",
        "Paul Dube, a former judge, and Madame Aline Kabore, a former prime minister, will lead the "
        "mission.\n\n“The mission will start next week,” he said.",
        [("direct", "The mission will start next week", None)],
    ),
    (
        "'Chargé d'Affaires' is a title before the name, not part of it",
        "The embassy's Chargé d'Affaires Ana Lind told reporters that visas would be issued again.",
        [("indirect", "visas would be issued again", "Ana Lind")],
    ),
    (
        "'He said this during an interview' points back: no second statement",
        "Tomas Varga said the border would stay open. He said this during an interview with a "
        "local radio station.",
        [("indirect", "the border would stay open", "Tomas Varga")],
    ),
    (
        "counter-case: 'said this was a mistake' reports a clause that opens with 'this'",
        "Tomas Varga said this was a mistake.",
        [("indirect", "this was a mistake", "Tomas Varga")],
    ),
    (
        "an official who 'quoted the president as saying X' relays it: the official is the speaker",
        "Foreign Minister Ana Lind quoted President Tomas Varga as saying that the talks would "
        "resume in May.",
        [("indirect", "the talks would resume in May", "Ana Lind")],
    ),
    (
        "counter-case: a paper that quoted the minister as saying X only carries his words",
        "The newspaper quoted Trade Minister Pavel Horak as saying that the consultations would "
        "continue.",
        [("indirect", "the consultations would continue", "Pavel Horak")],
    ),
    (
        "a headline's 'A Latvian minister warns of X' is the minister the body names",
        "A Latvian minister warns of new border closures\n\nLatvia's Minister of Foreign Affairs, "
        "Ana Lind, told reporters on Monday that two crossings would close in May.",
        [("indirect", "new border closures", "Ana Lind"),
         ("indirect", "two crossings would close in May", "Ana Lind")],
    ),
    (
        "counter-case: 'a Latvian minister said' in the body stays an unnamed source",
        "The border will stay open, a Latvian minister said.\n\nLatvia's Minister of Foreign "
        "Affairs, Ana Lind, met her Estonian counterpart on Monday.",
        [("indirect", "The border will stay open", None)],
    ),
    (
        "a role noun, a 'who' clause closed by a comma it never opened, then 'today says X'",
        "Foreign Minister Ana Lind visited Riga.\n\nThe minister who yesterday walked away from "
        "reporters apparently to avoid questions on the border, today says the crossings will "
        "stay open.",
        [("indirect", "the crossings will stay open", "Ana Lind")],
    ),
    (
        "counter-case: a plural noun before 'who ...,' is no person (the rule reads nothing here)",
        "Farmers who live near the border, say the crossings should stay open.",
        [],
    ),
    # --- a speaker's turn across narrative paragraphs ------------------------------------
    (
        "'He' after a page-furniture line is still the speaker, not a man named in his words",
        "Interior Minister Tomas Varga said that opposition leader Marko Ilic was trying to stir "
        "unrest in the capital.\n\n- Advertisement -\n\nHe added that the police had made no "
        "arrests so far.",
        [("indirect", "opposition leader Marko Ilic was trying to stir unrest in the capital", "Tomas Varga"),
         ("indirect", "the police had made no arrests so far", "Tomas Varga")],
    ),
    (
        "'he' two paragraphs on, with only unnamed narrative between, is the speaker",
        "Party chairman Marko Ilic should stand trial for the riots, said Interior Minister Tomas "
        "Varga on Sunday.\n\nAsked about the inquiry, the minister declined to give any details."
        "\n\n“The courts will decide,” he said.",
        [("indirect", "Party chairman Marko Ilic should stand trial for the riots", "Tomas Varga"),
         ("direct", "The courts will decide", "Tomas Varga")],
    ),
    (
        "counter-case: a man named in the narrative between takes the 'he'",
        "Interior Minister Tomas Varga said that the protest had been peaceful.\n\nOpposition "
        "leader Marko Ilic addressed a rally in the north of the country on Sunday.\n\n“We will "
        "keep marching until the vote is held,” he said.",
        [("indirect", "the protest had been peaceful", "Tomas Varga"),
         ("direct", "We will keep marching until the vote is held", "Marko Ilic")],
    ),
    # --- speaker choice: documents, relayed speech, nearby people (sk4) --------------------
    (
        "'said the statement from X' after a quote: the issuer named after the document speaks",
        "“We back the council's call for an inclusive government,” said the statement from the "
        "Ministry of Foreign Affairs of Norland.\nThe statement noted that the new authorities "
        "must respect the rights of minorities.",
        [
            ("direct", "We back the council's call for an inclusive government", "Ministry of Foreign Affairs of Norland"),
            ("indirect", "the new authorities must respect the rights of minorities", "Ministry of Foreign Affairs of Norland"),
        ],
    ),
    (
        "counter-case: 'said the statement on Monday' names no issuer; the body before it speaks",
        "The Norland Fisheries Ministry said the quota was final.\n\n“No vessel will fish past the "
        "line,” said the statement on Monday.",
        [
            ("indirect", "the quota was final", "Norland Fisheries Ministry"),
            ("direct", "No vessel will fish past the line", "Norland Fisheries Ministry"),
        ],
    ),
    (
        "'the statement read' after a quote: the ministry that spoke in the statement",
        "In a statement, Norland’s Foreign Ministry said Foreign Minister Ana Lind ended a visit to "
        "Estland.\n\nDuring the visit, Lind had an audience with King Olaf.\n\n“Both sides "
        "reviewed the border talks,” the statement read.\n\nLind and her counterpart Oskar Berg "
        "co-chaired the commission.\n\n“The sides agreed to meet again in May,” the statement on "
        "Monday (May 12) read.",
        [
            ("indirect", "Foreign Minister Ana Lind ended a visit to Estland", "Norland’s Foreign Ministry"),
            ("direct", "Both sides reviewed the border talks", "Norland’s Foreign Ministry"),
            ("direct", "The sides agreed to meet again in May", "Norland’s Foreign Ministry"),
        ],
    ),
    (
        "counter-case: 'read' with an object is no cue",
        "The minister read the letter aloud to the deputies on Monday.",
        [],
    ),
    (
        "'the statement said' after a spokesman spoke in a statement is the spokesman's",
        "“The claim is baseless,” Spokesperson Ana Lind said in a statement.\n\n“Our position "
        "is well known,” she said, adding that the talks would go on.\n\n“We will answer every "
        "charge,” the statement said.\n\n“Our concerns have been conveyed to the other side.”",
        [
            ("direct", "The claim is baseless", "Ana Lind"),
            ("direct", "Our position is well known", "Ana Lind"),
            ("indirect", "the talks would go on", "Ana Lind"),
            ("direct", "We will answer every charge", "Ana Lind"),
            ("direct", "Our concerns have been conveyed to the other side.", "Ana Lind"),
        ],
    ),
    (
        "counter-case: a person who spoke, not in a statement, is not the statement's author",
        "“The claim is baseless,” Minister Ana Lind told reporters.\n\n“We will answer every "
        "charge,” the statement said.",
        [
            ("direct", "The claim is baseless", "Ana Lind"),
            ("direct", "We will answer every charge", None),
        ],
    ),
    (
        "'according to the press release' is the release of the ministry that spoke before",
        "Meanwhile, a press release from Norland’s Foreign Ministry said Foreign Minister Ana "
        "Lind held phone talks with her Estish counterpart.\n\nLind exchanged views with him on "
        "the border, according to the press release.",
        [
            ("indirect", "Foreign Minister Ana Lind held phone talks with her Estish counterpart", "Norland’s Foreign Ministry"),
            ("indirect", "Lind exchanged views with him on the border", "Norland’s Foreign Ministry"),
        ],
    ),
    (
        "counter-case: a press release after a person's statement names no issuer",
        "Foreign Minister Ana Lind said the border would reopen.\n\nThe talks will resume in May, "
        "according to the press release.",
        [
            ("indirect", "the border would reopen", "Ana Lind"),
            ("indirect", "The talks will resume in May", None),
        ],
    ),
    (
        "'reported' + a gerund is what a filing declared, not a plain object",
        "The Harbour Fund reported spending $2 million on radio ads attacking the mayor.",
        [("indirect", "spending $2 million on radio ads attacking the mayor", "Harbour Fund")],
    ),
    (
        "'reported it sold ...': a subject pronoun and its verb open the clause with no 'that'",
        "Amazon reported it sold $30 billion in goods in the quarter.",
        [("indirect", "it sold $30 billion in goods in the quarter", "Amazon")],
    ),
    (
        "counter-case: 'reported it to the police' and 'reported nothing' report no clause",
        "The porter reported it to the police on Monday. The guard reported nothing unusual at "
        "the gate. The clerk reported funding of $3 million for the pier.",
        [],
    ),
    (
        "counter-case: 'wrote it down' and a gerund after 'wrote' are no clause",
        "The clerk wrote it down on a napkin. The mayor wrote asking for a delay.",
        [],
    ),
    (
        "'said Mr. X would ...' opens the clause at once: a later relative 'that' is inside it",
        "Aides said Mr. Lind was troubled by the risk that the ferry would stay in port.",
        [("indirect", "Mr. Lind was troubled by the risk that the ferry would stay in port", None)],
    ),
    (
        "'told Dr. X that ...': the honorific belongs to the person told, then the clause",
        "The nurse told Dr. Ross that the ward was full.",
        [("indirect", "the ward was full", None)],
    ),
    (
        "'after saying X' inside the sentence: its subject said X",
        "Ada Quist, after initially saying she would not campaign in the state, took to the "
        "airwaves.",
        [("indirect", "she would not campaign in the state", "Ada Quist")],
    ),
    (
        "'Since announcing in May that X, Name ...': the subject of the main clause said X",
        "Since announcing in May that he would not run again, Bo Lind has campaigned for his party.",
        [("indirect", "he would not run again", "Bo Lind")],
    ),
    (
        "counter-case: an object after the gerund ('saying goodbye', 'announcing her decision')",
        "While saying goodbye to the guest, the mayor was distracted. After announcing her "
        "decision in May, Ada Quist toured the state.",
        [],
    ),
    # --- name forms: variant spellings and the tail of a three-word name -----------------
    (
        "a given name spelt a second way in the same article is the same person",
        "Foreign Minister Seyran Huseynli met the delegation in Baku.\n\n"
        "Sayran Huseynli said the border crossing would reopen next month.",
        [("indirect", "the border crossing would reopen next month", "Seyran Huseynli")],
    ),
    (
        "the last two words of a three-word name, with the surname spelt another way",
        "Spokesman Nabil Abu Rahim spoke to reporters on Monday.\n\n"
        "Abu Rahem said the ministry rejected the claims.\n\n"
        "Abu Rahim said the talks would continue.",
        [("indirect", "the ministry rejected the claims", "Nabil Abu Rahim"),
         ("indirect", "the talks would continue", "Nabil Abu Rahim")],
    ),
    (
        "counter-case: Lena and Lina are two names (i/e only in longer words)",
        "Deputy Lena Orlova opened the debate.\n\nLina Orlova said the bill was unfair.",
        [("indirect", "the bill was unfair", "Lina Orlova")],
    ),
    (
        "counter-case: Dana and Dina are two names, not one spelt twice",
        "Senator Dana Kovac spoke first.\n\nDina Kovac said the vote should wait.",
        [("indirect", "the vote should wait", "Dina Kovac")],
    ),
    (
        "counter-case: a two-word tail shared by two people names neither",
        "Khalid Abu Samra and Omar Abu Samra both ran for the seat.\n\n"
        "Abu Samra said the count was fair.",
        [("indirect", "the count was fair", "Abu Samra")],
    ),
    (
        "the country an envoy is sent to is part of the title, not of the name",
        "US Ambassador to Peru Daniel Hollis said the talks were useful.",
        [("indirect", "the talks were useful", "Daniel Hollis")],
    ),
    (
        "counter-case: a name right after 'to' stays whole",
        "An adviser to Ivo Brant said the plan had been dropped.",
        [("indirect", "the plan had been dropped", None)],
    ),
    (
        "a surname particle after a courtesy title stays with the surname and finds its given name",
        "Mark van Holt arrived in Kigali on Monday.\n\n"
        "Mr. van Holt said the talks were useful.",
        [("indirect", "the talks were useful", "Mark van Holt")],
    ),
    # --- name forms: honorifics of Gulf, West and East African copy ----------------------
    (
        "'H.E.' and 'Engr.' before a name after the quote do not end the sentence",
        "“The port will open in March,” said H.E. Salem Al Naqbi.\n\n"
        "The new line will carry freight first, Engr. Bala Usman said.",
        [("direct", "The port will open in March", "Salem Al Naqbi"),
         ("indirect", "The new line will carry freight first", "Bala Usman")],
    ),
    (
        "Kenyan 'CS' (Cabinet Secretary) is a title, not part of the name",
        "Cabinet Secretary Wanjiru Otieno toured the port.\n\n"
        "CS Otieno said the berths would be dredged.",
        [("indirect", "the berths would be dredged", "Wanjiru Otieno")],
    ),
    (
        "'His Excellency' before a name is a style; alone it stands for the man named before",
        "His Excellency Khalifa Al Dhaheri, Minister of State for Trade, said that exports had "
        "doubled. He said that the new port would open in May. His Excellency explained that "
        "tariffs would fall next year.",
        [("indirect", "exports had doubled", "Khalifa Al Dhaheri"),
         ("indirect", "the new port would open in May", "Khalifa Al Dhaheri"),
         ("indirect", "tariffs would fall next year", "Khalifa Al Dhaheri")],
    ),
    (
        "counter-case: 'His administration' is still an owner's possession, not a style",
        "Governor Ivo Brant spoke on Monday. His administration said that the budget was balanced.",
        [("indirect", "the budget was balanced", None)],
    ),
]


@pytest.mark.parametrize("name,text,expect", CASES, ids=[c[0] for c in CASES])
def test_case(name, text, expect):
    article = extract(text, use_kb=False)  # what the article alone says; KB cases are elsewhere
    got = [(s.kind, s.text, s.speaker.name if s.speaker else None) for s in article.statements]
    assert got == expect
    for s in article.statements:
        assert text[s.start:s.end] == s.text
        if s.speaker is not None:
            assert text[s.speaker.start:s.speaker.end] == s.speaker.mention
        if s.cue is not None:
            assert text[s.cue.start:s.cue.end] == s.cue.text


def test_every_statement_explains_itself():
    text = ("Russian Foreign Minister Sergey Lavrov spoke in Minsk.\n\n"
            "“We will not leave our allies alone,” the minister said.")
    s = extract(text, use_kb=False).statements[0]
    assert s.rule == "direct:after-quote"
    assert s.cue.text == "said"
    assert any("the minister" in step and "Sergey Lavrov" in step for step in s.speaker.how)
    assert s.speaker.role == "Russian Foreign Minister"


def test_a_subordinating_word_is_no_speaker():
    text = ("Although he thanked the crew, he sounded a note of doubt, saying, “I am not sure we "
            "deserve it.”")
    names = [s.speaker.name for s in extract(text, use_kb=False).statements if s.speaker]
    assert "Although" not in names


def test_unnamed_source_keeps_its_words():
    s = extract("The meeting is expected in May, sources close to the talks said.").statements[0]
    assert s.speaker is None
    assert s.source_mention is not None and s.source_mention.text == "sources close to the talks"


def test_relative_day_gives_statement_date():
    text = ("date 2023-05-17\nMOSCOW, May 17. /TASS/. The sanctions will not work, "
            "Russian Deputy Foreign Minister Mikhail Galuzin said on Monday.")
    article = extract(text)
    assert article.published == "2023-05-17"
    assert article.statements[0].said_on == "2023-05-15"
