"""report.pdf, read back with poppler's tools as a district officer's viewer would."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import threading
import unicodedata
from concurrent.futures import ThreadPoolExecutor

import pytest

from desktop_app.packets.pdf import RenderedPdf, render_pdf
from tests.pdf_boxes import collisions, outside_margins, words
from tests.unit.packets.report_data import commune, district

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext, pdffonts)"
)
MM = 72 / 25.4
A4_HEIGHT = 842


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[RenderedPdf, object]:
    form, data = commune()
    rendered = render_pdf(form, data)
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(rendered.content)
    return rendered, path


def _run(*args) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _pages(path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(path))).group(1))


def _page_text(path, page: int) -> str:
    return _run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-")


def test_text_is_the_report(report):
    _, path = report
    text = _run("pdftotext", "-layout", str(path), "-")
    for expected in (
        "UBND HUYỆN CHỢ ĐỒN",
        "XÃ BÌNH TRUNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: ……/BC-UBND",
        "Bình Trung, ngày 05 tháng 01 năm 2027",
        "BÁO CÁO",
        "Mức độ ứng dụng công nghệ thông tin cấp xã năm 2026",
        "1.355",  # vb_den_tong, as Vietnamese documents write it
        "87,0",  # a computed ratio
        "Giải trình:",  # the explained warning, in Ghi chú
        "Người lập biểu: Nguyễn Thị Hoa",  # named, no line to sign on
        "TM. ỦY BAN NHÂN DÂN",
        "Hoàng Văn Nam",
        "Nơi nhận:",
        "BẢNG TỰ CHẤM ĐIỂM",
        "Chấm khi",
    ):
        assert expected in text, expected
    assert unicodedata.normalize("NFC", text) == text


def test_every_font_is_embedded(report):
    _, path = report
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    assert lines
    for line in lines:
        name, emb = line.split()[0], line.split()[-5]
        assert "LiberationSerif" in name and emb == "yes", line


def test_table_splits_with_its_header_and_page_numbers_from_page_2(report):
    _, path = report
    pages = _pages(path)
    assert pages > 2
    first = _page_text(path, 1)
    assert first.strip().splitlines()[0].strip() != "1"
    appendix = False
    for page in range(2, pages + 1):
        text = _page_text(path, page)
        assert text.strip().splitlines()[0].strip() == str(page)  # top centre
        appendix = appendix or "Phụ lục" in text
        header = "Cách tính" if appendix else "Chỉ tiêu"
        assert header in text, page
    assert appendix


def test_signature_box_is_empty_and_under_the_title(report):
    rendered, path = report
    x1, y1, x2, y2 = rendered.signature_box
    assert x2 - x1 == pytest.approx(60 * MM, abs=0.1)
    assert y2 - y1 == pytest.approx(22 * MM, abs=0.1)
    assert 0 <= rendered.signature_page < _pages(path)
    # inside the text area: margins 30 mm left, 15 mm right, 20 mm top and bottom
    assert 30 * MM <= x1 < x2 <= 195 * MM
    assert 20 * MM <= y1 < y2 <= A4_HEIGHT - 20 * MM
    page = rendered.signature_page + 1
    html = _run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    words = [
        (float(a), A4_HEIGHT - float(d), float(c), A4_HEIGHT - float(b), w)
        for a, b, c, d, w in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html
        )
    ]
    inside = [w for a, b, c, d, w in words if a < x2 and c > x1 and b < y2 and d > y1]
    assert inside == []
    chair = next(w for w in words if w[4] == "TỊCH")
    name = next(w for w in words if w[4] == "Nam")
    assert chair[1] >= y2 and name[3] <= y1  # above the box, and the leader's name below it
    assert x1 < (chair[0] + chair[2]) / 2 < x2


def test_same_data_same_bytes(report):
    rendered, _ = report
    form, data = commune()
    again = render_pdf(form, data)
    assert again == rendered


def test_a_report_made_while_another_is_made_is_the_same_bytes(report):
    """An export runs on a worker thread while another report may be made: reportlab
    keeps its stream filters and font subsets in the process, and two builds at once
    gave other bytes (a packet that no longer re-exports the same) or an IndexError
    inside reportlab."""
    rendered, _ = report
    form, data = commune()
    other = district()
    expected = render_pdf(*other).content
    done = threading.Event()

    def on_a_worker() -> list[bytes]:
        try:
            return [render_pdf(*other).content for _ in range(2)]
        finally:
            done.set()

    made: list[bytes] = []
    with ThreadPoolExecutor(1) as pool:
        worker = pool.submit(on_a_worker)
        while not done.is_set() or not made:
            made.append(render_pdf(form, data).content)
        assert worker.result() == [expected, expected]
    assert all(content == rendered.content for content in made)


def test_district_report(tmp_path):
    form, data = district()
    rendered = render_pdf(form, data)
    path = tmp_path / "report.pdf"
    path.write_bytes(rendered.content)
    text = _run("pdftotext", "-layout", str(path), "-")
    assert "HUYỆN CHỢ ĐỒN" in text and "UBND TỈNH BẮC KẠN" in text
    assert "Chợ Đồn, ngày 05 tháng 01 năm 2027" in text
    assert rendered.signature_page < _pages(path)


def test_long_free_text_runs_across_pages(tmp_path):
    form, data = commune()
    long_text = ("Nội dung khó khăn, vướng mắc rất dài " * 105).strip()  # ~3,900 characters
    for fid in ("kho_khan_vuong_mac", "de_xuat_kien_nghi", "nhiem_vu_nam_sau"):
        data["values"][fid] = long_text
    rendered = render_pdf(form, data)
    path = tmp_path / "long.pdf"
    path.write_bytes(rendered.content)
    assert _pages(path) > 7
    text = _run("pdftotext", str(path), "-")
    assert text.split().count("rất") >= 3 * 105  # nothing lost where the text was cut


def test_recipients_at_the_left_beside_the_signature_block(report):
    rendered, path = report
    found = words(path)
    page = rendered.signature_page + 1
    on_page = [w for w in found if w.page == page]
    recipients = next(w for w in on_page if w.text == "Nơi")
    chair = next(w for w in on_page if w.text == "TM.")
    name = next(w for w in on_page if w.text == "Nam")
    # side by side (Decree 30): "Nơi nhận" level with the leader's title, at the left
    assert abs(recipients.top - chair.top) < 4
    assert recipients.x1 < chair.x0 and recipients.x0 == pytest.approx(30 * MM, abs=1)
    assert name.top > chair.top
    assert not [w for w in found if w.text in ("LẬP", "(Ký,")]  # nobody signs for the preparer


def test_margins_and_no_text_colliding(report):
    _, path = report
    found = words(path)
    assert not outside_margins(found, 15)  # Decree 30 minimums: 20 / 30 / 15 mm
    body = [w for w in found if w.top > 20 * MM]  # under the page numbers
    assert all(w.x0 >= 30 * MM - 1 and w.x1 <= (210 - 15) * MM + 1 for w in body)
    assert collisions(found) == []


def test_the_creation_date_is_the_export_time_and_the_bytes_follow_it():
    form, data = commune()
    vn = datetime.timezone(datetime.timedelta(hours=7))
    moment = datetime.datetime(2027, 1, 5, 9, 30, 15, tzinfo=vn)
    made = render_pdf(form, data, created=moment).content
    assert b"/CreationDate (D:20270105093015+07'00')" in made
    assert b"/ModDate (D:20270105093015+07'00')" in made
    assert render_pdf(form, data, created=moment).content == made  # reproducible
    later = render_pdf(form, data, created=moment + datetime.timedelta(minutes=1)).content
    assert later != made and b"D:2000" not in made
