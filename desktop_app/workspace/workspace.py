"""One data directory: its database, the forms the application ships, and the unit profile.

May import: ``storage``, ``core``, ``desktop_app.paths``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from ..core.bundle import forms_dir
from ..core.forms import Form, FormRegistry
from ..core.levels import UNIT_ABOVE, reports_to
from ..core.messages import AppError, Text
from ..core.periods import Period
from ..core.units import Catalogue, Unit
from ..paths import cache_dir, default_data_dir
from ..storage import BackupPolicy, Database, get_setting
from ..storage.settings import os_user, peek_setting

DATABASE_NAME = "data.sqlite3"
BACKUP_DIR = "backups"
PROFILE_KEY = "profile"


@dataclass(frozen=True)
class Profile:
    """Who this installation reports as (set by ``setup`` or the first-run dialog)."""

    unit_code: str
    unit_name: str
    catalogue: str
    clerk: str = ""
    leader: str = ""
    language: str = "vi"

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def folder_language(data_dir: Path) -> str | None:
    """The clerk's language for a data folder, without opening it for work: for the
    commands that must also run when its database is damaged."""
    path = Path(data_dir) / DATABASE_NAME
    try:
        present = path.is_file()
    except OSError:  # a folder this account may not read: the commands say so later
        present = False
    raw = peek_setting(path, PROFILE_KEY) if present else None
    language = raw.get("language") if isinstance(raw, dict) else None
    return language if language in ("vi", "en") else None


@cache
def shipped_forms() -> FormRegistry:
    """The forms under forms/, read once per process (they never change while running)."""
    return FormRegistry.load(forms_dir(), cache_dir())


OWN_FORMS_DIR = "forms"


PUBLISHED_FORMS_DIR = "published"


def own_forms_dir(data_dir: Path) -> Path:
    """Where a data folder keeps the forms it imported (``forms import-xlsx``)."""
    return Path(data_dir) / OWN_FORMS_DIR


def published_forms_dir(data_dir: Path) -> Path:
    """Where it keeps the forms its parent published (``forms install``)."""
    return own_forms_dir(data_dir) / PUBLISHED_FORMS_DIR


def forms_for(data_dir: Path) -> FormRegistry:
    """The forms a data folder works with: the shipped ones and its own."""
    own = [(own_forms_dir(data_dir), "imported"), (published_forms_dir(data_dir), "published")]
    if not any(any(folder.glob("*.yaml")) for folder, _ in own):
        return shipped_forms()
    return FormRegistry.load(forms_dir(), cache_dir(), own=own)


def form_order(forms: FormRegistry, form: Form, held: bool) -> tuple[int, bool, int, str]:
    """Where a form stands in a choice of forms: one the parent published or that was
    imported here first, then one the unit already holds reports of (``held``), then the
    longest series (the indicator set reported on for years before a newer one, such as
    an example digital-transformation index shipped beside it), then by id."""
    rank = {"published": 0, "imported": 1}.get(forms.source(form), 2)
    return rank, not held, forms.versions(form.id)[0].year, form.id


class Workspace:
    def __init__(self, data_dir: Path, db: Database, forms: FormRegistry) -> None:
        self.data_dir = data_dir
        self.db = db
        self.forms = forms

    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        forms: FormRegistry | None = None,
        start_empty: bool = False,
    ) -> Workspace:
        """Open the data folder for work. A database that lost its data while its backups
        hold it is refused ("storage.data_missing") unless ``start_empty`` (the officer's
        explicit choice: ``setup --force-new``, or the window's confirmed fresh start)."""
        directory = Path(data_dir) if data_dir else default_data_dir()
        policy = BackupPolicy(directory / BACKUP_DIR)
        db = Database.open(directory / DATABASE_NAME, backups=policy, start_empty=start_empty)
        return cls(directory, db, forms or forms_for(directory))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def profile(self) -> Profile | None:
        raw = get_setting(self.db, PROFILE_KEY)
        return Profile(**raw) if raw else None

    def require_profile(self) -> Profile:
        profile = self.profile
        if profile is None:
            held = self.db.fetchall(
                "SELECT unit_code, count(*) FROM reports GROUP BY unit_code ORDER BY 2 DESC"
            )
            if held:
                # Not a first start: the setup record was lost (a settings page damaged,
                # a tool) while the reports are all there. Say so, and which unit they
                # belong to, rather than "no unit set up yet".
                units = ", ".join(f"{code} ({count})" for code, count in held)
                raise AppError(
                    "setup.profile_lost",
                    Text(
                        f"Tệp dữ liệu còn báo cáo của đơn vị {units} nhưng mất thông tin "
                        f"thiết lập đơn vị. Số liệu không mất; thiết lập lại: desktop-app "
                        f"setup --unit {held[0][0]}",
                        f"The data file holds reports of unit {units} but its unit setup "
                        f"is missing. No figures are lost; set it up again: desktop-app "
                        f"setup --unit {held[0][0]}",
                    ),
                    units=[code for code, _ in held],
                )
            raise AppError(
                "setup.missing",
                Text(
                    "Chưa thiết lập đơn vị báo cáo. Chạy: desktop-app setup --unit MÃ_ĐƠN_VỊ",
                    "No reporting unit set up yet. Run: desktop-app setup --unit UNIT_CODE",
                ),
            )
        return profile

    @property
    def user(self) -> str:
        """The name written in the audit log: the clerk if known, else the OS account."""
        profile = self.profile
        if profile and profile.clerk:
            return profile.clerk
        return os_user()

    def unit_and_parent(self, period: Period | None = None) -> tuple[Unit, Unit | None]:
        """The profile's unit and the unit it reports to, from the profile's catalogue;
        for a ``period``, as the unit stood in that period's structure
        (``core.units.unit_for_period``: a current commune's 2018 report is its old
        unit's, under its old district)."""
        from ..core.units import unit_for_period

        profile = self.require_profile()
        if period is None:
            unit = Catalogue.load(profile.catalogue).require(profile.unit_code)
        else:
            unit = unit_for_period(profile.catalogue, profile.unit_code, period)
        catalogue = Catalogue.load(unit.catalogue)
        return unit, catalogue.get(unit.parent_code) if unit.parent_code else None

    def reports_to(self) -> Text:
        """The unit this one sends its packets to, in running text ("huyện", "tỉnh": the
        words of ``core.levels``); "đơn vị cấp trên" before a unit is set up."""

        if self.profile is None:
            return UNIT_ABOVE
        _, parent = self.unit_and_parent()
        return reports_to(parent.level if parent else None)

    def form_for(self, form_id: str, period_text: str, *, plan: bool = True) -> tuple[Form, Period]:
        """The form version that applies to a period, with the period checked against it,
        and with the targets of the plan held for the period (``workspace.plans``) unless
        ``plan`` is False."""
        newest = self.forms.get(form_id)
        period = Period.parse(period_text, newest.period_kind)
        form = self.forms.get(form_id, period.year)
        if plan:
            from ..core.plans import with_plan
            from .plans import plan_for

            form = with_plan(form, plan_for(self, form_id, str(period)))
        return form, period
