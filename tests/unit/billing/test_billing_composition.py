"""A client's month as an invoice: lines, VAT, healthcoins, cofinancers' shares, vouchers."""
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from nutriplat.billing.domain.cofinancer import AllocationRow, cofinancer_lines
from nutriplat.billing.domain.composition import Charge, ClientMonth, Component, Share, VoucherOffer, compose
from nutriplat.billing.domain.lines import totals
from nutriplat.billing.domain.vat import DEFAULT_VAT_PERCENT

VAT = DEFAULT_VAT_PERCENT
BUNDLE = (Component("package", "Standard package", D("180.00"), 31),
          Component("information_platform", "Information platform", D("9.50"), 31),
          Component("coaching_tool", "Coaching tool", D("14.50"), 31),
          Component("rental", "Freezer rental", D("12.00"), 31))


def test_a_full_month_with_extras_shares_and_a_voucher():
    invoice = compose(ClientMonth(
        31, VAT, BUNDLE, charges=(Charge("extra_meal", "Extra meal", 3, D("8.75"), 7),),
        shares=(Share(1, 50, "Share", "percentage", D("25")),),
        vouchers=(VoucherOffer(9, 4, 50, "Voucher", D("20.00")),)))
    by_kind = {line.kind: line.amount for line in invoice.lines}
    assert by_kind["package"] == D("180.00") and by_kind["extra_meal"] == D("26.25")
    # 6 %: 180 + 26.25 = 206.25 → 12.38 VAT; 21 %: 9.50 + 12 = 21.50 → 4.52 VAT; coaching exempt
    assert [(g.rate, g.base, g.vat) for g in invoice.totals.vat] == [
        (D("21.00"), D("21.50"), D("4.52")), (D("6.00"), D("206.25"), D("12.38")), (D("0.00"), D("14.50"), D("0.00"))]
    assert invoice.gross == D("259.15")
    # subscription part: 180 + 36 = 216 net; VAT 10.80 + 4.52 → 231.32; 25 % = 57.83
    assert by_kind["third_party_share"] == D("-57.83") and by_kind["voucher"] == D("-20.00")
    assert invoice.totals.total == D("181.32") == D("259.15") - D("57.83") - D("20.00")


def test_healthcoins_discount_the_package_and_lower_its_vat():
    invoice = compose(ClientMonth(30, VAT, (Component("package", "Package", D("50.00"), 30),),
                                  redemptions=((1, D("30.00")), (2, D("40.00")))))
    assert invoice.applied_redemptions == ((1, D("30.00")), (2, D("20.00")))  # capped at the package
    assert invoice.totals.total == D("0.00")


def test_a_fixed_share_never_exceeds_the_subscription_part():
    invoice = compose(ClientMonth(31, VAT, (Component("package", "Package", D("100.00"), 3),),
                                  charges=(Charge("extra_meal", "Meal", 2, D("10.00"), 1),),
                                  shares=(Share(1, 5, "Fixed", "fixed", D("40.00")),)))
    share = next(a for a in invoice.allocations if a.kind == "share")
    assert share.amount == D("10.26")  # 100 × 3/31 = 9.68, + 6 % VAT
    assert invoice.totals.total == D("21.20")  # the extras: 20 + 6 % VAT


def test_cofinancer_lines_count_clients_and_name_nobody():
    rows = [AllocationRow("share", 1, "25 % for segment VT", "2026-10", 11, D("40.00")),
            AllocationRow("share", 1, "25 % for segment VT", "2026-10", 12, D("35.50")),
            AllocationRow("voucher", 3, "Winter vouchers", "2026-10", 11, D("20.00"))]
    lines = cofinancer_lines(rows)
    assert [(line.kind, line.amount, line.vat_rate) for line in lines] == [
        ("cofinancing_share", D("75.50"), D("0.00")), ("voucher_funding", D("20.00"), D("0.00"))]
    assert "(2 clients)" in lines[0].description and lines[0].source["clients"] == 2
    assert totals(lines).total == D("95.50")


MONEY = st.decimals(min_value=0, max_value=2000, places=2, allow_nan=False, allow_infinity=False)
KINDS = st.sampled_from(("package", "information_platform", "coaching_tool", "rental"))


@st.composite
def client_months(draw):
    days = draw(st.sampled_from((28, 29, 30, 31)))
    components = draw(st.lists(st.builds(
        Component, KINDS, st.just("c"), MONEY, st.integers(0, days), st.integers(1, 3)), max_size=5))
    charges = draw(st.lists(st.builds(
        Charge, st.sampled_from(("extra_meal", "addon")), st.just("x"), st.integers(1, 40), MONEY,
        st.integers(1, 99)), max_size=3))
    shares = draw(st.lists(st.builds(
        Share, st.integers(1, 9), st.integers(1, 3), st.just("s"), st.sampled_from(("percentage", "fixed")),
        st.decimals(min_value=0, max_value=100, places=2)), max_size=3))
    vouchers = draw(st.lists(st.builds(
        VoucherOffer, st.integers(1, 99), st.integers(1, 9), st.integers(1, 3), st.just("v"), MONEY),
        max_size=3, unique_by=lambda v: v.voucher_id))
    redemptions = draw(st.lists(st.tuples(st.integers(1, 99), MONEY), max_size=2))
    return ClientMonth(days, VAT, tuple(components), tuple(charges), tuple(redemptions),
                       tuple(shares), tuple(vouchers))


@settings(max_examples=150, deadline=None)
@given(client_months())
def test_the_payers_shares_add_up_to_the_gross_and_nobody_pays_below_zero(month):
    invoice = compose(month)
    assert invoice.totals.total + sum(a.amount for a in invoice.allocations) == invoice.gross
    assert invoice.totals.total >= 0 and all(a.amount > 0 for a in invoice.allocations)
    assert invoice.totals.total == invoice.totals.subtotal + invoice.totals.vat_total
    assert invoice.totals.subtotal == sum(line.amount for line in invoice.lines)
    for voucher in month.vouchers:
        used = sum(a.amount for a in invoice.allocations
                   if a.kind == "voucher" and a.reference == voucher.voucher_id)
        assert used <= voucher.value
    package = sum(line.amount for line in invoice.lines if line.kind == "package")
    assert sum(amount for _, amount in invoice.applied_redemptions) <= package
