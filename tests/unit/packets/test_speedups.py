"""The faster name comparison and PDF hex-string reader answer exactly as the library
functions they stand in for: same values, same stream position, same refusals."""

from __future__ import annotations

import io

import pytest
from asn1crypto import x509 as asn1_x509

from desktop_app.packets import sigcheck, speedups  # noqa: F401  # sigcheck applies them
from desktop_app.packets.speedups import _PDF_WHITESPACE


def _hex_readers():
    from pyhanko.pdf_utils import generic

    fast = generic.read_hex_string_from_stream
    return fast, fast.__wrapped__


HEX_CASES = [
    b"<48656C6C6F>",
    b"<48656c6c6f> trailing 1 0 R",
    b"<>",
    b"<abc>",  # odd: a final 0 is implied
    b"<4 8\n6\r5\t6\x0cC\x006C 6F  >",
    b"<FEFF0058 00E3>",  # a UTF-16 text string
    b"<41 % a comment > with a bracket\n 42>",
    b"<41%comment\n42>",
    b"<4G>",
    b"<41 42",  # no end
    b"<",
    b"<41>>",
    b"<" + b"0a1B" * 20000 + b">rest",  # a signature's /Contents is this long
    b"<" + b"00" * 300 + b"\n" + b"ff" * 300 + b">",
]


def _outcome(reader, raw: bytes, prefix: bytes = b"xx "):
    stream = io.BytesIO(prefix + raw)
    stream.seek(len(prefix))
    try:
        value = reader(stream)
    except Exception as exc:  # the refusal itself is what is compared
        return ("raised", type(exc), str(exc), stream.tell())
    return ("value", type(value), bytes(value.original_bytes), str(value), stream.tell())


@pytest.mark.parametrize("raw", HEX_CASES, ids=lambda r: repr(r[:24]))
def test_hex_reader_answers_as_pyhanko(raw):
    fast, original = _hex_readers()
    got = _outcome(fast, raw)
    assert got == _outcome(original, raw)
    if raw.endswith(b"rest"):
        assert got[0] == "value"


def test_hex_reader_random_inputs_answer_as_pyhanko():
    import random

    fast, original = _hex_readers()
    alphabet = b"0123456789abcdefABCDEF" + _PDF_WHITESPACE + b"%>gZ<"
    rng = random.Random(20260)
    for _ in range(2000):
        body = bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        raw = b"<" + body + (b">" if rng.random() < 0.8 else b"") + b" 0 obj"
        assert _outcome(fast, raw) == _outcome(original, raw), raw


def _name(**values: str) -> asn1_x509.Name:
    return asn1_x509.Name.build(values)


def _original_eq(a, b):
    return asn1_x509.Name.__eq__.__wrapped__(a, b)


NAMES = [
    ({"common_name": "Xã Bình Trung", "serial_number": "02080"},) * 2,
    ({"common_name": "Xã Bình Trung"}, {"common_name": "xã  bình   trung"}),  # RFC 4518
    ({"common_name": "Xã Bình Trung"}, {"common_name": "Xã Bình Trưng"}),  # another commune
    ({"common_name": "Xã Bình Trung"}, {"common_name": "Xã Bình Trung", "country_name": "VN"}),
]


@pytest.mark.parametrize(("left", "right"), NAMES)
def test_name_equality_answers_as_asn1crypto(left, right):
    a, b = _name(**left), _name(**right)
    expected = _original_eq(a, b)
    for _ in range(3):  # the first answer is computed, the others remembered
        assert (a == b) is expected
        fresh = asn1_x509.Name.load(a.dump())  # parsed anew, as pyHanko does
        assert (fresh == b) is expected
        assert (fresh != b) is not expected


def test_name_equality_in_explicit_tag_compares_the_name():
    cert_name = _name(common_name="Thị trấn Bằng Lũng", serial_number="02020")
    general = asn1_x509.GeneralName(name="directory_name", value=cert_name)
    tagged = asn1_x509.GeneralName.load(general.dump()).chosen
    assert tagged.dump() != cert_name.dump()  # pyHanko's byte comparison misses it
    assert tagged == cert_name
    assert tagged != _name(common_name="Thị trấn Bằng Lũng", serial_number="02021")


def test_a_name_refused_by_string_preparation_is_refused_every_time():
    bad = _name(common_name="Xã \ue000 Bình")  # a private-use character (RFC 4518 §2.4)
    with pytest.raises(ValueError):
        _original_eq(bad, _name(common_name="Xã Bình"))
    for _ in range(3):
        with pytest.raises(ValueError):
            bad == _name(common_name="Xã Bình")  # noqa: B015
        with pytest.raises(ValueError):
            asn1_x509.Name.load(bad.dump()) == _name(common_name="Xã Bình")  # noqa: B015


def test_string_preparation_is_the_original():
    prep = asn1_x509.NameTypeAndValue._ldap_string_prep
    original = prep.__wrapped__
    for text in ["Xã Bình Trung", "  UBND   xã\u00adA ", "ǅ", "Ⅻ", "x" * 2000]:
        assert prep(None, text) == original(None, text)
    with pytest.raises(ValueError):
        prep(None, "\ue000")


def test_apply_is_idempotent():
    before = asn1_x509.Name.__eq__
    speedups.apply()
    assert asn1_x509.Name.__eq__ is before
