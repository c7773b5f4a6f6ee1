"""NATO Reader: a desktop reader for news articles, with entities, a timeline and notes."""

__version__ = "0.1.0"
