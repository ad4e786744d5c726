"""Issue 17, comparisons across years, end to end: a commune enters its 2021 report (form
2017.1, levels 3–4) and its 2022 report (form 2022.1, where "dossiers of level 3–4
procedures" became "dossiers of procedures offered online": ``ho_so_dvc_muc_3_4`` →
``ho_so_dvc_truc_tuyen`` through ``previous_ids``), exports both as signed packets, and
the district receives them. The 2022 report.pdf and report.xlsx show each indicator beside
2021's value and the change; the 2021 one "—" where 2020 has nothing; the district's
consolidation compares across the version change, and the trend of any indicator follows
the renamed id, in the window's use case and on the command line."""

from __future__ import annotations

import json
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.core.comparison import NONE
from desktop_app.core.forms.registry import FormRegistry
from desktop_app.workspace import district as D
from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli
from tests.support import fleet as F

SAMPLES = PROJECT / "resources" / "samples"
CODE = "02080"  # Xã Bình Trung
RENAMED_2021 = 158  # the 2020 sample's ho_so_dvc_muc_3_4, entered as 2021
RENAMED_2022 = 900


def _values_2022() -> dict:
    """A valid 2022 report of Bình Trung: the 2026 sample's figures on the 2022 form, with
    the fields that form asks for besides."""
    forms = FormRegistry.load(PROJECT / "forms")
    form = forms.get("cntt-xa", 2022)
    raw = json.loads((SAMPLES / f"cntt-xa_2026_{CODE}.json").read_text(encoding="utf-8"))
    values = {k: v for k, v in raw["values"].items() if k in form.fields}
    values.update(
        cbcc_thanh_thao_may_tinh=values["cbcc_co_may_tinh"],
        vb_lien_co_quan_tong=300,
        vb_lien_co_quan_dien_tu=200,
        tthc_truc_tuyen_tong=values["tthc_toan_trinh"] + values["tthc_mot_phan"],
        ho_so_qua_mot_cua_dien_tu=values["ho_so_tiep_nhan"],
        ho_so_dvc_truc_tuyen=RENAMED_2022,
    )
    return {"unit": CODE, "form": "cntt-xa", "period": "2022", "values": values}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict:
    """The commune's data folder, its certificate and its 2021 and 2022 packets."""
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import export_report
    from desktop_app.workspace.identity import create_unit_identity, export_unit_certificate
    from desktop_app.workspace.setup_unit import setup_unit

    root = tmp_path_factory.mktemp("yoy")
    sample = json.loads((SAMPLES / f"cntt-xa_2020_{CODE}.json").read_text(encoding="utf-8"))
    files = {"2021": root / "2021.json", "2022": root / "2022.json"}
    files["2021"].write_text(json.dumps({**sample, "period": "2021"}), encoding="utf-8")
    files["2022"].write_text(json.dumps(_values_2022()), encoding="utf-8")
    out = root / "packets"
    with Workspace.open(root / "xa") as ws, F.fast_keys():
        setup_unit(ws, CODE, "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Nam")
        for path in files.values():
            load_values(ws, path)
        create_unit_identity(ws, F.PASS)
        cert, _ = export_unit_certificate(ws, root / "xa.pem")
        packets = {p: export_report(ws, "cntt-xa", p, out, secret=F.PASS).path for p in files}
    return {"root": root, "cert": cert, "packets": packets, "dir": root / "xa"}


@pytest.fixture(scope="module")
def district(exported, tmp_path_factory) -> Path:
    """Huyện Chợ Đồn, having received both packets (every check passed, the reports'
    agreement with data.json included)."""
    from desktop_app.workspace import receive as use

    target = F.make_district(tmp_path_factory.mktemp("huyen"))
    with F.open_ws(target) as ws:
        use.register_certificate(ws, exported["cert"], CODE)
        report = use.receive(ws, list(exported["packets"].values()))
        assert [o.verdict for o in report.outcomes] == ["accepted", "accepted"]
    return target


def _member(packet: Path, name: str) -> bytes:
    with zipfile.ZipFile(packet) as archive:
        return archive.read(name)


def _pdf_text(packet: Path, tmp_path: Path) -> str:
    pdf = tmp_path / f"{packet.stem}.pdf"
    pdf.write_bytes(_member(packet, "report.pdf"))
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _rows(packet: Path, tmp_path: Path) -> dict[str, tuple]:
    """report.xlsx's "Báo cáo" sheet: label (column B) → the row's cells."""
    xlsx = tmp_path / f"{packet.stem}.xlsx"
    xlsx.write_bytes(_member(packet, "report.xlsx"))
    sheet = load_workbook(xlsx)["Báo cáo"]
    return {r[1]: r for r in sheet.iter_rows(values_only=True) if isinstance(r[1], str)}


def test_data_json_carries_last_years_values_under_this_years_ids(exported):
    data = json.loads(_member(exported["packets"]["2022"], "data.json"), parse_float=Decimal)
    previous = data["previous"]
    assert previous["period"] == "2021"
    assert previous["values"]["ho_so_dvc_truc_tuyen"] == RENAMED_2021  # renamed id followed
    assert "ho_so_dvc_muc_3_4" not in previous["values"]
    assert "vb_di_dien_tu" not in previous["values"]  # new in 2022: nothing to compare
    assert previous["values"]["cbcc_tong"] == 22
    first = json.loads(_member(exported["packets"]["2021"], "data.json"))
    assert first["previous"] == {"period": "2020", "values": {}}  # nothing entered for 2020


def test_the_2022_workbook_shows_2021_and_the_change_beside_each_indicator(exported, tmp_path):
    forms = FormRegistry.load(PROJECT / "forms")
    form = forms.get("cntt-xa", 2022)
    rows = _rows(exported["packets"]["2022"], tmp_path)
    header = next(r for r in rows.values() if r[0] == "STT")
    assert header[5:7] == ("Năm 2021", "Tăng, giảm")
    renamed = rows[form.fields["ho_so_dvc_truc_tuyen"].label.vi]
    assert renamed[3] == RENAMED_2022 and renamed[5] == RENAMED_2021
    assert renamed[6] == RENAMED_2022 - RENAMED_2021
    new = rows[form.fields["vb_di_dien_tu"].label.vi]
    assert new[3] is not None and new[5] == NONE and new[6] == NONE  # never an empty cell
    for f in form.fields.values():  # every indicator has its year-on-year cell
        if f.type != "text":
            assert rows[f.label.vi][5] is not None, f.id


def test_the_2022_pdf_prints_the_column_and_the_2021_one_dashes(exported, tmp_path):
    text = _pdf_text(exported["packets"]["2022"], tmp_path)
    assert "Năm 2021" in text and "(tăng, giảm)" in text
    assert "158 (+742)" in text  # the renamed indicator: 2021's value and the change
    assert "22 (+1)" in text  # officials: 22 in 2021, 23 in 2022
    earlier = _pdf_text(exported["packets"]["2021"], tmp_path)
    assert "Năm 2020" in earlier
    figures = [line for line in earlier.splitlines() if "người" in line]
    assert figures and all(line.rstrip().endswith(NONE) for line in figures)  # no 2020: "—"


def test_the_district_compares_2022_with_2021_across_the_version_change(district):
    with F.open_ws(district) as ws:
        d = D.consolidation_for(ws, "cntt-xa", "2022")
    yoy = d.year_on_year
    assert yoy is not None and yoy.period == "2021" and (yoy.reported, yoy.expected) == (1, 20)
    renamed = yoy.rows["ho_so_dvc_truc_tuyen"]
    assert (renamed.current, renamed.previous, renamed.change) == (900, 158, 742)
    assert yoy.rows["vb_di_dien_tu"].previous is None
    ratio = yoy.rows["ty_le_ho_so_truc_tuyen_dvc"]  # a computed ratio, renamed too
    assert ratio.previous is not None and ratio.change == ratio.current - ratio.previous


def test_trend_of_any_indicator_follows_the_renamed_id(district):
    with F.open_ws(district) as ws:
        one = D.trend_for(ws, "cntt-xa", CODE, fields=["ho_so_dvc_truc_tuyen", "cbcc_tong"])
    assert one.periods == ("2021", "2022")
    assert one.series["ho_so_dvc_truc_tuyen"] == (RENAMED_2021, RENAMED_2022)
    shown = cli(
        district, "trend", "--form", "cntt-xa", "--unit", CODE,
        "--field", "ho_so_dvc_muc_3_4", "--json", check=0,
    ).json  # fmt: skip
    assert shown["periods"] == ["2021", "2022"]
    assert shown["series"]["ho_so_dvc_truc_tuyen"]["values"] == [RENAMED_2021, RENAMED_2022]
    text = cli(district, "trend", "--form", "cntt-xa", "--field", "all", check=0).out
    assert "Số hồ sơ của các TTHC có dịch vụ công trực tuyến\t158\t900" in text
    refused = cli(district, "trend", "--form", "cntt-xa", "--field", "khong_co", "--json", check=1)
    assert refused.json["error"]["code"] == "trend.unknown_field"
