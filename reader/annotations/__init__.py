"""Highlights, notes and their anchors, storage, interchange and the Markdown summary."""
