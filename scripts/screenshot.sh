#!/usr/bin/env bash
# Take the README's screenshot of the real window under Xvfb: docs/screenshot.png
# (English UI) and docs/screenshot-ar.png (Arabic UI). Needs ./qari.sh run to have set up .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v xvfb-run >/dev/null 2>&1; then
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq xvfb xauth >/dev/null
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for lang in en ar; do
  out=docs/screenshot.png
  [ "$lang" = ar ] && out=docs/screenshot-ar.png
  # A few annotations, so the picture shows them on the page, in the text and in the panel.
  QARI_DATA_DIR="$data/$lang" .venv/bin/python scripts/seed_annotations.py >/dev/null
  QARI_DATA_DIR="$data/$lang" xvfb-run -a -s "-screen 0 1440x900x24" \
    .venv/bin/python main.py --lang "$lang" --screenshot "$out"
done
