"""How each instrument's answer keys are asked on a form, and how the posted strings
become the typed answers the screening domain validates (it is strict: true, not
"true"). Keys and choices come from the domain modules; a test checks they match."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from nutriplat.screening.domain import glim, mna_sf, snaq
from nutriplat.webapp.forms import as_number

YES_NO, NUMBER, INTEGER, CHOICE, PERIOD, ITEMS = "yes_no", "number", "integer", "choice", "period", "items"
NO_PERIOD = "none"  # NRS-2002: "no period with > 5 % loss" is the answer null


@dataclass(frozen=True)
class Question:
    key: str
    kind: str
    label: object
    options: tuple[Any, ...] = ()  # choice values; integer range
    unit: str = ""


def _choices(key: str, label: object, values: Any) -> Question:
    return Question(key, CHOICE, label, tuple(values))


BMI = Question("bmi", NUMBER, _l("BMI"), unit="kg/m²")
LOSS = Question("weight_loss_percent", NUMBER, _l("Weight loss"), unit="%")
QUESTIONS: Mapping[str, tuple[Question, ...]] = {
    "must": (BMI, Question("weight_loss_percent", NUMBER, _l("Unplanned weight loss in 3–6 months"), unit="%"),
             Question("acute_disease_no_intake_5_days", YES_NO,
                      _l("Acutely ill and no nutritional intake for more than 5 days"))),
    "mna_sf": (
        _choices("food_intake_decline", _l("A. Food intake declined over the past 3 months"),
                 mna_sf.POINTS["food_intake_decline"]),
        _choices("weight_loss", _l("B. Weight loss during the last 3 months"), mna_sf.POINTS["weight_loss"]),
        _choices("mobility", _l("C. Mobility"), mna_sf.POINTS["mobility"]),
        Question("acute_stress_or_disease", YES_NO,
                 _l("D. Psychological stress or acute disease in the past 3 months")),
        _choices("neuropsychological", _l("E. Neuropsychological problems"),
                 mna_sf.POINTS["neuropsychological"]),
        Question("bmi", NUMBER, _l("F1. BMI"), unit="kg/m²"),
        Question("calf_circumference_cm", NUMBER, _l("F2. Calf circumference (when no BMI)"), unit="cm")),
    "nrs_2002": (
        Question("bmi_below_20_5", YES_NO, _l("Is the BMI below 20.5?")),
        Question("weight_loss_3_months", YES_NO, _l("Has the patient lost weight in the last 3 months?")),
        Question("reduced_intake_last_week", YES_NO, _l("Has the food intake been reduced in the last week?")),
        Question("severely_ill", YES_NO, _l("Is the patient severely ill?")),
        Question("weight_loss_5pct_within_months", PERIOD, _l("Weight loss over 5 % within"), (1, 2, 3)),
        Question("weight_loss_percent_3_months", NUMBER, _l("Weight loss over 3 months"), unit="%"),
        Question("intake_percent_of_requirement", NUMBER, _l("Food intake as a percentage of requirement"), unit="%"),
        BMI,
        Question("impaired_general_condition", YES_NO, _l("General condition impaired")),
        Question("disease_severity", INTEGER, _l("Severity of disease (0–3)"), (0, 1, 2, 3)),
        Question("age", INTEGER, _l("Age"), unit=_l("years"))),
    "snaq": (
        _choices("weight_loss", _l("Unintentional weight loss"), snaq.WEIGHT_LOSS_POINTS),
        Question("decreased_appetite_last_month", YES_NO, _l("Decreased appetite over the last month")),
        Question("supplements_or_tube_feeding_last_month", YES_NO,
                 _l("Supplemental drinks or tube feeding over the last month"))),
    "snaq65": (
        Question("muac_cm", NUMBER, _l("Mid-upper arm circumference"), unit="cm"),
        Question("weight_loss_4kg_6_months", YES_NO, _l("Lost more than 4 kg in the last 6 months")),
        Question("poor_appetite_last_week", YES_NO, _l("Poor appetite in the last week")),
        Question("difficulty_stairs_or_walking", YES_NO,
                 _l("Difficulty climbing 15 stairs or walking 5 minutes outside"))),
    "eat_10": (Question("items", ITEMS, _l("EAT-10 statements (0 = no problem, 4 = severe problem)"),
                        tuple(range(1, 11))),),
    "glim": (
        LOSS, _choices("weight_loss_period", _l("Period of the weight loss"), glim.PERIODS), BMI,
        Question("age", INTEGER, _l("Age"), unit=_l("years")),
        _choices("reduced_muscle_mass", _l("Reduced muscle mass"), ("none", "mild_moderate", "severe")),
        Question("reduced_intake", YES_NO, _l("Reduced food intake or assimilation")),
        Question("inflammation", YES_NO, _l("Inflammation (disease burden)"))),
}

# The ten statements of EAT-10, each scored 0 (no problem) to 4 (severe problem).
EAT10_STATEMENTS = (
    _l("My swallowing problem has caused me to lose weight."),
    _l("My swallowing problem interferes with my ability to go out for meals."),
    _l("Swallowing liquids takes extra effort."),
    _l("Swallowing solids takes extra effort."),
    _l("Swallowing pills takes extra effort."),
    _l("Swallowing is painful."),
    _l("The pleasure of eating is affected by my swallowing."),
    _l("When I swallow, food sticks in my throat."),
    _l("I cough when I eat."),
    _l("Swallowing is stressful."),
)


def answers_from_form(code: str, form: Mapping[str, str]) -> dict[str, Any]:
    """The typed answers of the filled-in fields ``answers.<key>``; blank fields are
    left out so the domain derives them (or says they are required). A value that does
    not parse is passed on as typed: the domain's own message then names the field."""
    answers: dict[str, Any] = {}
    for q in QUESTIONS[code]:
        if q.kind == ITEMS:
            raw = [form.get(f"answers.{q.key}.{i}", "").strip() for i in q.options]
            if any(raw):
                answers[q.key] = [_integer(v) if v else None for v in raw]
            continue
        value = form.get(f"answers.{q.key}", "").strip()
        if value:
            answers[q.key] = _typed(q.kind, value)
    return answers


def form_from_answers(code: str, answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The fields ``answers_from_form`` reads, filled in with stored answers (a correction
    starts from what was answered); answers the domain derived stay blank."""
    fields: list[tuple[str, str]] = []
    for q in QUESTIONS[code]:
        if q.key not in answers:
            continue
        value = answers[q.key]
        if q.kind == ITEMS:
            fields += [(f"answers.{q.key}.{i}", "" if v is None else str(v))
                       for i, v in zip(q.options, value, strict=False)]
        elif value is None:
            fields.append((f"answers.{q.key}", NO_PERIOD if q.kind == PERIOD else ""))
        else:
            fields.append((f"answers.{q.key}", str(value).lower() if isinstance(value, bool) else str(value)))
    return fields


def _typed(kind: str, value: str) -> Any:
    if kind == YES_NO:
        return {"true": True, "false": False}.get(value, value)
    if kind == NUMBER:
        number = as_number(value)  # Dutch decimal comma too
        return float(number) if isinstance(number, int) else number
    if kind == INTEGER:
        return _integer(value)
    if kind == PERIOD:
        return None if value == NO_PERIOD else _integer(value)
    return value


def _integer(value: str) -> Any:
    try:
        return int(value)
    except ValueError:
        return value
