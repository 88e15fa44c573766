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
# # 03 引语与事实
#
# **引语**：文中引号里的话，分成人物说的话（`speech`）、术语（`term`）、口号（`slogan`）和列举（`list`），
# 并尽量找出说话人。适合做“提要引语”（pull quote）的句子按长短、是否第一人称、说话人是否明确打分排序，
# 编辑在编辑选择页里从中挑选。
#
# **事实**：文中的数量（接了多少电话、工作几年）和日期，带着计量单位、所指对象和时段；
# “今年”“去年”按文章的发表时间换算成年份。每条都能追溯到原文位置。
#
# **改引语长度**：在 Python 里调用 `analysis.quotes.pull_quotes(analyse(article), min_chars=12, max_chars=45)` 时换成别的字数范围。

# %% tags=["parameters"]
# 参数：`make report` 无界面运行时会换成绝对路径；在 JupyterLab 里可以直接改。
ARTICLE = "../corpus/huaihai-2017-12345-stars"  # 文章：.txt 文件或语料文件夹（含 meta.yaml）
CODEBOOK = None  # 主题编码表 YAML；None 表示随附的 analysis/data/codebook.yaml
PICKS = None  # 编辑的选择文件；None 表示 picks/文章id.json（没有这个文件就是“未选择”）
OUTPUT = "../output/notebooks"  # 本笔记本写出的文件放在这里
TABLES = None  # `make report` 写出的本文表格文件夹；None 表示在本笔记本里重新分析文章
FIGURES = None  # `make report` 画好的本文图表文件夹；None 表示在本笔记本里重新画图

# %%
from analysis.config import RunConfig
from analysis.notebook_tables import article_tables, notebook_article, shown_or_said
from analysis.review import SECTION_NAMES

article = notebook_article(ARTICLE)
tables = article_tables(article, TABLES, RunConfig(codebook=CODEBOOK))  # make report 已写出的表格，或现在分析
names = {**SECTION_NAMES, **{p.id: p.name for p in article.profiles}}

# %% [markdown]
# ## 引号里的话，按类别
#
# `repaired` 为真的引语，原文的引号不成对（例如少了后引号），程序按句子边界补齐了，用前请核对原文。

# %%
quotes = tables["quotes"]
shown_or_said(quotes, "文中没有引号里的话。", lambda q: q.assign(人物=q["section_id"].map(lambda i: names.get(i, i)))
              .pivot_table(index="人物", columns="kind", values="quote_id", aggfunc="count", fill_value=0, sort=False))

# %% [markdown]
# ## 提要引语候选（前 10 条）

# %%
pulls = tables["pull_quotes"]
shown_or_said(pulls, "文中没有适合做提要引语的话。", lambda p: p.assign(
    人物=p["section_id"].map(lambda i: names.get(i, i)))[["rank", "score", "人物", "speaker", "text"]].head(10))

# %% [markdown]
# ## 数量与日期

# %%
facts = tables["facts"]
print(f"数量 {len(facts)} 条")
shown_or_said(facts.drop(columns=["article_id"]).head(15), "文中没有找到数量。")

# %%
shown_or_said(tables["dates"].drop(columns=["article_id"]).head(15), "文中没有找到日期。")
