# The e-certificate terminal. `make demo` and `make test` install whatever is missing, system packages
# included (Debian; as root, or with sudo), then run.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_STAMP := .system-packages
# The UI loads compiled catalogs; they are built here (and by an installer/packager), never committed.
TS_FILES := $(wildcard resources/translations/kiosk_*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

SYSTEM_PACKAGES := pcscd libpcsclite-dev vsmartcard-vpcd opensc pcsc-tools \
	xvfb xauth x11-utils libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3 fonts-noto-cjk fontconfig poppler-utils postgresql binutils \
	shellcheck

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test test-all lint typecheck i18n translations bench screenshots package system-packages venv clean

# With a display: the counter window in training mode (a virtual card, the local central service). Without
# one: the command-line walkthrough, then a picture of every screen in docs/screenshots/.
demo: venv
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(BIN)/kiosk app --mode counter --training renewable; \
	else \
		echo "No display here: running the command-line walkthrough, then writing every screen to docs/screenshots/."; \
		$(BIN)/kiosk demo && $(MAKE) --no-print-directory screenshots; \
	fi

# pytest-xdist, a worker per core (the controller owns pcscd and PostgreSQL, tests/conftest.py): 10 minutes
# instead of 18 on two cores. `make test PYTEST_ARGS=` runs in one process.
PYTEST_ARGS ?= -n logical

test: venv lint typecheck
	$(BIN)/python -m kiosk.i18n_catalog check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Every interruption point of every procedure, not the seeded sample `make test` tries (tests/flows/sweep.py).
test-all:
	KIOSK_TEST_EXHAUSTIVE=1 $(MAKE) --no-print-directory test

lint: venv
	$(BIN)/ruff check kiosk tests benchmarks migrations tools

typecheck: venv
	$(BIN)/mypy

i18n: venv
	$(BIN)/python -m kiosk.i18n_catalog update

translations: $(QM_FILES)
resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# A PNG of every screen, both modes, every language (offscreen, no pcscd): docs/screenshots/<mode>/<lang>/.
screenshots: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py --out docs/screenshots

# The soak's full 10,000 cycles take over two hours (pcscd's polling): SOAK_CYCLES=10000 make bench
SOAK_CYCLES ?= 300

bench: venv
	$(BIN)/python benchmarks/card_read.py
	$(BIN)/python benchmarks/outbox.py
	$(BIN)/python benchmarks/flows.py
	$(BIN)/python benchmarks/ui_stall.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/soak.py --cycles $(SOAK_CYCLES)
	$(BIN)/python benchmarks/central_scale.py --records 20000 --terminals 20 --sites 4

# The terminal as a PyInstaller one-folder bundle (dist/kiosk) and a Debian package of it (dist/*.deb).
package: venv
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/kiosk.spec
	@echo "bundle: dist/kiosk, $$(du -sh dist/kiosk | cut -f1)"
	@deb=$$(packaging/debian/build-deb.sh dist/kiosk dist) && echo "debian package: $$deb, $$(du -h $$deb | cut -f1)"

system-packages: $(SYSTEM_STAMP)
$(SYSTEM_STAMP): Makefile
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing system packages: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@touch $@

venv: $(STAMP) $(QM_FILES)
$(STAMP): pyproject.toml $(SYSTEM_STAMP)
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,central]'
	@touch $@

clean:
	rm -rf $(VENV) $(SYSTEM_STAMP) .pytest_cache .mypy_cache .ruff_cache $(QM_FILES)
