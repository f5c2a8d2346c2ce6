#!/usr/bin/env bash
# Qari set-up and launcher for a fresh Debian or Ubuntu machine.
#
#   ./qari.sh run [FILE.pdf] [--lang ar|en]   install what is missing, open the reader
#                                             (the bundled sample report by default)
#   ./qari.sh test [PYTEST ARGS]              install the test dependencies, run every test
#
# It installs missing system libraries with apt-get (only those missing; via sudo when not
# root), creates .venv beside this script and installs Qari into it with its test extra.
# Nothing else is downloaded, ever: Qari itself works offline.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"

# Qt's own needs (offscreen and on a desktop), a Latin UI font, and Python's venv.
# OCR for scanned pages: Tesseract with its Arabic data (the tests read scans with it).
base_packages=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
               libglib2.0-0 fonts-dejavu-core tesseract-ocr tesseract-ocr-ara)
# The tests also rewrite PDFs with Ghostscript, as some producers' files arrive.
test_packages=(ghostscript)
desktop_packages=(libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
                  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0
                  libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
                  libxcb-xkb1 libxkbcommon-x11-0)

say() { printf 'qari: %s\n' "$*" >&2; }

missing_packages() {
  # Installed, or installed and only waiting for its triggers (another apt-get is still
  # finishing): usable either way. Only a package that is not there is missing.
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null \
      | grep -Eq "install ok (installed|triggers-awaited|triggers-pending)" \
      || printf '%s\n' "$pkg"
  done
}

ensure_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian-like system: install Qt's libraries yourself"; return 0; }
  local wanted=("$@")
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    wanted+=(python3 python3-venv python3-pip)
  fi
  mapfile -t missing < <(missing_packages "${wanted[@]}")
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      say "missing system packages (install them as root): ${missing[*]}"; return 0
    fi
  fi
  say "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt-get or an update service may hold the package lock: wait for it (up to
  # five minutes) rather than fail at once, and say so if it never comes free.
  local wait=(-o DPkg::Lock::Timeout=300)
  if ! "${sudo[@]}" apt-get "${wait[@]}" update -qq ||
     ! "${sudo[@]}" apt-get "${wait[@]}" install -y -qq --no-install-recommends \
       "${missing[@]}" >/dev/null; then
    say "could not install ${missing[*]}: if another package manager is running, let it"
    say "finish and run this again; otherwise install them as root"
    exit 1
  fi
}

ensure_venv() {
  # "run" installs Qari; "test" adds its test tools (pytest and the readers the tests use).
  local extra=${1:-run} python=${PYTHON:-python3}
  local stamp="$venv/.qari-installed-$extra" target="$here"
  [ "$extra" = test ] && target="$here[test]"
  if [ ! -x "$venv/bin/python" ]; then
    say "creating $venv"
    "$python" -m venv "$venv"
  fi
  # Reinstall only when the project's declared dependencies changed.
  if [ ! -f "$stamp" ] || [ "$here/pyproject.toml" -nt "$stamp" ] || [ "$here/setup.py" -nt "$stamp" ]; then
    say "installing Qari and its dependencies into .venv (first run takes a minute or two)"
    local log="$venv/pip-install.log"
    if ! { "$venv/bin/python" -m pip install --upgrade pip &&
           "$venv/bin/python" -m pip install -e "$target"; } >"$log" 2>&1; then
      tail -n 30 "$log" >&2
      say "installing the Python packages failed (full log: $log)"
      exit 1
    fi
    touch "$stamp"
  fi
}

command=${1:-run}
[ $# -gt 0 ] && shift
cd "$here"
case "$command" in
  run)
    ensure_packages "${base_packages[@]}" "${desktop_packages[@]}"
    # Test tools already there (a checkout that ran the tests) are fine; never required.
    [ -f "$venv/.qari-installed-test" ] && [ ! "$here/pyproject.toml" -nt "$venv/.qari-installed-test" ] \
      || ensure_venv run
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "no desktop session found (DISPLAY is not set); the window needs one"
      exit 2
    fi
    exec "$venv/bin/python" "$here/main.py" "$@"
    ;;
  test)
    ensure_packages "${base_packages[@]}" "${test_packages[@]}"
    ensure_venv test
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    exec "$venv/bin/python" -m pytest "$@"
    ;;
  *)
    say "usage: ./qari.sh run [FILE.pdf] [--lang ar|en] | ./qari.sh test [pytest args]"
    exit 2
    ;;
esac
