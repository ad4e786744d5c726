"""All form versions found in a folder, and which one applies to a given period.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ... import __version__
from ..durable import atomic_write
from ..messages import AppError, Text
from .model import Form
from .schema import SCHEMA_PATH


def load_form_file(path: Path) -> Form:
    # The loader (YAML, JSON schema) is imported only when a form is not in the cache:
    # a normal start reads pickles and never pays for it (~70 ms, -X importtime).
    from .loader import load_form_file as load

    return load(path)


# A cache entry that is missing, damaged, or not a (stamp, form) pair (an older layout).
_UNREADABLE_CACHE = (
    OSError,
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    TypeError,
    ValueError,
)


def _cache_stamp(path: Path) -> tuple[str, bytes, bytes]:
    """What a cached form must have been read from: the application version, the form's
    bytes and the schema's bytes, compared whole (cheaper than hashing them, and no
    collision can serve a stale form)."""
    schema = SCHEMA_PATH.read_bytes() if SCHEMA_PATH.exists() else b""
    return __version__, path.read_bytes(), schema


def _load_cached(path: Path, cache_dir: Path | None) -> Form:
    """A form checked once is kept, pickled with the bytes it was read from: the schema
    check costs ~0.2 s per start on an old PC. An edited form, schema or application, or
    a damaged cache entry, is simply read again from the YAML."""
    if cache_dir is None:
        return load_form_file(path)
    entry = cache_dir / f"{path.stem}.pickle"
    stamp = _cache_stamp(path)
    try:
        cached_stamp, form = pickle.loads(entry.read_bytes())
        if cached_stamp == stamp and isinstance(form, Form):
            return form
    except _UNREADABLE_CACHE:
        pass
    form = load_form_file(path)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # Not synced: a cache entry torn by a power cut fails to unpickle and is rebuilt,
        # and the fsyncs would cost a first start tens of milliseconds on an old PC.
        atomic_write(
            entry, pickle.dumps((stamp, form), protocol=pickle.HIGHEST_PROTOCOL), sync=False
        )
    except OSError:
        pass  # a read-only cache only costs speed
    return form


def years_text(first: int, last: int | None) -> str:
    """How a span of reporting years is written: "2017–2021", "2026–", "2025"."""
    if last is None:
        return f"{first}–"
    return f"{first}" if last == first else f"{first}–{last}"


@dataclass
class _Version:
    """One version as the registry knows it before it is needed: what it is and which
    years it may cover; the form itself is read (from the cache) on first use."""

    id: str
    version: str
    year: int
    until: int | None
    path: Path | None = None
    cache_dir: Path | None = None
    form: Form | None = None
    source: str = "shipped"  # or a data folder's own: "imported" (a workbook), "published"

    @classmethod
    def of(cls, form: Form) -> _Version:
        return cls(form.id, form.version, form.year, form.until, form=form)

    def load(self) -> Form:
        if self.form is None:
            assert self.path is not None
            self.form = _load_cached(self.path, self.cache_dir)
        return self.form


def _head(path: Path, cache_dir: Path | None, source: str = "shipped") -> _Version:
    """A version's id, version and years, from a small cache entry beside the form's own:
    a start reads every form file's bytes (to know the cache is current) but unpickles only
    the versions it uses (the years before 2026 are many and rarely opened). A missing or
    stale entry reads the form itself, so a bad definition is still refused at start."""
    if cache_dir is not None:
        entry = cache_dir / f"{path.stem}.head"
        stamp = _cache_stamp(path)
        try:
            cached_stamp, head = pickle.loads(entry.read_bytes())
            if cached_stamp == stamp and isinstance(head, tuple) and len(head) == 4:
                return _Version(*head, path=path, cache_dir=cache_dir, source=source)
        except _UNREADABLE_CACHE:
            pass
    form = _load_cached(path, cache_dir)
    if cache_dir is not None:
        head = (form.id, form.version, form.year, form.until)
        with contextlib.suppress(OSError):  # a read-only cache only costs speed
            atomic_write(
                entry, pickle.dumps((stamp, head), protocol=pickle.HIGHEST_PROTOCOL), sync=False
            )
    return _Version(form.id, form.version, form.year, form.until, path, cache_dir, form, source)


class FormRegistry:
    """Every version of every form, and the reporting years each covers.

    A version covers from its ``year`` to its ``until`` if it says one, else to the year
    before the next version's (the newest: every year after). Years no version covers (a
    gap after an ``until``) have no form: ``get`` says so and names what is covered."""

    def __init__(self, forms: list[Form]) -> None:
        self.broken: list[tuple[Path, AppError]] = []
        self._index([_Version.of(f) for f in forms])

    def _index(self, versions: list[_Version]) -> None:
        self._by_id: dict[str, list[_Version]] = {}
        self._versions = {(v.id, v.version): v for v in versions}
        for v in sorted(versions, key=lambda v: (v.id, v.year, v.version)):
            self._by_id.setdefault(v.id, []).append(v)
        self._spans: dict[tuple[str, str], tuple[int, int | None]] = {}
        for form_id, entries in self._by_id.items():
            # A later version of the same year supersedes an earlier one for that year (the
            # earlier stays known by its version, to check packets made with it).
            chain = [
                v
                for i, v in enumerate(entries)
                if i + 1 == len(entries) or entries[i + 1].year != v.year
            ]
            for i, v in enumerate(chain):
                following = chain[i + 1] if i + 1 < len(chain) else None
                if following is not None and v.until is not None and following.year <= v.until:
                    raise _overlap(v.load(), following.load())
                last = v.until
                if last is None and following is not None:
                    last = following.year - 1
                for same in entries:
                    if same.year == v.year:
                        self._spans[(form_id, same.version)] = (v.year, last)

    @classmethod
    def load(
        cls,
        directory: Path,
        cache_dir: Path | None = None,
        *,
        own: Sequence[tuple[Path, str]] = (),
    ) -> FormRegistry:
        """The shipped forms of ``directory`` and a data folder's ``own`` forms, each
        folder with its source ("imported" from a workbook, "published" by the parent).
        A shipped form that fails its checks stops the start (the release is broken); an
        own one is set aside in ``broken`` and the rest work: one bad file must not keep
        a clerk from the reports."""
        registry = cls([])
        versions = [_head(p, cache_dir) for p in sorted(Path(directory).glob("*.yaml"))]
        shipped = {(v.id, v.version) for v in versions}
        for folder, source in own:
            own_cache = cache_dir / source if cache_dir is not None else None
            for path in sorted(Path(folder).glob("*.yaml")):
                try:
                    version = _head(path, own_cache, source)
                except AppError as exc:
                    registry.broken.append((path, exc))
                    continue
                if (version.id, version.version) not in shipped:  # a release's copy wins
                    versions.append(version)
        registry._index(versions)
        return registry

    def source(self, form: Form) -> str:
        """Where a version comes from: "shipped", "imported" or "published" (by the parent)."""
        return self._versions[(form.id, form.version)].source

    def path(self, form: Form) -> Path | None:
        """The definition file a version was read from (None: built in memory)."""
        return self._versions[(form.id, form.version)].path

    def ids(self) -> list[str]:
        return sorted(self._by_id)

    def latest(self) -> list[Form]:
        return [versions[-1].load() for _, versions in sorted(self._by_id.items())]

    def versions(self, form_id: str) -> list[Form]:
        return [v.load() for v in self._by_id.get(form_id, ())]

    def span(self, form: Form) -> tuple[int, int | None]:
        """The first and last reporting year ``form`` covers (None: no end yet)."""
        return self._spans[(form.id, form.version)]

    def years_text(self, form: Form) -> str:
        return years_text(*self.span(form))

    def _covering(self, form_id: str, year: int) -> _Version | None:
        for v in reversed(self._by_id.get(form_id, ())):
            first, last = self._spans[(v.id, v.version)]
            if first <= year and (last is None or year <= last):
                return v
        return None

    def covers(self, form_id: str, year: int) -> bool:
        """True if some version of the form applies to ``year`` (``get`` would succeed)."""
        return self._covering(form_id, year) is not None

    def get(self, form_id: str, year: int | None = None) -> Form:
        """The version that covers ``year``, or the newest overall."""
        versions = self._by_id.get(form_id)
        if not versions:
            known = ", ".join(self.ids()) or "—"
            raise AppError(
                "form.unknown",
                Text(
                    f"Không có biểu mẫu «{form_id}». Các biểu mẫu có: {known}",
                    f"No form «{form_id}». Known forms: {known}",
                ),
                form=form_id,
            )
        if year is None:
            return versions[-1].load()
        found = self._covering(form_id, year)
        if found is None:
            spans = ", ".join(
                dict.fromkeys(years_text(*self._spans[(v.id, v.version)]) for v in versions)
            )
            raise AppError(
                "form.no_version",
                Text(
                    f"Biểu mẫu «{form_id}» không có phiên bản cho năm {year}"
                    f" (các phiên bản áp dụng cho: {spans})",
                    f"Form «{form_id}» has no version for {year} (its versions cover: {spans})",
                ),
                form=form_id,
                year=year,
                covered=spans,
            )
        return found.load()

    def by_version(self, form_id: str, version: str) -> Form | None:
        found = next((v for v in self._by_id.get(form_id, ()) if v.version == version), None)
        return found.load() if found is not None else None


def _overlap(form: Form, following: Form) -> AppError:
    last = form.until
    return AppError(
        "form.overlap",
        Text(
            f"Biểu mẫu «{form.id}»: phiên bản {form.version} ({form.source_path}) áp dụng đến"
            f" năm {last}, trùng với phiên bản {following.version} ({following.source_path})"
            f" bắt đầu từ năm {following.year}. Mỗi năm chỉ được có một phiên bản.",
            f"Form «{form.id}»: version {form.version} ({form.source_path}) covers up to"
            f" {last}, overlapping version {following.version} ({following.source_path}) from"
            f" {following.year}. Each year may have one version only.",
        ),
        form=form.id,
        versions=[form.version, following.version],
    )
