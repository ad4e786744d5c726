"""Text from the real world (issue 14 §5): what Word, web pages and PDFs leave in pasted
text, and the limits of free text. ``core.text`` decides; every way in uses it."""

from __future__ import annotations

import pytest

from desktop_app.core.messages import Text
from desktop_app.core.text import (
    COMMENT_MAX_LENGTH,
    TextRejected,
    clean_line,
    clean_multiline,
    clean_text,
    first_unwanted,
    kept_text_problem,
)

WHAT = Text("«Khó khăn, vướng mắc» (kho_khan)", "«Difficulties» (kho_khan)")


@pytest.mark.parametrize(
    ("pasted", "multiline", "kept"),
    [
        ("Dòng một\vDòng hai", True, "Dòng một\nDòng hai"),  # Word's Shift+Enter
        ("Trang một\fTrang hai", True, "Trang một\nTrang hai"),  # a page break
        ("a\r\nb\rc\u2028d\u2029e\x85f", True, "a\nb\nc\nd\ne\nf"),
        ("Dòng một\vDòng hai", False, "Dòng một Dòng hai"),
        ("Cột 1\tCột 2", True, "Cột 1 Cột 2"),
        ("20\u00a0%", True, "20\u00a0%"),  # the no-break space is kept in free text
        ("Nguyễn\u00a0Văn\u2009An", False, "Nguyễn Văn An"),
        ("1\u2009234\u202f567", True, "1 234 567"),
        ("Bình\u200b Trung\ufeff\u00ad\u200e", True, "Bình Trung"),  # invisible: dropped
        ("Bi\u0300nh Trung", True, "Bình Trung"),  # NFC
        ("  đầu  \n  cuối  \n\n", True, "đầu\n  cuối"),
        ("  Hoàng   Văn  Minh ", False, "Hoàng Văn Minh"),
    ],
)
def test_what_is_pasted_is_kept_as_a_reader_sees_it(pasted, multiline, kept):
    assert clean_text(pasted, multiline=multiline) == kept
    assert first_unwanted(kept) is None  # what is kept is what a packet may carry


@pytest.mark.parametrize(
    ("pasted", "character", "position"),
    [
        ("Chuông\x07", "U+0007", 7),
        ("\x00", "U+0000", 1),
        ("tách\x1ctrường", "U+001C", 5),  # Python's split() took it for white space
        ("xóa\x7f", "U+007F", 4),
        ("C1\x9b", "U+009B", 3),
        ("abc\u202edcba", "U+202E", 4),  # a right-to-left override reverses what is read
        ("x\u2066y", "U+2066", 2),
        ("lẻ\ud800", "U+D800", 3),  # a lone surrogate: not even UTF-8
        ("x\ufffe", "U+FFFE", 2),
        ("x\U000e0041", "U+E0041", 2),  # a tag character
    ],
)
@pytest.mark.parametrize("multiline", [True, False])
def test_other_control_characters_are_refused_naming_the_field(
    pasted, character, position, multiline
):
    with pytest.raises(TextRejected) as info:
        clean_text(pasted, multiline=multiline, what=WHAT)
    error = info.value
    assert error.code == "text.control_character"
    assert error.details == {"character": character, "position": position}
    assert error.message.vi.startswith("«Khó khăn, vướng mắc» (kho_khan): ")
    assert error.message.en.startswith("«Difficulties» (kho_khan): ")
    assert character in error.message.vi and character in error.message.en
    assert first_unwanted(pasted) is not None


def test_a_text_over_its_limit_is_refused_with_its_length():
    with pytest.raises(TextRejected) as info:
        clean_multiline("x" * 11, WHAT, max_length=10)
    assert info.value.code == "text.too_long"
    assert info.value.details == {"length": 11, "limit": 10}
    assert "10" in info.value.message.vi and "11" in info.value.message.en
    # counted after cleaning: a pasted CR LF is one character
    assert clean_multiline("x" * 4 + "\r\n" + "y" * 5, WHAT, max_length=10)
    assert clean_line(" " * 50 + "Hoa", WHAT, max_length=3) == "Hoa"


def test_text_kept_by_an_older_version_is_judged_not_changed():
    assert kept_text_problem("Dòng một\nDòng hai", COMMENT_MAX_LENGTH) is None
    word = kept_text_problem("Dòng một\vDòng hai", COMMENT_MAX_LENGTH)
    assert word is not None and "U+000B" in word.vi and "position 9" in word.en
    assert "1000" in kept_text_problem("x" * 1001, COMMENT_MAX_LENGTH).en
