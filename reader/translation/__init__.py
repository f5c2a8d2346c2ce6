"""Offline translation: Argos Translate packages, read and run by Qari (the model libraries
are imported lazily, by ``reader.translation.argos`` only)."""
