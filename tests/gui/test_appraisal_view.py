"""Thẩm định in the district window (issue 18): from the ranking, «Thẩm định…» opens the
chosen commune's score items; one item is set down by the keyboard (the reason is
required, points beyond the maximum are refused with their reason), another accepted with
one key; the totals, the units list and the ranking's official scores follow at once."""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.numbers import format_number
from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.ui_context import UiContext
from desktop_app.workspace.appraisal import official_ranking, unit_appraisal
from tests.gui.clerk import type_text
from tests.support import fleet as F

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
TODAY = datetime.date(2026, 12, 20)


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def received(chodon, tmp_path_factory):
    return F.received_district(chodon, tmp_path_factory.mktemp("huyen") / "data")


@pytest.fixture
def district(qtbot, received, tmp_path):
    from desktop_app.ui.district.district_window import DistrictWindow

    data_dir = shutil.copytree(received, tmp_path / "data")
    with F.open_ws(data_dir) as ws:
        window = DistrictWindow(UiContext.of(ws, ScriptedDialogs(), today=TODAY, lang="vi"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.appraisal_view is not None, timeout=30000)
        qtbot.waitUntil(lambda: window.appraisal_view.state is not None, timeout=30000)
        yield window, ws
        window.close()


def _row_of(ranking, code: str) -> int:
    return ranking.shown_column("code").index(code)


def test_an_item_set_down_by_the_keyboard_with_its_reason(qtbot, district):
    window, ws = district
    ranking, view = window.ranking_view, window.appraisal_view
    official_before = ranking.shown_column("official")
    assert all(text.endswith(" *") for text in official_before)  # nothing appraised yet
    code = ranking.shown_column("code")[3]  # the fourth by score
    ranking.table.selectRow(_row_of(ranking, code))
    qtbot.mouseClick(ranking.appraise_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is view and view.unit.unit_code == code
    before = view.unit
    row = next(i for i, item in enumerate(before.items) if item.self_points > 1)
    item = before.items[row]
    for _ in range(row):
        qtbot.keyClick(view.items, Qt.Key.Key_Down)
    assert view.current_row() == row

    qtbot.keyClick(view.items, Qt.Key.Key_F2)
    assert view.editor.points.hasFocus()
    qtbot.keyClicks(view.editor.points, format_number(item.maximum + 1))
    qtbot.keyClick(view.editor.points, Qt.Key.Key_Return)
    assert view.editor.reason.hasFocus()
    type_text(view.editor.reason, "Thử")
    qtbot.keyClick(view.editor.reason, Qt.Key.Key_Return)
    assert view.editor.message.isVisible() and "phải từ 0 đến" in view.editor.message.text()
    assert view.editor.points.hasFocus()  # back to the points, selected, to type again

    qtbot.keyClicks(view.editor.points, "1,5")  # a Vietnamese decimal comma
    qtbot.keyClick(view.editor.points, Qt.Key.Key_Return)
    view.editor.reason.clear()
    qtbot.keyClick(view.editor.reason, Qt.Key.Key_Return)
    assert "Cần ghi lý do" in view.editor.message.text()
    assert unit_appraisal(ws, code, "cntt-xa", "2026").items[row].appraised is None
    type_text(view.editor.reason, "Biên bản kiểm tra chỉ có 3 máy đạt.")
    qtbot.keyClick(view.editor.reason, Qt.Key.Key_Return)

    assert not view.editor.message.isVisible()
    kept = unit_appraisal(ws, code, "cntt-xa", "2026").items[row]
    assert (kept.appraised, kept.reason) == (Decimal("1.5"), "Biên bản kiểm tra chỉ có 3 máy đạt.")
    official = before.self_total - item.self_points + Decimal("1.5")
    assert view.unit.official_total == official
    assert format_number(official, 2) in view.totals.text()
    assert view.model.index(row, view.model.column("appraised")).data() == "1,50"
    assert view.current_row() == row + 1 and view.items.hasFocus()

    qtbot.keyClick(view.items, Qt.Key.Key_Return)  # the next item accepted as it is
    accepted = view.unit.items[row + 1]
    assert accepted.appraised == accepted.self_points and view.current_row() == row + 2

    shown = dict(zip(ranking.shown_column("code"), ranking.shown_column("official"), strict=True))
    assert shown[code] == format_number(official, 2) + " *"
    places = {r.unit_code: r.rank for r in official_ranking(ws, "cntt-xa", "2026")}
    ranks = dict(
        zip(ranking.shown_column("code"), ranking.shown_column("official_rank"), strict=True)
    )
    assert ranks[code] == str(places[code]) and places[code] > 4
    assert "Đã thẩm định xong 0/20" in ranking.appraisal_note.text()

    qtbot.keyClick(view.items, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert view.unit.unit_code != code
    qtbot.keyClick(view.items, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert view.unit.unit_code == code and view.model.item(row).appraised == Decimal("1.5")


def test_a_unit_fully_appraised_is_no_longer_marked(qtbot, district):
    window, _ws = district
    view, ranking = window.appraisal_view, window.ranking_view
    code = view.unit.unit_code
    for _ in view.unit.items:
        qtbot.keyClick(view.items, Qt.Key.Key_Return)
    assert view.unit.complete and "Đã thẩm định " + str(len(view.unit.items)) in view.totals.text()
    shown = dict(zip(ranking.shown_column("code"), ranking.shown_column("official"), strict=True))
    assert not shown[code].endswith("*")
    assert "Đã thẩm định xong 1/20" in ranking.appraisal_note.text()
    units = view.units
    assert units.item(units.currentRow(), 3).text() == "Xong"


def test_the_evidence_beside_its_item_opens_in_the_viewer(qtbot, chodon, tmp_path):
    """A commune's cds-xa report with a decision attached to «Ban chỉ đạo CĐS»: the
    district sees the file's name and size beside the item and opens a copy (Ctrl+O)."""
    import json

    from desktop_app.ui.district.district_window import DistrictWindow
    from desktop_app.workspace import receive as use
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.evidence import attach_evidence_bytes
    from desktop_app.workspace.export import export_report
    from tests.support import evidence_files as files

    commune = chodon.communes["02080"]
    values = json.loads((F.SAMPLES / "cds-xa_2026_02020.json").read_text(encoding="utf-8"))
    values["unit"] = commune.code
    source = tmp_path / "values.json"
    source.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    decision = files.pdf()
    with F.open_ws(shutil.copytree(commune.data_dir, tmp_path / "xa")) as ws:
        load_values(ws, source)
        attach_evidence_bytes(ws, "cds-xa", "2026", "co_bcd_cds", "Quyết định 15.pdf", decision)
        plan = ("co_ke_hoach_cntt", "Kế hoạch 2026.png", files.png())
        attach_evidence_bytes(ws, "cds-xa", "2026", *plan)
        if values["values"].get("co_phuong_an_attt"):  # required when the answer is yes
            attach_evidence_bytes(ws, "cds-xa", "2026", "co_phuong_an_attt", "PA.jpg", files.jpeg())
        packet = export_report(ws, "cds-xa", "2026", tmp_path / "out", secret=F.PASS).path
    dialogs = ScriptedDialogs()
    with F.open_ws(F.fresh_district(chodon, tmp_path / "huyen")) as ws:
        use.register_certificate(ws, commune.cert, commune.code)
        use.receive(ws, [packet])
        window = DistrictWindow(UiContext.of(ws, dialogs, today=TODAY, lang="vi"))
        qtbot.addWidget(window)
        window.show()
        window.choose("cds-xa", "2026")
        qtbot.waitUntil(lambda: window.appraisal_view is not None, timeout=30000)
        view = window.appraisal_view
        qtbot.waitUntil(
            lambda: view.state is not None and view.state.district.form.id == "cds-xa",
            timeout=30000,
        )
        window.appraise_unit(commune.code)
        row = next(i for i, item in enumerate(view.unit.items) if item.field_id == "co_bcd_cds")
        shown = view.model.index(row, view.model.column("evidence")).data()
        assert shown.startswith("Quyết định 15.pdf (") and "KB)" in shown
        others = [view.model.index(r, view.model.column("evidence")).data()
                  for r in range(view.model.rowCount()) if r != row]  # fmt: skip
        assert any(text.startswith("Kế hoạch 2026.png (") for text in others)
        assert "—" in others  # items without evidence say so
        for _ in range(row):
            qtbot.keyClick(view.items, Qt.Key.Key_Down)
        assert view.editor.open_button.isEnabled()
        qtbot.keyClick(view.items, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        [opened] = dialogs.opened_files
        assert opened.name == "Quyết định 15.pdf" and opened.read_bytes() == decision
        column = view.model.column("evidence")
        while view.model.index(view.current_row(), column).data() != "—":
            qtbot.keyClick(view.items, Qt.Key.Key_Down)
        assert not view.editor.open_button.isEnabled()
        window.close()
