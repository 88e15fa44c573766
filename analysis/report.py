"""What `make report` runs: every table for one article, written under one output folder."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic, tables
from .config import DEFAULT_OUTPUT, RunConfig
from .corpus import load_article
from .notebooks import NotebookKernel
from .figures import SourceNote, build_figures
from .figures.picked import pick_destinations, printable_picks
from .outlock import output_lock
from .pipeline import all_tables, analyse
from .picks import PAGE_NAME, PICKS_DIR, Picks, load_picks, picks_path
from .review import write_page
from .segment import domain_dictionary, split_terms
from .written import shown

SUMMARY_NAME = "summary.txt"  # the report's notes in Chinese: picks, structure warnings, charts not drawn


@dataclass
class ReportResult:
    article_id: str
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_report(article_path: str | Path | None = None, output: Path = DEFAULT_OUTPUT,
                 backend: str = "jieba", picks_dir: Path = PICKS_DIR, notebooks: bool = False,
                 figures: Path | None = None, config: RunConfig | None = None,
                 progress: Callable[[str], None] = lambda step: None) -> ReportResult:
    """Every table, the editors' page and the figures of one article, all from one run configuration.

    `config` names the codebook, dictionary, backend, picks and output folders; without it, one is
    made from `output`, `backend` and `picks_dir`. `figures`: a folder for the figure set (written
    to figures/<article-id>/); default output/<article-id>/figures/. `progress` is told each step
    as it starts (one short line in Chinese).
    """
    config = config or RunConfig(backend=backend, picks=picks_dir, output=output)
    progress("读入并分析文章……")
    article = load_article(article_path)
    analysis = analyse(article, config)
    frames = all_tables(analysis)
    # Two reports into one output folder take turns; each file is written whole (analysis.atomic).
    with output_lock(config.output):
        return _write_report(article, analysis, frames, notebooks, figures, article_path, progress)


def _write_report(article, analysis, frames: dict, notebooks: bool, figures: Path | None,
                  article_path: str | Path | None, progress: Callable[[str], None]) -> ReportResult:
    config = analysis.config
    folder = config.output / article.id
    result = ReportResult(article.id)
    progress(f"写表格和编辑选择页（{len(frames)} 张表）……")
    for name, frame in frames.items():
        result.written.append(tables.write_csv(frame, folder / f"{name}.csv"))
    picks = _editors_picks(picks_path(article.id, config.picks), frames, article.id, result)
    result.written.append(write_page(folder / PAGE_NAME, article.id, article.metadata.title, frames, picks))
    figure_dir = figures / article.id if figures else folder / "figures"
    printable, unprintable = printable_picks(picks, frames) if picks else (None, [])
    progress("画印刷图表……")
    with NotebookKernel() as kernel:  # started only with `notebooks`; shut down however the report ends
        # The notebooks' kernel starts and imports while the figures are drawn in worker processes.
        figure_set = build_figures(frames, figure_dir, printable, source=SourceNote.from_metadata(article.metadata),
                                   meanwhile=kernel.start if notebooks else None)
        result.written += figure_set.written
        if picks:
            result.notes += [f"选用 {line}" for line in unprintable + pick_destinations(printable, result.written)]
        result.notes.append(f"{len(article.profiles)} 个人物段落，{len(analysis.tokens)} 个词")
        split = split_terms(analysis.tokens, article, domain_dictionary(config.dictionary))
        result.notes += [f"分词切开了专有名词 {term}：把它加进项目词典" for term in split]
        result.notes += [f"注意：{getattr(w, 'zh', w)}" for w in article.warnings]
        result.notes += [skip.line for skip in figure_set.skipped]
        # Before the notebooks: notebook 04 reads the skip lines back from it.
        result.written.append(atomic.write_text(folder / SUMMARY_NAME, "".join(f"{note}\n" for note in result.notes)))
        if notebooks:  # they read the tables and figures just written instead of analysing again
            progress("运行笔记本（读取刚写出的表格和图表）……")
            result.written += _run_notebooks(article_path, config, picks_path(article.id, config.picks), article.id,
                                             folder, figure_dir, kernel.start())
    return result


def _editors_picks(path: Path, frames: dict, article_id: str, result: ReportResult) -> Picks | None:
    """The editors' picks file (picks/<article-id>.json) if there is one; a stale pick stops the report."""
    if not path.exists():
        result.notes.append(f"没有编辑的选择文件（{shown(path)}）：图表不突出任何内容，带 picked 的图不画")
        return None
    picks = load_picks(path, frames["candidates"], frames["pull_quotes"], article_id)
    result.notes.append(f"编辑的选择（{shown(path)}）：{len(picks.themes)} 个候选，{len(picks.quotes)} 条引语"
                        "（各自进了哪张图：见以“选用”开头的行）")
    return picks


def _run_notebooks(article_path: str | Path | None, config: RunConfig, picks: Path, article_id: str,
                   tables_dir: Path, figure_dir: Path, kernel: NotebookKernel) -> list[Path]:
    """The notebooks, executed headless into output/notebooks/<article-id>/ with an HTML copy of each."""
    from .corpus import BUNDLED_CORPUS, DEFAULT_ARTICLE_ID
    from .notebooks import NotebookParameters, run_notebooks

    article = Path(article_path) if article_path is not None else BUNDLED_CORPUS / DEFAULT_ARTICLE_ID
    folder = config.output / "notebooks" / article_id
    parameters = NotebookParameters(article=article, output=config.output / "notebooks", picks=picks,
                                    codebook=config.codebook_path(), tables=tables_dir, figures=figure_dir)
    run = run_notebooks(parameters, folder, started=kernel)
    return run.executed + run.pages
