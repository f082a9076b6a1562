# Two commands for a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat setup.cfg pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test test-days install coverage clean translations lint

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

# axe-core (pinned in package-lock.json) for the browser tests' WCAG checks; without npm they skip.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm is missing: axe-core not installed, the browser tests will skip (apt-get install npm)"; fi
install test test-days coverage: $(NODE_STAMP)

demo: $(STAMP)  ## the Roeselare pilot on http://127.0.0.1:5000 (web app: /app); DAYS=14 simulates two weeks first
	NUTRIPLAT_SESSION_COOKIE_SECURE=0 $(BIN)/python -m tools.demo --port 5000 $(if $(DAYS),--simulate-days $(DAYS))

test: $(STAMP)  ## the whole suite; NUTRIPLAT_TEST_DATABASE_URL selects PostgreSQL
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)  ## the import contracts (.importlinter), ruff (ruff.toml) and mypy (mypy.ini); all three run
	@status=0; \
		echo "== lint-imports"; $(BIN)/lint-imports --no-cache || status=1; \
		echo "== ruff check"; $(BIN)/ruff check . || status=1; \
		echo "== mypy"; $(BIN)/mypy || status=1; \
		exit $$status

# The 1st, the 7th, the last day of a month and of a year, a Sunday: where dates turn (each at
# noon); then just after midnight and just before it, where a day turns in Brussels but not in UTC.
BUSINESS_DAYS ?= 2026-12-01 2026-12-07 2026-11-30 2026-12-31 2026-12-06 2026-12-07T00:30 2026-12-31T23:50

test-days: $(STAMP)  ## the whole suite once per day of BUSINESS_DAYS, as if it were today (not in CI: time)
	@status=0; for day in $(BUSINESS_DAYS); do echo "== business day $$day"; \
		$(BIN)/pytest -q --business-day=$$day $(PYTEST_ARGS) || status=1; done; exit $$status

clean:
	rm -rf $(VENV) instance .pytest_cache

coverage: $(STAMP)  ## the suite with a coverage report
	$(BIN)/pytest --cov --cov-report=term $(PYTEST_ARGS)

translations: $(STAMP)  ## re-extract the web app's strings into its catalogs (then translate the .po)
	$(BIN)/pybabel extract -F nutriplat/webapp/babel.cfg -k _l -k lazy_gettext --no-location \
		--sort-output -o nutriplat/webapp/translations/messages.pot nutriplat/webapp nutriplat/templates
	$(BIN)/pybabel update -i nutriplat/webapp/translations/messages.pot \
		-d nutriplat/webapp/translations --no-fuzzy-matching
