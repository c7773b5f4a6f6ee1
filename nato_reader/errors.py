"""Errors that reach the user as one clear line."""


class NatoReaderError(Exception):
    """Base class: the message is written for the user, not the developer."""


class LibraryError(NatoReaderError):
    """The library file cannot be opened or used as it is."""


class ArticleFileError(NatoReaderError):
    """A file cannot be read as an article."""


class AnalysisUnavailable(NatoReaderError):
    """The language pipeline is not installed."""
