"""An agreement's cohort: the provider's clients that match its definition and whose
consent ``cofinancer_reporting`` holds at the moment the report is made. A withdrawn
consent therefore takes the client out of every later report (issued settlements keep
the aggregates they were computed from)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from nutriplat.clients.vocabulary import CARE_SETTINGS, CONDITIONS
from nutriplat.indicators import attributes
from nutriplat.indicators.measures import Prepared
from nutriplat.indicators.sql import day_number

LISTS = {"conditions_any": CONDITIONS, "care_settings": CARE_SETTINGS,
         "regions": (*sorted(set(attributes.REGIONS.values())), "other")}
FILTERS = (*LISTS, "postal_codes", "referral_organisation_ids", "referred_from", "referred_until",
           "min_age", "max_age")


def definition_errors(definition: Mapping[str, Any]) -> dict[str, str]:
    """Reasons a cohort definition (already typed by the schema) makes no sense."""
    errors = {f"cohort.{key}": "Not a cohort filter." for key in definition if key not in FILTERS}
    for key, allowed in LISTS.items():
        unknown = set(definition.get(key) or ()) - set(allowed)
        if unknown:
            errors[f"cohort.{key}"] = f"Unknown: {', '.join(sorted(unknown))}; allowed: {', '.join(allowed)}."
    if (definition.get("referred_from") and definition.get("referred_until")
            and definition["referred_until"] < definition["referred_from"]):
        errors["cohort.referred_until"] = "Must not be before referred_from."
    if (definition.get("min_age") is not None and definition.get("max_age") is not None
            and definition["max_age"] < definition["min_age"]):
        errors["cohort.max_age"] = "Must not be below min_age."
    return errors


def select_cohort(prep: Prepared, definition: Mapping[str, Any], as_of: datetime, ages_on: date) -> pd.Index:
    """Ids of the clients in the cohort. Care setting means the setting at referral (a
    hospital stay does not take anyone out); ages are counted on ``ages_on``."""
    clients, static = prep.src.clients, prep.static
    keep = pd.Series(True, index=clients.index)
    if wanted := definition.get("conditions_any"):
        named = [attributes.has_condition(clients["conditions"], c).to_numpy() for c in wanted]
        keep &= np.logical_or.reduce(named)
    if wanted := definition.get("care_settings"):
        initial = prep.src.transfers.drop_duplicates("client_id").set_index("client_id")["to_setting"]
        keep &= initial.reindex(clients.index).isin(wanted)
    if wanted := definition.get("regions"):
        keep &= static["region"].isin(wanted)
    if wanted := definition.get("postal_codes"):
        keep &= clients["postal_code"].isin(wanted)
    if wanted := definition.get("referral_organisation_ids"):
        keep &= clients["referral_organisation_id"].isin(wanted)
    referred = clients["referral_day"]
    if definition.get("referred_from"):
        keep &= referred >= day_number(_date(definition["referred_from"]))
    if definition.get("referred_until"):
        keep &= referred <= day_number(_date(definition["referred_until"]))
    ages = attributes.age_years(clients["birth_day"], pd.Timestamp(ages_on))
    if definition.get("min_age") is not None:
        keep &= ages >= definition["min_age"]
    if definition.get("max_age") is not None:
        keep &= ages <= definition["max_age"]
    return clients.index[keep.to_numpy()].intersection(consenting(prep.src.consents, as_of))


def consenting(consents: pd.DataFrame, as_of: datetime) -> pd.Index:
    moment = int(as_of.timestamp())
    valid = (consents["given"] <= moment) & (consents["withdrawn"].isna() | (consents["withdrawn"] > moment))
    return pd.Index(consents.loc[valid, "client_id"].unique())


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
