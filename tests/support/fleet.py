"""The 20 communes of Huyện Chợ Đồn (legacy catalogue) as real installations, made once
per test session: each a data directory with its sample report and its own self-signed
identity, each packet made by the application's own export. And the district (064) that
receives them, with its own identity.

Keys use fewer PBKDF2 rounds than in production (``FAST_ROUNDS``): the rounds only
protect the key file at rest, and 600,000 of them cost ~0.5 s per identity; every
signature and check stays real.
"""

from __future__ import annotations

import datetime
import functools
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from desktop_app.packets import certs
from tests.conftest import PROJECT

SAMPLES = PROJECT / "resources" / "samples"
DISTRICT = "064"
PASS = "Mật khẩu thử 2026!"
FAST_ROUNDS = 1_000
VN = datetime.timezone(datetime.timedelta(hours=7))


@contextmanager
def fast_keys() -> Iterator[None]:
    fast = functools.partial(certs.encrypt_private_key, rounds=FAST_ROUNDS)
    with mock.patch.object(certs, "encrypt_private_key", fast):
        yield


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    data_dir: Path
    cert: Path  # its exported certificate (what the district registers)
    packet: Path  # revision 1, made by the application's export
    data_sha256: str
    fingerprint: str


@dataclass(frozen=True)
class Fleet:
    root: Path
    packets: Path  # the folder holding the 20 packets (r1)
    communes: dict[str, Commune]
    district_template: Path  # a district data dir with its identity, nothing registered


def commune_codes() -> list[str]:
    return sorted(p.stem.rsplit("_", 1)[1] for p in SAMPLES.glob("cntt-xa_2026_*.json"))


def make_commune(code: str, root: Path, out: Path) -> Commune:
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import export_report
    from desktop_app.workspace.identity import create_unit_identity, export_unit_certificate
    from desktop_app.workspace.setup_unit import setup_unit

    data_dir = root / f"xa-{code}"
    with Workspace.open(data_dir) as ws, fast_keys():
        profile = setup_unit(ws, code, "legacy", clerk=f"Văn thư {code}", leader="Chủ tịch")
        load_values(ws, SAMPLES / f"cntt-xa_2026_{code}.json")
        info = create_unit_identity(ws, PASS)
        cert, _ = export_unit_certificate(ws, root / "certs" / f"{code}.pem")
        result = export_report(ws, "cntt-xa", "2026", out, secret=PASS)
    return Commune(
        code, profile.unit_name, data_dir, cert, result.path, result.data_sha256, info.fingerprint
    )


def make_district(root: Path) -> Path:
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.identity import create_unit_identity
    from desktop_app.workspace.setup_unit import setup_unit

    data_dir = root / "district-template"
    with Workspace.open(data_dir) as ws, fast_keys():
        setup_unit(ws, DISTRICT, "legacy", clerk="Cán bộ Phòng VH-TT", leader="Chủ tịch huyện")
        create_unit_identity(ws, PASS)
        ws.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return data_dir


_FLEETS: dict[str, Fleet] = {}


def build_fleet(tmp_path_factory) -> Fleet:
    """The communes and the district template, made once per session."""
    if "fleet" not in _FLEETS:
        root = tmp_path_factory.mktemp("cho-don")
        packets = root / "packets"
        communes = {code: make_commune(code, root, packets) for code in commune_codes()}
        _FLEETS["fleet"] = Fleet(root, packets, communes, make_district(root))
    return _FLEETS["fleet"]


def fresh_district(fleet: Fleet, target: Path) -> Path:
    """A copy of the district template (its identity, nothing received)."""
    shutil.copytree(fleet.district_template, target)
    return target


def received_district(fleet: Fleet, target: Path) -> Path:
    """A copy of the district template that registered the 20 communes' certificates and
    received their packets (all accepted)."""
    from desktop_app.workspace import receive as use

    fresh_district(fleet, target)
    with open_ws(target) as ws:
        for commune in fleet.communes.values():
            use.register_certificate(ws, commune.cert, commune.code)
        report = use.receive(ws, [fleet.packets])
        assert [o.verdict for o in report.outcomes] == ["accepted"] * len(fleet.communes)
        ws.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return target


def open_ws(data_dir: Path):
    from desktop_app.workspace import Workspace

    return Workspace.open(data_dir)


def table_dump(db, skip: tuple[str, ...] = ("received_files",)) -> dict[str, list]:
    """Every table's rows (but ``skip``), to compare the database before and after."""
    names = [
        n
        for (n,) in db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
        if n not in skip and not n.startswith("sqlite_")
    ]
    return {n: sorted(map(repr, db.fetchall(f"SELECT * FROM {n}"))) for n in sorted(names)}


def commune_signer(data_dir: Path):
    """(pyHanko signer, certificate) from an installation's self-signed identity files,
    read without opening its database."""
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    from desktop_app.packets.keysigner import KeySigner

    folder = data_dir / "identity"
    cert = certs.read_certificates((folder / "unit-cert.pem").read_bytes())[0]
    key = load_pem_private_key((folder / "unit-key.pem").read_bytes(), certs.passphrase_bytes(PASS))
    return KeySigner(key, cert), cert


def packet_data(packet: Path) -> dict:
    """A packet's data.json as an object."""
    import json
    import zipfile
    from decimal import Decimal

    with zipfile.ZipFile(packet) as archive:
        return json.loads(archive.read("data.json"), parse_float=Decimal)


def signed_packet(
    data: dict, signer, *, moment: datetime.datetime | None = None, evidence=None
) -> bytes:
    """A packet for ``data`` signed by ``signer``, with the reports the export draws for
    it (the receiving compares them with data.json), and the ``evidence`` members
    (name → bytes) that ``data["evidence"]`` lists, as zip bytes."""
    from desktop_app.packets.packet import assemble, zip_bytes
    from tests import pki

    xlsx, pdf = pki.real_reports(data)
    content = assemble(
        signer,
        data["unit"]["name"],
        data,
        xlsx=xlsx,
        pdf=pdf,
        created_at=moment or datetime.datetime.now(datetime.UTC),
        evidence=evidence,
    )
    return zip_bytes(content.members, moment or datetime.datetime.now(VN))
