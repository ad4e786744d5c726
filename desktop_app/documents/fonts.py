"""The fonts of the PDFs (the packet's ``report.pdf``, the consolidated report): Liberation
Serif, a Times-metric serif with full Vietnamese coverage (Decree 30/2020 asks for a Times
New Roman-like face), bundled under resources/fonts/ with its licence and embedded
(subset) in every PDF.

Registration with reportlab is global to the process, so it happens once, under a lock
(exports may run on a worker thread while the window previews another report).

May import: ``desktop_app.paths``; reportlab, inside ``register_pdf_fonts`` only.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..core.bundle import resource_path

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"
_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_LOCK = threading.Lock()
_registered = False


def register_pdf_fonts() -> None:
    """Register the four Liberation Serif faces and their family (for <b>/<i> markup)."""
    global _registered
    with _LOCK:
        if _registered:
            return
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
        for bold, italic, name in (
            (0, 0, SERIF),
            (1, 0, SERIF_BOLD),
            (0, 1, SERIF_ITALIC),
            (1, 1, SERIF_BOLD_ITALIC),
        ):
            addMapping(SERIF, bold, italic, name)
        _registered = True


__all__ = ["SERIF", "SERIF_BOLD", "SERIF_BOLD_ITALIC", "SERIF_ITALIC", "register_pdf_fonts"]
