# The two commands of the README: `make report` and `make test`. Each sets up what it needs.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.bootstrapped
ARTICLE ?=

CORPUS ?= ../shared/bench/thucnews-val-1000
# THUCNews file names end in their category (0001_sports): group the archive by it.
ARCHIVE_FIELDS ?= --field 'category=_([a-z]+)$$' --group-by category

.PHONY: report test setup clean lab notebooks bench archive eval

report: $(STAMP)
	$(PY) -m analysis report --notebooks --figures figures $(ARTICLE)

test: $(STAMP)
	$(PY) -m pytest

# Many articles at once: batch over CORPUS (a folder), then notebook 05_archive over the tables it wrote.
archive: $(STAMP)
	$(PY) -m analysis archive $(CORPUS) --backend rjieba $(ARCHIVE_FIELDS)

setup: $(STAMP)

# The score on the development set of real articles (tests/data/realworld): subjects, invented people,
# speech quotes, speakers, facts, per article and in total. EVAL_ARGS=--misses lists what was missed.
eval: $(STAMP)
	$(PY) -m analysis.evaluate $(EVAL_ARGS)

# Every benchmark (benchmarks/run.py): prints tables, writes benchmarks/results.md. Minutes, not seconds;
# BENCH_QUICK=1 make bench for small sizes.
bench: $(STAMP)
	$(PY) benchmarks/run.py

# JupyterLab on notebooks/ with the project's kernel ("Python (analysis)", registered by bootstrap).
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks --allow-root

# After editing a notebook's .py twin outside JupyterLab: update its .ipynb (cell ids kept, so the
# diff shows only what changed) and clear every output before committing.
notebooks: $(STAMP)
	$(VENV)/bin/jupytext --update --to ipynb notebooks/[0-9]*.py
	$(VENV)/bin/jupyter nbconvert --clear-output --inplace notebooks/[0-9]*.ipynb

$(STAMP): pyproject.toml scripts/bootstrap.sh scripts/system-packages.txt
	bash scripts/bootstrap.sh
	touch $@

clean:
	rm -rf $(VENV) .cache output
