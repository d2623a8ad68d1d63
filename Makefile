# Qorgan: two commands for a newcomer, `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Any Python 3.12+ will do: $PYTHON if given, else python3.12 / python3.13 / python3.
PYTHON ?= $(shell installers/dev/find-python.sh)

.PHONY: help venv system-deps run test lint types imports unit lock clean bench bench-lists bench-proxy bench-monitor dist bundles deb

help:
	@echo "make run    set up and start Qorgan in demo mode"
	@echo "make test   set up and run lint, types, import contracts and every test"

$(BIN)/.installed: pyproject.toml requirements.lock
	@if [ -z "$(PYTHON)" ]; then echo "Qorgan needs Python 3.12 or newer: install python3.12 (or set PYTHON=/path/to/python3.12)" >&2; exit 1; fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --quiet --no-deps --no-build-isolation --config-settings editable_mode=compat -e .
	@touch $@

venv: $(BIN)/.installed

system-deps:
	@installers/dev/system-deps.sh

run: venv system-deps
	$(BIN)/qorgan run --demo

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: venv
	$(BIN)/mypy

imports: venv
	$(BIN)/lint-imports

unit: venv system-deps
	$(BIN)/pytest

test: lint types imports unit

# Benchmarks: side by side with their baselines in one run; not part of `make test`.
bench: bench-lists bench-proxy bench-monitor

bench-lists: venv system-deps
	$(BIN)/python tests/bench/bench_lists.py

bench-proxy: venv system-deps
	$(BIN)/python tests/bench/bench_proxy.py

bench-monitor: venv system-deps
	$(BIN)/python tests/bench/bench_monitor.py

# Frozen bundles in dist/ (PyInstaller, about a minute), then their self-tests (a frozen
# PDF report included); then the .deb, installed, checked and purged in a throwaway copy
# of this system (installers/linux/verify-deb.sh: root, unshare and overlayfs).
dist: deb

bundles: venv
	rm -rf dist build/pyinstaller
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller installers/pyinstaller/qorgan.spec
	dist/qorgan-service/qorgan-service selftest
	QT_QPA_PLATFORM=offscreen dist/qorgan-gui/qorgan-console --check-imports
	QT_QPA_PLATFORM=offscreen dist/qorgan-gui/qorgan-tray --check-imports

deb: bundles system-deps
	installers/linux/build-deb.sh --python $(BIN)/python
	QORGAN_PYTHON=$(CURDIR)/$(BIN)/python installers/linux/verify-deb.sh dist/qorgan_*_amd64.deb

# Regenerate the lock file after changing dependencies in pyproject.toml.
lock: venv
	$(BIN)/python -m pip install --quiet --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra build --python-version 3.12 -o requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist *.egg-info
