"""Receiving never falls over: zip structure, PDF content, reports that disagree with data.json (issue 14 §6)."""

from __future__ import annotations

import datetime
import io
import json
import struct
import zipfile
from decimal import Decimal

from tests import pki
from tests.support import fleet as F

from .kit import unpack

# -- building blocks ---------------------------------------------------------------------------


def resigned_members(members: dict[str, bytes], signer, data: dict) -> bytes:
    """The packet zip of ``members`` with a fresh manifest (hashes of the members as
    given) signed by ``signer``: the packet is genuine in every way a signature can say."""
    from desktop_app.packets.manifest import build_manifest, manifest_bytes
    from desktop_app.packets.packet import MEMBERS, zip_bytes
    from desktop_app.packets.signing import sign_detached

    moment = datetime.datetime.now(datetime.UTC)
    files = dict(members)
    manifest = manifest_bytes(build_manifest(data, files, created_at=moment))
    files["manifest.json"] = manifest
    files["manifest.json.p7s"] = sign_detached(signer, manifest, moment)
    return zip_bytes({m: files[m] for m in MEMBERS}, moment)


def deep_data_packet(commune, depth: int) -> bytes:
    """The commune's packet, revision 2, whose signed data.json carries a list nested
    ``depth`` deep under a key of its own (the rest is the genuine report)."""
    from desktop_app.packets.data import canonical_json

    data = F.packet_data(commune.packet)
    data["revision"] = 2
    raw = canonical_json({**data, "zz": "LONG"})
    raw = raw.replace(b'"LONG"', b"[" * depth + b"]" * depth)
    members = {**unpack(commune.packet.read_bytes()), "data.json": raw}
    return resigned_members(members, F.commune_signer(commune.data_dir)[0], data)


# -- zip structure --------------------------------------------------------------------------

_LOCAL = struct.Struct("<4s5H3L2H")


def _entries(raw: bytes) -> list[tuple[int, int]]:
    """(central directory entry offset, local header offset) for each member."""
    at = int.from_bytes(raw[-6:-2], "little")
    found = []
    while raw[at : at + 4] == b"PK\x01\x02":
        name, extra, comment = (
            int.from_bytes(raw[at + i : at + i + 2], "little") for i in (28, 30, 32)
        )
        found.append((at, int.from_bytes(raw[at + 42 : at + 46], "little")))
        at += 46 + name + extra + comment
    return found


def local_renamed(kit) -> bytes:
    """data.json's local header names report.xlsx (same length: the directory still
    says data.json): a streaming reader sees two report.xlsx and no data.json."""
    raw = bytearray(kit["genuine"])
    for _, local in _entries(bytes(raw)):
        size = int.from_bytes(raw[local + 26 : local + 28], "little")
        if raw[local + 30 : local + 30 + size] == b"data.json":
            raw[local + 30 : local + 30 + size] = b"data.jsox"
    return bytes(raw)


def local_method_changed(kit) -> bytes:
    """manifest.json's local header says "stored" where the directory says "deflated"."""
    raw = bytearray(kit["genuine"])
    _, local = _entries(bytes(raw))[0]
    raw[local + 8 : local + 10] = (0).to_bytes(2, "little")
    return bytes(raw)


def local_sizes_changed(kit) -> bytes:
    """report.pdf's local header claims a shorter member than the directory does."""
    raw = bytearray(kit["genuine"])
    for _, local in _entries(bytes(raw)):
        size = int.from_bytes(raw[local + 26 : local + 28], "little")
        if raw[local + 30 : local + 30 + size] == b"report.pdf":
            compressed = int.from_bytes(raw[local + 18 : local + 22], "little")
            raw[local + 18 : local + 22] = (compressed - 100).to_bytes(4, "little")
    return bytes(raw)


def with_comment(kit) -> bytes:
    comment = b"PK\x05\x06 a second end record could hide here"
    raw = kit["genuine"]
    return raw[:-2] + len(comment).to_bytes(2, "little") + comment


def with_trailing_data(kit) -> bytes:
    return kit["genuine"] + b"\0" * 512 + b"MZ appended payload"


def self_extracting(kit) -> bytes:
    """A Windows stub in front, every offset shifted as an SFX builder does."""
    stub = b"MZ\x90\x00" + b"This program cannot be run in DOS mode.\r\n" + b"\0" * 400
    raw = bytearray(kit["genuine"])
    for central, local in _entries(bytes(raw)):
        raw[central + 42 : central + 46] = (local + len(stub)).to_bytes(4, "little")
    offset = int.from_bytes(raw[-6:-2], "little")
    raw[-6:-2] = (offset + len(stub)).to_bytes(4, "little")
    return stub + bytes(raw)


def overlapping(kit) -> bytes:
    """Two directory entries point at the same local header and data (report.xlsx's
    entry reuses report.pdf's bytes: same name length would be needed, so the second
    entry's offset is moved onto the first member)."""
    raw = bytearray(kit["genuine"])
    entries = _entries(bytes(raw))
    first_local = entries[0][1]
    central, _ = entries[1]
    raw[central + 42 : central + 46] = first_local.to_bytes(4, "little")
    return bytes(raw)


def zip64_end(kit) -> bytes:
    """The same members behind a ZIP64 end record and locator (what a zip of gigabytes
    needs), the classic record's fields set to "see ZIP64"."""
    raw = kit["genuine"]
    end = raw[-22:]
    entries = int.from_bytes(end[10:12], "little")
    size, offset = int.from_bytes(end[12:16], "little"), int.from_bytes(end[16:20], "little")
    record = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, size, offset
    )
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, len(raw) - 22, 1)
    classic = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0
    )
    return raw[:-22] + record + locator + classic


# -- what report.pdf would do when opened ---------------------------------------------------


def _data(kit) -> dict:
    return json.loads(json.dumps(kit["data"], default=str))  # a deep copy, decimals as text


def with_reports(kit, *, xlsx: bytes | None = None, pdf: bytes | None = None, data=None) -> bytes:
    """A packet for ``data`` (default: commune A's report) signed by commune A, whose
    reports are the real ones unless ``xlsx`` or ``pdf`` (unsigned bytes) is given."""
    from desktop_app.packets.packet import assemble, zip_bytes

    data = data or _data(kit)
    real_xlsx, rendered = pki.real_reports(data)
    if pdf is not None:
        rendered = pki.Rendered(pdf, rendered.signature_page, rendered.signature_box)
    moment = datetime.datetime.now(datetime.UTC)
    content = assemble(kit["signer_a"], data["unit"]["name"], data, xlsx=xlsx or real_xlsx,
                       pdf=rendered, created_at=moment)  # fmt: skip
    return zip_bytes(content.members, moment)


def _name(text: str):
    from pyhanko.pdf_utils import generic

    return generic.NameObject(text)


def _dict(**entries):
    """A PDF dictionary: keyword ``S="/JavaScript"`` → ``/S /JavaScript``; text stays text."""
    from pyhanko.pdf_utils import generic

    def value(v):
        if isinstance(v, str):
            return _name(v) if v.startswith("/") else generic.TextStringObject(v)
        return v

    return generic.DictionaryObject({_name("/" + k): value(v) for k, v in entries.items()})


def pdf_changed(kit, change) -> bytes:
    """The real report.pdf with ``change(writer)`` applied as an update before it is
    signed (the signature then covers it), in a packet signed by commune A."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    _, rendered = pki.real_reports(_data(kit))
    writer = IncrementalPdfFileWriter(io.BytesIO(rendered.content), strict=False)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return with_reports(kit, pdf=out.getvalue())


def _on_catalog(**entries):
    def change(writer):
        for key, value in entries.items():
            writer.root[_name("/" + key)] = value(writer) if callable(value) else value
        writer.update_root()

    return change


def _annotation_on_first_page(annotation):
    def change(writer):
        from pyhanko.pdf_utils import generic

        page_ref = writer.root["/Pages"].raw_get("/Kids")[0]
        page = page_ref.get_object()
        annot = _dict(Type="/Annot", Rect=generic.ArrayObject(map(generic.FloatObject, (50, 50, 150, 80))),
                      **annotation)  # fmt: skip
        page[_name("/Annots")] = generic.ArrayObject([writer.add_object(annot)])
        writer.update_container(page)

    return change


def _names(kind: str, target):
    def value(writer):
        from pyhanko.pdf_utils import generic

        tree = _dict(
            Names=generic.ArrayObject(
                [generic.TextStringObject("x"), writer.add_object(target(writer))]
            )
        )
        return _dict(**{kind: writer.add_object(tree)})

    return value


def _javascript(writer):
    return _dict(S="/JavaScript", JS="app.alert('Xin chao')")


def _embedded(writer):
    from pyhanko.pdf_utils import generic

    stream = generic.StreamObject(_dict(Type="/EmbeddedFile"), stream_data=b"MZ fake program")
    return _dict(Type="/Filespec", F="bao-cao.exe", EF=_dict(F=writer.add_object(stream)))


def _page_actions(writer):
    page_ref = writer.root["/Pages"].raw_get("/Kids")[0]
    page = page_ref.get_object()
    page[_name("/AA")] = _dict(O=_dict(S="/Named", N="/Print"))  # prints on opening the page
    writer.update_container(page)


def _xfa(writer):
    from pyhanko.pdf_utils import generic

    stream = generic.StreamObject(_dict(), stream_data=b"<xdp:xdp><template/></xdp:xdp>")
    return _dict(Fields=generic.ArrayObject(), XFA=writer.add_object(stream))


def action_after_signature(kit) -> bytes:
    """The genuine signed report.pdf with an update appended after its signature (an
    OpenAction), the manifest re-signed over the new hash by commune A's own key."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    members = unpack(kit["genuine"])
    writer = IncrementalPdfFileWriter(io.BytesIO(members["report.pdf"]), strict=False)
    writer.root[_name("/OpenAction")] = writer.add_object(_javascript(writer))
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    members["report.pdf"] = out.getvalue()
    data = json.loads(members["data.json"], parse_float=Decimal)
    return resigned_members(members, kit["signer_a"], data)


# -- reports that disagree with data.json --------------------------------------------------------


def _render(kit, change):
    from desktop_app.workspace.workspace import shipped_forms

    data = _data(kit)
    change(data)
    form = shipped_forms().by_version(data["form"]["id"], data["form"]["version"])
    return form, data


def pdf_showing_999(kit) -> bytes:
    from desktop_app.packets.pdf import render_pdf

    form, shown = _render(kit, lambda d: d["values"].update(cbcc_tong=999))
    return with_reports(kit, pdf=render_pdf(form, shown).content)


def xlsx_showing_999(kit) -> bytes:
    from desktop_app.packets.excel import render_xlsx

    form, shown = _render(kit, lambda d: d["values"].update(cbcc_tong=999))
    return with_reports(kit, xlsx=render_xlsx(form, shown))


def _xlsx_edited(kit, edit) -> bytes:
    real, _ = pki.real_reports(_data(kit))
    parts = unpack(real)
    edit(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return with_reports(kit, xlsx=buffer.getvalue())


def _formula(parts):
    sheet = parts["xl/worksheets/sheet1.xml"]
    at = sheet.index(b'<c r="D13"')
    value_at = sheet.index(b"<v>", at)
    parts["xl/worksheets/sheet1.xml"] = sheet[:value_at] + b"<f>999-975</f>" + sheet[value_at:]


def _literal_format(parts):
    """Every "#,##0" number shown through a format that prints 999 whatever the value."""
    styles = parts["xl/styles.xml"]
    parts["xl/styles.xml"] = styles.replace(b'<numFmts count="', b'<numFmts count="1').replace(
        b"</numFmts>", b'<numFmt numFmtId="3" formatCode="&quot;999&quot;"/></numFmts>'
    )


# name: (make(kit) -> packet bytes, the reason code it must be refused with)
CASES: dict = {
    "local header names another member": (local_renamed, "packet.zip_headers_disagree"),
    "local header with another compression": (local_method_changed, "packet.zip_headers_disagree"),
    "local header with other sizes": (local_sizes_changed, "packet.zip_headers_disagree"),
    "zip comment": (with_comment, "packet.zip_comment"),
    "data after the end record": (with_trailing_data, "packet.zip_trailing_data"),
    "self-extracting stub in front": (self_extracting, "packet.zip_prepended_data"),
    "overlapping members": (overlapping, "packet.zip_overlap"),
    "zip64 end record": (zip64_end, "packet.zip64"),
    "pdf with document JavaScript": (
        lambda k: pdf_changed(k, _on_catalog(Names=_names("JavaScript", _javascript))),
        "packet.pdf_javascript",
    ),
    "pdf with an OpenAction": (
        lambda k: pdf_changed(k, _on_catalog(OpenAction=lambda w: _dict(S="/Named", N="/Print"))),
        "packet.pdf_open_action",
    ),
    "pdf with a Launch action": (
        lambda k: pdf_changed(
            k, _annotation_on_first_page({"Subtype": "/Link", "A": _dict(S="/Launch", F="cmd.exe")})
        ),
        "packet.pdf_launch",
    ),
    "pdf with an embedded file": (
        lambda k: pdf_changed(k, _on_catalog(Names=_names("EmbeddedFiles", _embedded))),
        "packet.pdf_embedded_file",
    ),
    "pdf with additional actions (/AA)": (
        lambda k: pdf_changed(k, _page_actions),
        "packet.pdf_additional_actions",
    ),
    "pdf with a URI action": (
        lambda k: pdf_changed(
            k,
            _annotation_on_first_page(
                {"Subtype": "/Link", "A": _dict(S="/URI", URI="http://example.invalid/x")}
            ),
        ),
        "packet.pdf_uri",
    ),
    "pdf with an XFA form": (
        lambda k: pdf_changed(k, _on_catalog(AcroForm=_xfa)),
        "packet.pdf_xfa",
    ),
    "pdf with rich media": (
        lambda k: pdf_changed(k, _annotation_on_first_page({"Subtype": "/RichMedia"})),
        "packet.pdf_rich_media",
    ),
    "pdf with a text box over a figure": (
        lambda k: pdf_changed(
            k, _annotation_on_first_page({"Subtype": "/FreeText", "Contents": "999"})
        ),
        "packet.pdf_annotation",
    ),
    "pdf with a form field over a figure": (
        lambda k: pdf_changed(
            k, _annotation_on_first_page({"Subtype": "/Widget", "FT": "/Tx", "V": "999"})
        ),
        "packet.pdf_annotation",
    ),
    "pdf action added after its signature": (
        action_after_signature,
        "packet.pdf_signature_invalid",
    ),
    "report.pdf showing 999 where data.json has the real figure": (
        pdf_showing_999,
        "packet.report_pdf_mismatch",
    ),
    "report.xlsx showing 999 where data.json has the real figure": (
        xlsx_showing_999,
        "packet.report_xlsx_mismatch",
    ),
    "report.xlsx with a formula": (
        lambda k: _xlsx_edited(k, _formula),
        "packet.report_xlsx_mismatch",
    ),
    "report.xlsx number format printing 999": (
        lambda k: _xlsx_edited(k, _literal_format),
        "packet.report_xlsx_mismatch",
    ),
    "report.xlsx with a macro": (
        lambda k: _xlsx_edited(
            k, lambda parts: parts.update({"xl/vbaProject.bin": b"\xd0\xcf macro"})
        ),
        "packet.xlsx_active_content",
    ),
}

# Kinds tested outside CASES (by their own tests), counted towards the set's size.
OTHER_KINDS: set[str] = {
    "data.json nested hundreds deep in a batch",
    "a check failing unforeseen",
    "three receives at once",
    "disk full while keeping the copy",
    "FIFO in a folder",
    "/dev/zero link in a folder",
    "socket in a folder",
    "folder named .zip",
    "link loop in a folder",
    "FIFO or /dev/zero named explicitly",
}
