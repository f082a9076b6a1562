"""A refusal's texts in the user's language, chosen by its stable codes (``DomainError.reason``
and ``.coded``) rather than by its English text, which carries values (a month, a line, a
list of measures) no catalogue entry could match. A page passes its table to
``Form.handling(texts=...)``; a code it does not know keeps the API's English."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nutriplat.errors import DomainError


@dataclass(frozen=True)
class CodedTexts:
    reasons: Mapping[str, Any]  # refusal code -> lazy text of the refusal as a whole
    problems: Mapping[str, Any]  # problem code -> lazy text with %(name)s placeholders

    def message(self, error: DomainError) -> str:
        found = self.reasons.get(error.reason or "")
        return error.message if found is None else str(found)

    def problem(self, code: str, params: Mapping[str, Any], english: str) -> str:
        found = self.problems.get(code)
        try:
            return english if found is None else str(found) % dict(params)
        except (KeyError, TypeError, ValueError):  # a catalogue entry that names another value
            return english

    def fields(self, error: DomainError) -> dict[str, list[str]]:
        """Each field's reasons translated by code, in the order the error lists them."""
        out = {}
        for name, texts in error.errors.items():
            coded = error.coded.get(name, [])
            out[name] = [self.problem(code, params, text) for (code, params), text in zip(coded, texts, strict=True)] \
                if len(coded) == len(texts) else list(texts)
        return out
