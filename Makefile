# The two commands of the README: `make report` and `make test`. Each sets up what it needs.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.bootstrapped
ARTICLE ?=

.PHONY: report test setup clean

report: $(STAMP)
	$(PY) -m analysis report $(ARTICLE)

test: $(STAMP)
	$(PY) -m pytest

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/bootstrap.sh scripts/system-packages.txt
	bash scripts/bootstrap.sh
	touch $@

clean:
	rm -rf $(VENV) .cache output
