"""The people and institutions an article names, merged by surname, with titles and gender.

An article introduces "Russian Foreign Minister Sergey Lavrov" once and then says "Lavrov",
"he", "the minister". This registry holds each person once with the fullest name the article
gives and the title it gives, plus every place the article names them, so pronouns and role nouns
can be resolved to the nearest fitting person.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from quotegraph.attribute import lexicon as lx
from quotegraph.attribute.mentions import SpeakerNP
from quotegraph.resolve.variants import variant_person
from quotegraph.spans import SpanSet, trie_alternation

_TITLE_HEAD = "(?:" + trie_alternation((
    "Minister", "Ministers", "President", "Spokeswoman", "Spokesman", "Spokesperson", "Secretary",
    "Ambassador", "Chancellor", "Premier", "Envoy", "Chairman", "Chairwoman", "Chair", "Director",
    "Senator", "Governor", "Representative", "Commissioner", "Leader", "Speaker", "Advisor",
    "Adviser", "Aide", "Mayor", "King", "Queen", "Emir", "Prince", "General", "spokesman",
    "spokeswoman", "spokesperson", "minister", "president", "ambassador", "envoy", "leader",
    "secretary", "chief", "head", "counterpart", "colleague", "Mr.", "Mrs.", "Ms.", "Dr.",
    # offices of real copy: "a deputy Ishak Masaliev", "MP X", "Sen. X", "lawmaker X"
    "Deputy", "deputy", "MP", "lawmaker", "legislator", "senator", "Sen.", "Rep.", "Gov.", "Prof.",
    "Professor", "professor", "governor", "mayor", "chairman", "director", "adviser", "advisor",
    "aide", "negotiator", "mediator", "Commander", "commander",
)) + ")"
TITLED_NAME = re.compile(
    r"\b" + _TITLE_HEAD + r"(?P<run>(?:[ \t]+(?:(?:of|for|the|von|der|van|de|bin|al|ibn)[ \t]+)*"
    r"[A-Z][\w’'\-]+){1,8})"
)
_POSSESSIVE_TAIL = re.compile(r"[’']s?$")
FEMALE_FIRST_NAMES = frozenset("""
Maria Mariya Anna Olga Elena Yelena Irina Natalia Natalya Svetlana Tatiana Tatyana Valentina
Ekaterina Yekaterina Ursula Kaja Annalena Hillary Nancy Kamala Liz Theresa Angela Catherine
Victoria Karine Jen Margaret Federica Catherine Madeleine Condoleezza Samantha Linda Nikki
Marine Giorgia Sanna Mette Kersti Ingrida Gitanas Roza Dina Aigul Gulnara Zarina Salome Tamar
Nino Mao Hua Kristalina Christine Roberta Julia Yulia Iryna Olena Liudmila Lyudmila Galina
Sabina Leyla Lala Madina Emine Meral Nadia Sophie Sarah Susan Mary Elizabeth Jennifer Laura
""".split())


MALE_FIRST_NAMES = frozenset("""
Sergey Sergei Andrei Andrey Mikhail Dmitry Dmitri Vladimir Alexander Aleksandr Alexei Alexey
Aleksei Nikolai Nikolay Yuri Yury Igor Oleg Viktor Pavel Ivan Pyotr Boris Grigory Konstantin
Maxim Maksim Kassym-Jomart Nursultan Murat Mukhtar Roman Yerzhan Askar Alikhan Sadyr Jeenbek
Akylbek Ruslan Shavkat Bakhtiyor Vladimir Emomali Sirojiddin Serdar Gurbanguly Rashid Ilham
Jeyhun Hikmet Nikol Ararat Armen Vahagn Irakli Ilia Volodymyr Dmytro Andriy Xi Wang Qin Li
Antony Joe Donald Barack Matthew Ned John Jake Mike Rishi Boris Keir David James Emmanuel
Olaf Frank-Walter Recep Hakan Mevlut Narendra Subrahmanyam Ebrahim Hossein Abbas Fumio Yoko
Josep Charles Antonio Jens Mark Stanislav Imangali Mikhail Alexei Tokayev Ramzan Sergei Peter
Mohammed Mohammad Muhammad Mohamed Ahmed Ahmad Abdullah Abdulla Khalid Khaled Omar Hassan Hasan
Hussein Husain Ibrahim Yusuf Youssef Salem Saeed Faisal Majid Majed Nasser Tariq
Tareq Abdulaziz Abdulrahman Hamad Hamid Mustafa Mahmoud Yusuf Musa Bola Olusegun Uhuru Musalia
""".split())


@dataclass
class Person:
    """A person (or institution) the article names; mutable while the article is read."""

    name: str
    title: str | None = None
    gender: str | None = None
    institution: bool = False
    forms: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return surname_of(self.name)


def surname_of(name: str) -> str:
    return _surname_of(name)


# The same few names are asked for again and again while an article is read (every add and
# find): their surnames and genders are kept, as pure functions of the strings.
@lru_cache(maxsize=65536)
def _surname_of(name: str) -> str:
    return _POSSESSIVE_TAIL.sub("", name.split()[-1]) if name.split() else name


# Courtesy words a name may keep at its front ("Madame Ellen Johnson-Sirleaf").
_FEMALE_HONORIFICS = frozenset({"Madame", "Madam", "Mme", "Mme."})


def gender_from(title: str | None, name: str | None) -> str | None:
    return _gender_from(title, name)


@lru_cache(maxsize=65536)
def _gender_from(title: str | None, name: str | None) -> str | None:
    t = (title or "").lower()
    if any(w in t for w in lx.FEMALE_TITLE_WORDS):
        return "f"
    if any(w in t for w in lx.MALE_TITLE_WORDS):
        return "m"
    first = (name or "").split()[0] if name else ""
    if first in FEMALE_FIRST_NAMES or first in _FEMALE_HONORIFICS:
        return "f"
    if first in MALE_FIRST_NAMES:
        return "m"
    return None


class Registry:
    """People named in one article, looked up by any form of their name."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._by_surname: dict[str, list[Person]] = {}
        self._mentions: list[tuple[int, Person]] = []
        self._deferred = None  # the surname scan, run only when pronouns or roles need it
        self._at: list[int] | None = None  # positions of the sorted mentions, for bisect

    @property
    def mentions(self) -> list[tuple[int, Person]]:
        """Every place a person is named (full name or surname), in text order."""
        if self._deferred is not None:
            deferred, self._deferred = self._deferred, None
            deferred()
            self.finish()
        return self._mentions

    def add(self, name: str, title: str | None, pos: int, *, institution: bool = False) -> Person:
        name = _POSSESSIVE_TAIL.sub("", name) if name.endswith(("’s", "'s")) else name
        key = surname_of(name).lower()
        words = name.split()
        first = words[0] if len(words) > 1 else None
        person = self.find(name, before=pos) if first is None else None
        for p in (() if person else self._by_surname.get(key, ())):
            pwords = p.name.split()
            pfirst = pwords[0] if len(pwords) > 1 else None
            if first is None or pfirst is None or _same_first(first, pfirst):
                person = p
                break
        if person is None and not institution:
            # "Jaykhun Bayramov" after "Jeyhun Bayramov", "Abu Zeid" after "Ahmed Abu Zeid"
            person = variant_person(name, self.people)
        if person is None:
            person = Person(name=name, title=title, institution=institution)
            self.people.append(person)
            self._by_surname.setdefault(key, []).append(person)
        elif len(words) > len(person.name.split()):
            person.name = name
        if title and (not person.title or len(title) > len(person.title)):
            person.title = title
        if person.gender is None:
            person.gender = gender_from(title, name)
        person.forms.add(name)
        person.positions.append(pos)
        self._mentions.append((pos, person))
        self._at = None
        return person

    def find(self, name: str, before: int | None = None) -> Person | None:
        name = _POSSESSIVE_TAIL.sub("", name) if name.endswith(("’s", "'s")) else name
        words = name.split()
        cands = self._by_surname.get(surname_of(name).lower(), [])
        if len(words) == 1 and name[:1].isupper() and not any(" " in p.name for p in cands):
            # The given name alone after an abbreviated one ("Md Touhid Hossain" ... "Touhid"):
            # the middle word of one person's three-word name, when only one has it and nobody
            # has it as a surname ("Ivo Walker" keeps "Walker" beside "George Walker Bush").
            inner = [p for p in self.people if name in p.name.split()[1:-1]
                     and len(p.name.split()[0].rstrip(".")) <= 2]
            if len(inner) == 1:
                return inner[0]
        first = words[0] if len(words) > 1 else None
        for p in cands:
            pwords = p.name.split()
            pfirst = pwords[0] if len(pwords) > 1 else None
            if first is None or pfirst is None or _same_first(first, pfirst):
                return p
        if first is None:
            # Family name first ("Wang Yi" ... "Wang", "Yoon Suk Yeol" ... "Yoon") or a given
            # name alone ("Faisal bin Farhan" ... "Faisal"): the first word, when it is unique.
            hits = [p for p in self.people if len(p.name.split()) >= 2 and p.name.split()[0] == name]
            if len(hits) == 1:
                return hits[0]
            if hits and before is not None:
                # Two people share the family name ("Kim Eun-hye", later "Kim Young-ho"): a
                # bare "Kim" is the one named last before it.
                named = [(max(q for q in p.positions if q < before), p) for p in hits
                         if any(q < before for q in p.positions)]
                if named:
                    return max(named, key=lambda t: t[0])[1]
        if name[:1].isupper():
            return variant_person(name, self.people)
        return None

    def learn(self, name: str, title: str | None, pos: int) -> None:
        """Add a person the article names only by role (resolved elsewhere), at ``pos``."""
        _ = self.mentions  # run any deferred scan first, so the order stays right
        self.add(name, title, pos)
        self.finish()

    def finish(self) -> None:
        self._mentions.sort(key=lambda m: m[0])
        self._at = None

    def _positions(self) -> tuple[list[tuple[int, Person]], list[int]]:
        # Statements ask for the mentions near them; walking all of them each time made a
        # long text quadratic. The mentions are in text order (finish), so bisect finds them.
        ms = self.mentions
        if self._at is None or len(self._at) != len(ms):
            self._at = [p for p, _ in ms]
        return ms, self._at

    def before(self, pos: int):
        """Mentions before ``pos``, nearest first."""
        ms, at = self._positions()
        for k in range(bisect_left(at, pos) - 1, -1, -1):
            yield ms[k]

    def after(self, pos: int):
        ms, at = self._positions()
        for k in range(bisect_right(at, pos), len(ms)):
            yield ms[k]

    def named_between(self, lo: int, hi: int) -> list[tuple[int, Person]]:
        """Mentions known so far at ``lo <= position < hi``, in text order, without running
        the deferred surname scan (``_mentions`` is kept sorted by :meth:`finish`)."""
        ms = self._mentions
        if self._at is None or len(self._at) != len(ms):
            self._at = [p for p, _ in ms]
        return ms[bisect_left(self._at, lo):bisect_left(self._at, hi)]

    def between(self, lo: int, hi: int) -> list[tuple[int, Person]]:
        """Mentions at ``lo <= position < hi``, in text order."""
        ms, at = self._positions()
        return ms[bisect_left(at, lo):bisect_left(at, hi)]


def _same_first(a: str, b: str) -> bool:
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    return a == b or a[0] == b[0] and (len(a) <= 2 or len(b) <= 2 or a[:3] == b[:3])


_RUN = re.compile(r"[^\W_]+")  # a run of str.isalnum characters


def _word_starts(text: str, start: int, surnames) -> dict[str, list[int]]:
    """For each surname, the places from ``start`` where it begins a word (each occurrence
    ``text.find`` would give that is not inside a letter or digit run), found in one pass
    over the text instead of one search per surname (which made a long text quadratic).
    Surnames that do not start with a letter or digit, or could overlap themselves (where
    ``find`` skips an occurrence), are left out for the caller to search."""
    by_run: dict[str, list[str]] = {}
    for surname in surnames:
        m = _RUN.match(surname)
        if m is None or any(surname[k:] == surname[:len(surname) - k]
                            for k in range(1, len(surname))):
            continue
        by_run.setdefault(m.group(), []).append(surname)
    out: dict[str, list[int]] = {s: [] for names in by_run.values() for s in names}
    if not by_run:
        return out
    if len(by_run) <= _FIND_RUNS:
        # A few runs: str.find per run beats compiling a regex that serves this article only.
        for run, names in by_run.items():
            for at in _run_starts(text, start, run):
                for surname in names:
                    if text.startswith(surname, at):
                        out[surname].append(at)
        return out
    words = re.compile(r"(?<![^\W_])" + trie_alternation(by_run) + r"(?![^\W_])")
    for m in words.finditer(text, start):
        for surname in by_run[m.group()]:
            if text.startswith(surname, m.start()):
                out[surname].append(m.start())
    return out


_FIND_RUNS = 24  # up to this many distinct runs, one str.find loop each; past it, one regex
_IN_RUN = re.compile(r"[^\W_]")


def _run_starts(text: str, start: int, run: str) -> list[int]:
    """Where ``run`` (a letter/digit run) stands from ``start`` as a whole run, neither
    preceded nor followed by a letter or digit: what ``(?<![^\\W_])run(?![^\\W_])`` finds."""
    out = []
    n = len(run)
    at = text.find(run, start)
    while at >= 0:
        end = at + n
        if (at == 0 or not _IN_RUN.match(text, at - 1)) and not _IN_RUN.match(text, end):
            out.append(at)
            at = text.find(run, end)
        else:
            at = text.find(run, at + 1)
    return out


def build_registry(text: str, nps: list[SpeakerNP], quote_spans: list[tuple[int, int]],
                   start: int = 0) -> Registry:
    """People from the speaker phrases plus titled names and surnames anywhere outside quotes."""
    reg = Registry()

    quoted = SpanSet(quote_spans).__contains__
    # Names are added in text order, so "Wang Yi" introduced first absorbs a later "Wang".
    named: dict[int, tuple[str, str | None, bool]] = {}
    np_spans = []
    for np in nps:
        if np.kind == "name" and np.name:
            at = np.end - len(np.name)
            named[at] = (np.name, np.title, _looks_institutional(np.name))
            np_spans.append((at, np.end))
    in_np = SpanSet(np_spans).__contains__
    titled: list[tuple[int, int]] = []
    for m in TITLED_NAME.finditer(text, start):
        if quoted(m.start()):
            continue
        split = _split_run(m.group("run"), m.start("run"))
        if split is None:
            continue
        name_start, name = split
        if in_np(name_start) or (titled and titled[-1][0] <= name_start < titled[-1][1]):
            continue
        title_start = _title_start(text, m.start())
        named[name_start] = (name, text[title_start:name_start].strip() or None, False)
        titled.append((name_start, name_start + len(name)))
    for name_start, name, title in _appositive_names(text, start):
        if not quoted(name_start) and not in_np(name_start) and name_start not in named:
            named[name_start] = (name, title, False)
            titled.append((name_start, name_start + len(name)))
    spans = SpanSet(np_spans + titled)
    for at in sorted(named):
        name, title, institution = named[at]
        if (title is None or _honorific_only(title)) and not institution:
            # "Dr. Alfred Mutua, Cabinet Secretary Ministry of Foreign ... Affairs": the office
            # stands after the name; a courtesy title before it says nothing of the office
            title = appositive_title(text, at, at + len(name)) or title
        reg.add(name, title, at, institution=institution)
    known: dict[str, Person] = {}
    for p in reg.people:
        if not p.institution and len(p.surname) > 2:
            # A surname two people share ("Clinton") is left to the full names.
            known[p.surname] = p if p.surname not in known else None
    known = {k: v for k, v in known.items() if v is not None}

    def surnames() -> None:
        n = len(text)
        places = _word_starts(text, start, known)
        for surname, person in known.items():
            found = places.get(surname)
            if found is None:  # a surname _word_starts does not handle: search the text
                found = []
                at = text.find(surname, start)
                while at >= 0:
                    found.append(at)
                    at = text.find(surname, at + len(surname))
            for at in found:
                end = at + len(surname)
                if (at == 0 or not text[at - 1].isalnum()) and (end >= n or not text[end].isalnum()) \
                        and not quoted(at) and at not in spans:
                    person.positions.append(at)
                    reg._mentions.append((at, person))

    if known:
        reg._deferred = surnames
    reg.finish()
    return reg


_ROLE_WORDS = frozenset(w for head in lx.ROLE_HEADS for w in head.split()) | {
    "spokesperson", "spokesman", "spokeswoman", "minister", "aide", "adviser", "advisor",
    "assistant", "director", "chairman", "chairwoman", "chair", "head", "leader", "ambassador",
}
# The title is a run of characters none of which is a comma, so the lazy "{3,100}?" before
# "(?=,)" can only ever stop at the run's end: a possessive "{3,100}+" finds the same titles
# without retrying the comma at every character.
_APPOSITIVE_AFTER = re.compile(r",[ \t]+(?P<title>[^,.;:\n“”\"«»()]{3,100}+)(?=,)")
_APPOSITIVE_BEFORE = re.compile(r"(?:^|(?<=[.!?…][ \t])|(?<=\n)|(?<=\())(?P<title>(?:[Tt]he|[A-Z][\w\-]*[’']s)[ \t][^,.;:\n“”\"«»()]{2,80}?),[ \t]+$")
_APPOSITIVE_WORD = re.compile(r"[\w\-]+")
_NOT_TITLE = frozenset("""is was are were be been has have had will would can could should who which
that whose when where what said says told added noted stressed according while""".split())


_NAME_RUN = r"[A-Z][\w’'\-]+(?:[ \t]+(?:(?:bin|al|ibn|de|da|von|van|der)[ \t]+)?[A-Z][\w’'\-]+){1,3}"
_ROLE_THEN_NAME = re.compile(
    r"\b(?:" + trie_alternation(sorted(_ROLE_WORDS | {w.capitalize() for w in _ROLE_WORDS})) + r")[’']?,[ \t]+"
    r"(?P<name>" + _NAME_RUN + r")(?=,|\.|[ \t]+(?:said|says|told|added)\b)")
_NAME_BEFORE_COMMA = re.compile(r"(?<![\w’'\-])(?P<name>" + _NAME_RUN + r")$")


_ROLE_FORMS = frozenset(_ROLE_WORDS | {w.capitalize() for w in _ROLE_WORDS})
_ROLE_LENGTHS = sorted({len(w) for w in _ROLE_FORMS})
_COMMA_THEN_CAPITAL = re.compile(r",[ \t]+[A-Z]")
_WORD_CHAR = re.compile(r"\w")


def _role_then_name(text: str, start: int):
    """The matches of ``_ROLE_THEN_NAME.finditer(text, start)``, found from the commas.

    Every match is a role word ending at a comma (or at an apostrophe before one) that a
    capital follows; those commas are few, and the role word before each is a word of known
    length, so only the places where a role word ends at such a comma are tried, in text order
    and never inside the previous match, as ``finditer`` would. The full scan tried the role
    trie at every word of the text for a handful of matches per article."""
    last = start
    for comma in _COMMA_THEN_CAPITAL.finditer(text, start):
        c = comma.start()
        ends = (c, c - 1) if c > 0 and text[c - 1] in "’'" else (c,)
        tries = []
        for end in ends:
            for n in _ROLE_LENGTHS:
                at = end - n
                if at < last:
                    break
                # "\b" before the role word: its first character is a letter
                if text[at:end] in _ROLE_FORMS and (at == 0 or not _WORD_CHAR.match(text, at - 1)):
                    tries.append(at)
        for at in sorted(tries):
            m = _ROLE_THEN_NAME.match(text, at)
            if m is not None:
                yield m
                last = m.end()
                break


def _appositive_names(text: str, start: int):
    """People named only in apposition to their title ("the President's spokesperson, Vincent
    Magwenya," / "Ali Hasanov, Presidential Aide on Political Affairs,"): (start, name, title)."""
    for m in _role_then_name(text, start):
        at, name = _unstyled(m.start("name"), m.group("name"))
        if _plain_name(name):
            title = appositive_title(text, at, at + len(name))
            if title is not None:
                yield at, name, title
    # "Name, title,": find the cheap title after a comma first, then the name. A title never
    # holds a comma, so one scan finds it after every comma that has one.
    for c in _APPOSITIVE_AFTER.finditer(text, start):
        m = _NAME_BEFORE_COMMA.search(text, max(start, c.start() - 60), c.start())
        if m is None:
            continue
        at, name = _unstyled(m.start("name"), m.group("name"))
        if _plain_name(name):
            title = appositive_title(text, at, at + len(name))
            if title is not None:
                yield at, name, title


_STYLE_WORDS = ("Excellency ", "Highness ", "Majesty ")


def _unstyled(at: int, name: str) -> tuple[int, str]:
    """"His Excellency Khalifa Al Dhaheri, Minister ...": the style's noun is no given name."""
    for style in _STYLE_WORDS:
        if name.startswith(style) and " " in name[len(style):]:
            return at + len(style), name[len(style):]
    return at, name


_HONORIFICS = frozenset("dr mr mrs ms miss sir madam madame mme h.e his her excellency hon honourable "
                        "honorable engr eng prof amb".split())


def _honorific_only(title: str) -> bool:
    """Whether a title is only courtesy words ("Dr.", "H.E.", "Engr."), naming no office."""
    words = title.lower().replace(".", " ").replace("h e ", "h.e ").split()
    return bool(words) and all(w in _HONORIFICS or w == "h" or w == "e" for w in words)


def _plain_name(name: str) -> bool:
    words = name.split()
    return words[0] not in lx.NON_NAME_WORDS and not any(
        w.lower() in lx.TITLE_WORDS or w in lx.NATIONALITY_ADJECTIVES or w.lower() in _VERBS
        for w in words if w not in _PARTICLES)


def appositive_title(text: str, start: int, end: int) -> str | None:
    """The title an appositive gives a person named at ``start:end``: "Ali Hasanov, Presidential
    Aide on Political Affairs," or "The President's spokesperson, Vincent Magwenya"; None when the
    phrase beside the name is no title (a place, a clause)."""
    for m, near in ((_APPOSITIVE_AFTER.match(text, end), True),
                    (_APPOSITIVE_BEFORE.search(text, max(0, start - 90), start), False)):
        if m is None:
            continue
        title = m.group("title").strip()
        words = _APPOSITIVE_WORD.findall(title)
        if not words or len(words) > 14:
            continue
        lower = [_POSSESSIVE_TAIL.sub("", w).lower() for w in words]
        heads = [w for w in lower if w in _ROLE_WORDS]
        # Every word a title word, a capitalised name part (Ramaphosa's) or glue.
        plain = not any(lw in _NOT_TITLE for lw in lower)
        if heads and plain and (near or lower[-1] in _ROLE_WORDS):
            return title
    return None


_TITLE_WORD_BEFORE = re.compile(r"([A-Z][\w\-\.]*|of|the|for)\s+$")
_CAP_WORD = re.compile(r"\b[A-Z][\w\-]*")
_RUN_TOKEN = re.compile(r"[\w’'\-]+")
_VERBS = frozenset(v for v in lx.REPORTING_VERBS if " " not in v)
_PARTICLES = frozenset({"von", "der", "van", "de", "bin", "al", "ibn"})


def _split_run(run: str, offset: int) -> tuple[int, str] | None:
    """The personal name at the end of a capitalised run after a title head ("of Foreign Affairs Sergey Lavrov")."""
    toks = [(m.start(), m.end(), m.group()) for m in _RUN_TOKEN.finditer(run)]
    k = len(toks)
    while k > 0:
        w = toks[k - 1][2]
        if k >= 2 and toks[k - 2][2] in ("of", "for", "the"):
            break  # "Foreign Minister of Belarus Maxim Ryzhenkov": Belarus belongs to the title
        if w[:1].isupper() and w.lower() not in lx.TITLE_WORDS and w not in lx.NATIONALITY_ADJECTIVES:
            k -= 1
        elif w in _PARTICLES and 1 < k < len(toks):
            k -= 1
        else:
            break
    if len(toks) - k >= 3 and any(t[2] in ("of", "for") for t in toks[:k]) \
            and not any(t[2] in _PARTICLES for t in toks[k:]):
        k = len(toks) - 2  # "Commissioner for Climate Action Wopke Hoekstra"
    name_toks = toks[k:][:4]
    if len(name_toks) == 1 and k >= 2 and toks[k - 2][2] == "of" and (
            toks[k - 1][2].lower() in lx.TITLE_WORDS or toks[k - 1][2] in lx.NATIONALITY_ADJECTIVES):
        return None  # "governor of New Jersey": the last word finishes the place, it is no name
    if not name_toks or name_toks[0][2] in lx.NON_NAME_WORDS or name_toks[0][2] in _PARTICLES \
            or any(t[2].lower() in _VERBS for t in name_toks):
        return None  # "Foreign Minister Says" in a title-case headline is no name
    return offset + name_toks[0][0], run[name_toks[0][0]:name_toks[-1][1]]


def _title_start(text: str, pos: int) -> int:
    """Walk back over capitalised title words ("Russian Deputy Foreign") before a title head."""
    i = pos
    while True:
        m = _TITLE_WORD_BEFORE.search(text[max(0, i - 40):i])
        if not m:
            return i
        word = m.group(1)
        if word.lower() not in lx.TITLE_WORDS and word not in lx.NATIONALITY_ADJECTIVES:
            return i
        i = i - len(text[max(0, i - 40):i]) + m.start()


_MEDIA_WORDS = frozenset("tv radio channel news agency newspaper daily times post press".split())


def _looks_institutional(name: str) -> bool:
    """"Foreign Ministry", "TV Imedi", "Rustavi 2 TV": an institution or outlet, never a "he"."""
    words = name.lower().split()
    return words[-1] in lx.INSTITUTION_HEADS or words[0] in _MEDIA_WORDS or words[-1] in _MEDIA_WORDS
