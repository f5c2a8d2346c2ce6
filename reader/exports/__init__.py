"""What a translator hands on: the translated report (DOCX, ODT, HTML, Markdown), TMX and
XLIFF. Writers lay out ``reader.translation.report``; only they import their libraries,
and lazily."""
