#!/usr/bin/env bash
# Take the README's screenshots of the real window under Xvfb: docs/screenshot.png
# (English UI), docs/screenshot-ar.png (Arabic UI) and docs/screenshot-dark.png. Needs ./qari.sh run to have set up .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v xvfb-run >/dev/null 2>&1; then
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq xvfb xauth >/dev/null
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for look in en ar dark; do
  out=docs/screenshot.png lang=en
  [ "$look" = ar ] && out=docs/screenshot-ar.png lang=ar
  [ "$look" = dark ] && out=docs/screenshot-dark.png
  # A few annotations, so the picture shows them on the page, in the text and in the panel.
  QARI_DATA_DIR="$data/$look" .venv/bin/python scripts/seed_annotations.py >/dev/null
  if [ "$look" = dark ]; then
    QARI_DATA_DIR="$data/$look" QT_QPA_PLATFORM=offscreen .venv/bin/python -c \
      "from reader.ui.settings import SettingsStore as S; s = S(); s.set_theme('dark'); s.sync()"
  fi
  QARI_DATA_DIR="$data/$look" xvfb-run -a -s "-screen 0 1440x900x24" \
    .venv/bin/python main.py --lang "$lang" --screenshot "$out"
done
