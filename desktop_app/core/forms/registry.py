"""All form versions found in a folder, and which one applies to a given period."""

from __future__ import annotations

from pathlib import Path

from ..messages import AppError, Text
from .loader import load_form_file
from .model import Form


class FormRegistry:
    def __init__(self, forms: list[Form]) -> None:
        self._by_id: dict[str, list[Form]] = {}
        for form in sorted(forms, key=lambda f: (f.id, f.year, f.version)):
            self._by_id.setdefault(form.id, []).append(form)

    @classmethod
    def load(cls, directory: Path) -> FormRegistry:
        return cls([load_form_file(p) for p in sorted(Path(directory).glob("*.yaml"))])

    def ids(self) -> list[str]:
        return sorted(self._by_id)

    def latest(self) -> list[Form]:
        return [versions[-1] for _, versions in sorted(self._by_id.items())]

    def versions(self, form_id: str) -> list[Form]:
        return list(self._by_id.get(form_id, ()))

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
