# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (analysis)
#     language: python
#     name: analysis
# ---

# %% [markdown]
# # 04 印刷图表与编辑选择页
#
# 这一步把前面所有的表格画成印刷用的图（PDF 矢量、PNG 预览、每张图旁边一份 CSV，正是它画的数据），
# 再写出**编辑选择页** `editors.html`：编辑在浏览器里勾选要突出的主题和引语，点“导出选择”，
# 得到 `文章id.json`。把这个文件放进项目的 `picks/` 文件夹（或在参数格里把 `PICKS` 设成它的路径），
# 重新运行本笔记本或 `make report`，带“picked”字样的图就会突出编辑选中的主题，并用编辑改写的标签。

# %% tags=["parameters"]
# 参数：`make report` 无界面运行时会换成绝对路径；在 JupyterLab 里可以直接改。
ARTICLE = "../corpus/huaihai-2017-12345-stars"  # 文章：.txt 文件或语料文件夹（含 meta.yaml）
CODEBOOK = None  # 主题编码表 YAML；None 表示随附的 analysis/data/codebook.yaml
PICKS = None  # 编辑的选择文件；None 表示 picks/文章id.json（没有这个文件就是“未选择”）
OUTPUT = "../output/notebooks"  # 本笔记本写出的文件放在这里
TABLES = None  # `make report` 写出的本文表格文件夹；None 表示在本笔记本里重新分析文章
FIGURES = None  # `make report` 画好的本文图表文件夹；None 表示在本笔记本里重新画图

# %%
from pathlib import Path

from analysis.config import RunConfig
from analysis.figures import SourceNote, build_figures
from analysis.notebook_tables import article_tables, notebook_article, report_figures, report_skips
from analysis.picks import load_picks, picks_path
from analysis.review import write_page

article = notebook_article(ARTICLE)
config = RunConfig(codebook=CODEBOOK, output=OUTPUT)  # 本次运行的设置：表格、图表和编辑页都用同一份编码表
folder = config.output / article.id
picks_file = Path(PICKS) if PICKS else picks_path(article.id, config.picks)
from_report = FIGURES is not None  # make report 已经画好了图（也可能一张都没有可画的），不再重画
drawn = report_figures(FIGURES)
if not from_report:
    tables = article_tables(article, TABLES, config)
    picks = load_picks(picks_file, tables["candidates"], tables["pull_quotes"], article.id) if picks_file.exists() else None
else:
    picks = None
if picks_file.exists():
    print("编辑的选择文件：", picks_file)
else:
    print(f"还没有编辑的选择文件（{picks_file}），图表不突出任何主题")

# %% [markdown]
# ## 编辑选择页
#
# 一个独立的 HTML 文件：不联网、不需要服务器，可以直接用邮件发给编辑。`make report` 运行时它已经写在
# 报告的文件夹里（`output/文章id/editors.html`）。

# %%
if from_report:
    page = Path(TABLES) / "editors.html" if TABLES else None
else:
    page = write_page(folder / "editors.html", article.id, article.metadata.title, tables, picks)
print(page)

# %% [markdown]
# ## 印刷图表
#
# 每张图有 PDF（交印刷厂，字体已嵌入）、PNG（预览）和 CSV（图里的数据）；`contact_sheet.pdf` 把全部图表排在一起，便于审看。
# 文章里没有可画的内容时（例如没有人物段落、没有入职年份），那张图不画，下面用一句话说明原因。

# %%
if from_report:
    written = [p.with_suffix(".pdf") for p in drawn] + drawn
    skipped = report_skips(TABLES)  # make report 的 summary.txt 里写着哪些图没画、为什么
else:
    figure_set = build_figures(tables, folder / "figures", picks=picks, source=SourceNote.from_metadata(article.metadata))
    written, skipped = figure_set.written, [skip.line for skip in figure_set.skipped]
for line in skipped:
    print(line)
sorted(path.name for path in written if path.suffix == ".pdf")

# %%
from IPython.display import Image, Markdown

# 有编辑选择时预览突出选择的图，否则预览第一张图。
previews = sorted(p for p in written if p.suffix == ".png" and ("picked" in p.stem) == picks_file.exists())
previews = previews or sorted(p for p in written if p.suffix == ".png")
Image(filename=str(previews[0]), width=640) if previews else Markdown("这篇文章没有可画的图表（原因见上）。")
