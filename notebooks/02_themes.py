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
# # 02 主题：编码表命中与自动发现
#
# 主题来自两处：
# 1. **编码表**（`analysis/data/codebook.yaml`）：编辑部写好的主题规则，例如“耐心”包括 耐心、不厌其烦……
#    每条命中都能追溯到原文中的一句话。
# 2. **自动发现**：口号（“四心”）、列举、引号里的术语、词族、成语和关键词，作为给编辑挑选的候选。
#
# **改主题**：复制编码表，改好后把参数格里的 `CODEBOOK` 设成新文件的路径，再从头运行。

# %% tags=["parameters"]
# 参数：`make report` 无界面运行时会换成绝对路径；在 JupyterLab 里可以直接改。
ARTICLE = "../corpus/huaihai-2017-12345-stars"  # 文章：.txt 文件或语料文件夹（含 meta.yaml）
CODEBOOK = None  # 主题编码表 YAML；None 表示随附的 analysis/data/codebook.yaml
PICKS = None  # 编辑的选择文件；None 表示 picks/文章id.json（没有这个文件就是“未选择”）
OUTPUT = "../output/notebooks"  # 本笔记本写出的文件放在这里
TABLES = None  # `make report` 写出的本文表格文件夹；None 表示在本笔记本里重新分析文章
FIGURES = None  # `make report` 画好的本文图表文件夹；None 表示在本笔记本里重新画图

# %%
import pandas as pd

from analysis.config import RunConfig
from analysis.notebook_tables import article_tables, notebook_article, shown_or_said

article = notebook_article(ARTICLE)
config = RunConfig(codebook=CODEBOOK)  # 本次运行的设置：编码表等，之后每一步都用它
tables = article_tables(article, TABLES, config)  # make report 已写出的表格（用同一份编码表），或现在分析
hits, matrix = tables["theme_hits"], tables["theme_matrix"]
print(f"编码表：{hits['theme_id'].nunique()} 个主题有命中，全文命中 {len(hits)} 次")

# %% [markdown]
# ## 谁的段落里有哪个主题
#
# 每格是该主题在这个人物段落里的命中次数。人物篇幅不同，比较时以每千字的比率为准
# （`rate_per_1000`，见表格 `theme_matrix.csv`）。

# %%
shown_or_said(matrix, "没有可比的人物段落，或编码表的主题在人物段落里一次也没有命中：此表从略。",
              lambda m: m.pivot_table(index="theme_label", columns="name", values="count", aggfunc="sum", sort=False))

# %% [markdown]
# ## 证据句
#
# 每个主题的前两句证据。统计数字有疑问时，就看这些原句。

# %%
from analysis.review import SECTION_NAMES

names = {**SECTION_NAMES, **{p.id: p.name for p in article.profiles}}
evidence = hits.drop_duplicates(["theme_id", "sentence_index"]).groupby("theme_id", sort=False).head(2)
shown_or_said(evidence, "编码表的主题在文中一次也没有命中，没有证据句。", lambda e: pd.DataFrame(
    {"主题": e["theme_label"], "人物": e["section_id"].map(lambda i: names.get(i, i)), "证据句": e["sentence"]}
).style.hide(axis="index").set_properties(subset=["证据句"], **{"text-align": "left"}))
