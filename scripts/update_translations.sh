#!/usr/bin/env bash
# Refresh the English translation after UI strings change:
#   1. pyside6-lupdate collects every self.tr("…") of desktop_app/ui into app_en.ts
#      (existing translations kept, vanished strings dropped);
#   2. translate the new entries (Qt Linguist: .venv/bin/pyside6-linguist, or by hand:
#      they are marked type="unfinished");
#   3. pyside6-lrelease builds app_en.qm, which the application loads.
#   4. qtbase_vi.ts holds Qt's own texts the window can show (right-click menus, standard
#      buttons, print preview and print dialogs) in Vietnamese, which Qt does not ship;
#      it is edited by hand (contexts and English source texts exactly as in Qt) and
#      only compiled here.
# tests/gui/test_translations.py fails while any string is untranslated, a Qt text is not
# one this Qt has, or a .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV:-.venv}/bin"  # a worktree may use another checkout's venv: VENV=…/.venv
ts=resources/translations/app_en.ts
mapfile -t sources < <(find desktop_app/ui -name '*.py' | sort)
"$bin/pyside6-lupdate" -no-obsolete -locations relative "${sources[@]}" \
    -source-language vi_VN -target-language en_GB -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm resources/translations/app_en.qm
"$bin/pyside6-lrelease" resources/translations/qtbase_vi.ts -qm resources/translations/qtbase_vi.qm
