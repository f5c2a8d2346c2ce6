#!/usr/bin/env bash
# Score `extract --ocr always` on image-only copies of the corpus (made here if missing):
#   scripts/score_ocr.sh [SCANS_DIR]        (default /tmp/qari-scans)
set -euo pipefail
cd "$(dirname "$0")/.."
scans=${1:-/tmp/qari-scans}
corpus=../shared/corpus
py=${PYTHON:-.venv/bin/python}
[ -d "$scans" ] || "$py" scripts/rasterize_corpus.py "$corpus/corpus" "$scans"
here=$PWD
# score.py runs the command on each original PDF: point it at the image-only copy instead.
"${SCORE_PYTHON:-$py}" "$corpus/score.py" --name ocr \
  --cmd "sh -c 'exec \"$here/$py\" \"$here/main.py\" extract \"$scans/\$(basename \$(dirname \$0))/\$(basename \$0)\" --ocr always' {pdf}" "${@:2}"
