# The two commands a newcomer needs (see README.md):
#   make serve   build the lessons and serve them at http://127.0.0.1:8000
#   make test    lint, type-check, run every lesson, docstring and test, and build the site
# Both create .venv and install the pinned toolchain the first time, and skip that
# step afterwards unless pyproject.toml or constraints.txt changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# PyTorch (the `bench` extra) backs one gradient test and the chapter-3 benchmark. Its PyPI
# build is gigabytes, so it is installed only when pip finds the pinned wheel without any
# index (a local wheel folder); otherwise the torch test is skipped and says why.
TORCH_STAMP := $(VENV)/.torch-checked
$(TORCH_STAMP): $(STAMP)
	@if $(BIN)/python -m pip install --quiet --dry-run --ignore-installed --no-index --no-deps \
		-c constraints.txt torch >/dev/null 2>&1; then \
		$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[bench]"; \
	else \
		echo "torch: no local wheel of the pinned version, so its tests will be skipped"; \
	fi
	touch $(TORCH_STAMP)

test: $(STAMP) $(TORCH_STAMP)
	PATH="$(CURDIR)/$(BIN):$$PATH" bash scripts/check
