#!/usr/bin/env python3
"""Write realistic, filled sample reports into resources/samples/: the 2026 forms here, the
2018 and 2020 reports (2017–2021 versions) from ``legacy_samples.py``.

    python scripts/make_samples.py [--out DIR]

(The units and texts are in ``sample_units.py``, each report is drawn by
``sample_reports.py``; this script writes them with their explanations.)

* ``cntt-xa_2026_<code>.json`` for every commune-level unit of Huyện Chợ Đồn, Tỉnh Bắc Kạn
  (pre-2025 structure: province 06, district 064), and
* ``cntt-huyen_2026_064.json`` for the district's own report (its own fields only: the
  fields prefilled from the communes are left for the application to consolidate).

Each file is in the ``values load`` format: ``{"unit", "form", "period", "values",
"comments"}``. Computed fields are never written. The output is deterministic: every unit
draws from its own random generator seeded with a fixed seed and its code, so the files are
byte-identical from run to run and adding a unit does not change the others.

The units are embedded below (no network): codes and names as in the ``vietnam-provinces``
0.6 data (``nested-divisions.json``: province code 6, district code 64), codes zero-padded to
five digits: the town Bằng Lũng and 19 communes.

The figures are invented but plausible for a mountainous district: 18–25 officials per
commune, the district town better equipped, a few remote communes without a LAN or fibre and
with few online dossiers. A handful of reports trip a *warning* rule of the form on purpose,
each with the clerk's explanation in ``comments`` on the field the warning is shown at; no
report breaks an *error* rule, and every required field is filled.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_reports import commune_report, district_report
from sample_units import DISTRICT_CODE, PERIOD, REMOTE, TOWN, UNITS


def _nfc(obj: object) -> object:
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, dict):
        return {_nfc(k): _nfc(val) for k, val in obj.items()}
    if isinstance(obj, list):
        return [_nfc(x) for x in obj]
    return obj


def with_explanations(report: dict) -> dict:
    """Each warning the report trips is explained by the comment on the field where it is
    shown: the clerk's explanation travels as ``explanations`` {rule id: text}."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from desktop_app.core.validation import validate
    from desktop_app.core.values import from_json
    from desktop_app.workspace.workspace import shipped_forms

    form = shipped_forms().get(report["form"], int(report["period"][:4]))
    parsed = json.loads(json.dumps(report["values"]), parse_float=Decimal)
    typed = {k: from_json(form.fields[k], v).value for k, v in parsed.items()}
    explanations = {
        p.rule_id: report["comments"][p.field_id]
        for p in validate(form, typed).warnings
        if p.field_id in report.get("comments", {})
    }
    if explanations:
        report["explanations"] = dict(sorted(explanations.items()))
    return report


def write(path: Path, report: dict) -> None:
    report = with_explanations(report)
    text = json.dumps(_nfc(report), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    default_out = Path(__file__).resolve().parents[1] / "resources" / "samples"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for code, name in sorted(UNITS):
        write(args.out / f"cntt-xa_{PERIOD}_{code}.json", commune_report(code, name))
    write(args.out / f"cntt-huyen_{PERIOD}_{DISTRICT_CODE}.json", district_report())
    count = len(UNITS) + 1
    # The earlier years, on the 2017–2021 form versions (scripts/legacy_samples.py).
    from legacy_samples import reports

    for name, report in reports(UNITS, DISTRICT_CODE, TOWN, REMOTE):
        write(args.out / name, report)
        count += 1
    print(f"{count} sample reports written to {args.out}")


if __name__ == "__main__":
    main()
