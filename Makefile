# tandem: the two commands a fresh machine needs are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
UV_VERSION := 0.13.9
export TANDEM_DATA_DIR ?= $(CURDIR)/var
# BLAS and OpenMP threads spinning against each other slow numpy down badly on 2 cores.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_WAIT_POLICY ?= passive

.PHONY: demo test setup system-packages lint typecheck messages bench eval-trade eval eval-iati eval-press eval-ner eval-labels serve cluster lock clean

demo: setup ## set up, load the default and the demo data, serve on http://127.0.0.1:$(PORT)
	@# Each step says what it does, how long it took and about how long the rest will take
	@# (first estimates: the walk-through of 2026-12-07 on 2 cores; then this machine's own times).
	@bash scripts/steps.sh \
		"105 database tables :: $(BIN)/tandem migrate --no-input -v0" \
		"50 default programme data :: $(BIN)/tandem load-default" \
		"25 organisations and people :: $(BIN)/tandem demo-data" \
		"30 joint projects :: $(BIN)/tandem demo-projects" \
		"25 productivity exchange :: $(BIN)/tandem demo-exchange" \
		"25 committee sessions :: $(BIN)/tandem demo-committee" \
		"30 matchmaking :: $(BIN)/tandem demo-matchmaking" \
		"25 trade fairs :: $(BIN)/tandem demo-fairs" \
		"20 trade statistics :: $(BIN)/tandem demo-trade" \
		"20 press :: $(BIN)/tandem demo-press" \
		"75 static files :: $(BIN)/tandem collectstatic --no-input -v0" \
		"80 demo accounts :: $(BIN)/tandem demo-accounts"
	@echo "Starting tandem on http://127.0.0.1:$(PORT) (Ctrl-C stops it): the server warms up, then says 'Listening at'"
	@echo "Demo server: two-factor authentication is not required (TANDEM_REQUIRE_MFA=0)."
	@# The task worker (briefing packs, schedules, the matching index, the press inbox) runs
	@# beside the server, started again should it stop (scripts/run-worker.sh), and stops with it.
	BIN=$(BIN) bash scripts/run-worker.sh & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	TANDEM_REQUIRE_MFA=0 $(BIN)/gunicorn -c python:tandem.gunicorn_conf tandem.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --access-logfile -

# One test process per core (pytest-xdist); TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto

test: setup lint typecheck ## set up, lint, type check and run the whole suite
	$(BIN)/pytest -n $(TEST_WORKERS)

setup: system-packages $(VENV)/.installed messages

system-packages: ## install the Debian packages tandem needs when they are missing
	@bash scripts/system-packages.sh

$(VENV)/.installed: requirements.lock pyproject.toml build-constraints.txt
	@if [ ! -x $(BIN)/python ] || ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip sync --quiet --python $(BIN)/python --require-hashes \
		--build-constraints build-constraints.txt requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --editable .
	@touch $@

lock: $(VENV)/.installed ## re-resolve the lock file after a change of dependencies
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--build-constraints build-constraints.txt \
		--quiet -o requirements.lock

messages: ## compile the Japanese and Russian catalogues
	@cd src/tandem && ../../$(BIN)/tandem compilemessages -v0

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck:
	$(BIN)/mypy

bench: setup ## measure performance; figures go to bench/results and docs/performance.md
	$(BIN)/python bench/run.py

# Development figures of the trade importers on ../shared/realdata/trade (skips without it).
eval-trade: setup ## import the trade corpus, compare with each file's own totals; docs/performance.md
	PYTHONPATH=src $(BIN)/python bench/trade/bench_trade_realdata.py
	$(BIN)/python bench/run.py --collect

# Development figures of the IATI import and export on ../shared/realdata/iati (skips without it).
eval-iati: setup ## import, export and re-import the IATI corpus, compare with its stats.json
	PYTHONPATH=src $(BIN)/python bench/interop/bench_iati_realdata.py
	$(BIN)/python bench/run.py --collect

# Development figures of press extraction on ../shared/realdata/press (texts re-read into .realdata/).
eval-press: setup ## score press extraction on the real news excerpts with the corpus's own scorer
	$(BIN)/tandem eval press .realdata/press

# Development figures of entity recognition on ../shared/realdata/ner (skips without it).
eval-ner: setup ## score entity recognition on the public NER sets' development parts
	@if [ -d ../shared/realdata/ner ]; then $(BIN)/tandem eval ner ../shared/realdata/ner; \
	else echo "eval-ner: ../shared/realdata/ner is absent, nothing to measure"; fi

# Development figures of label suggestion on ../shared/realdata/projects (texts in .realdata/).
eval-labels: setup ## score label suggestion on the real project descriptions
	@if [ -d ../shared/realdata/projects ] && [ -d .realdata/projects ]; then \
		$(BIN)/tandem eval labels .realdata/projects --labels ../shared/realdata/projects/labels.json; \
	else echo "eval-labels: ../shared/realdata/projects or its texts in .realdata/projects are absent"; fi

eval: eval-iati eval-trade eval-press eval-ner eval-labels ## every evaluation on the development corpus (docs/performance.md)

serve: setup
	$(BIN)/gunicorn tandem.wsgi --bind 127.0.0.1:$(PORT) --workers 2

cluster: setup ## two nodes, their task workers and HAProxy on loopback (PostgreSQL, Redis running): deploy/cluster.sh
	@bash deploy/cluster.sh up

clean:
	rm -rf $(VENV) var
