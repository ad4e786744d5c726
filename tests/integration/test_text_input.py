"""Text from the real world through the command line (issue 14 §5): what a clerk pastes
from Word is normalised or refused on the way in, the packet it makes opens everywhere,
free text has its limits, a values file is read with a bound, and nothing typed reaches
the log."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli

SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PASS = "Bình Trung 2026!"
WORD_TEXT = "Mạng chập chờn khi mưa\vMáy tính cũ, hay treo"  # Shift+Enter in Word
NOTE_900 = " ".join(f"Cán bộ số {i} tăng cường từ huyện." for i in range(1, 40))[:900].strip()


@pytest.fixture
def commune(tmp_path) -> Path:
    data = tmp_path / "binh-trung"
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy",
        "--clerk", "Nguyễn Thị Hoa", "--leader", "Hoàng Văn Nam", check=0)  # fmt: skip
    cli(data, "values", "load", str(SAMPLE), check=0)
    return data


def _values_set(data: Path, *assignments: str, check: int | None = None):
    return cli(data, "values", "set", "--form", "cntt-xa", "--period", "2026", *assignments,
               "--json", check=check)  # fmt: skip


def _values_file(tmp_path: Path, **parts) -> Path:
    path = tmp_path / "values.json"
    content = {"form": "cntt-xa", "period": "2026", "values": {}, **parts}
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def _stored(data: Path, sql: str) -> list:
    with sqlite3.connect(data / "data.sqlite3") as conn:
        return conn.execute(sql).fetchall()


def _audit(data: Path) -> int:
    return _stored(data, "select count(*) from audit_log")[0][0]


def _log(data: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (data / "logs").glob("*.log*"))


def test_word_pasted_text_then_export_opens_everywhere(commune, tmp_path):
    """Issue 14 §5: a vertical tab was saved, passed validate, then export died with an
    openpyxl traceback (the whole pasted text in its message, and in the log). And a
    900-character comment made export fail with reportlab's LayoutError."""
    _values_set(commune, f"kho_khan_vuong_mac={WORD_TEXT}",
                "de_xuat_kien_nghi=Trang một\fTrang hai", check=0)  # fmt: skip
    source = _values_file(tmp_path, comments={"cbcc_tong": NOTE_900})
    cli(commune, "values", "load", str(source), check=0)
    [(stored,)] = _stored(commune, "select value from report_values where field_id = "
                          "'kho_khan_vuong_mac'")  # fmt: skip
    assert stored == "Mạng chập chờn khi mưa\nMáy tính cũ, hay treo"
    cli(commune, "validate", "--form", "cntt-xa", "--period", "2026", check=0)

    env = {**os.environ, "PW": PASS}
    cli(commune, "identity", "new", "--passphrase-env", "PW", check=0, env=env)
    cert = tmp_path / "cert.pem"
    cli(commune, "identity", "export-cert", str(cert), check=0)
    run = cli(commune, "export", "--form", "cntt-xa", "--period", "2026", "--out",
              str(tmp_path / "out"), "--passphrase-env", "PW", check=0, env=env)  # fmt: skip
    packet = Path(run.out.strip())
    assert "Traceback" not in run.err

    with zipfile.ZipFile(packet) as archive:
        xlsx, pdf = archive.read("report.xlsx"), archive.read("report.pdf")
        data = json.loads(archive.read("data.json"))
    assert data["values"]["kho_khan_vuong_mac"] == stored
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx))
    # column by column: a long note runs down its Ghi chú cells, with the previous-period
    # columns beside it
    texts = [c.value for column in workbook["Báo cáo"].iter_cols() for c in column
             if isinstance(c.value, str)]  # fmt: skip
    assert "Mạng chập chờn khi mưa" in texts and "Máy tính cũ, hay treo" in texts
    assert re.sub(r"\s", "", NOTE_900) in re.sub(r"\s", "", "".join(texts))
    (tmp_path / "report.pdf").write_bytes(pdf)
    if shutil.which("pdftotext"):
        printed = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"],
                                 capture_output=True, text=True, check=True).stdout  # fmt: skip
        assert "Máy tính cũ, hay treo" in printed and "Trang hai" in printed
        assert "Cán bộ số 25 tăng cường" in re.sub(r"\s+", " ", printed)
    # the district takes it: nothing in data.json a receiver refuses
    cli(commune, "verify", str(packet), "--trust", str(cert), check=0)
    assert "chập chờn" not in _log(commune) and "tăng cường" not in _log(commune)


@pytest.mark.parametrize(
    ("assignment", "field"),
    [
        ("kho_khan_vuong_mac=Mạng chập chờn\x07", "kho_khan_vuong_mac"),
        ("kho_khan_vuong_mac=Đề nghị\x1bhuyện hỗ trợ", "kho_khan_vuong_mac"),
        ("nhiem_vu_nam_sau=abc\u202edcba", "nhiem_vu_nam_sau"),
    ],
)
def test_other_control_characters_are_refused_naming_the_field(commune, assignment, field):
    before = _audit(commune)
    run = _values_set(commune, assignment, check=1)
    [rejection] = run.json["error"]["rejections"]
    assert rejection["code"] == "text.control_character"
    assert rejection["field"] == field and f"({field})" in run.err
    assert _audit(commune) == before


def test_control_characters_in_comments_and_explanations_are_refused(commune, tmp_path):
    source = _values_file(
        tmp_path,
        values={"cbcc_tong": 23},
        comments={"cbcc_tong": "Gồm\x002 người", "may_tinh_tong": "x" * 1001},
        explanations={"r_may_tinh_le_cbcc": "Trang\x08 mới"},
    )
    before = _audit(commune)
    run = cli(commune, "values", "load", str(source), "--json", check=1)
    codes = sorted(r["code"] for r in run.json["error"]["rejections"])
    assert codes == ["text.control_character"] * 2 + ["text.too_long"]
    assert "(cbcc_tong)" in run.err and "(may_tinh_tong)" in run.err
    assert _audit(commune) == before


def test_a_text_over_its_limit_is_refused(commune):
    run = _values_set(commune, "kho_khan_vuong_mac=" + "x" * 4001, check=1)
    [rejection] = run.json["error"]["rejections"]
    assert rejection["code"] == "text.too_long" and "4000" in run.err


@pytest.mark.parametrize("typed", ["5%", "5 %", "1.234%"])
@pytest.mark.parametrize("field", ["cbcc_tong", "kinh_phi_cntt"])
def test_a_percent_sign_in_a_count_or_an_amount_is_refused(commune, typed, field):
    """Issue 14 §5: "5%" typed into a count or money field was stored as 5."""
    before = _stored(commune, f"select value from report_values where field_id = '{field}'")
    run = _values_set(commune, f"{field}={typed}", check=1)
    [rejection] = run.json["error"]["rejections"]
    assert rejection["code"] == "number.percent_sign"
    assert _stored(commune, f"select value from report_values where field_id = '{field}'") == (
        before
    )


def test_a_values_file_is_size_limited(commune, tmp_path):
    big = _values_file(tmp_path, comments={"cbcc_tong": "x" * 2_000_001})
    run = cli(commune, "values", "load", str(big), "--json", check=1)
    assert run.json["error"]["code"] == "values.file" and "MB" in run.err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="a device with no end")
def test_a_values_file_with_no_end_is_refused(commune):
    run = cli(commune, "values", "load", "/dev/zero", "--json", check=1)
    assert run.json["error"]["code"] == "values.file"


def test_a_number_with_a_huge_exponent_is_refused_at_once(commune, tmp_path):
    """The long fuzzer's hang: ``int(Decimal("1e9999999"))`` takes minutes."""
    path = tmp_path / "values.json"
    path.write_text('{"form": "cntt-xa", "period": "2026", "values": {"cbcc_tong": 1e9999999,'
                    ' "kinh_phi_cntt": 1e-99}}', encoding="utf-8")  # fmt: skip
    run = cli(commune, "values", "load", str(path), "--json", check=1)
    codes = {r["code"] for r in run.json["error"]["rejections"]}
    assert codes == {"number.too_long"}


@pytest.mark.parametrize(
    ("name", "code"),
    [("Hoàng Văn " * 30, "text.too_long"), ("Hoàng\x07Văn Nam", "text.control_character")],
)
def test_setup_refuses_a_name_no_packet_could_carry(commune, name, code):
    """A manifest holds 200 characters of each name; a 1,400-character leader once made
    the district's ``report`` fail with a LayoutError."""
    run = cli(commune, "setup", "--unit", "02080", "--catalogue", "legacy", "--leader", name,
              "--json", check=1)  # fmt: skip
    assert run.json["error"]["code"] == code
    setting = _stored(commune, "select value from settings where key = 'profile'")
    assert "Hoàng Văn Nam" in setting[0][0]


def test_export_refuses_a_comment_an_older_version_saved_with_a_word_line_break(commune):
    """Text saved before this version may still hold a control character: export names
    it instead of dying in the workbook."""
    report_id = _stored(commune, "select id from reports")[0][0]
    with sqlite3.connect(commune / "data.sqlite3") as conn:
        conn.execute(
            "insert into comments values (?, ?, ?, ?, ?)",
            (report_id, "cbcc_tong", "Gồm\v2 người", "2026-12-01T08:00:00+07:00", "Hoa"),
        )
    env = {**os.environ, "PW": PASS}
    cli(commune, "identity", "new", "--passphrase-env", "PW", check=0, env=env)
    run = cli(commune, "export", "--form", "cntt-xa", "--period", "2026", "--out", "out",
              "--passphrase-env", "PW", "--json", env=env)  # fmt: skip
    assert run.code == 1, run.err
    assert run.json["error"]["code"] == "export.bad_text" and "U+000B" in run.err


def test_forms_show_gives_each_text_fields_limit(tmp_path):
    form = cli(tmp_path / "d", "forms", "show", "cntt-xa", "--json", check=0).json
    texts = [f for s in form["sections"] for f in s["fields"] if f["type"] == "text"]
    assert texts and all(f["max_length"] == 4000 for f in texts)
