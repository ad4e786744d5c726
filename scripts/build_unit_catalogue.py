"""Regenerate the unit catalogues in resources/units/ from the `vietnam-provinces` wheels.

    python scripts/build_unit_catalogue.py [--wheel-dir DIR] [--out DIR] [--check]

Release 0.6.0 of the package holds the pre-2025 structure (province → district →
commune), release 2025.10.1 the one in force since 1 July 2025 (province → commune).
The two cannot be installed side by side, and the application should not need either
at run time, so this script downloads both wheels with pip, reads their JSON straight
out of the zip and writes one diffable file per structure (DESIGN §1):

    {"catalogue": "legacy", "source": "vietnam-provinces 0.6.0", "data_version": ...}
    ["06","Tỉnh Bắc Kạn","province",null]
    ["064","Huyện Chợ Đồn","district","06"]
    ["02080","Xã Bình Trung","commune","064"]

Names are made official and uniform on the way (each change is printed):
- NFC, single spaces, ASCII apostrophe and hyphen (the 2025 data mixes in ’ and –);
- the type word always present and spelled one way: 2025.10.1 drops "Tỉnh" from
  province names ("Thái Nguyên" → "Tỉnh Thái Nguyên"), 0.6.0 has "Thành Phố Bắc Kạn";
- every syllable of the proper name capitalised, as Vietnamese proper names are
  ("Xã Đại áng" → "Xã Đại Áng", "Xã Đắk song" → "Xã Đắk Song").
A name whose type word does not fit its level stops the script: check the new data.

Standard library only, so it runs on a fresh machine with nothing but pip.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

PACKAGE = "vietnam-provinces"
RELEASES = {"legacy": "0.6.0", "current": "2025.10.1"}
OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "units"
FIELDS = ["code", "name", "level", "parent_code"]
CODE_WIDTH = {"province": 2, "district": 3, "commune": 5}

# Type words by level, longest first so "Thành phố" wins over a shorter match.
TYPE_WORDS = {
    "province": ("Thành phố", "Tỉnh"),
    "district": ("Thành phố", "Thị xã", "Huyện", "Quận"),
    "commune": ("Thị trấn", "Đặc khu", "Phường", "Xã"),
}
# 2025.10.1 names provinces without their type word; its division_type says which.
PROVINCE_TYPE_WORD = {"tỉnh": "Tỉnh", "thành phố trung ương": "Thành phố"}
# 2025.10.1 commune division types, to cross-check the type word in the name.
COMMUNE_TYPE_WORD = {"xã": "Xã", "phường": "Phường", "đặc khu": "Đặc khu"}
PUNCTUATION = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})


class DataError(Exception):
    pass


def fetch_wheel(version: str, wheel_dir: Path) -> Path:
    """The wheel of `version` in `wheel_dir`, downloaded there by pip unless already present."""
    pattern = f"vietnam_provinces-{version}-*.whl"
    found = sorted(wheel_dir.glob(pattern))
    if not found:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
        command += ["--disable-pip-version-check", "--quiet", f"{PACKAGE}=={version}"]
        subprocess.run(
            [*command, "-d", str(wheel_dir)],
            check=True,
        )
        found = sorted(wheel_dir.glob(pattern))
    if not found:
        raise DataError(f"pip did not leave {pattern} in {wheel_dir}")
    return found[0]


def read_wheel(wheel: Path) -> tuple[list[dict], str]:
    """The nested divisions and the data retrieval date the package declares."""
    with zipfile.ZipFile(wheel) as archive:
        tree = json.loads(archive.read("vietnam_provinces/data/nested-divisions.json"))
        init = archive.read("vietnam_provinces/__init__.py").decode("utf-8")
    match = re.search(r"""__data_version__\s*=\s*['"]([^'"]+)['"]""", init)
    if not match:
        raise DataError(f"no __data_version__ in {wheel.name}")
    return tree, match.group(1)


class NameCleaner:
    """Makes names official and uniform; remembers what it changed for the log."""

    def __init__(self) -> None:
        self.changes: list[tuple[str, str]] = []

    def __call__(self, raw: str, level: str, type_word: str | None = None) -> str:
        text = unicodedata.normalize("NFC", raw).translate(PUNCTUATION)
        words = text.split()
        prefix = self._type_word(words, level)
        if prefix is None:
            if type_word is None:
                raise DataError(f"{raw!r}: no {level} type word")
            prefix, rest = type_word, words
        else:
            rest = words[len(prefix.split()) :]
            if type_word is not None and prefix != type_word:
                raise DataError(f"{raw!r}: type word is not {type_word!r}")
        if not rest:
            raise DataError(f"{raw!r}: a type word without a name")
        name = " ".join([prefix, *(w[:1].upper() + w[1:] for w in rest)])
        if name != raw:
            self.changes.append((raw, name))
        return name

    @staticmethod
    def _type_word(words: list[str], level: str) -> str | None:
        for candidate in TYPE_WORDS[level]:
            size = len(candidate.split())
            if " ".join(words[:size]).casefold() == candidate.casefold():
                return candidate
        return None


def code(value: int, level: str) -> str:
    return str(value).zfill(CODE_WIDTH[level])


def legacy_rows(tree: list[dict], clean: NameCleaner) -> list[list]:
    rows: list[list] = []
    for province in sorted(tree, key=lambda p: p["code"]):
        p_code = code(province["code"], "province")
        rows.append([p_code, clean(province["name"], "province"), "province", None])
        for district in sorted(province["districts"], key=lambda d: d["code"]):
            d_code = code(district["code"], "district")
            rows.append([d_code, clean(district["name"], "district"), "district", p_code])
            for ward in sorted(district["wards"], key=lambda w: w["code"]):
                name = clean(ward["name"], "commune")
                rows.append([code(ward["code"], "commune"), name, "commune", d_code])
    return rows


def current_rows(tree: list[dict], clean: NameCleaner) -> list[list]:
    rows: list[list] = []
    for province in sorted(tree, key=lambda p: p["code"]):
        if "districts" in province:
            raise DataError("the current structure should have no districts")
        p_code = code(province["code"], "province")
        type_word = PROVINCE_TYPE_WORD[province["division_type"]]
        rows.append([p_code, clean(province["name"], "province", type_word), "province", None])
        for ward in sorted(province["wards"], key=lambda w: w["code"]):
            name = clean(ward["name"], "commune", COMMUNE_TYPE_WORD[ward["division_type"]])
            rows.append([code(ward["code"], "commune"), name, "commune", p_code])
    return rows


def check_rows(rows: list[list]) -> None:
    codes = [row[0] for row in rows]
    if len(set(codes)) != len(codes):
        raise DataError("duplicate codes")
    known = set(codes)
    for unit_code, _name, _level, parent in rows:
        if parent is not None and parent not in known:
            raise DataError(f"{unit_code}: parent {parent} missing")


def render(catalogue: str, version: str, data_version: str, wheel: Path, rows: list[list]) -> str:
    header = {
        "catalogue": catalogue,
        "source": f"{PACKAGE} {version}",
        "data_version": data_version,
        "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "count": len(rows),
        "fields": FIELDS,
    }
    lines = [json.dumps(header, ensure_ascii=False)]
    # Compact rows: the legacy file has ~11,000 of them.
    lines += [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows]
    return "\n".join(lines) + "\n"


def build(wheel_dir: Path) -> dict[str, str]:
    """File name → content for every catalogue."""
    builders = {"legacy": legacy_rows, "current": current_rows}
    outputs: dict[str, str] = {}
    for catalogue, version in RELEASES.items():
        wheel = fetch_wheel(version, wheel_dir)
        tree, data_version = read_wheel(wheel)
        clean = NameCleaner()
        rows = builders[catalogue](tree, clean)
        check_rows(rows)
        for old, new in clean.changes:
            print(f"{catalogue}: {old!r} -> {new!r}", file=sys.stderr)
        levels = {level: sum(r[2] == level for r in rows) for level in CODE_WIDTH}
        print(f"{catalogue}: {PACKAGE} {version} ({data_version}): {levels}", file=sys.stderr)
        outputs[f"{catalogue}.jsonl"] = render(catalogue, version, data_version, wheel, rows)
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel-dir", type=Path, help="use (or keep) the wheels here")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="default: resources/units")
    parser.add_argument("--check", action="store_true", help="exit 1 if a file would change")
    args = parser.parse_args(argv)

    try:
        if args.wheel_dir:
            args.wheel_dir.mkdir(parents=True, exist_ok=True)
            outputs = build(args.wheel_dir)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                outputs = build(Path(tmp))
    except (DataError, subprocess.CalledProcessError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    stale = []
    for file_name, content in outputs.items():
        path = args.out / file_name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        stale.append(path)
        if not args.check:
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path}", file=sys.stderr)
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
