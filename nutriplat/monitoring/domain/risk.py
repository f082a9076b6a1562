"""One case per client: the risk score of a client's open signals (alerts).

Each signal contributes ``WEIGHTS[rule] × SEVERITY_FACTOR[severity]`` points; the score is
their sum, capped at 100. The weights say how strongly a rule foretells what the service
exists to prevent (an unplanned admission, weight loss > 5 %): measured weight loss and a
collapse of intake count most, a missed delivery or an unrecorded day least (they are
signs that nobody looked, not of decline). The severity follows the score (``BANDS``), so
it rises and falls with the signals. Changing a weight or a band is a new ``VERSION``:
each case stores the version that scored it."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

VERSION = "2026-12.1"

# Points of a rule's signal at severity "high" (before the severity factor).
WEIGHTS: dict[str, int] = {
    "weight_loss": 45,              # weight trend: the strongest predictor of a bad outcome
    "intake_below_50_3_days": 40,   # intake: eating less than half for days
    "risk_increased": 35,           # screening risk went up
    "intake_below_75_7_days": 25,   # intake: a week below three quarters
    "fluid_below_target": 20,       # fluid: dehydration risk in older people
    "deliveries_missed": 15,        # missed deliveries: nobody saw the client
    "no_intake_recorded": 10,       # nobody recorded: a gap in what we know
    "recent_discharge": 30,         # back from hospital: the weeks when intake and weight slip
}
SEVERITY_FACTOR = {"low": 0.5, "medium": 0.8, "high": 1.0}
DEFAULT_WEIGHT = 15  # a rule added before its weight is set still counts
MAX_SCORE = 100
# The lowest score of each severity, highest first.
BANDS = (("high", 50), ("medium", 25), ("low", 0))
BANDS_ORDER = ("low", "medium", "high")

# The kind of signal each rule is, as the issue names them.
KINDS = {"weight_loss": "weight_trend", "intake_below_50_3_days": "intake", "intake_below_75_7_days": "intake",
         "fluid_below_target": "fluid", "risk_increased": "screening_risk", "deliveries_missed": "missed_deliveries",
         "no_intake_recorded": "intake_not_recorded", "recent_discharge": "recent_discharge"}
ACTIONS = ("call", "visit", "plan_change", "rescreen", "involve_gp")
# What to do first about the case's strongest signal.
ACTION_FOR = {"weight_loss": "visit", "intake_below_50_3_days": "plan_change", "intake_below_75_7_days": "plan_change",
              "fluid_below_target": "call", "risk_increased": "rescreen", "deliveries_missed": "call",
              "no_intake_recorded": "call", "recent_discharge": "visit"}
# Weight loss together with a collapse of intake is more than a plan can fix alone.
GP_WHEN_TOGETHER = frozenset({"weight_loss", "intake_below_50_3_days"})


@dataclass(frozen=True)
class Signal:
    """An open alert as the score sees it."""

    alert_id: int
    rule: str
    severity: str
    cause: str


@dataclass(frozen=True)
class Contribution:
    alert_id: int
    rule: str
    kind: str
    severity: str
    points: int
    cause: str

    def as_dict(self) -> dict[str, object]:
        return {"alert_id": self.alert_id, "rule": self.rule, "kind": self.kind, "severity": self.severity,
                "points": self.points, "cause": self.cause}


@dataclass(frozen=True)
class Assessment:
    risk_score: int
    severity: str
    contributions: tuple[Contribution, ...]  # strongest first
    reason: str
    suggested_action: str


def points(signal: Signal) -> int:
    return round(WEIGHTS.get(signal.rule, DEFAULT_WEIGHT) * SEVERITY_FACTOR.get(signal.severity, 1.0))


def severity_of(score: int) -> str:
    return next(name for name, lowest in BANDS if score >= lowest)


def assess(signals: Sequence[Signal]) -> Assessment | None:
    """None without signals: there is no case to make."""
    if not signals:
        return None
    contributions = tuple(sorted(
        (Contribution(s.alert_id, s.rule, KINDS.get(s.rule, s.rule), s.severity, points(s), s.cause)
         for s in signals), key=lambda c: (-c.points, c.rule, c.alert_id)))
    score = min(MAX_SCORE, sum(c.points for c in contributions))
    top = contributions[0]
    rules = {c.rule for c in contributions}
    action = "involve_gp" if rules >= GP_WHEN_TOGETHER else ACTION_FOR.get(top.rule, "call")
    more = len(contributions) - 1
    reason = top.cause if not more else f"{top.cause} (+{more} more signal{'s' if more > 1 else ''})"
    return Assessment(score, severity_of(score), contributions, reason[:500], action)


def change_reason(before: Assessment | None, after: Assessment | None) -> str:
    """Why a case changed, in one line for its history."""
    old = {c.rule for c in before.contributions} if before else set()
    new = {c.rule for c in after.contributions} if after else set()
    parts = [f"+{rule}" for rule in sorted(new - old)] + [f"-{rule}" for rule in sorted(old - new)]
    if before and after and before.severity != after.severity:
        parts.append(f"severity {before.severity} → {after.severity}")
    if before and after and before.risk_score != after.risk_score:
        parts.append(f"score {before.risk_score} → {after.risk_score}")
    return "; ".join(parts) or "signals updated"
