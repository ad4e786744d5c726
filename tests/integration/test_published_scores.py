"""A score a higher level published for the unit (issue 18): recorded with its source
document, listed over the years with the change and the places gained, marked as
published, and refused when it cannot be one."""

from __future__ import annotations

from tests.integration.cli_helpers import cli


def test_published_scores_over_the_years(tmp_path):
    data = tmp_path / "d"
    cli(data, "setup", "--unit", "064", "--catalogue", "legacy", check=0)
    cli(data, "score", "record", "--form", "cntt-huyen", "--period", "2023", "--score", "87",
        "--rank", "3", "--of", "12", "--source", "Quyết định số 45/QĐ-UBND ngày 10/3/2025", check=0)  # fmt: skip
    cli(data, "score", "record", "--form", "cntt-huyen", "--period", "2024", "--score", "89,2",
        "--rank", "1", "--of", "12", "--source", "Quyết định số 30/QĐ-UBND ngày 02/3/2026", check=0)  # fmt: skip
    listed = cli(data, "--json", "score", "list", "--form", "cntt-huyen", check=0).json
    assert [(s["period"], s["score"], s["change"], s["rank_change"]) for s in listed] == [
        ("2023", "87", None, None),
        ("2024", "89.2", "2.2", 2),
    ]
    assert all(s["published"] for s in listed)
    text = cli(data, "score", "list", "--form", "cntt-huyen", check=0).out
    assert "89,2 (+2,2), hạng 1/12" in text and "điểm công bố" in text


def test_what_cannot_be_a_published_score_is_refused(tmp_path):
    data = tmp_path / "d"
    cli(data, "setup", "--unit", "064", "--catalogue", "legacy", check=0)
    base = ["score", "record", "--form", "cntt-huyen", "--source", "QĐ 1"]
    for extra, code in (
        (["--period", "2026", "--score", "101"], "score.invalid"),  # over the form's 100
        (["--period", "2026", "--score", "80", "--rank", "13", "--of", "12"], "score.invalid"),
        (["--period", "2026", "--score", "80", "--rank", "1"], "score.invalid"),
        (["--period", "2099", "--score", "80"], "period.not_started"),
        (["--period", "2026", "--score", "tám mươi"], "number.invalid"),
    ):
        run = cli(data, "--json", *base, *extra, check=1)
        assert run.json["error"]["code"].startswith(code.split(".")[0]), (extra, run.json)
    assert cli(data, "--json", "score", "list", "--form", "cntt-huyen", check=0).json == []


def test_the_score_history_keeps_the_published_apart_from_the_computed(tmp_path):
    from decimal import Decimal

    from desktop_app.core.published_words import published_line
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.published_scores import record_published_score
    from desktop_app.workspace.score_history import score_history
    from desktop_app.workspace.setup_unit import setup_unit
    from tests.conftest import PROJECT

    with Workspace.open(tmp_path / "d") as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        load_values(ws, PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json")
        record_published_score(ws, "cntt-xa", "2024", "87", "QĐ số 45/QĐ-UBND", 3, 12)
        record_published_score(ws, "cntt-xa", "2025", "89,2", "QĐ số 30/QĐ-UBND", 1, 12)
        history = score_history(ws, "cntt-xa")
    assert [(h.period, h.computed is not None, h.published is not None) for h in history] == [
        ("2024", False, True),
        ("2025", False, True),
        ("2026", True, False),
    ]
    assert history[2].computed == Decimal("77.12")
    entry = history[1].published.entry()
    assert published_line(entry) == (
        "Năm 2025: 89,2 điểm (tăng 2,2 so với năm 2024; xếp thứ 1/12) — QĐ số 30/QĐ-UBND"
    )
    assert published_line(entry, "en") == (
        "Year 2025: 89,2 points (up 2,2 on year 2024; ranked 1/12) — QĐ số 30/QĐ-UBND"
    )
