"""Draw Qari's application icon: resources/icons/io.github.qari.Qari.svg and PNGs at the
sizes desktops ask for. The letter is قاف from the bundled Noto Naskh Arabic (OFL), turned
into an outline so the SVG needs no font. Run after changing the design; the files are
committed."""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
sys.path.insert(0, str(ROOT))  # the names and sizes are the installer's (reader.desktop)


def letter_path(box: tuple[float, float, float, float]) -> str:
    """The glyph of ق fitted into ``box`` (x0, y0, x1, y1 in SVG units, y down)."""
    font = TTFont(ROOT / "resources" / "fonts" / "NotoNaskhArabic-Bold.ttf")
    glyphs = font.getGlyphSet()
    name = font.getBestCmap()[ord("ق")]
    bounds = BoundsPen(glyphs)
    glyphs[name].draw(bounds)
    gx0, gy0, gx1, gy1 = bounds.bounds
    x0, y0, x1, y1 = box
    scale = min((x1 - x0) / (gx1 - gx0), (y1 - y0) / (gy1 - gy0))
    dx = x0 + ((x1 - x0) - (gx1 - gx0) * scale) / 2 - gx0 * scale
    dy = y0 + ((y1 - y0) - (gy1 - gy0) * scale) / 2 + gy1 * scale
    pen = SVGPathPen(glyphs)
    glyphs[name].draw(TransformPen(pen, (scale, 0, 0, -scale, dx, dy)))  # y flipped
    return pen.getCommands()


def svg() -> str:
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"
     viewBox="0 0 256 256">
  <title>Qari</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#17806f"/>
      <stop offset="1" stop-color="#0d4f57"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="url(#bg)"/>
  <!-- an open book: two pages meeting at the spine -->
  <path d="M28 176 Q78 160 126 182 L126 222 Q78 202 28 216 Z" fill="#f4efe1"/>
  <path d="M228 176 Q178 160 130 182 L130 222 Q178 202 228 216 Z" fill="#e6dcc3"/>
  <path d="{letter_path((70, 26, 186, 164))}" fill="#fbf7ea"/>
</svg>
"""


def main() -> None:
    from reader.desktop import APP_ID as NAME
    from reader.desktop import ICON_SIZES as SIZES

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{NAME}.svg"
    path.write_text(svg(), encoding="utf-8")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication([*sys.argv[:1], "-platform", "offscreen"])
    renderer = QSvgRenderer(str(path))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(OUT / f"{NAME}-{size}.png"))
    del app


if __name__ == "__main__":
    main()
