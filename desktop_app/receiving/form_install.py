"""A child unit installs a form its parent published (``form_packet``), and the parent
publishes one.

Installing checks the packet (signed by the registered parent, or on first use by the
certificate the clerk confirms, ``parent_confirm``), refuses a version that exists with
other content (``form.version_taken``, whoever signs it: a published version never
changes), then in one transaction registers the parent's certificate on first use, audits
the installation (kind ``form``) and puts the definition in place (atomically, last).

May import: ``packets``, ``storage``, ``core``, and this package's modules.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.forms import Form, FormRegistry
from ..core.messages import AppError, Text
from ..packets import certs
from ..storage.audit import write_audit
from ..storage.durable import fsync_path, temporary_beside
from ..storage.trust_entries import insert_entry
from .cert_input import CertificateInput, entry_fields
from .form_packet import (
    FORM_PACKET,
    MAX_FORM_PACKET_BYTES,
    VerifiedFormPacket,
    build_form_packet,
    form_packet_name,
    verify_form_packet,
)
from .office import Office
from .parent_confirm import confirm_parent
from .trust_store import DbTrustSource


def _read(path: Path) -> bytes:
    unreadable = "form_packet.unreadable"
    try:
        if path.stat().st_size > MAX_FORM_PACKET_BYTES or not path.is_file():
            raise AppError(
                unreadable,
                Text(
                    "Tệp quá lớn hoặc không phải tệp thường: không phải gói biểu mẫu.",
                    "Too large or not a regular file: not a form packet.",
                ),
            )
        with open(path, "rb") as handle:
            return handle.read(MAX_FORM_PACKET_BYTES + 1)
    except OSError as exc:
        raise AppError(
            unreadable,
            Text(f"Không đọc được tệp: {exc.strerror}", f"Cannot read the file: {exc.strerror}"),
        ) from exc


def version_taken(form: Form, where_vi: str, where_en: str) -> AppError:
    return AppError(
        "form.version_taken",
        Text(
            f"Biểu mẫu «{form.id}» phiên bản {form.version} đã có ({where_vi}) với nội dung"
            " khác. Một phiên bản đã dùng không được thay đổi: hãy đặt số phiên bản mới.",
            f"Form «{form.id}» version {form.version} exists ({where_en}) with other content."
            " A version in use never changes: give it a new version number.",
        ),
        form=form.id,
        version=form.version,
    )


def same_definition(forms: FormRegistry, form: Form, definition: bytes) -> bool | None:
    """None: no such version yet; True: the same definition (its YAML data, comments
    aside); False: the version exists with other content."""
    existing = forms.by_version(form.id, form.version)
    if existing is None:
        return None
    path = forms.path(existing)
    return path is not None and yaml.safe_load(path.read_bytes()) == yaml.safe_load(definition)


@dataclass(frozen=True)
class FormInstall:
    verified: VerifiedFormPacket
    path: Path
    already_installed: bool


def check_form_packet(office: Office, path: Path) -> VerifiedFormPacket:
    """Verify a form packet from this unit's parent; writes nothing."""
    parent = office.parent
    if parent is None:
        raise AppError(
            "form_packet.no_parent",
            Text("Đơn vị này không có đơn vị cấp trên.", "This unit has no parent unit."),
        )
    return verify_form_packet(_read(Path(path)), DbTrustSource(office.db), parent.code)


def install_form_packet(
    office: Office,
    path: Path,
    target_dir: Path,
    *,
    trust_cert: CertificateInput | None = None,
    fingerprint: str | None = None,
    check_plan: Callable[[VerifiedFormPacket], None] | None = None,
) -> FormInstall:
    """Check the packet and install its form into ``target_dir`` (see the module docstring);
    ``check_plan`` refuses (raises) a plan published with it before anything is written."""
    path = Path(path)
    v = check_form_packet(office, path)
    if check_plan is not None and v.plan is not None:
        check_plan(v)
    target = Path(target_dir) / f"{v.form.id}-{v.form.version}.yaml"
    same = same_definition(office.forms, v.form, v.definition)
    if same:
        return FormInstall(v, office.forms.path(v.form) or target, True)
    if same is False:
        raise version_taken(v.form, "đã cài", "already installed")
    # The years it covers must fit beside the other versions (the registry says so).
    FormRegistry([*(f for i in office.forms.ids() for f in office.forms.versions(i)), v.form])
    if v.first_use:
        confirm_parent(office, v.signer, v.issuer, FORM_PACKET, trust_cert, fingerprint)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_beside(target)
    db = office.db
    try:
        with open(temporary, "wb") as handle:
            handle.write(v.definition)
            handle.flush()
            os.fsync(handle.fileno())
        with db.transaction():
            if v.first_use:
                insert_entry(
                    db, unit_code=v.issuer["code"], is_ca=False, user=office.user,
                    note=f"first use: {path.name}", **entry_fields(v.signer),
                )  # fmt: skip
            record = {"installed": v.form.id, "version": v.form.version, "issuer": v.issuer["code"],
                      "fingerprint": v.fingerprint, "file": path.name}  # fmt: skip
            write_audit(
                db,
                [(db.now(), office.user, None, "form", f"{v.form.id} {v.form.version}", None,
                  json.dumps(record, ensure_ascii=False, sort_keys=True))],
            )  # fmt: skip
            os.replace(temporary, target)  # last: the form exists only with its record
        fsync_path(target.parent)
    finally:
        temporary.unlink(missing_ok=True)
    return FormInstall(v, target, False)


def publish_form(
    office: Office,
    form: Form,
    definition: bytes,
    out_dir: Path,
    *,
    secret: str | None = None,
    now: datetime.datetime | None = None,
    plan: bytes | None = None,
) -> tuple[Path, str]:
    """Sign ``form`` (its definition file's bytes, and a plan's YAML if ``plan``) as a form
    packet into ``out_dir``, with this unit's identity; (the file written, the signer's
    fingerprint)."""
    from ..packets.identities import load_identity

    moment = now or datetime.datetime.now(datetime.UTC)
    identity = load_identity(office.db, office.data_dir, secret, now=moment)
    try:
        named = certs.unit_codes(identity.info.certificate)
        if named and office.unit_code not in named:
            raise AppError(
                "form_packet.identity_not_for_unit",
                Text(
                    f"Chứng thư ký số đang dùng mang mã đơn vị {', '.join(named)}, không phải {office.unit_code}: đơn vị cấp dưới sẽ từ chối gói biểu mẫu.",
                    f"The signing certificate in use names unit {', '.join(named)}, not {office.unit_code}: the units below would refuse the form packet.",
                ),
                named=named,
            )
        issuer = {"code": office.unit_code, "name": office.unit.name}
        content = build_form_packet(identity.signer, issuer, form, definition, moment, plan)
        fingerprint = identity.info.fingerprint
    finally:
        identity.close()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / form_packet_name(form)
    temporary = temporary_beside(target)
    try:
        with open(temporary, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        with office.db.transaction():
            record = {"published": form.id, "version": form.version, "file": target.name,
                      "fingerprint": fingerprint}  # fmt: skip
            write_audit(
                office.db,
                [(office.db.now(), office.user, None, "form", f"{form.id} {form.version}", None,
                  json.dumps(record, ensure_ascii=False, sort_keys=True))],
            )  # fmt: skip
            os.replace(temporary, target)
        fsync_path(out_dir)
    finally:
        temporary.unlink(missing_ok=True)
    return target, fingerprint


__all__ = [
    "FormInstall",
    "check_form_packet",
    "install_form_packet",
    "publish_form",
    "same_definition",
    "version_taken",
]
