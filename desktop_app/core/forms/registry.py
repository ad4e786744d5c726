"""All form versions found in a folder, and which one applies to a given period."""

from __future__ import annotations

import pickle
from pathlib import Path

from ... import __version__
from ..messages import AppError, Text
from .model import Form
from .schema import SCHEMA_PATH


def load_form_file(path: Path) -> Form:
    # The loader (YAML, JSON schema) is imported only when a form is not in the cache:
    # a normal start reads pickles and never pays for it.
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
        temporary = entry.with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps((stamp, form), protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(entry)
    except OSError:
        pass  # a read-only cache only costs speed
    return form


class FormRegistry:
    def __init__(self, forms: list[Form]) -> None:
        self._by_id: dict[str, list[Form]] = {}
        for form in sorted(forms, key=lambda f: (f.id, f.year, f.version)):
            self._by_id.setdefault(form.id, []).append(form)

    @classmethod
    def load(cls, directory: Path, cache_dir: Path | None = None) -> FormRegistry:
        paths = sorted(Path(directory).glob("*.yaml"))
        return cls([_load_cached(p, cache_dir) for p in paths])

    def ids(self) -> list[str]:
        return sorted(self._by_id)

    def latest(self) -> list[Form]:
        return [versions[-1] for _, versions in sorted(self._by_id.items())]

    def versions(self, form_id: str) -> list[Form]:
        return list(self._by_id.get(form_id, ()))

    def covers(self, form_id: str, year: int) -> bool:
        """True if some version of the form applies to ``year`` (``get`` would succeed)."""
        return any(f.year <= year for f in self._by_id.get(form_id, ()))

    def get(self, form_id: str, year: int | None = None) -> Form:
        """The version for ``year`` (the newest one not after it), or the newest overall."""
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
            return versions[-1]
        eligible = [f for f in versions if f.year <= year]
        if not eligible:
            raise AppError(
                "form.no_version",
                Text(
                    f"Biểu mẫu «{form_id}» chưa có phiên bản cho năm {year} "
                    f"(sớm nhất: {versions[0].year})",
                    f"Form «{form_id}» has no version for {year} (earliest: {versions[0].year})",
                ),
                form=form_id,
            )
        return eligible[-1]

    def by_version(self, form_id: str, version: str) -> Form | None:
        return next((f for f in self._by_id.get(form_id, ()) if f.version == version), None)
