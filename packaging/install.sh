#!/usr/bin/env bash
# Install Qari from this unpacked bundle on a computer with no network:
#
#   ./install.sh [FOLDER]      (default: ~/.local/opt/qari)
#
# It installs the system packages the computer lacks from ./debs (through apt-get, with
# sudo when not root), Qari and its Python packages from ./wheels into a virtual
# environment in FOLDER, the translation and OCR models put in ./extras, and Qari's entry
# in the desktop's menu. Nothing is downloaded. Installing a newer bundle over an older
# one keeps the settings, annotations, translations, memory, glossary and models: they
# live in Qari's data folder, which this script never touches (their files are migrated
# when the new version opens them).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${1:-${QARI_PREFIX:-$HOME/.local/opt/qari}}"
say() { printf 'qari: %s\n' "$*" >&2; }
fail() { say "$*"; exit 2; }

# shellcheck source=/dev/null
. "$here/MANIFEST"  # QARI_VERSION, QARI_PLATFORM, QARI_OS, QARI_ARCH, QARI_PYTHON
start=$(date +%s)

# -- the computer -------------------------------------------------------------------------
[ -r /etc/os-release ] || fail "this bundle is for $QARI_OS; this computer does not say what it is"
# shellcheck source=/dev/null
os=$(. /etc/os-release && printf '%s%s' "$ID" "${VERSION_ID:-}")
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
if [ "$os" != "$QARI_OS" ] || [ "$arch" != "$QARI_ARCH" ]; then
  fail "this bundle is for $QARI_OS on $QARI_ARCH; this computer is $os on $arch (make a bundle there: ./qari.sh bundle)"
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && sudo=(sudo)
fi

# -- system packages: only those missing, from the bundle's own folder --------------------
installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null \
    | grep -Eq "install ok (installed|triggers-awaited|triggers-pending)"
}
missing=()
for deb in "$here"/debs/*.deb; do
  [ -e "$deb" ] || continue
  installed "$(dpkg-deb -f "$deb" Package)" || missing+=("$deb")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ "${#sudo[@]}" -eq 0 ]; then
    fail "${#missing[@]} system packages are missing and sudo is not here: run ./install.sh as root"
  fi
  say "installing ${#missing[@]} system packages from the bundle"
  # No package source but these files: apt-get resolves among them and what is installed,
  # and never reaches for a network (without --no-download, which fails on local files:
  # "Pathname to install is not absolute"). Its lists and cache are empty folders: ones
  # left from an installation medium or an old update (possibly naming the same versions)
  # would be taken instead of the bundle's files.
  empty=$(mktemp -d)
  mkdir -p "$empty/lists/partial" "$empty/cache/archives/partial"
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
       --no-install-recommends -o Dir::Etc::SourceList=/dev/null \
       -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$empty/lists" \
       -o Dir::Cache="$empty/cache" -o DPkg::Lock::Timeout=300 "${missing[@]}" \
       > "$here/apt.log" 2>&1; then
    rm -rf "$empty"
    tail -n 20 "$here/apt.log" >&2
    fail "the system packages could not be installed (full log: $here/apt.log)"
  fi
  rm -rf "$empty"
fi

# -- Qari in a virtual environment -------------------------------------------------------------
python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3 || true)
[ -n "$python" ] || fail "python3 is not installed and the bundle could not install it"
version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
[ "$version" = "$QARI_PYTHON" ] || fail "the bundle's packages are for Python $QARI_PYTHON; this computer has $version"
mkdir -p "$prefix"
# Each install in a folder of its own (a virtual environment cannot be moved: its scripts
# name its path), then "current" is switched to it in one step: a failed install leaves
# the installed version as it was.
target="$prefix/qari-$QARI_VERSION-$(date +%Y%m%d%H%M%S)"
rm -rf "$target"
say "installing Qari $QARI_VERSION into $prefix"
if ! { "$python" -m venv "$target" &&
       "$target/bin/python" -m pip install --no-index --find-links "$here/wheels" \
         --disable-pip-version-check -q qari; } > "$prefix/install.log" 2>&1; then
  tail -n 20 "$prefix/install.log" >&2
  rm -rf "$target"
  fail "Qari could not be installed (full log: $prefix/install.log)"
fi
ln -sfn "$(basename "$target")" "$prefix/current.new"
mv -T "$prefix/current.new" "$prefix/current"
for old in "$prefix"/qari-*; do
  [ "$old" = "$target" ] || rm -rf "$old"
done

# -- models carried in the bundle --------------------------------------------------------------
for model in "$here"/extras/*.argosmodel; do
  [ -e "$model" ] || continue
  "$prefix/current/bin/qari-cli" models install "$model" || say "the model $(basename "$model") was not installed"
done
for model in "$here"/extras/*.traineddata; do
  [ -e "$model" ] || continue
  tessdata=$(tesseract --list-langs 2>&1 | sed -n 's/.*"\(.*\)".*/\1/p' | head -n 1)
  if [ -n "$tessdata" ] && "${sudo[@]}" install -m 644 "$model" "$tessdata/"; then
    say "OCR model $(basename "$model") put in $tessdata"
  else
    say "the OCR model $(basename "$model") was not installed"
  fi
done

# -- the desktop ---------------------------------------------------------------------------------
mkdir -p "$HOME/.local/bin"
ln -sfn "$prefix/current/bin/qari" "$HOME/.local/bin/qari"
ln -sfn "$prefix/current/bin/qari-cli" "$HOME/.local/bin/qari-cli"
"$prefix/current/bin/python" -m reader.desktop install --exec "$prefix/current/bin/qari" >&2 ||
  say "the menu entry was not added (Qari works without it)"

say "Qari $QARI_VERSION is installed ($(( $(date +%s) - start )) s)."
say "Start it from the desktop's menu, or run: $prefix/current/bin/qari [FILE.pdf]"
say "(also ~/.local/bin/qari when ~/.local/bin is on your PATH; headless: qari-cli)"
