"""Pages of the printed documents for docs/screenshots/: the signed report.pdf of a real
export (with its number, date and signature stamp), the consolidated PDF of the 20 Chợ
Đồn samples, and the consolidated workbook as headless LibreOffice prints it.

Run from the project root: ``python scripts/document_pages.py [OUT_DIR]``. Needs the
poppler tools (pdftoppm) and LibreOffice (soffice).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PASS = "Bình Trung 2026!"


def cli(data: Path, *args: str) -> str:
    env = {**os.environ, "PW": PASS, "PYTHONIOENCODING": "utf-8"}
    env.pop("DESKTOP_APP_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data), *args],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True, encoding="utf-8",
    ).stdout  # fmt: skip


def pages(pdf: Path, out: Path, names: dict[int, str], resolution: int = 60) -> None:
    """Page ``n`` of ``pdf`` as ``out/names[n].png``."""
    for number, name in names.items():
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(resolution), "-f", str(number), "-l", str(number),
             "-singlefile", str(pdf), str(out / name)],
            check=True,
        )  # fmt: skip


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(
        next(line.split()[1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )


def signed_report(tmp: Path, out: Path) -> None:
    data = tmp / "binh-trung"
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy",
        "--clerk", "Nguyễn Thị Hoa", "--leader", "Hoàng Văn Nam")  # fmt: skip
    cli(data, "values", "load", str(SAMPLE))
    cli(data, "identity", "new", "--passphrase-env", "PW")
    packet = cli(data, "export", "--form", "cntt-xa", "--period", "2026", "--out",
                 str(tmp / "goi"), "--passphrase-env", "PW", "--doc-number", "12",
                 "--doc-date", "01/12/2026").strip()  # fmt: skip
    pdf = tmp / "report.pdf"
    with zipfile.ZipFile(packet) as archive:
        pdf.write_bytes(archive.read("report.pdf"))
    n = page_count(pdf)
    pages(pdf, out, {1: "report-pdf-page1", 2: "report-pdf-page2", n - 2: "report-pdf-signature-page",
                     n - 1: "report-pdf-appendix"})  # fmt: skip


def consolidated(tmp: Path, out: Path) -> None:
    from desktop_app.consolidation import ReportInfo, consolidate
    from desktop_app.consolidation.reports import write_reports
    from tests.unit.consolidation.samples import expected_units, sample_reports, xa_form

    info = ReportInfo("Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn",
                      "Nguyễn Văn An", "Hoàng Thị Bình", "15")  # fmt: skip
    reports = [r for r in sample_reports() if r.unit_code != "02080"]
    written = write_reports(
        tmp / "tong-hop", consolidate(xa_form(), reports, expected_units()), info
    )
    n = page_count(written.pdf)
    pages(written.pdf, out, {i: f"consolidated-pdf-page{i}" for i in range(1, n + 1)})
    profile = tmp / "lo-profile"
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to",
         "pdf", "--outdir", str(tmp), str(written.xlsx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    printed = tmp / f"{written.xlsx.stem}.pdf"
    # the ranking (split in two, the unit columns repeated), a section, the status sheet
    text = subprocess.run(["pdftotext", "-layout", str(printed), "-"], capture_output=True,
                          text=True, check=True).stdout.split("\f")  # fmt: skip
    status = next(i for i, page in enumerate(text, start=1) if "TÌNH HÌNH NỘP" in page)
    pages(printed, out, {1: "consolidated-xlsx-ranking-1", 2: "consolidated-xlsx-ranking-2",
                         3: "consolidated-xlsx-section-1", 5: "consolidated-xlsx-section-2",
                         status: "consolidated-xlsx-status"})  # fmt: skip


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        signed_report(tmp, out)
        consolidated(tmp, out)
    print(out)


if __name__ == "__main__":
    main()
