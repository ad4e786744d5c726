from decimal import Decimal

from desktop_app.consolidation import UnitReport, consolidate, rank_units

from .samples import expected_units, sample_reports, xa_form


def _ranking(reports=None, previous=None):
    c = consolidate(xa_form(), reports or sample_reports(), expected_units())
    return c, rank_units(c, previous)


def test_scores_add_up_and_bands_follow_the_form():
    _c, ranking = _ranking()
    assert len(ranking.rows) == 20 and not ranking.provisional and ranking.note is None
    bands = xa_form().scoring.bands
    for row in ranking.rows:
        assert row.total == sum(row.by_section.values())
        assert sum(i.points for i in row.score.items.values()) == row.total
        assert row.band == next(b for b in bands if row.total >= b.minimum)
        assert set(row.by_section) >= set(ranking.section_ids)
    assert sum(ranking.section_maximum.values()) == 100
    totals = [r.total for r in ranking.rows]
    assert totals == sorted(totals, reverse=True)


def _with_twin(reports, of: str, twin_code: str) -> list[UnitReport]:
    source = next(r for r in reports if r.unit_code == of)
    twin = UnitReport(twin_code, "Xã Song Sinh", source.form, dict(source.values))
    return [*reports, twin]


def test_ties_share_a_rank_and_the_next_is_skipped():
    reports = sample_reports()
    _, plain = _ranking(reports)
    sixteenth = plain.rows[15]  # ranked 16th of 20
    _, ranking = _ranking(_with_twin(reports, sixteenth.code, "99999"))
    ranks = {r.code: r.rank for r in ranking.rows}
    assert ranks[sixteenth.code] == ranks["99999"] == 16
    assert sorted(ranks.values())[15:18] == [16, 16, 18]
    assert 17 not in ranks.values()


def test_relative_items_are_provisional_while_units_are_missing():
    reports = sample_reports()
    _, full = _ranking(reports)
    best_unit = max(
        full.rows, key=lambda r: r.score.items["d_ho_so_truc_tuyen"].value or Decimal(0)
    ).code
    _c, partial = _ranking([r for r in reports if r.unit_code != best_unit])
    assert partial.provisional and partial.missing_count == 1
    assert "tạm tính" in partial.note.vi and "provisional" in partial.note.en
    # without the best unit, another becomes the reference and earns more
    assert partial.best["d_ho_so_truc_tuyen"] < full.best["d_ho_so_truc_tuyen"]


def test_change_from_the_previous_period():
    reports = sample_reports()
    _, before = _ranking(reports[:10] + reports[11:])
    _, now = _ranking(reports, previous=before)
    rows = now.by_code()
    known = before.by_code()
    for code, row in rows.items():
        if code in known:
            assert row.total_change == row.total - known[code].total
            assert row.rank_change == known[code].rank - row.rank
        else:
            assert row.total_change is None and row.rank_change is None
