"""The two signatures of a packet: a detached CMS over ``manifest.json`` and a PAdES B-B
signature on ``report.pdf`` with a visible stamp (signer, unit, time, in Vietnamese).

pyHanko is imported inside the functions: importing it costs 0.6 s, which the window's
start-up must not pay.

The stamp is set in Noto Serif through pyHanko's OpenType engine: the default Courier
turns Vietnamese into garbage, and 2048-units-per-em fonts (Liberation, Tinos) come out
letter-spaced; Noto Serif has 1000 units per em (DESIGN §8).

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import asyncio
import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..core.bundle import resource_path

STAMP_FONT = resource_path("fonts", "NotoSerif-Regular.ttf")
FIELD_NAME = "ChuKySo"
DIGEST = "sha256"
STAMP_FONT_SIZE = 9


def sign_detached(signer: Any, data: bytes, moment: datetime.datetime | None = None) -> bytes:
    """A detached CMS SignedData (DER) over exactly ``data``, with the signer's
    certificate (and chain) included: what ``openssl cms -verify -binary`` checks.
    ``moment`` (default now) goes in the signingTime attribute: the receiver checks the
    certificate was valid then."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    moment = moment or datetime.datetime.now(datetime.UTC)
    attributes = PdfCMSSignedAttributes(signing_time=moment)
    content_info = asyncio.run(
        signer.async_sign_general_data(data, DIGEST, detached=True, signed_attr_settings=attributes)
    )
    signature: bytes = content_info.dump()  # asn1crypto, untyped
    return signature


@dataclass(frozen=True)
class Stamp:
    """What the visible signature says."""

    signer: str  # the certificate's common name
    unit: str  # "Xã Bình Trung (mã 02080)"
    moment: datetime.datetime  # aware; shown in its own offset

    def text(self) -> str:
        # Short lines: the signature box under "CHỦ TỊCH" is ~6 cm wide, and pyHanko
        # shrinks the whole stamp to fit its longest line.
        offset = self.moment.strftime("%z")
        zone = f" (GMT{offset[:3]}:{offset[3:]})" if offset else ""
        return "\n".join(
            [
                f"Ký số bởi: {self.signer}",
                f"Đơn vị: {self.unit}",
                f"Ngày ký: {self.moment:%d/%m/%Y}",
                f"Thời gian: {self.moment:%H:%M:%S}{zone}",
            ]
        )


@cache
def _stamp_style(font_path: str, font_size: int) -> Any:
    # One style per process: pyHanko's font factory is a frozen description, cheap to keep.
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    return TextStampStyle(
        stamp_text="%(stamp)s",
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(font_path, font_size=font_size),
            font_size=font_size,
            leading=round(font_size * 1.25),
            text_color=(0.65, 0.0, 0.0),
            # no inner margin: pyHanko's default 10 pt each side would make the stamp
            # shrink to fit the box
            box_layout_rule=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MIN,
                y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins.uniform(0),
            ),
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(left=6, right=4, top=1, bottom=7),  # optical centring
        ),
        border_width=1,
        border_color=(0.65, 0.0, 0.0),
        background=None,
    )


def sign_pdf(
    signer: Any,
    pdf: bytes,
    *,
    page: int,
    box: Sequence[float],
    stamp: Stamp,
    reason: str | None = None,
    location: str | None = None,
    font: Path | None = None,
) -> bytes:
    """``pdf`` with a PAdES B-B signature in a new visible field on ``page`` (0-based) at
    ``box`` (x1, y1, x2, y2 in PDF points), covering the whole file."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter

    font = Path(font or STAMP_FONT)
    if not font.is_file():
        raise FileNotFoundError(f"stamp font missing: {font}")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm=DIGEST,
        subfilter=SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=stamp.signer,
    )
    field = SigFieldSpec(FIELD_NAME, on_page=page, box=tuple(box))  # type: ignore[arg-type]  # pyHanko's stub says ints; PDF points are reals
    pdf_signer = signers.PdfSigner(
        metadata,
        signer,
        stamp_style=_stamp_style(str(font), STAMP_FONT_SIZE),
        new_field_spec=field,
    )
    output = io.BytesIO()
    pdf_signer.sign_pdf(writer, appearance_text_params={"stamp": stamp.text()}, output=output)
    return output.getvalue()


__all__ = ["DIGEST", "FIELD_NAME", "STAMP_FONT", "Stamp", "sign_detached", "sign_pdf"]
