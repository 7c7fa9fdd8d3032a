"""Language detection: the answers the extractor relies on to leave other languages alone.

The detector counts words by script and then stopwords; these texts (written for the test) pin
what it must say for each branch, so a faster counting cannot change an answer unnoticed.
"""

from __future__ import annotations

import pytest

from quotegraph.read.language import detect_language, is_english

ENGLISH = ("The minister said on Tuesday that the talks with the delegation would resume "
           "after the holiday, and he added that there was no reason to expect a breakthrough "
           "before the end of the year because both sides have been waiting for new proposals.")
FRENCH = ("Le ministre a déclaré mardi que les discussions avec la délégation reprendront "
          "après les fêtes, et il a ajouté qu'il ne fallait pas attendre une percée avant la "
          "fin de l'année parce que les deux parties sont dans une position difficile.")
GERMAN = ("Der Minister sagte am Dienstag, dass die Gespräche mit der Delegation nach den "
          "Feiertagen weitergehen werden, und er fügte hinzu, dass es keinen Grund gibt, vor "
          "dem Ende des Jahres einen Durchbruch zu erwarten, weil beide Seiten noch warten.")
RUSSIAN = ("Министр сказал во вторник, что переговоры с делегацией продолжатся после "
           "праздников, и он добавил, что нет причин ждать прорыва до конца года, так как "
           "обе стороны ещё не готовы и это было ясно уже при первой встрече.")
UKRAINIAN = ("Міністр сказав у вівторок, що переговори з делегацією продовжаться після свят, "
             "і він додав, що немає причин чекати прориву до кінця року, бо обидві сторони "
             "ще не готові, і це було зрозуміло вже на першій зустрічі.")
GEORGIAN = " ".join(["მინისტრმა", "განაცხადა", "რომ", "მოლაპარაკებები", "გაგრძელდება"] * 6)


@pytest.mark.parametrize("text, lang", [
    (ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de"), (RUSSIAN, "ru"), (UKRAINIAN, "uk"),
    (GEORGIAN, "ka"),
])
def test_each_language_is_named(text, lang):
    assert detect_language(text) == lang


def test_short_text_gets_no_answer():
    assert detect_language("The minister said the talks would resume.") is None


def test_mixed_scripts_follow_the_majority_or_give_no_answer():
    words_en = ENGLISH.split()[:20]
    words_ka = GEORGIAN.split()
    assert detect_language(" ".join(words_en + words_ka[:21])) == "ka"  # 21 of 41 words
    assert detect_language(" ".join(words_en + words_ka[:19])) == "en"
    # Latin stays the majority script of the Latin letters' counts, but the English share
    # of the Latin words is then below the threshold: no answer rather than a guess.
    latin_nonwords = " ".join(["Xqz", "Brrk", "Vlttp", "Zzor"] * 8)
    assert detect_language(" ".join(words_en[:6]) + " " + latin_nonwords) is None


def test_english_and_french_without_a_margin_get_no_answer():
    # 12 English stopwords against 10 French ones: English is ahead, but not by half again.
    half = " ".join(ENGLISH.split()[:15]) + " " + " ".join(FRENCH.split()[:20])
    assert detect_language(half) is None
    assert detect_language(ENGLISH + " " + " ".join(FRENCH.split()[:8])) == "en"


def test_repeated_calls_on_different_texts_do_not_leak():
    # The per-letter script cache must not carry one text's answer into the next.
    answers = [detect_language(t) for t in (RUSSIAN, ENGLISH, GEORGIAN, FRENCH, RUSSIAN)]
    assert answers == ["ru", "en", "ka", "fr", "ru"]
    assert is_english(detect_language(ENGLISH)) and not is_english(detect_language(FRENCH))


@pytest.mark.parametrize("text", [
    ENGLISH, ENGLISH.upper(), ENGLISH[:90], " ".join(ENGLISH.split()[:15]) + " "
    + " ".join(FRENCH.split()[:20]), "Le ministre a dit que les pourparlers sont dans une "
    "impasse et que la question de la frontière reste ouverte pour les deux pays et leur "
    "avenir commun.".replace("è", "e"), "It’s the minister’s view that they’ll wait " * 5,
    "x_y 12 ab " * 30, "",
])
def test_the_ascii_shortcut_answers_as_the_general_path(text):
    from quotegraph.read.language import _any_script, _ascii_letters

    assert _ascii_letters(text) == _any_script(text)
