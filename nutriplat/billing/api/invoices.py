"""/invoices (JSON, CSV, printable page, credit notes, status), /statements (JSON, CSV) and
/voucher-programmes (budgets; cofinancers see their own)."""
from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint

from nutriplat.billing import cofinancing, documents, invoices, statement_sheets, statements
from nutriplat.billing.policy import POLICY
from nutriplat.billing.schemas import cofinancing as cs
from nutriplat.billing.schemas import invoices as schemas
from nutriplat.billing.schemas.ledger import StatementQuerySchema, StatementSchema
from nutriplat.list_views import PAGED_LIST_PAGE_SIZE, Page, paginated
from nutriplat.web import actor, roles_required, uow

blp = Blueprint("invoices", __name__, url_prefix="/api/v1",
                description="Invoices, credit notes, statements and voucher budgets")


@blp.route("/invoices")
class Invoices(MethodView):
    @roles_required(*POLICY.roles("list_invoices"))
    @blp.arguments(schemas.InvoiceQuerySchema, location="query")
    @blp.response(200, schemas.InvoiceSchema(many=True))
    @paginated(blp, page_size=PAGED_LIST_PAGE_SIZE)
    def get(self, filters, pagination_parameters):
        """Invoices and credit notes, e.g. ?month=2026-10"""
        found, pagination_parameters.item_count = invoices.list_invoices(
            uow(), actor(), filters, pagination_parameters.page, pagination_parameters.page_size)
        return found


@blp.route("/invoices/<int:invoice_id>")
class InvoiceById(MethodView):
    @roles_required(*POLICY.roles("get_invoice"))
    @blp.response(200, schemas.InvoiceSchema)
    def get(self, invoice_id):
        """One invoice or credit note"""
        return invoices.get_invoice(uow(), actor(), invoice_id)


def _document(invoice_id: int, render, mimetype: str,
              suffix: str) -> Response:
    invoice = invoices.get_invoice(uow(), actor(), invoice_id, action="export")
    return Response(render(invoice), mimetype=mimetype, headers={
        "Content-Disposition": f'{"attachment" if suffix == "csv" else "inline"}; '
                               f'filename="{invoice.number}.{suffix}"'})


@blp.route("/invoices/<int:invoice_id>/csv")
class InvoiceCsv(MethodView):
    @roles_required(*POLICY.roles("get_invoice"))
    @blp.response(200, content_type="text/csv")
    def get(self, invoice_id):
        """The invoice as CSV: one row per line, then VAT and total"""
        return _document(invoice_id, documents.to_csv, "text/csv", "csv")


@blp.route("/invoices/<int:invoice_id>/print")
class InvoicePrint(MethodView):
    @roles_required(*POLICY.roles("get_invoice"))
    @blp.response(200, content_type="text/html")
    def get(self, invoice_id):
        """The invoice as a printable HTML page"""
        return _document(invoice_id, documents.to_html, "text/html", "html")


@blp.route("/invoices/<int:invoice_id>/credit-notes")
class CreditNotes(MethodView):
    @roles_required(*POLICY.roles("credit_invoice"))
    @blp.arguments(schemas.CreditNoteRequestSchema)
    @blp.response(201, schemas.InvoiceSchema)
    def post(self, body, invoice_id):
        """Correct an invoice: credit all of it, or some lines (in part)"""
        return invoices.credit(uow(), actor(), invoice_id, body)


@blp.route("/invoices/<int:invoice_id>/status-changes")
class InvoiceStatus(MethodView):
    @roles_required(*POLICY.roles("change_invoice_status"))
    @blp.arguments(schemas.InvoiceStatusSchema)
    @blp.response(200, schemas.InvoiceSchema)
    def post(self, body, invoice_id):
        """issued → sent → paid"""
        return invoices.change_status(uow(), actor(), invoice_id, body["to_status"])


@blp.route("/statements")
class Statements(MethodView):
    @roles_required(*POLICY.roles("statements"))
    @blp.arguments(StatementQuerySchema, location="query")
    @blp.response(200, StatementSchema(many=True))
    @paginated(blp, Page)
    def get(self, args):
        """Monthly ledger statements per organisation (a cofinancer, a referrer: its own)"""
        return statements.statements(uow(), actor(), args["month"], args.get("organisation_id"))


@blp.route("/statements/csv")
class StatementsCsv(MethodView):
    @roles_required(*POLICY.roles("statements"))
    @blp.arguments(StatementQuerySchema, location="query")
    @blp.response(200, content_type="text/csv")
    def get(self, args):
        """The month's statements as CSV: one row per entry, then each statement's totals"""
        found = statements.statements(uow(), actor(), args["month"], args.get("organisation_id"))
        return Response(statement_sheets.to_csv(found), mimetype="text/csv", headers={
            "Content-Disposition": f'attachment; filename="statement-{args["month"]}.csv"'})


@blp.route("/voucher-programmes")
class VoucherProgrammes(MethodView):
    @roles_required(*POLICY.roles("list_programmes"))
    @blp.response(200, cs.BudgetSchema(many=True))
    @paginated(blp, Page)
    def get(self):
        """Voucher programmes with their budgets (a cofinancer: its own)"""
        return cofinancing.list_programmes(uow(), actor())

    @roles_required(*POLICY.roles("create_programme"))
    @blp.arguments(cs.ProgrammeSchema)
    @blp.response(201, cs.BudgetSchema)
    def post(self, body):
        """A cofinancer funds vouchers for a segment, within a budget cap"""
        return cofinancing.create_programme(uow(), actor(), body)


@blp.route("/voucher-programmes/<int:programme_id>")
class VoucherProgrammeById(MethodView):
    @roles_required(*POLICY.roles("get_programme"))
    @blp.response(200, cs.BudgetSchema)
    def get(self, programme_id):
        """One programme's budget: cap, committed, redeemed, remaining"""
        return cofinancing.get_programme(uow(), actor(), programme_id)


@blp.route("/voucher-programmes/<int:programme_id>/vouchers")
class Vouchers(MethodView):
    @roles_required(*POLICY.roles("issue_voucher"))
    @blp.arguments(cs.VoucherSchema)
    @blp.response(201, cs.VoucherSchema)
    def post(self, body, programme_id):
        """Issue a voucher to a client of the segment (never over the budget)"""
        return cofinancing.issue_voucher(uow(), actor(), programme_id, body)
