"""The unit's signing identity as use cases over a workspace (CLI and window alike):
create the self-signed one for the profile's unit, import a .p12, use a token, show it.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

from pathlib import Path

from ..packets import identities
from ..packets.identities import IdentityInfo
from .workspace import Workspace


def _province(ws: Workspace) -> str | None:
    """The name of the province the profile's unit is in (itself for a province)."""
    from ..core.units import Catalogue

    catalogue = Catalogue.load(ws.require_profile().catalogue)
    unit = catalogue.get(ws.require_profile().unit_code)
    while unit is not None and unit.level != "province":
        unit = catalogue.get(unit.parent_code) if unit.parent_code else None
    return unit.name if unit is not None else None


def create_unit_identity(
    ws: Workspace, passphrase: str, *, key_kind: str = "rsa", replace: bool = False
) -> IdentityInfo:
    """A self-signed certificate naming the profile's unit ("UBND xã Bình Trung"), its
    parent and its province."""
    unit, parent = ws.unit_and_parent()
    return identities.create_self_signed(
        ws.db,
        ws.data_dir,
        unit_code=unit.code,
        unit_name=unit.name,
        parent_name=parent.name if parent else None,
        province=_province(ws),
        passphrase=passphrase,
        key_kind=key_kind,
        replace=replace,
    )


def import_identity(
    ws: Workspace, source: Path, passphrase: str, *, replace: bool = False
) -> IdentityInfo:
    return identities.import_pkcs12(ws.db, ws.data_dir, source, passphrase, replace=replace)


def use_token_identity(
    ws: Workspace,
    *,
    module: str,
    token: str,
    key_label: str,
    cert_label: str | None = None,
    pin: str | None = None,
    replace: bool = False,
) -> IdentityInfo:
    return identities.use_token(
        ws.db,
        ws.data_dir,
        module=module,
        token=token,
        key_label=key_label,
        cert_label=cert_label,
        pin=pin,
        replace=replace,
    )


def current(ws: Workspace) -> IdentityInfo:
    return identities.require_identity(ws.db, ws.data_dir)


def export_unit_certificate(ws: Workspace, out: Path) -> tuple[Path, IdentityInfo]:
    info = current(ws)
    return identities.export_certificate(info, out), info


__all__ = [
    "create_unit_identity",
    "current",
    "export_unit_certificate",
    "import_identity",
    "use_token_identity",
]
