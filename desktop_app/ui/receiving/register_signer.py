"""«Đăng ký chứng thư này cho đơn vị …» on the rows of the receive results refused because
the signer is unknown: each certificate is confirmed by its whole fingerprint (read back
by phone), registered with every check of the trust list, and the packets are received
again. Several rows can be registered in one go, each still confirmed on its own.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...core.messages import AppError
from ...workspace import Workspace
from ..dialogs import Dialogs
from ..fingerprint_view import fingerprint_groups

UNKNOWN_SIGNER = "packet.signer_untrusted"


@dataclass(frozen=True)
class UnknownSigner:
    """A packet refused for its unknown signer, with what registering it needs."""

    path: Path
    unit_code: str
    unit_name: str
    signer: str
    fingerprint: str


def unknown_signer(outcome: Any, units: dict[str, Any]) -> UnknownSigner | None:
    """The refusal's signer when the packet names one of ``units`` (the office's
    children, code → Unit) and was refused only because nobody registered the signer."""
    error = outcome.error
    if outcome.verdict != "rejected" or error is None or error.code != UNKNOWN_SIGNER:
        return None
    fingerprint = str(error.details.get("fingerprint") or "")
    claimed = outcome.received
    code = claimed.unit_code if claimed is not None else None
    if not fingerprint or not code or code not in units:
        return None
    signer = str(error.details.get("signer") or "")
    return UnknownSigner(outcome.path, code, units[code].name, signer, fingerprint)


def button_text(chosen: list[UnknownSigner]) -> str:
    if len(chosen) == 1:
        only = chosen[0]
        return (
            QCoreApplication.translate(
                "RegisterSigner", "Đăng ký chứng thư này cho đơn vị %1 (%2)…"
            )
            .replace("%1", only.unit_name)
            .replace("%2", only.unit_code)
        )
    if chosen:
        return QCoreApplication.translate(
            "RegisterSigner", "Đăng ký chứng thư cho %1 đơn vị đã chọn…"
        ).replace("%1", str(len(chosen)))
    return QCoreApplication.translate("RegisterSigner", "Đăng ký chứng thư này cho đơn vị …")


def register_signers(
    parent: Any, workspace: Workspace, chosen: list[UnknownSigner], dialogs: Dialogs, lang: str
) -> list[Path]:
    """Ask about each, register those confirmed; the packets to receive again."""
    from ...workspace.receive import register_packet_signer

    title = QCoreApplication.translate("RegisterSigner", "Đăng ký chứng thư của đơn vị cấp dưới")
    again: list[Path] = []
    for item in chosen:
        question = (
            QCoreApplication.translate(
                "RegisterSigner",
                "Đăng ký chứng thư của người ký «%1» cho đơn vị %2 (%3)?\n\nVân tay SHA-256:\n%4\n\n"
                "Chỉ đăng ký khi đơn vị đã đọc đối chiếu vân tay này qua điện thoại và khớp "
                "từng nhóm.",
            )
            .replace("%1", item.signer)
            .replace("%2", item.unit_name)
            .replace("%3", item.unit_code)
            .replace("%4", "\n".join(fingerprint_groups(item.fingerprint)))
        )
        if not dialogs.confirm(parent, title, question):
            continue
        try:
            register_packet_signer(
                workspace,
                item.path,
                item.unit_code,
                item.fingerprint,
                note=QCoreApplication.translate(
                    "RegisterSigner", "đăng ký từ gói %1, vân tay đã đối chiếu"
                ).replace("%1", item.path.name),
            )
        except AppError as error:  # key usage, weak key, another unit's key, file changed
            dialogs.error(parent, title, f"{item.path.name}: {error.message.pick(lang)}")
            continue
        again.append(item.path)
    return again


__all__ = ["UnknownSigner", "button_text", "register_signers", "unknown_signer"]
