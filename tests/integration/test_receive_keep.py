"""The kept copy of a received file is written by a second thread while the packet is
checked: it is whole on disk before any row names it, and a copy that cannot be written
stops the receiving with nothing recorded."""

from __future__ import annotations

import pytest

from desktop_app.receiving import files
from desktop_app.receiving import receive as receiving
from desktop_app.workspace import receive as use
from tests.support import fleet as F

A = "02080"


@pytest.fixture
def district(tmp_path, tmp_path_factory):
    chodon = F.build_fleet(tmp_path_factory)
    data_dir = F.fresh_district(chodon, tmp_path / "district")
    with F.open_ws(data_dir) as ws:
        for commune in chodon.communes.values():
            use.register_certificate(ws, commune.cert, commune.code)
        yield ws, chodon


def test_the_copy_is_on_disk_before_its_row(district, monkeypatch):
    ws, chodon = district
    whole = []
    insert = receiving.insert_received

    def checking_insert(db, **values):
        kept = (ws.data_dir / values["stored_path"]).read_bytes()
        whole.append(kept == (chodon.packets / values["file_name"]).read_bytes())
        return insert(db, **values)

    monkeypatch.setattr(receiving, "insert_received", checking_insert)
    report = use.receive(ws, [chodon.packets])
    assert [o.verdict for o in report.outcomes] == ["accepted"] * len(chodon.communes)
    assert whole == [True] * len(chodon.communes)


def test_a_copy_that_cannot_be_written_stops_with_nothing_recorded(district, monkeypatch):
    ws, chodon = district
    before = F.table_dump(ws.db, skip=())

    def full_disk(data_dir, incoming):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "keep", full_disk)
    with pytest.raises(OSError):
        use.receive(ws, [chodon.communes[A].packet])
    assert F.table_dump(ws.db, skip=()) == before
