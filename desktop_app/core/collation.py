"""Vietnamese text comparison: accent-insensitive matching and dictionary order.

Python compares code points, so ``sorted()`` puts "Đồng" after "Xuân" and "Ê" after
"Y" (DESIGN §8). The window sorts with QCollator; everything below the UI (CLI output,
exports, consolidated reports, unit lists) uses :func:`vi_sort_key` so that a list reads
the same on every machine, whatever the system locale or ICU build.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import unicodedata

from desktop_app.core.text import nfc

# Vietnamese letters in dictionary order; f, j, w and z (loan words, ethnic-minority
# place names) slot in where the Latin alphabet has them.
_ALPHABET = tuple("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")

# Breve, circumflex and horn make a different letter (primary difference) ...
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# ... the five tone marks only a secondary one, ranked as dictionaries do:
# none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


class _FoldTable(dict):
    """str.translate table for fold(): drops every combining mark, maps đ to d and
    typographic punctuation to what a keyboard types. Filled per character on first
    sight, so translate() stays a C loop (fold runs over every unit name)."""

    def __missing__(self, codepoint: int) -> int | str | None:
        char = chr(codepoint)
        value: int | str | None = codepoint
        if unicodedata.category(char).startswith("M"):
            value = None
        self[codepoint] = value
        return value


_FOLD_TABLE = _FoldTable(
    str.maketrans(
        {
            "đ": "d",
            "ð": "d",
            "\u2019": "'",
            "\u2018": "'",
            "\u02bc": "'",
            "\u2013": "-",
            "\u2014": "-",
        }
    )
)

_LETTER_WEIGHT = {letter: 100 + i for i, letter in enumerate(_ALPHABET)}
_OTHER_WEIGHT = 100 + len(_ALPHABET)  # + code point: other scripts and symbols
_SPACE, _PUNCT, _NUMBER = 1, 2, 3  # below every letter, so "An Bình" < "Anh"
_LETTER, _DIGIT, _SEPARATOR, _TONE_MARK, _LETTER_MARK = range(5)


def fold(text: str) -> str:
    """The form to compare when accents and case must not matter.

    "Xã Bình Trung", "xa binh trung" and "XÃ BÌNH TRUNG" (NFC or NFD) all fold to
    "xa binh trung": clerks often type without accents, or on a keyboard without Unikey.
    """
    # Case-fold between two decompositions: folding can itself yield combining marks
    # ("İ" → "i" + dot), which must go too for fold() to be idempotent.
    text = unicodedata.normalize("NFD", text).casefold()
    text = unicodedata.normalize("NFD", text).translate(_FOLD_TABLE)
    return " ".join(nfc(text).split())


def vi_sort_key(text: str) -> tuple:
    """A key for ``sorted()`` giving Vietnamese dictionary order.

    Base letters compare first over the whole string (a < ă < â < b … d < đ < e < ê …),
    then the tones syllable by syllable, then case (lower first), then the NFC text
    itself so the order is total. Runs of digits compare by value ("Phường 2" before
    "Phường 10"). NFC and NFD spellings, and old-style tone placement ("Hoà" / "Hòa"),
    give the same key up to the final tie-break.
    """
    # Runs of white space are one separator, as they are to a reader.
    original = nfc(text)
    text = " ".join(original.split())
    primary: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    syllable_tone = 0
    digits = ""
    last_letter = -1  # index in primary of the last letter, for a stray combining mark

    for ch in text:
        kind, value, tone, upper = _CHARS[ch]
        if kind != _DIGIT and digits:
            stripped = digits.lstrip("0") or "0"
            primary.extend((_NUMBER, len(stripped), *map(int, stripped)))
            digits = ""
        if kind == _LETTER:
            last_letter = len(primary)
            primary.append(value)
            cases.append(upper)
            syllable_tone = syllable_tone or tone
        elif kind == _DIGIT:
            digits += ch
        elif kind == _SEPARATOR:
            primary.append(value)
            tones.append(syllable_tone)
            syllable_tone = 0
            last_letter = -1
        elif kind == _TONE_MARK:
            syllable_tone = syllable_tone or tone
        elif last_letter >= 0:
            # A mark NFC could not compose (e.g. typed after a tone): it still makes
            # the letter before it a different letter.
            primary[last_letter] = _MARKED.get((primary[last_letter], value), primary[last_letter])
    if digits:
        stripped = digits.lstrip("0") or "0"
        primary.extend((_NUMBER, len(stripped), *map(int, stripped)))
    tones.append(syllable_tone)
    # The untouched NFC text last, so that strings differing only in spacing still order.
    return (tuple(primary), tuple(tones), tuple(cases), original)


_MARKED = {
    (_LETTER_WEIGHT[base], mark): _LETTER_WEIGHT[letter]
    for (base, mark), letter in _LETTER_MARKS.items()
}


class _CharTable(dict):
    """Character → (kind, primary weight or mark, tone, upper case), worked out from the
    character's decomposition on first sight: the key loop then costs one lookup per
    character of NFC text instead of a decomposition."""

    def __missing__(self, ch: str) -> tuple[int, int | str, int, int]:
        info = self[ch] = _describe_char(ch)
        return info


def _describe_char(ch: str) -> tuple[int, int | str, int, int]:
    if ch in _TONES:
        return (_TONE_MARK, 0, _TONES[ch], 0)
    if unicodedata.category(ch).startswith("M"):
        return (_LETTER_MARK, ch, 0, 0)
    if ch.isascii() and ch.isdecimal():
        return (_DIGIT, 0, 0, 0)
    if not ch.isalpha():
        return (_SEPARATOR, _SPACE if ch.isspace() else _PUNCT, 0, 0)
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    lower = base.lower()
    # Ð/ð (Icelandic eth) is what old fonts and converters (VNI, TCVN3) give for Đ.
    letter = "đ" if lower == "ð" else lower
    tone = 0
    for mark in marks:
        if mark in _TONES:
            tone = tone or _TONES[mark]
        else:
            letter = _LETTER_MARKS.get((letter, mark), letter)
    weight = _LETTER_WEIGHT.get(letter, _OTHER_WEIGHT + ord(letter[0]))
    return (_LETTER, weight, tone, int(ch != ch.lower()))


_CHARS = _CharTable()
