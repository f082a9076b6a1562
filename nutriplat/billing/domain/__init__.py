"""Pure billing calculations: no Flask, no database; plain values in, frozen values out.

- ``Month`` and ``overlap_days`` live in ``nutriplat.periods`` (shared by every area).
- ``proration``: ``prorate(monthly, days, days_in_month, count)`` — a full month is the
  monthly price exactly; ``month_fraction`` for the quantity a line shows.
- ``timeline``: ``replay(start, plan_id, changes)`` → spans; ``usage(spans, month)``.
- ``vat``: default Belgian rates per line kind, ``breakdown(lines)`` per rate.
- ``lines``: ``Line``, ``totals(lines)`` (total = line amounts + VAT as shown).
- ``composition``: ``compose(ClientMonth)`` → the client's invoice and what each
  cofinancer pays (shares, vouchers); ``cofinancer.cofinancer_lines`` aggregates them.
- ``segment_membership``: membership from attributes held on a day.
- ``vouchers``, ``coins``, ``commissions``: budgets, balances and referral rules.
"""
