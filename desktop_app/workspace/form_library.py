"""A data folder's own form definitions: exported to a workbook for an author to edit,
and imported back from one (issue 18's first step: an indicator set without a programmer).

Imported forms live in ``<data folder>/forms/`` as YAML, beside the shipped ones in the
registry (``forms_for``). A version, once installed, is immutable: the same id and version
with other content is refused (``form.version_taken``), as report packets made with it
must keep meaning what they meant.

May import: ``documents``, ``storage``, ``core``, ``desktop_app.paths``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.forms import Form, FormRegistry
from ..core.messages import AppError, Text
from ..core.plans import Plan, parse_plan
from ..documents.form_workbook import form_workbook_bytes
from ..documents.form_workbook_read import read_form_workbook
from ..documents.sheet_reader import MAX_WORKBOOK_BYTES, check_workbook_size
from ..receiving.cert_input import CertificateInput
from ..receiving.form_install import (
    FormInstall,
    install_form_packet,
    publish_form,
    same_definition,
    version_taken,
)
from ..receiving.form_packet import VerifiedFormPacket
from ..storage.durable import fsync_path, temporary_beside
from .plans import plan_for, store_plan
from .receive import office
from .workspace import Workspace, forms_for, own_forms_dir, published_forms_dir


def _write_durably(target: Path, data: bytes) -> None:
    """The whole file or the old one: written beside, synced, renamed, folder synced."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_beside(target)
    try:
        with open(temporary, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    fsync_path(target.parent)


def _version_of(ws: Workspace, form_id: str, version: str | None) -> Form:
    if version is None:
        return ws.forms.get(form_id)
    form = ws.forms.by_version(form_id, version)
    if form is None:
        known = ", ".join(f.version for f in ws.forms.versions(form_id)) or "—"
        raise AppError(
            "form.no_such_version",
            Text(
                f"Biểu mẫu «{form_id}» không có phiên bản {version} (có: {known})",
                f"Form «{form_id}» has no version {version} (known: {known})",
            ),
            form=form_id,
            version=version,
        )
    return form


def _definition(ws: Workspace, form: Form) -> bytes:
    source = ws.forms.path(form)
    if source is None:
        raise AppError(
            "form.no_source",
            Text(
                f"Không tìm thấy tệp định nghĩa của biểu mẫu «{form.id}» {form.version}",
                f"The definition file of form «{form.id}» {form.version} is not found",
            ),
        )
    return source.read_bytes()


def export_form_workbook(ws: Workspace, form_id: str, version: str | None, out: Path) -> Form:
    """Write one form version as a workbook an author can edit and import back."""
    form = _version_of(ws, form_id, version)
    document = yaml.safe_load(_definition(ws, form))
    _write_durably(Path(out), form_workbook_bytes(document))
    return form


@dataclass(frozen=True)
class ImportedForm:
    form: Form
    path: Path
    already_installed: bool


def _read_bounded(file: Path) -> bytes:
    """The file's bytes, read only if it is a regular file of a workbook's size (a FIFO or
    a device is refused as not a workbook, never waited on)."""
    try:
        check_workbook_size(file.stat().st_size, file.name)
        if not file.is_file():
            return b""
        with open(file, "rb") as handle:
            return handle.read(MAX_WORKBOOK_BYTES + 1)
    except OSError as exc:
        raise AppError(
            "form.workbook_unreadable",
            Text(
                f"Không đọc được tệp {file.name}: {exc.strerror}",
                f"Cannot read {file.name}: {exc.strerror}",
            ),
            file=file.name,
        ) from exc


def import_form_workbook(ws: Workspace, file: Path) -> ImportedForm:
    """Check a workbook exactly as a definition file is checked and install the form it
    defines into the data folder's own forms. Nothing is written if anything is wrong."""
    file = Path(file)
    form, text = read_form_workbook(_read_bounded(file), file.name)
    target = own_forms_dir(ws.data_dir) / f"{form.id}-{form.version}.yaml"
    same = same_definition(ws.forms, form, text.encode("utf-8"))
    if same:
        existing = ws.forms.by_version(form.id, form.version)
        return ImportedForm(form, (ws.forms.path(existing) if existing else None) or target, True)
    if same is False:
        existing = ws.forms.by_version(form.id, form.version)
        source = ws.forms.source(existing) if existing else "imported"
        words = {"shipped": ("phát hành kèm chương trình", "shipped"),
                 "published": ("đơn vị cấp trên đã phát hành", "published by the parent")}  # fmt: skip
        raise version_taken(form, *words.get(source, ("đã nhập", "already imported")))
    # The years it covers must fit beside the other versions (the registry says so).
    FormRegistry([*(f for i in ws.forms.ids() for f in ws.forms.versions(i)), form])
    _write_durably(target, text.encode("utf-8"))
    ws.forms = forms_for(ws.data_dir)  # the new version is used from now on
    return ImportedForm(form, target, False)


def publish_form_packet(
    ws: Workspace,
    form_id: str,
    version: str | None,
    out_dir: Path,
    secret: str | None,
    *,
    period: str | None = None,
) -> tuple[Form, Path, str]:
    """Sign a form version for the units below, with this unit's plan for ``period`` if
    given (form, file written, signer's fingerprint)."""
    form = _version_of(ws, form_id, version)
    plan_text = None
    if period is not None:
        plan = plan_for(ws, form.id, period)
        if plan is None:
            raise AppError(
                "plan.missing",
                Text(
                    f"Chưa có kế hoạch cho biểu mẫu {form.id} kỳ {period} (plan import trước).",
                    f"No plan for form {form.id}, period {period} (plan import it first).",
                ),
            )
        plan_text = yaml.safe_dump(plan.as_document(), allow_unicode=True, sort_keys=False)
    path, fingerprint = publish_form(
        office(ws),
        form,
        _definition(ws, form),
        out_dir,
        secret=secret,
        plan=plan_text.encode("utf-8") if plan_text is not None else None,
    )
    return form, path, fingerprint


def install_published_form(
    ws: Workspace,
    file: Path,
    *,
    trust_cert: CertificateInput | None = None,
    fingerprint: str | None = None,
) -> FormInstall:
    """Install a form the parent published, after the parent's signature is checked, and
    keep the plan published with it (refused with the packet if it does not fit the form)."""
    plans: list[Plan] = []

    def check_plan(v: VerifiedFormPacket) -> None:
        def form_for(form_id: str, period: str) -> Form:
            if form_id != v.form.id:
                raise AppError(
                    "form_packet.plan_invalid",
                    Text(
                        f"Kế hoạch trong gói là cho biểu mẫu {form_id}, không phải {v.form.id}.",
                        f"The plan in the packet is for form {form_id}, not {v.form.id}.",
                    ),
                )
            return v.form

        try:
            document = yaml.safe_load((v.plan or b"").decode("utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
            raise AppError(
                "form_packet.plan_invalid",
                Text(
                    "Kế hoạch trong gói không đọc được.", "The plan in the packet cannot be read."
                ),
            ) from exc
        plans.append(parse_plan(document, form_for, "plan.yaml"))

    done = install_form_packet(
        office(ws),
        file,
        published_forms_dir(ws.data_dir),
        trust_cert=trust_cert,
        fingerprint=fingerprint,
        check_plan=check_plan,
    )
    if not done.already_installed:
        ws.forms = forms_for(ws.data_dir)  # the new version is used from now on
    for plan in plans:
        store_plan(ws, plan)
    return done


__all__ = [
    "ImportedForm",
    "export_form_workbook",
    "import_form_workbook",
    "install_published_form",
    "own_forms_dir",
    "publish_form_packet",
]
