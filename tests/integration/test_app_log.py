"""The application's log: what the CLI writes there (start-up, exports, receives with a
verdict per file, refusals), what it never writes (passphrases, values typed), rotation
at 1 MB, reading its end, and running on when it cannot be written."""

from __future__ import annotations

import logging
import shutil
import zipfile
from pathlib import Path

import pytest

from desktop_app.workspace.logs import (
    BACKUP_COUNT,
    MAX_BYTES,
    RotatingLog,
    log_files,
    log_path,
    start_logging,
    stop_logging,
    tail,
)
from tests.integration.test_receive_cli import run
from tests.support import fleet as F


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


def test_the_cli_logs_exports_and_receives_never_secrets_or_values(chodon, tmp_path):
    commune = tmp_path / "xa"
    shutil.copytree(chodon.communes["02080"].data_dir, commune)
    typed = "Mạng chập chờn mã 73195"
    run(commune, "values", "set", "--form", "cntt-xa", "--period", "2026",
        f"kho_khan_vuong_mac={typed}", check=0)  # fmt: skip
    out = tmp_path / "goi"
    run(commune, "export", "--form", "cntt-xa", "--period", "2026", "--out", str(out),
        "--passphrase-env", "PW", check=0)  # fmt: skip
    [packet] = out.glob("*.zip")
    assert packet.name == "02080_cntt-xa_2026_r2.zip"
    run(commune, "export", "--form", "cntt-huyen", "--period", "2026", "--out", str(out),
        "--passphrase-env", "PW", check=1)  # fmt: skip

    district = F.fresh_district(chodon, tmp_path / "huyen")
    run(district, "trust", "add", str(chodon.communes["02080"].cert), "--unit", "02080", check=0)
    inbox = tmp_path / "nhan"
    inbox.mkdir()
    shutil.copy(packet, inbox)
    (inbox / "hong.zip").write_bytes(b"PK not really")
    run(district, "receive", str(inbox), check=1)

    commune_log = log_path(commune).read_text(encoding="utf-8")
    district_log = log_path(district).read_text(encoding="utf-8")
    assert "start cli values: desktop-app 0.1.0" in commune_log
    assert f"data folder {commune}" in commune_log
    assert "export cntt-xa 2026: 02080_cntt-xa_2026_r2.zip, revision 2" in commune_log
    assert "export cntt-huyen 2026 refused:" in commune_log
    assert "receive 02080_cntt-xa_2026_r2.zip: accepted, 02080 cntt-xa 2026 r2" in district_log
    assert "receive hong.zip: rejected, packet.not_zip" in district_log
    everything = commune_log + district_log
    assert F.PASS not in everything and "73195" not in everything and typed not in everything


def test_the_log_rotates_and_keeps_five_older_files(tmp_path):
    assert (MAX_BYTES, BACKUP_COUNT) == (1_000_000, 5)
    path = tmp_path / "logs" / "desktop-app.log"
    path.parent.mkdir()
    handler = RotatingLog(path, max_bytes=2_000, backup_count=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("desktop_app.test_rotation")
    logger.propagate = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        for i in range(400):
            logger.info("dòng số %04d của nhật ký", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = log_files(tmp_path)
    assert [p.name for p in files] == [f"desktop-app.log{s}" for s in ("", ".1", ".2", ".3")]
    assert all(p.stat().st_size <= 2_000 for p in files)
    assert tail(tmp_path, 2).splitlines() == [
        "dòng số 0398 của nhật ký",
        "dòng số 0399 của nhật ký",
    ]
    older = files[1].read_text(encoding="utf-8").splitlines()
    newest = files[0].read_text(encoding="utf-8").splitlines()
    assert int(older[-1].split()[2]) + 1 == int(newest[0].split()[2])  # nothing lost between


def test_tail_reads_only_the_end_of_a_large_log(tmp_path):
    path = log_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("".join(f"dòng {i}\n" for i in range(100_000)), encoding="utf-8")
    lines = tail(tmp_path, 3, max_bytes=1_000).splitlines()
    assert lines == ["dòng 99997", "dòng 99998", "dòng 99999"]
    assert tail(tmp_path / "khong-co") == ""


def test_logging_follows_the_data_folder_and_runs_on_without_one(tmp_path, capsys):
    first, second = tmp_path / "a", tmp_path / "b"
    try:
        assert start_logging(first, "window") == log_path(first).absolute()
        assert start_logging(first, "window") == log_path(first).absolute()  # idempotent
        logging.getLogger("desktop_app.test").info("vào a")
        assert start_logging(second, "window") == log_path(second).absolute()
        logging.getLogger("desktop_app.test").info("vào b")
        blocked = tmp_path / "c"
        blocked.mkdir()
        (blocked / "logs").write_text("a file where the folder should be")
        assert start_logging(blocked, "cli status") is None
        assert "cannot write the log" in capsys.readouterr().err
        logging.getLogger("desktop_app.test").info("vẫn vào b")
    finally:
        stop_logging()
    a = log_path(first).read_text(encoding="utf-8")
    b = log_path(second).read_text(encoding="utf-8")
    assert a.count("start window") == 1 and "vào a" in a and "vào b" not in a
    assert "vào b" in b and "vẫn vào b" in b


def test_the_bundle_never_takes_the_database_or_the_keys(tmp_path):
    from desktop_app.workspace.diagnostics import write_bundle

    data = tmp_path / "data"
    for name in ("data.sqlite3", "identity/unit-key.pem", "backups/data-x.sqlite3"):
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text("secret")
    log_path(data).parent.mkdir()
    log_path(data).write_text("một dòng\n", encoding="utf-8")
    target = write_bundle(data, tmp_path / "goi.zip", "thông tin")
    with zipfile.ZipFile(target) as z:
        assert z.namelist() == ["thong-tin.txt", "logs/desktop-app.log"]
    assert Path(target).stat().st_size > 0


def test_two_processes_share_the_log_and_its_rotation(tmp_path):
    """The window and a CLI command both write: after one rotates, the other follows
    the new file instead of writing on into the renamed one."""
    path = log_path(tmp_path)
    path.parent.mkdir(parents=True)
    window, cli = (RotatingLog(path, max_bytes=1_000, backup_count=5) for _ in range(2))
    for handler in (window, cli):
        handler.setFormatter(logging.Formatter("%(message)s"))

    def write(handler: RotatingLog, text: str) -> None:
        handler.emit(logging.LogRecord("desktop_app", logging.INFO, __file__, 1, text, (), None))

    try:
        for i in range(60):
            write(window if i % 3 else cli, f"dòng {i:02d} " + "x" * 30)
    finally:
        window.close()
        cli.close()
    lines = [
        line for p in reversed(log_files(tmp_path)) for line in p.read_text("utf-8").splitlines()
    ]
    assert [line.split()[1] for line in lines] == [f"{i:02d}" for i in range(60)]
    assert all(p.stat().st_size <= 1_000 for p in log_files(tmp_path))


def test_a_traceback_in_the_log_never_holds_what_an_exception_says(tmp_path):
    """Issue 14 §5: export died on a Word line break, and openpyxl's message (the whole
    pasted text) went into the log inside the traceback. Frames and types stay, so the
    IT officer still sees where it failed; an AppError keeps its code."""
    from desktop_app.core.messages import AppError, Text

    typed = "Mạng chập chờn mã 73195"
    start_logging(tmp_path, "test")
    log = logging.getLogger("desktop_app.test")

    def save(value: str) -> None:
        try:
            raise AppError("value.bound", Text(f"«{value}» quá lớn", f"«{value}» too big"))
        except AppError as error:
            raise ValueError(f"{value} cannot be used in worksheets.") from error

    try:
        save(typed)
    except ValueError as error:
        log.error("cli export failed", exc_info=error)
    try:
        {}[typed]
    except KeyError:
        log.exception("window: unexpected error")
    stop_logging()
    text = log_path(tmp_path).read_text(encoding="utf-8")
    assert "73195" not in text
    assert "ValueError" in text and "KeyError" in text and "[value.bound]" in text
    assert 'raise ValueError(f"{value} cannot be used in worksheets.")' in text
    assert text.count("Traceback (most recent call last)") == 3
