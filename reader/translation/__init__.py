"""Offline translation: Argos Translate packages (argostranslate is imported lazily)."""
