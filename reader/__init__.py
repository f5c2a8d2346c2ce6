"""Qari: an offline reader for the bilingual review of Arabic PDF reports."""

__version__ = "0.1.0"
