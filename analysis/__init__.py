"""Chinese feature-article analysis: article -> sections -> tokens -> extractors -> tables -> figures."""

from .corpus import Article, Metadata, Profile, Section, load_article

__all__ = ["Article", "Metadata", "Profile", "Section", "load_article"]
