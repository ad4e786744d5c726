"""A report.pdf drawn by a version before the side-by-side closing (the two signature
blocks, then "Nơi nhận" under them) still says what its data.json says: packets signed
by communes that have not updated stay receivable (issue 19)."""

from __future__ import annotations

import pytest

from desktop_app.core.messages import AppError
from desktop_app.documents.blocks import SignatureBlock
from desktop_app.documents.decree30 import RECIPIENTS
from desktop_app.documents.flow import Spacer, para, style
from desktop_app.documents.fonts import SERIF_BOLD_ITALIC
from desktop_app.packets import pdf as report_pdf
from desktop_app.packets.agreement import check_pdf
from desktop_app.packets.layout import build_layout
from desktop_app.packets.pdfcheck import open_pdf
from desktop_app.packets.pdftext import expected_texts, shown_text
from tests.unit.packets.report_data import commune


def _earlier_pdf(monkeypatch, form, data) -> bytes:
    """report.pdf with the closing drawn the earlier way, by the module's own code."""

    def earlier_closing(recipients, preparer, approver, page):
        block = SignatureBlock(preparer, approver, page)
        lines = [para(RECIPIENTS, style(12, SERIF_BOLD_ITALIC))]
        lines += [para(line, style(11)) for line in recipients]
        block.closing = [block, Spacer(1, 10), *lines]
        return block

    original_table = report_pdf._report_table

    def table_with_earlier_closing(layout, closing):
        [block] = closing
        return original_table(layout, block.closing)

    monkeypatch.setattr(report_pdf, "ClosingBlock", earlier_closing)
    monkeypatch.setattr(report_pdf, "_report_table", table_with_earlier_closing)
    return report_pdf.render_pdf(form, data).content


def test_a_report_drawn_the_earlier_way_still_agrees_with_its_data(monkeypatch):
    form, data = commune()
    earlier = _earlier_pdf(monkeypatch, form, data)
    monkeypatch.undo()
    layout = build_layout(form, data)
    # drawn the earlier way: the preparer's signature block, then "Nơi nhận"
    new, old = expected_texts(layout)
    assert shown_text(open_pdf(earlier)) == old != new
    check_pdf(layout, open_pdf(earlier))  # accepted
    check_pdf(layout, open_pdf(report_pdf.render_pdf(form, data).content))  # and the new one
    # a figure changed in the earlier drawing is still refused
    data["approved_by"] = "Người Khác"
    with pytest.raises(AppError) as refused:
        check_pdf(build_layout(form, data), open_pdf(earlier))
    assert refused.value.code == "packet.report_pdf_mismatch"
