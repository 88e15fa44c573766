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
# # 05 稿库：许多篇稿件放在一起看
#
# 这本笔记本读的是 `batch`（批量分析）写好的表格，不再重新分析文章。`make archive CORPUS=文件夹` 先批量分析，
# 再运行本笔记本。它回答这样的问题：
#
# - 哪些主题在哪一类稿件里最常见？（按发表媒体、日期或类别分组）
# - 稿库自己“发现”了哪些口号、引号术语和成语？被多少篇稿件用到？
# - 某一篇稿件和稿库里其余稿件相比，哪些词用得特别多？
# - 某个词出现在哪些句子里、和哪些词搭配？（索引行 KWIC 与搭配词）
#
# 所有表格都是汇总：稿库有一万篇稿件，表格也只有几百行。

# %% tags=["parameters"]
# 参数：`make archive` 无界面运行时会换成绝对路径；在 JupyterLab 里可以直接改。
ARCHIVE = "../output/archive/bundled"  # batch 的输出文件夹（里面有 tokens.parquet 等表格）
FIELDS = []  # 从稿件编号读出分组字段的规则：名称=正则表达式（make archive 按类别分组）
GROUP_BY = None  # 按哪个字段分组；None 表示整个稿库一组
QUERY = "服务"  # 索引行和搭配词要查的词
REPORTS = "../output"  # 单篇报告（编辑选择页）所在的文件夹
OUTPUT = "../output/archive/figures"  # 本笔记本写出的图表放在这里

# %%
from pathlib import Path

import pandas as pd

from analysis.archive import (FieldPattern, archive_discoveries, article_index, article_keyness, article_table,
                              article_theme_matrix, load_archive, theme_prevalence)

tables = load_archive(ARCHIVE)
fields = tuple(FieldPattern.parse(spec) for spec in FIELDS)
index = article_index(tables, fields)
print(f"稿库：{len(index)} 篇稿件，共 {int(index['chars'].sum()):,} 字")

# %% [markdown]
# ## 各组稿件提到各主题的比例
#
# `share` 是该组稿件中至少提到一次该主题的稿件所占比例。编码表是为服务类人物稿写的，
# 其他题材的稿件提到得少，这本身就是一个发现。

# %%
prevalence = theme_prevalence(tables, index, GROUP_BY)
prevalence.pivot_table(index="theme_label", columns="group", values="share", fill_value=0).style.format("{:.0%}")

# %% [markdown]
# ## 印刷用图：主题分布热力图
#
# 图和图中数据（CSV）一起写到 `OUTPUT` 文件夹。

# %%
from analysis.figures import SourceNote
from analysis.figures.prevalence import draw_prevalence, prevalence_data
from analysis.figures.write import Chart, write_chart

data = prevalence_data(prevalence)
if data.empty:
    print("没有稿件提到编码表里的主题，不画图。")
else:
    source = SourceNote(publication=f"稿库（{len(index)}篇）", published=None, title=None)
    written = write_chart(Chart("archive_theme_prevalence", draw_prevalence(data, source), data, 300), Path(OUTPUT))
    print("写出：", *[path.name for path in written])

# %% [markdown]
# ## 稿件 × 主题
#
# 每千字提到的次数；只列出至少提到一个主题的稿件中提得最多的 20 篇。

# %%
matrix = article_theme_matrix(tables, index)
matrix.loc[matrix.sum(axis=1).sort_values(ascending=False).index[:20]] if not matrix.empty else matrix

# %% [markdown]
# ## 稿库自己的发现
#
# 口号、引号里的术语和成语，按用到它的稿件篇数排序。`example_article`、`start`、`end` 指向一处原文。

# %%
archive_discoveries(tables)

# %% [markdown]
# ## 一篇稿件与稿库其余稿件相比的关键词
#
# 对数似然比 G²，参照语料是稿库里的其余稿件（与 AntConc 的做法相同）。`reliable` 为假表示次数太少，仅供参考。

# %%
target = index.sort_values("chars", ascending=False)["article_id"].iloc[0]
print("稿件：", target)
article_keyness(tables, target)

# %% [markdown]
# ## 索引行（KWIC）
#
# 关键词居中对齐并加粗，左右各五个词。在命令行里：`python -m analysis kwic 词 --corpus 稿库文件夹`。

# %%
from analysis.concordance import kwic, kwic_frame

lines = kwic_frame(kwic(QUERY, tables, window=5, sort="right")).head(30)
(lines[["article_id", "left", "keyword", "right"]].style.hide(axis="index")
 .set_properties(subset=["left"], **{"text-align": "right"})
 .set_properties(subset=["keyword"], **{"text-align": "center", "font-weight": "bold", "color": "#c8102e"})
 .set_properties(subset=["right"], **{"text-align": "left"}))

# %% [markdown]
# ## 搭配词
#
# 与查询词在同一句中、左右五个词以内共同出现的词：频次、对数似然比 G² 和互信息 MI。

# %%
from analysis.collocations import collocates, collocates_frame

collocates_frame(collocates(QUERY, tables, window=5, min_count=2)).head(20)

# %% [markdown]
# ## 稿件列表
#
# `editors_page` 是每篇稿件的编辑选择页；`page_written` 为假表示还没有对这篇稿件运行 `make report ARTICLE=…`。

# %%
article_table(index, REPORTS).sort_values("chars", ascending=False).head(50)
