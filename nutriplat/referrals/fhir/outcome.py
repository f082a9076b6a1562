"""OperationOutcome: how every refusal under /fhir reads, one issue per problem."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fhir.resources.R4B.operationoutcome import OperationOutcome

# HTTP status → the issue type a client can act on.
ISSUE_CODE = {400: "structure", 401: "login", 403: "forbidden", 404: "not-found", 405: "not-supported",
              409: "conflict", 415: "not-supported", 422: "invalid", 429: "throttled"}


@dataclass(frozen=True)
class Issue:
    """One problem: what is wrong, and where (a FHIRPath expression) when it is in the resource."""

    diagnostics: str
    expression: str | None = None


class InvalidResource(Exception):
    """The resource was refused (422); ``issues`` names each problem."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        super().__init__(f"{len(issues)} problem(s) in the resource")
        self.issues = list(issues)


def fhirpath(resource_type: str, location: Iterable[Any]) -> str:
    """("contained", 0, "birthDate") → ServiceRequest.contained[0].birthDate."""
    path = resource_type
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def operation_outcome(status: int, issues: Sequence[Issue]) -> dict[str, Any]:
    code = ISSUE_CODE.get(status, "exception" if status >= 500 else "processing")
    body = {"resourceType": "OperationOutcome", "issue": [
        {"severity": "error", "code": code, "diagnostics": issue.diagnostics}
        | ({"expression": [issue.expression]} if issue.expression else {})
        for issue in issues] or [{"severity": "error", "code": code}]}
    OperationOutcome.model_validate(body)  # what we send is valid FHIR too
    return body


def issues_of_errors(message: str, errors: Mapping[str, Sequence[str]]) -> list[Issue]:
    """A domain error's field errors, one issue each; the message alone when it has none."""
    found = [Issue(f"{field}: {reason}", None) for field, reasons in errors.items() for reason in reasons]
    return found or [Issue(message)]
