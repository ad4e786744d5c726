"""report.xlsx as a spreadsheet program reads it: headless LibreOffice converts it to CSV
and every number of data.json must come back, unchanged and as a number."""

from __future__ import annotations

import csv
import shutil
import subprocess
from decimal import Decimal

import pytest

from desktop_app.packets.excel import render_xlsx
from tests.unit.packets.report_data import commune

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# field separator, text delimiter, UTF-8, from line 1, no column formats, language,
# quote text, detect numbers, save cell contents *as stored* (not as shown: the
# conversion machine's locale must not matter), formulas, no BOM, every sheet
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; CI has it")
def test_libreoffice_reads_the_numbers_of_data_json(tmp_path):
    form, data = commune()
    xlsx = tmp_path / "report.xlsx"
    xlsx.write_bytes(render_xlsx(form, data))
    out = tmp_path / "csv"
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: runs never collide
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless"]
    subprocess.run(
        [*command, "--convert-to", CSV_FILTER, "--outdir", str(out), str(xlsx)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    files = sorted(out.glob("*.csv"))
    # LibreOffice ≥ 7.2 writes one file per sheet ("report-Báo cáo.csv"), older ones the first
    report = next((f for f in files if "Báo cáo" in f.name), files[0])
    rows = list(csv.reader(report.open(encoding="utf-8")))
    by_label = {row[1]: row for row in rows if len(row) >= 5}
    checked = 0
    for fid, raw in {**data["values"], **data["computed"]}.items():
        field = form.fields[fid]
        if field.is_numeric:
            assert Decimal(by_label[field.label.vi][3]) == Decimal(str(raw)), fid
            checked += 1
    assert checked > 40
    assert by_label[form.fields["cbcc_tong"].label.vi][4] == "=1+1"  # text, not 2
    assert by_label[form.fields["co_cap_quang"].label.vi][3] == "Có"
    for other in (f for f in files if f != report):  # the self-assessment sheet
        sheet = list(csv.reader(other.open(encoding="utf-8")))
        total = next(row for row in sheet if row and row[0] == "Tổng cộng")
        assert Decimal(total[4]) == Decimal(data["score"]["total"])
