"""Every bundled file is found through ``desktop_app.core.bundle``: in the source tree, and in
the built folder (PyInstaller sets ``sys.frozen`` and ``sys._MEIPASS``)."""

from __future__ import annotations

import sys

from desktop_app.core import bundle as paths
from desktop_app.core.forms import schema
from tests.conftest import PROJECT


def test_from_source_everything_is_in_the_checkout():
    assert not paths.is_frozen()
    assert paths.project_root() == PROJECT
    assert paths.forms_dir() == PROJECT / "forms"
    assert schema.SCHEMA_PATH == paths.form_schema_path() == PROJECT / "forms" / "form.schema.json"
    assert schema.SCHEMA_PATH.is_file()
    assert paths.resource_path("units", "legacy.jsonl").is_file()


def test_frozen_everything_is_in_the_bundle_folder(monkeypatch, tmp_path):
    bundle = tmp_path / "desktop-app" / "_internal"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.is_frozen()
    assert paths.project_root() == bundle
    assert paths.form_schema_path() == bundle / "forms" / "form.schema.json"
    assert paths.resource_path("fonts", "NotoSans-Regular.ttf") == (
        bundle / "resources" / "fonts" / "NotoSans-Regular.ttf"
    )
