"""A workbook's bytes, the same for the same content: every zip entry and the document's
created/modified times carry the report date instead of the clock, so a packet, which
hashes its members, is reproducible.

May import: openpyxl.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

if TYPE_CHECKING:
    from _typeshed import SizedBuffer  # zipfile's own annotation of member data


class _StampedZip(zipfile.ZipFile):
    """A zip whose every entry carries one fixed timestamp and mode, so that writing the
    same workbook twice gives the same bytes (openpyxl stamps entries with the clock)."""

    def __init__(self, file: io.BytesIO, stamp: datetime.date) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self._stamp = (stamp.year, stamp.month, stamp.day, 0, 0, 0)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._stamp)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o644 << 16
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        with open(filename, "rb") as handle:  # worksheets arrive as temporary files
            self.writestr(arcname or filename, handle.read())


def stamped_bytes(wb: Workbook, date: datetime.date) -> bytes:
    """``wb`` as .xlsx bytes with ``date`` (midnight) as every timestamp in it."""
    moment = datetime.datetime(date.year, date.month, date.day)
    wb.properties.created = wb.properties.modified = moment
    out = io.BytesIO()
    # ExcelWriter rather than wb.save(): save() stamps "modified" with the clock.
    with _StampedZip(out, date) as archive:
        ExcelWriter(wb, archive).write_data()
    return out.getvalue()


__all__ = ["stamped_bytes"]
