"""Long text in report.pdf and report.xlsx (issue 14 §5): a 900-character comment made
``export`` fail with reportlab's LayoutError; a long name ran off the page. Every long
text is laid out across rows and pages, whole, inside the margins."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import openpyxl
import pytest

from desktop_app.packets.excel import render_xlsx
from desktop_app.packets.pdf import render_pdf
from tests.unit.packets.report_data import commune

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
MM = 72 / 25.4
A4 = (595.28, 841.89)
COMMENT = " ".join(f"Ghi chú số {i} về cán bộ tăng cường." for i in range(1, 40))[:900].strip()
TEXT = " ".join(f"Khó khăn thứ {i}: đường truyền chập chờn khi mưa." for i in range(1, 120))
TEXT = TEXT[:5000].strip()
LEADER = " ".join(["Nguyễn Thị Thanh Hương Trà My Bình An"] * 6)[:200].strip()
WORD = "Ư" * 300  # no space anywhere to break at


def _long_data():
    form, data = commune()
    data["comments"]["cbcc_tong"] = COMMENT
    data["comments"]["kho_khan_vuong_mac"] = WORD
    data["comments"]["may_tinh_tong"] = WORD
    data["values"]["kho_khan_vuong_mac"] = TEXT
    data["values"]["de_xuat_kien_nghi"] = WORD + " " + TEXT[:600]
    data["approved_by"] = LEADER
    data["prepared_by"] = WORD[:150]
    # explanations of warnings no printed field names: the "Giải trình thêm" block
    data["warnings"] += [
        {"rule": f"r{i}", "fields": [], "message": {"vi": "v", "en": "e"},
         "explanation": COMMENT[:999]}
        for i in range(6)
    ]  # fmt: skip
    return form, data


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    form, data = _long_data()
    rendered = render_pdf(form, data)  # LayoutError before
    path = tmp_path_factory.mktemp("long") / "report.pdf"
    path.write_bytes(rendered.content)
    return rendered, path


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _words(path) -> list[tuple[float, float, float, float, str]]:
    html = _run("pdftotext", "-bbox", str(path), "-")
    return [
        (float(a), float(b), float(c), float(d), w)
        for a, b, c, d, w in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html
        )
    ]


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _whole(printed: str) -> None:
    """Every numbered sentence of each long text, every letter of the long words."""
    squeezed = _squeezed(printed)
    words = squeezed.replace("Ư", "")  # the note beside a text is read interleaved with it
    assert all(f"số{i}về" in words for i in range(1, COMMENT.count("Ghi chú")))
    assert all(f"thứ{i}:" in words for i in range(1, TEXT.count("Khó khăn")))
    assert squeezed.count("Hương") >= LEADER.count("Hương")
    assert squeezed.count("Ư") >= 3 * 300 + 150  # two comments and a text; a name


def test_every_long_text_is_printed_whole(pdf):
    _, path = pdf
    _whole(_run("pdftotext", str(path), "-"))


def test_nothing_runs_off_the_page(pdf):
    """The leader's 200-character name was one line at 9 pt, wider than the page."""
    _, path = pdf
    words = _words(path)
    assert words
    for x1, y1, x2, y2, word in words:
        assert x1 >= 30 * MM - 1 and x2 <= A4[0] - 15 * MM + 1, word
        assert y1 >= 0 and y2 <= A4[1], word


def test_the_signature_box_stays_clear_of_the_long_names(pdf):
    rendered, path = pdf
    x1, y1, x2, y2 = rendered.signature_box
    page = rendered.signature_page + 1
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    boxes = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)
    top = A4[1]
    for a, b, c, d in boxes:
        wx1, wy1, wx2, wy2 = float(a), top - float(d), float(c), top - float(b)
        assert not (wx1 < x2 and wx2 > x1 and wy1 < y2 and wy2 > y1)


def test_the_workbook_holds_every_long_text_in_rows_a_spreadsheet_can_show():
    form, data = _long_data()
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(form, data)))
    ws = wb["Báo cáo"]
    cells = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    _whole("".join(cells))
    texts = "\n".join(cells)
    for text in (COMMENT, TEXT):
        assert _squeezed(text) in _squeezed(texts)  # in order, cell after cell
    assert max(len(c) for c in cells) <= 800
    heights = [d.height for d in ws.row_dimensions.values() if d.height]
    assert max(heights) < 409  # the most a row can be: nothing is cut off


def test_no_two_words_overlap_on_the_signature_page(pdf):
    """The two wrapped names share the line under the box: their columns must not meet."""
    rendered, path = pdf
    page = rendered.signature_page + 1
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    boxes = [
        tuple(map(float, b))
        for b in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html
        )
    ]
    for i, (a1, b1, c1, d1) in enumerate(boxes):
        for a2, b2, c2, d2 in boxes[i + 1 :]:
            overlap_x = min(c1, c2) - max(a1, a2)
            overlap_y = min(d1, d2) - max(b1, b2)
            assert overlap_x <= 0.5 or overlap_y <= 0.5
