# The e-certificate terminal. `make demo` and `make test` install whatever is missing, system packages
# included (Debian; as root, or with sudo), then run.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_STAMP := .system-packages

SYSTEM_PACKAGES := pcscd libpcsclite-dev vsmartcard-vpcd opensc pcsc-tools \
	xvfb xauth x11-utils libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3 fonts-noto-cjk poppler-utils postgresql

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint typecheck i18n bench system-packages venv clean

# With a display: the counter window in training mode (a virtual card, the local central service). Without
# one: the command-line walkthrough, then a picture of every screen in docs/screenshots/.
demo: venv
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(BIN)/kiosk app --mode counter --training renewable; \
	else \
		echo "No display here: running the command-line walkthrough, then writing every screen to docs/screenshots/."; \
		$(BIN)/kiosk demo && $(MAKE) --no-print-directory screenshots; \
	fi

test: venv lint typecheck
	$(BIN)/python -m kiosk.i18n_catalog check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check kiosk tests benchmarks migrations

typecheck: venv
	$(BIN)/mypy

i18n: venv
	$(BIN)/python -m kiosk.i18n_catalog update

bench: venv
	$(BIN)/python benchmarks/card_read.py
	$(BIN)/python benchmarks/outbox.py
	$(BIN)/python benchmarks/flows.py
	$(BIN)/python benchmarks/central_scale.py --records 20000 --terminals 20 --sites 4

system-packages: $(SYSTEM_STAMP)
$(SYSTEM_STAMP): Makefile
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing system packages: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@touch $@

venv: $(STAMP)
$(STAMP): pyproject.toml $(SYSTEM_STAMP)
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $@

clean:
	rm -rf $(VENV) $(SYSTEM_STAMP) .pytest_cache .mypy_cache .ruff_cache
