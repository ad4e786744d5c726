"""SQLite failures turned into messages a clerk can act on.

A raw ``sqlite3.OperationalError: database is locked`` means nothing to a commune clerk;
each primary SQLite result code that a user can cause (another copy of the program open,
a read-only USB stick, a file damaged by a power cut, a full disk) gets its own code and
a Vietnamese/English sentence saying what to do.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..core.messages import AppError, Text

# Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in
# the low byte, e.g. SQLITE_BUSY_SNAPSHOT = 517 = 5 | (2 << 8).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

_MESSAGES: dict[str, Text] = {
    "storage.locked": Text(
        "Cơ sở dữ liệu {name} đang được một chương trình khác sử dụng (có thể phần mềm đang mở ở cửa sổ khác). Đóng chương trình đó rồi thử lại.",
        "The database {name} is in use by another program (perhaps this application is open in another window). Close it and try again.",
    ),
    "storage.readonly": Text(
        "Không ghi được vào {name}: tệp hoặc thư mục chỉ cho phép đọc. Kiểm tra quyền ghi hoặc chọn thư mục dữ liệu khác.",
        "Cannot write to {name}: the file or its folder is read-only. Check the permissions or choose another data folder.",
    ),
    "storage.corrupt": Text(
        "Tệp dữ liệu {name} bị hỏng hoặc không phải cơ sở dữ liệu của phần mềm. Hãy khôi phục từ một bản sao lưu.",
        "The data file {name} is damaged or is not a database. Restore it from a backup.",
    ),
    "storage.full": Text(
        "Ổ đĩa đã đầy, không ghi được {name}. Giải phóng dung lượng rồi thử lại; dữ liệu đã lưu trước đó không bị mất.",
        "The disk is full, {name} cannot be written. Free some space and try again; data saved earlier is not lost.",
    ),
    "storage.cannot_open": Text(
        "Không mở được tệp dữ liệu {name} ({detail}).",
        "Cannot open the data file {name} ({detail}).",
    ),
    "storage.io": Text(
        "Lỗi đọc/ghi ổ đĩa với {name} ({detail}). Kiểm tra ổ đĩa hoặc USB rồi thử lại.",
        "A disk read/write error on {name} ({detail}). Check the disk or USB drive and try again.",
    ),
}


def storage_error(code: str, path: Path | str, detail: str = "") -> AppError:
    """One of the messages above for the database at ``path``."""
    name = Path(path).name
    text = _MESSAGES[code].format(name=name, detail=detail)
    return AppError(code, text, path=str(path))


def classify(exc: sqlite3.Error) -> str | None:
    """The storage.* code for a failure the user can cause, None for a programming error
    (bad SQL, a constraint broken by our own code), which should surface as is."""
    primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return "storage.locked"
    if primary == SQLITE_READONLY:
        return "storage.readonly"
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return "storage.corrupt"
    if primary == SQLITE_FULL:
        return "storage.full"
    if primary == SQLITE_CANTOPEN:
        return "storage.cannot_open"
    if primary == SQLITE_IOERR:
        return "storage.io"
    return None


def translate(exc: sqlite3.Error, path: Path | str) -> AppError | None:
    """``exc`` as an AppError, or None if it is not the user's to fix."""
    code = classify(exc)
    return storage_error(code, path, str(exc)) if code else None


@contextlib.contextmanager
def translating(path: Path | str) -> Iterator[None]:
    """Re-raise SQLite failures a user can cause as AppError; others unchanged."""
    try:
        yield
    except sqlite3.Error as exc:
        error = translate(exc, path)
        if error is None:
            raise
        raise error from exc


# What a failed write of a file (not the database) says, by errno: a full disk, a quota or
# a file-size limit are all "no room"; a read-only medium or a refused permission cannot
# be written; anything else is the disk's (or the USB stick's) own failure.
_DISK_ERRORS = {
    errno.ENOSPC: "storage.full",
    getattr(errno, "EDQUOT", -1): "storage.full",
    errno.EFBIG: "storage.full",
    errno.EROFS: "storage.readonly",
    errno.EACCES: "storage.readonly",
    errno.EPERM: "storage.readonly",
}


def disk_error(exc: OSError, path: Path | str) -> AppError:
    """A failed file write as one of the storage messages (``storage.full`` for a full
    disk), naming ``path``."""
    code = _DISK_ERRORS.get(exc.errno or 0, "storage.io")
    return storage_error(code, path, exc.strerror or str(exc))
