"""Arabic text handling: pure Python, no PDF or Qt objects."""
