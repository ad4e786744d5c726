"""The evidence (tài liệu kiểm chứng) a unit sent with a scored item, as the appraisal
view lists and opens it: each file's name and size, and its content copied to a
temporary folder and handed to the system's viewer (a PDF reader, an image viewer),
through the Dialogs seam so tests see what would be opened.

The files are those kept when the packet was received (``workspace.evidence``), read
from the database: the packet file itself may have been moved since.

Texts are ``QCoreApplication.translate("AppraisalEvidence", "…")`` spelled out in full:
pyside6-lupdate finds only that literal form.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.messages import AppError
from ...core.numbers import format_number
from ...workspace import Workspace
from ..background import error_text
from ..dialogs import Dialogs


@dataclass(frozen=True)
class EvidenceFile:
    """A file the unit attached to a field, as the appraisal view lists it."""

    name: str
    size: int
    key: Any = None  # what ``evidence_bytes`` needs to read it back: its packet member


def evidence_files(ws: Workspace, submission_id: int) -> dict[str, list[EvidenceFile]]:
    """The evidence a received submission carries, by field id."""
    from ...workspace.evidence import submission_evidence

    return {
        field_id: [EvidenceFile(r.name, r.size, r.member) for r in rows]
        for field_id, rows in submission_evidence(ws, submission_id).items()
    }


def evidence_bytes(ws: Workspace, submission_id: int, evidence: EvidenceFile) -> bytes:
    """The content of one evidence file listed by ``evidence_files``."""
    from ...workspace.evidence import submission_evidence_bytes

    return submission_evidence_bytes(ws, submission_id, str(evidence.key))


def size_text(size: int) -> str:
    """A file's size as people read it: 820 B, 12,5 KB, 3,2 MB."""
    if size < 1024:
        return f"{size} B"
    unit, name = (1024, "KB") if size < 1024 * 1024 else (1024 * 1024, "MB")
    return f"{format_number(Decimal(size) / unit, 1)} {name}"


def open_evidence(
    ws: Workspace,
    submission_id: int,
    files: Sequence[EvidenceFile],
    dialogs: Dialogs,
    lang: str,
    parent: QWidget | None = None,
) -> list[Path]:
    """Copy ``files`` to a new temporary folder and open each; says why one could not be
    (and stops there). The copies written, in order."""
    title = QCoreApplication.translate("AppraisalEvidence", "Tài liệu kiểm chứng")
    if not files:
        dialogs.info(
            parent,
            title,
            QCoreApplication.translate(
                "AppraisalEvidence", "Đơn vị không gửi kèm tài liệu kiểm chứng cho mục này."
            ),
        )
        return []
    folder = Path(tempfile.mkdtemp(prefix="tham-dinh-"))
    written: list[Path] = []
    for file in files:
        target = folder / Path(file.name).name  # never a path the packet chose
        try:
            target.write_bytes(evidence_bytes(ws, submission_id, file))
        except (AppError, OSError) as error:
            text = error_text(error, lang) if isinstance(error, AppError) else file.name
            dialogs.error(parent, title, text)
            return written
        written.append(target)
        if not dialogs.open_file(target):
            dialogs.error(
                parent,
                title,
                QCoreApplication.translate(
                    "AppraisalEvidence", "Không mở được %1. Tệp nằm trong thư mục %2."
                )
                .replace("%1", target.name)
                .replace("%2", str(folder)),
            )
    return written


__all__ = ["EvidenceFile", "evidence_bytes", "evidence_files", "open_evidence", "size_text"]
