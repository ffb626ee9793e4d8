# lampiran: make build (siapkan lalu buat dokumen tahun terbaru), make test (semua pemeriksaan).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# YEAR=2025 atau YEAR=content/2025; kosong: tahun terbaru di content/.
YEAR ?=
YEAR_DIR = $(if $(YEAR),$(if $(filter content/%,$(YEAR)),$(YEAR),content/$(YEAR)),)
PIP := $(BIN)/python -m pip --quiet --quiet --disable-pip-version-check

.PHONY: build test check lint typecheck pytest system-deps bench regenerate clean

$(STAMP): pyproject.toml
	@echo "Menyiapkan .venv/ dan memasang pustaka (sekali saja; perlu internet)..."
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade pip
	@$(PIP) install -e '.[test]'
	@touch $(STAMP)

## Siapkan lingkungan lalu buat dokumen Word tahun terbaru (atau YEAR=2025) ke dist/.
build: $(STAMP)
	@$(BIN)/lampiran build $(YEAR_DIR) -o dist

## Periksa isi tahun terbaru (atau YEAR=2025).
check: $(STAMP)
	@$(BIN)/lampiran check $(YEAR_DIR)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

## ruff, mypy --strict dan pytest.
test: lint typecheck pytest

## Paket Debian untuk PDF dan ejaan (LibreOffice, fonts-liberation, poppler-utils, hunspell-id).
system-deps:
	bash scripts/install-system-deps.sh

## Buat ulang templat (dan sumber Jinja-nya), skema JSON dan berkas golden dari kode.
regenerate: $(STAMP)
	$(BIN)/python scripts/make_template.py
	$(BIN)/lampiran schema -o schema
	LAMPIRAN_REGENERATE_GOLDEN=1 $(BIN)/pytest -q tests/test_build_golden.py tests/test_redline_golden.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_all.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_redline.py

clean:
	rm -rf $(VENV) dist build *.egg-info src/*.egg-info .mypy_cache .pytest_cache .ruff_cache
