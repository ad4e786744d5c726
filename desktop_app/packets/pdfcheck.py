"""Receiving check 5, what ``report.pdf`` would do when opened: nothing.

The officer opens a received report to read and print it. A signed PDF can still carry
things a viewer acts on: JavaScript, an action run on opening (``/OpenAction``) or on
an event (``/AA``: page opened, field touched, document closed), a program to launch, a
web address to call, attached files, an XFA form (a second, scripted rendering of the
document), rich media (Flash, video). The application's report has none of these, so
each is refused with its own reason: a signature says who made a file, not that opening
it is harmless.

The walk follows the document's structure from its catalog (pages, annotations,
outlines, names, the form) in the last revision, the one a viewer shows; it does not
enter what cannot act (fonts, page content, appearance streams, the signature's own
bytes), which keeps it to a few dozen small objects. Reads pyHanko's parser: import
lazily.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

from typing import Any

from pyhanko.pdf_utils import generic

from ..core.messages import AppError, Text

# Keys whose values cannot hold an action or attached file a viewer would run or open
# (and are large: fonts, content streams, appearance streams, widths, metadata).
_INERT_KEYS = frozenset(
    {
        "/Parent", "/Resources", "/Contents", "/Font", "/FontDescriptor", "/FontFile2",
        "/DescendantFonts", "/Widths", "/W", "/ToUnicode", "/Metadata", "/AP", "/MediaBox",
        "/CropBox", "/Rect", "/BBox", "/ByteRange", "/Cert", "/Reference", "/P",
    }
)  # fmt: skip
_MEDIA = frozenset({"/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"})
_MEDIA_ACTIONS = frozenset({"/Rendition", "/Movie", "/Sound", "/RichMediaExecute"})
_REMOTE_ACTIONS = frozenset({"/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Thread"})
_MAX_OBJECTS = 5000  # the application's report has ~60; a bigger structure is not ours

_REASONS: dict[str, tuple[str, str]] = {
    "packet.pdf_javascript": ("chứa mã JavaScript", "contains JavaScript"),
    "packet.pdf_open_action": ("có lệnh tự chạy khi mở tệp (OpenAction)",
                               "has an action run on opening (OpenAction)"),
    "packet.pdf_additional_actions": ("có lệnh tự chạy theo sự kiện (AA)",
                                      "has actions run on events (AA)"),
    "packet.pdf_launch": ("có lệnh chạy chương trình (Launch)",
                          "has an action that launches a program (Launch)"),
    "packet.pdf_uri": ("có lệnh mở địa chỉ mạng (URI)", "has an action that opens a web address (URI)"),
    "packet.pdf_embedded_file": ("có tệp đính kèm bên trong", "has files embedded in it"),
    "packet.pdf_xfa": ("có biểu mẫu XFA (một bản hiển thị khác, có mã lệnh)",
                       "has an XFA form (another, scripted rendering)"),
    "packet.pdf_rich_media": ("có nội dung đa phương tiện (video, Flash, 3D)",
                              "has rich media (video, Flash, 3D)"),
    "packet.pdf_action": ("có lệnh gửi dữ liệu hoặc mở tài liệu khác",
                          "has an action that sends data or opens another document"),
    "packet.pdf_annotation": ("có ghi chú, dấu hoặc ô chữ đè lên trang (annotation)",
                              "has notes, stamps or text boxes drawn over its pages (annotations)"),
    "packet.pdf_structure": ("có cấu trúc quá lớn hoặc không đọc được",
                             "has a structure too large or unreadable"),
}  # fmt: skip


def _refuse(code: str, **details: Any) -> AppError:
    vi, en = _REASONS[code]
    return AppError(
        code,
        Text(
            f"report.pdf {vi}: tài liệu đã ký không được tự thực hiện gì khi cán bộ mở ra.",
            f"report.pdf {en}: a signed document must not do anything when the officer opens it.",
        ),
        check=5,
        **details,
    )


def _name(value: Any) -> str | None:
    return str(value) if isinstance(value, generic.NameObject) else None


def _judge(obj: generic.DictionaryObject) -> str | None:
    """The refusal a dictionary calls for, or None."""
    keys = set(obj.keys())
    action = _name(obj.raw_get("/S")) if "/S" in keys else None
    kind = _name(obj.raw_get("/Type")) if "/Type" in keys else None
    subtype = _name(obj.raw_get("/Subtype")) if "/Subtype" in keys else None
    if "/JS" in keys or "/JavaScript" in keys or action == "/JavaScript":
        return "packet.pdf_javascript"
    if "/OpenAction" in keys:
        return "packet.pdf_open_action"
    if "/AA" in keys:
        return "packet.pdf_additional_actions"
    if action == "/Launch":
        return "packet.pdf_launch"
    if action == "/URI" or "/URI" in keys:
        return "packet.pdf_uri"
    if (
        "/EmbeddedFiles" in keys
        or "/EF" in keys
        or kind in ("/EmbeddedFile", "/Filespec")
        or subtype == "/FileAttachment"
    ):
        return "packet.pdf_embedded_file"
    if "/XFA" in keys:
        return "packet.pdf_xfa"
    if subtype in _MEDIA or action in _MEDIA_ACTIONS or "/RichMediaContent" in keys:
        return "packet.pdf_rich_media"
    if action in _REMOTE_ACTIONS:
        return "packet.pdf_action"
    if subtype is not None and (kind == "/Annot" or "/Rect" in keys) and subtype not in _MEDIA:
        # The report's only annotation is its signature's box; a note, stamp, text box or
        # form field would draw its own appearance over the page, unread by the checks
        # of what the page says.
        field_type = _name(obj.raw_get("/FT")) if "/FT" in keys else None
        if not (subtype == "/Widget" and field_type == "/Sig"):
            return "packet.pdf_annotation"
    return None


def check_active_content(reader: Any) -> None:
    """AppError (check 5) if the PDF read by ``reader`` (a pyHanko ``PdfFileReader``)
    carries anything a viewer would run, call or open."""
    try:
        stack: list[Any] = [reader.trailer_view.raw_get("/Root")]
        overlay = False
        seen: set[tuple[int, int]] = set()
        while stack:
            item = stack.pop()
            if isinstance(item, generic.IndirectObject):
                key = (item.idnum, item.generation)
                if key in seen:
                    continue
                seen.add(key)
                if len(seen) > _MAX_OBJECTS:
                    raise _refuse("packet.pdf_structure", objects=len(seen))
                item = item.get_object()
            if isinstance(item, generic.DictionaryObject):
                found = _judge(item)
                if found == "packet.pdf_annotation":
                    overlay = True  # said last: an action inside it is the sharper reason
                elif found:
                    raise _refuse(found)
                signature_field = item.get("/FT") == "/Sig" if "/FT" in item else False
                stack.extend(
                    item.raw_get(k)
                    for k in list(item)
                    if k not in _INERT_KEYS and not (signature_field and k == "/V")
                )
            elif isinstance(item, generic.ArrayObject):
                stack.extend(item.raw_get(i) for i in range(len(item)))
    except AppError:
        raise
    except Exception as exc:  # a hostile structure the parser cannot follow
        raise _refuse("packet.pdf_structure", problem=type(exc).__name__) from exc
    if overlay:
        raise _refuse("packet.pdf_annotation")


def open_pdf(pdf: bytes) -> Any:
    """A pyHanko reader over ``pdf`` (AppError ``packet.pdf_structure`` if unreadable)."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except Exception as exc:
        raise _refuse("packet.pdf_structure", problem=type(exc).__name__) from exc


__all__ = ["check_active_content", "open_pdf"]
