"""Real evidence files for the tests: a one-page PDF, a JPEG and a PNG, made here (PIL
writes the images, PIL's PDF writer the scan-like PDF), and files that only pretend."""

from __future__ import annotations

import io


def _image(fmt: str, colour: tuple[int, int, int] = (200, 30, 30), size=(120, 80)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, size[0] - 10, size[1] - 10), outline=colour, width=4)
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def jpeg(colour=(200, 30, 30)) -> bytes:
    return _image("JPEG", colour)


def png(colour=(30, 30, 200)) -> bytes:
    return _image("PNG", colour)


def pdf(colour=(30, 120, 30)) -> bytes:
    """A one-page PDF as a scanner makes it (one image on a page)."""
    return _image("PDF", colour, (595, 842))


WORD_DOC = b"PK\x03\x04" + b"\0" * 200  # a .docx renamed .pdf starts like any zip
