#!/usr/bin/env bash
# Refresh the English translation after UI strings change:
#   1. pyside6-lupdate collects every self.tr("…") of desktop_app/ui into app_en.ts
#      (existing translations kept, vanished strings dropped);
#   2. translate the new entries (Qt Linguist: .venv/bin/pyside6-linguist, or by hand:
#      they are marked type="unfinished");
#   3. pyside6-lrelease builds app_en.qm, which the application loads.
# tests/gui/test_translations.py fails while any string is untranslated or the .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
ts=resources/translations/app_en.ts
mapfile -t sources < <(find desktop_app/ui -name '*.py' | sort)
"$bin/pyside6-lupdate" -no-obsolete -locations relative "${sources[@]}" \
    -source-language vi_VN -target-language en_GB -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm resources/translations/app_en.qm
