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
# # 01 读入文章，检查分段
#
# 这本笔记读入一篇人物特写，检查它被切成了哪些段落：导语（`front`）、每个人物一段（`p01`、`p02`……）、
# 文末署名（`byline`）。后面所有的统计都按这些段落计数，所以先确认分段没有错。
#
# **换一篇文章**：把下面参数格里的 `ARTICLE` 改成文章文件（`.txt`）或语料文件夹的路径，再从头运行全部单元格。

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
from analysis.segment import split_terms

article = notebook_article(ARTICLE)
tables = article_tables(article, TABLES, RunConfig(codebook=CODEBOOK))  # make report 已写出的表格，或现在分析
print(article.metadata.title or article.id, "|", article.metadata.publication, article.metadata.published)
print("记者：", "、".join(article.metadata.reporters), "| 字数：", len(article.text))

# %% [markdown]
# ## 分段
#
# 每个段落有它在原文中的起止位置 `[start, end)`。各段首尾相接、覆盖全文，才说明没有文字被漏掉或重复计算。

# %%
tables["sections"]

# %%
gaps = [(a.id, b.id) for a, b in zip(article.sections, article.sections[1:]) if a.end != b.start]
covers_all = article.sections[0].start == 0 and article.sections[-1].end == len(article.text)
print("分段首尾相接、覆盖全文：", covers_all and not gaps, "| 有缺口的相邻段：", gaps or "无")
for warning in article.warnings:
    print("注意：", warning.zh)

# %% [markdown]
# ## 人物
#
# 标题行 `职务+姓名:标题` 被拆成职务、姓名和标题；`chars` 是人物正文的字数（不同人物篇幅不同，
# 后面的比较会按每千字计算）。姓名不对时，先检查原文的标题行。

# %%
shown_or_said(tables["profiles"][["id", "role", "name", "headline", "chars"]],
              "这篇文章没有人物段落：没有找到点出人物的小标题（见上面的“注意”）。")

# %% [markdown]
# ## 分句与分词
#
# 分词用 jieba 加项目词典 `analysis/data/domain_dict.txt`。如果某个专有名词被切开了，
# 下面会列出来：把它加进项目词典即可。

# %%
tokens = tables["tokens"]
print("句子：", tokens["sentence_index"].nunique(), "| 词：", len(tokens))
print("被切开的专有名词：", split_terms(tokens, article) or "无")

# %% [markdown]
# 每个人物段落里最常见的词（已去掉停用词、标点和人名）：

# %%
counts = tables["token_counts"]
names = {p.id: p.name for p in article.profiles}
content = counts[counts["section_id"].isin(names) & (counts["pos"] != "nr")]
top = content.groupby("section_id").head(5)
shown_or_said(top, "没有人物段落，就没有各人物的常见词。", lambda top: top.assign(name=top["section_id"].map(names))
              .pivot_table(index="name", columns=top.groupby("section_id").cumcount() + 1, values="norm",
                           aggfunc="first", sort=False))
