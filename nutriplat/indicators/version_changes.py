"""What a version changes against the one before it, part by part, so the cofinancer reads
the renegotiation before accepting it. Plain functions over two versions' full terms."""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MEASURED = ("version", "target", "instrument", "measured_by", "data_source", "frequency", "audit_rule")


@dataclass(frozen=True)
class Change:
    part: str  # e.g. "indicators.at_risk_share.target", "cohort", "payment_rules.2"
    before: str | None  # None: added
    after: str | None  # None: removed


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Change]:
    found = []
    old = {item["code"]: item for item in before["indicators"]}
    new = {item["code"]: item for item in after["indicators"]}
    for code in [*old, *(code for code in new if code not in old)]:
        if code not in new or code not in old:
            found.append(Change(f"indicators.{code}", _text(old.get(code)), _text(new.get(code))))
            continue
        found += [Change(f"indicators.{code}.{name}", _text(old[code].get(name)), _text(new[code].get(name)))
                  for name in MEASURED if old[code].get(name) != new[code].get(name)]
    for part in ("cohort", "outcomes"):
        if before[part] != after[part]:
            found.append(Change(part, _text(before[part]), _text(after[part])))
    rules_before, rules_after = before["payment_rules"], after["payment_rules"]
    for n in range(max(len(rules_before), len(rules_after))):
        was = _rule(rules_before[n]) if n < len(rules_before) else None
        now = _rule(rules_after[n]) if n < len(rules_after) else None
        if was != now:
            found.append(Change(f"payment_rules.{n + 1}", was, now))
    return found


def _rule(rule: Mapping[str, Any]) -> str:
    return f"{rule['kind']}: " + ", ".join(f"{name} {value}" for name, value in rule["params"].items())


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
