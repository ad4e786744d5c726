"""The wording and measures of an administrative document under Decree 30/2020/NĐ-CP
(Appendix I), as plain data: the national motto, the agency block (the parent agency,
then the issuer in capitals), the document number, the signatories, the recipients'
heading and the page margins. The PDFs (``blocks``, ``page``), the packet's workbook and
the check that a received ``report.pdf`` says what its ``data.json`` says all take them
from here, so they cannot drift apart.

No reportlab here: the workbook and the receiving checks import this module.

May import: ``documents``, ``core``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.levels import agency_heading, is_committee
from ..core.text import nfc

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
COMMITTEE = "ỦY BAN NHÂN DÂN"
ON_BEHALF = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")  # a People's Committee signs collectively
HEAD_OF_UNIT = ("THỦ TRƯỞNG ĐƠN VỊ",)  # any other agency
PREPARER = "NGƯỜI LẬP BIỂU"
PREPARED_BY = "Người lập biểu"  # named under the recipients, with no line to sign on
SIGN_HINT = "(Ký, ghi rõ họ tên)"
REPORT = "BÁO CÁO"
RECIPIENTS = "Nơi nhận:"
FILED = "- Lưu: VT."


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


MARGINS_MM = Margins(top=20, bottom=20, left=30, right=15)


@dataclass(frozen=True)
class Agency:
    """The agency block, top left of the first page."""

    parent: str | None  # "UBND HUYỆN CHỢ ĐỒN"; None for a unit with no parent
    issuer: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "XÃ BÌNH TRUNG"), in bold


def agency(name: str, parent_name: str | None) -> Agency:
    """The block for the unit ``name`` under ``parent_name``: a commune, district or
    province issues as its People's Committee; any other agency under its own name."""
    name, parent = nfc(name), nfc(parent_name or "")
    issuer = (COMMITTEE, name.upper()) if is_committee(name) else (name.upper(),)
    return Agency(agency_heading(parent) if parent else None, issuer)


def report_number(number: str, name: str) -> str:
    """The number after "Số:": as written when it has its symbol ("12/BC-UBND"), else
    the number (or dots to fill by hand) with the symbol of a report by ``name``."""
    number = nfc(number).strip()
    if "/" in number:
        return number
    symbol = "BC-UBND" if is_committee(name) else "BC"
    return f"{number or '……'}/{symbol}"


@dataclass(frozen=True)
class Signature:
    """One signature block: its title lines in bold, a hint in italics, the name."""

    titles: tuple[str, ...]
    hint: str
    name: str


def signatories(name: str, prepared_by: str, approved_by: str) -> tuple[Signature, Signature]:
    """(preparer, approver) of a report by the unit ``name``: the clerk who prepared it
    on the left, the leader signing on behalf of the unit on the right."""
    preparer = Signature((PREPARER,), SIGN_HINT, nfc(prepared_by))
    titles = ON_BEHALF if is_committee(nfc(name)) else HEAD_OF_UNIT
    return preparer, Signature(titles, "", nfc(approved_by))


def closing_texts(recipients: Sequence[str], preparer: Signature, approver: Signature) -> list[str]:
    """What ``blocks.ClosingBlock`` draws, in drawing order: "Nơi nhận:", the recipients,
    the preparer named, the leader's titles and name (the received PDF's check reads it)."""
    named = [f"{PREPARED_BY}: {preparer.name}"] if preparer.name else []
    return [RECIPIENTS, *recipients, *named, *approver.titles, approver.name]


__all__ = [
    "COMMITTEE",
    "FILED",
    "HEAD_OF_UNIT",
    "MARGINS_MM",
    "MOTTO",
    "ON_BEHALF",
    "PREPARED_BY",
    "PREPARER",
    "RECIPIENTS",
    "REPORT",
    "SIGN_HINT",
    "Agency",
    "Margins",
    "Signature",
    "agency",
    "closing_texts",
    "report_number",
    "signatories",
]
