"""One day of the week as a CP-SAT model.

Texture, allergens, preparation mode and slot are hard by construction: only allowed
variants become variables. The nutrient targets are hard in intent but elastic in the
model (a shortfall variable with a weight far above every soft goal), so the solver
always returns the closest day, and the day is infeasible exactly when that shortfall is
not zero. Soft goals (goals.py) see the dishes already fixed on the days around."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from nutriplat.mealplans.domain import goals, rules
from nutriplat.mealplans.domain import nutrition as n
from nutriplat.mealplans.domain.values import Item, Meal, Variant, WeekProblem, meals_of

GAP_LIMIT = 10**9  # tenths; far beyond any day's total


@dataclass(frozen=True)
class Weights:
    """Objective weights. A hard target is worth PER_MILLE per 0.1 % of it missed, which
    outweighs any mix of soft goals a day can hold."""

    per_mille: int = 1_000_000
    missing_course: int = 200_000_000
    supplement: int = 50_000
    dislike: int = 2_000
    repeat: int = 1_000
    budget_cent: int = 1
    preference: int = 300
    preparation_kind: int = 100
    extra_serving: int = 5


def _sum(variables: Iterable[cp_model.IntVar]) -> cp_model.LinearExpr:
    return cp_model.LinearExpr.sum(list(variables))  # much faster than Python's sum()


def candidates(problem: WeekProblem) -> dict[tuple[str, str], list[Variant]]:
    """What the client may have, by (slot, course): the only variants that become variables."""
    found = defaultdict(list)
    for variant in problem.catalogue:
        if not rules.refusals(variant, problem.profile):
            for slot in variant.slots:
                found[(slot, variant.course)].append(variant)
    return found


@dataclass
class Choice:
    """A decision: how many times ``per`` portions of a variant are served at one meal."""

    var: cp_model.IntVar
    variant: Variant
    meal: Meal
    per: float


@dataclass
class DayModel:
    problem: WeekProblem
    day: int
    # Dish uses fixed outside this model: days already planned, locked items, the days
    # before the week; keyed by (day, dish id). The no-repeat goal reads them.
    fixed_uses: Counter[tuple[int, int]]
    candidates: Mapping[tuple[str, str], list[Variant]]  # see candidates()
    budget_cents: int | None = None
    weights: Weights = field(default_factory=Weights)
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    choices: list[Choice] = field(default_factory=list)
    terms: list[tuple[cp_model.IntVar, int]] = field(default_factory=list)  # the objective
    locks: list[Item] = field(default_factory=list)  # this day's locked items

    def build(self) -> DayModel:
        self.locks = [lock for lock in self.problem.locks if lock.day == self.day]
        for meal in meals_of(self.problem.profile.slots):
            self._meal(meal, [lock for lock in self.locks if lock.meal == meal])
        self._supplement_cap()
        self._targets(n.Bounds.of(self.problem.targets[self.day]))
        goals.add_soft_goals(self)
        self.model.minimize(cp_model.LinearExpr.weighted_sum(*zip(*self.terms, strict=True)) if self.terms else 0)
        return self

    def penalise(self, var: cp_model.IntVar, weight: int) -> None:
        """Add ``weight`` per unit of ``var`` to the objective (negative: a bonus)."""
        if weight:
            self.terms.append((var, weight))

    def locked_variants(self, locks: list[Item] | None = None) -> list[Variant]:
        return [self.problem.by_id[lock.variant_id] for lock in (self.locks if locks is None else locks)]

    def _choose(self, meal: Meal, course: str, most: int = 1) -> list[Choice]:
        made = [Choice(self.model.new_int_var(0, most, f"{meal}:{v.id}"), v, meal,
                       rules.standard_portions(v, self.problem.profile))
                for v in self.candidates.get((meal.slot, course), ())]
        self.choices += made
        return made

    def _meal(self, meal: Meal, locks: list[Item]) -> None:
        taken = Counter(v.course for v in self.locked_variants(locks))
        for course, (fewest, most) in rules.STRUCTURE[meal.slot].items():
            chosen = _sum(c.var for c in self._choose(meal, course))
            self.model.add(chosen <= max(0, most - taken[course]))
            if (need := max(0, fewest - taken[course])) > 0:
                missing = self.model.new_int_var(0, need, f"missing {meal} {course}")
                self.model.add(chosen + missing >= need)
                self.penalise(missing, self.weights.missing_course)
        supplements = self._choose(meal, "supplement")
        self.model.add(_sum(c.var for c in supplements)
                       <= max(0, rules.SUPPLEMENTS_PER_MEAL - taken["supplement"]))
        self._drinks(meal, locks, taken["drink"])

    def _drinks(self, meal: Meal, locks: list[Item], locked_drinks: int) -> None:
        made = self._choose(meal, "drink", rules.SERVINGS_PER_MEAL)
        used = []
        for choice in made:
            on = self.model.new_bool_var(f"uses {choice.var.name}")
            self.model.add(choice.var <= rules.SERVINGS_PER_MEAL * on)
            used.append(on)
            self.penalise(choice.var, self.weights.extra_serving)
        self.model.add(_sum(used) <= max(0, rules.DRINKS_PER_MEAL - locked_drinks))
        poured = round(sum(lock.portions for lock, v in zip(locks, self.locked_variants(locks), strict=True)
                           if v.course == "drink"))
        self.model.add(_sum(c.var for c in made) <= max(0, rules.SERVINGS_PER_MEAL - poured))

    def _supplement_cap(self) -> None:
        taken = sum(v.course == "supplement" for v in self.locked_variants())
        planned = [c.var for c in self.choices if c.variant.course == "supplement"]
        self.model.add(_sum(planned) <= max(0, self.problem.profile.max_supplements_per_day - taken))

    def _total(self, nutrient: str) -> cp_model.LinearExpr:
        fixed = sum(n.units(v, nutrient, lock.portions)
                    for lock, v in zip(self.locks, self.locked_variants(), strict=True))
        return fixed + cp_model.LinearExpr.weighted_sum(
            [c.var for c in self.choices], [n.units(c.variant, nutrient, c.per) for c in self.choices])

    def _targets(self, bounds: n.Bounds) -> None:
        energy = self._total("energy_kcal")
        limits = (("energy_low", energy, bounds.energy_min, 1),
                  ("energy_high", energy, bounds.energy_max, -1),
                  ("protein_low", self._total("protein_g"), bounds.protein_min, 1),
                  ("fluid_low", self._total("fluid_ml"), bounds.fluid_min, 1))
        for name, total, bound, sign in limits:
            gap = self.model.new_int_var(0, GAP_LIMIT, name)
            self.model.add(total + gap >= bound if sign > 0 else total - gap <= bound)
            # Weighted per 0.1 % of the target, so 5 % short in protein weighs as much as
            # 5 % short in fluid whatever their units.
            reference = max(1, bounds.energy_min if name.startswith("energy") else bound)
            self.penalise(gap, -(-self.weights.per_mille * 1000 // reference))
