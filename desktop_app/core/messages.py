"""Bilingual text: every message the core produces carries Vietnamese and English.

The core never picks a language; the CLI and the window do, from the user's setting.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Text:
    vi: str
    en: str

    def pick(self, lang: str = "vi") -> str:
        return self.en if lang == "en" else self.vi

    def both(self) -> str:
        """One line for logs and stderr: Vietnamese first, English after."""
        return self.vi if self.vi == self.en else f"{self.vi} / {self.en}"

    def as_dict(self) -> dict[str, str]:
        return {"vi": self.vi, "en": self.en}

    def format(self, **kwargs: Any) -> Text:
        return Text(self.vi.format(**kwargs), self.en.format(**kwargs))


class AppError(Exception):
    """A refused input: a code scripts can match, and a message in both languages.

    The CLI turns it into exit status 1 with the message on stderr; the window shows it.
    """

    def __init__(self, code: str, message: Text, **details: Any) -> None:
        super().__init__(message.both())
        self.code = code
        self.message = message
        self.details = details

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message.as_dict(), **self.details}
