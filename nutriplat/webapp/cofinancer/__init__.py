"""The cofinancer's pages: their agreements, the indicator dashboard (suppressed cells
shown as suppressed), settlement statements and billing statements, CSV/XLSX downloads.
Aggregates only: no page here ever names or counts out a person."""
