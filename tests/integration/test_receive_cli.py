"""The receiving commands as an officer (and a clerk) would run them: separate processes,
real files, secrets through environment variables."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import PROJECT
from tests.integration.cli_helpers import Run
from tests.support import fleet as F

ENV = {k: v for k, v in os.environ.items() if k != "DESKTOP_APP_DATA_DIR"}
ENV.update(PYTHONIOENCODING="utf-8", PW=F.PASS)


def run(data_dir: Path, *args: str, check: int | None = None, stdin: str | None = None) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=PROJECT, capture_output=True, text=True, encoding="utf-8", env=ENV,
        input=stdin, timeout=120,
    )  # fmt: skip
    result = Run(done.returncode, done.stdout, done.stderr)
    if check is not None:
        assert result.code == check, f"exit {result.code}\n{result.out}\n{result.err}"
    return result


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


def test_officer_and_clerk_from_the_command_line(chodon, tmp_path):
    district = F.fresh_district(chodon, tmp_path / "huyen")  # set up, with its identity
    a, b, c = (chodon.communes[code] for code in ("02080", "02083", "02047"))
    added = run(district, "trust", "add", str(a.cert), "--unit", a.code, check=0)
    assert a.fingerprint in added.out
    run(district, "trust", "add", "-", "--unit", b.code, stdin=b.cert.read_text(), check=0)
    run(district, "trust", "add", str(c.cert), "--unit", c.code, "--json", check=0)
    wrong = run(district, "trust", "add", str(a.cert), "--unit", b.code, "--json", check=1)
    assert wrong.json["error"]["code"] == "trust.names_other_unit"
    listed = run(district, "trust", "list", "--json", check=0).json["entries"]
    assert sorted(e["unit_code"] for e in listed) == sorted([a.code, b.code, c.code])

    folder = tmp_path / "nhan"
    shutil.copytree(chodon.packets, folder)
    (folder / "Thu gui huyen.docx").write_bytes(b"not a packet")
    received = run(district, "receive", str(folder), "--json", check=1)  # 17 unregistered
    counts = received.json["counts"]
    assert counts == {"accepted": 3, "rejected": 17}
    assert received.json["skipped"] == [str(folder / "Thu gui huyen.docx")]
    assert "Skipped" in received.err or "Bỏ qua" in received.err
    again = run(district, "receive", str(a.packet), check=0)
    assert "TRÙNG" in again.out

    board = run(district, "status", "--form", "cntt-xa", "--period", "2026", "--json", check=0).json
    assert board["counts"]["submitted"] == 3 and board["counts"]["missing"] == 17
    out = tmp_path / "bang.xlsx"
    run(district, "status", "--form", "cntt-xa", "--period", "2026", "--xlsx", str(out), check=0)
    assert load_workbook(out).active["A1"].value.startswith("TÌNH HÌNH NỘP BÁO CÁO")

    receipts = tmp_path / "bien-nhan"
    accepted = run(district, "accept", "--unit", a.code, "--form", "cntt-xa", "--period", "2026",
                   "--out", str(receipts), "--passphrase-env", "PW", check=0)  # fmt: skip
    receipt = Path(accepted.out.strip())
    assert receipt.is_file() and receipt.parent == receipts.resolve()
    returned = run(district, "return", "--unit", b.code, "--form", "cntt-xa", "--period", "2026",
                   "--reason", "Thiếu giải trình", "--out", str(receipts), "--passphrase-env",
                   "PW", "--json", check=0).json  # fmt: skip
    assert returned["submission"]["review"] == "returned"
    no_reason = run(district, "return", "--unit", c.code, "--form", "cntt-xa", "--period", "2026",
                    "--out", str(receipts), "--passphrase-env", "PW", check=2)  # fmt: skip
    assert "--reason" in no_reason.err
    changes = run(district, "changes", "--unit", a.code, "--form", "cntt-xa", "--period", "2026",
                  "--json", check=0).json  # fmt: skip
    assert changes["previous"] is None and changes["changes"] == []
    nothing = run(district, "decide", "--submission", "999", "--take", "new", "--reason", "x",
                  "--json", check=1)  # fmt: skip
    assert nothing.json["error"]["code"] == "receive.no_conflict"
    revoked = run(district, "trust", "revoke", c.code, "--reason", "Mất khoá", check=0)
    assert c.fingerprint in revoked.out

    clerk = shutil.copytree(a.data_dir, tmp_path / "xa")
    # The first receipt from the district is applied only on the clerk's explicit word.
    asked = run(clerk, "receipt", "open", str(receipt), "--json", check=1).json["error"]
    assert asked["code"] == "receipt.parent_unconfirmed"
    district_fp = asked["fingerprint"]
    assert district_fp in run(clerk, "receipt", "open", str(receipt), check=1).err
    wrong = run(clerk, "receipt", "open", str(receipt), "--fingerprint", a.fingerprint,
                "--json", check=1)  # fmt: skip
    assert wrong.json["error"]["code"] == "receipt.parent_mismatch"
    assert run(clerk, "status", "--json", check=0).json["reports"][0]["status"] == "exported"
    opened = run(clerk, "receipt", "open", str(receipt), "--fingerprint",
                 district_fp.replace(":", "").lower(), "--json", check=0).json  # fmt: skip
    assert opened["decision"] == "accepted" and opened["first_use"]
    own = run(clerk, "status", "--json", check=0).json
    assert own["reports"][0]["status"] == "accepted"
    misdirected = run(clerk, "receipt", "open", returned["path"], "--json", check=1)
    assert misdirected.json["error"]["code"] == "receipt.wrong_unit"
