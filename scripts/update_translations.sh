#!/usr/bin/env bash
# Refresh translations/qari_ar.ts from the UI sources (then translate new entries in
# pyside6-linguist). The .qm files are compiled by the build (setup.py) or, in a source
# checkout, on first use (reader/ui/i18n.py).
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
lupdate="$(dirname "$py")/pyside6-lupdate"
"$lupdate" reader/ui/*.py -ts translations/qari_ar.ts -source-language en -target-language ar \
  -no-obsolete
# English: only the plural forms of %n messages (fill in the singular and plural by hand).
"$lupdate" reader/ui/*.py -ts translations/qari_en.ts -source-language en -target-language en \
  -pluralonly -no-obsolete
