# hgd — two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo/demo.db

# python3-venv (Debian splits venv out of python3), the libraries Qt's xcb/offscreen platforms need, Xvfb.
DEB_PKGS := python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3 \
            libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
            libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 libglib2.0-0 xvfb
# What `make test` needs besides: a PostgreSQL server (a throw-away cluster per run, started by the tests themselves),
# PDF text and pages, QR decoding, the standard minisign and age tools; and what `make forms` needs to draw the XLSX.
TEST_DEB_PKGS  := postgresql poppler-utils zbar-tools minisign age
FORMS_DEB_PKGS := poppler-utils zbar-tools libreoffice-calc-nogui fonts-liberation2

.PHONY: run test lint bench deps venv clean forms screenshots compile

$(STAMP): pyproject.toml
	@$(MAKE) --no-print-directory deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[gui,test]'
	touch $(STAMP)

venv: $(STAMP)

# Installs the Debian packages Qt and the tests need when they are missing (root on Debian; skipped elsewhere).
deps:
	@missing=""; for p in $(or $(PKGS),$(DEB_PKGS)); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Missing Debian packages (install them as root):$$missing"; fi; \
	fi

# The app's own modules byte-compiled, as an installed hgd has them (some environments set PYTHONDONTWRITEBYTECODE,
# and then every start would compile them again); quick when nothing changed.
compile: $(STAMP)
	@$(PY) -m compileall -q app ui >/dev/null

run: $(STAMP) compile
	@mkdir -p $(dir $(DEMO_DB))
	@test -f $(DEMO_DB) || $(VENV)/bin/hgd demo --db $(DEMO_DB)
	$(VENV)/bin/hgd-gui --db $(DEMO_DB)

# ruff (rules and exceptions in pyproject.toml) and mypy --strict on app/; `make test` stops here on any error.
lint: $(STAMP)
	$(VENV)/bin/ruff check app ui tests bench
	$(VENV)/bin/mypy app

test: $(STAMP) compile
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory deps PKGS="$(TEST_DEB_PKGS)"
	QT_QPA_PLATFORM=offscreen HGD_REQUIRE_PG=1 $(PY) -m pytest -n 2 --durations=15

# Every form kind from the sample data to XLSX and PDF in build/forms/, and every page to PNG in build/forms/png/.
forms: $(STAMP)
	@$(MAKE) --no-print-directory deps PKGS="$(FORMS_DEB_PKGS)"
	$(PY) bench/render_forms.py build/forms

# A picture of every screen and dialog on the demo commune, 1366×768, Vietnamese and English: build/screenshots/.
screenshots: $(STAMP)
	@if command -v xvfb-run >/dev/null 2>&1; then \
	  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m ui.screenshots build/screenshots; \
	else QT_QPA_PLATFORM=offscreen $(PY) -m ui.screenshots build/screenshots; fi

bench: $(STAMP) compile
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) build/dist build/work build/forms .pytest_cache
