#!/usr/bin/env bash
# Qari set-up and launcher for a fresh Debian or Ubuntu machine.
#
#   ./qari.sh run [FILE.pdf] [--lang ar|en]   install what is missing, open the reader
#                                             (the bundled sample report by default)
#   ./qari.sh test [PYTEST ARGS]              install the test dependencies, run every test
#   ./qari.sh bundle [DIR] [--with FILE]...   write an offline installer for this platform:
#                                             DIR/qari-<version>-<platform>.tar.gz holding the
#                                             wheels, the Debian packages a base system lacks,
#                                             install.sh, and the FILEs (.argosmodel,
#                                             .traineddata) to install with it
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
# The tests also rewrite PDFs with Ghostscript, as some producers' files arrive, make a
# minimal Debian (debootstrap) to install the offline bundle in, and read a subset whose
# glyphs only the installed font names (Scheherazade; the corpus test hides such fonts).
test_packages=(ghostscript debootstrap fonts-sil-scheherazade)
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

bundle() {
  local out="$here/dist" extras=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --with) [ $# -ge 2 ] || { say "--with needs a file"; exit 2; }
              [ -f "$2" ] || { say "no such file: $2"; exit 2; }
              extras+=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
      -*) say "unknown option: $1"; exit 2 ;;
      *) out="$1"; shift ;;
    esac
  done
  command -v apt-get >/dev/null 2>&1 || { say "a bundle is made on Debian or Ubuntu (apt-get)"; exit 2; }
  ensure_packages python3 python3-venv python3-pip
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  # The target's own Python (Debian's), whose version the wheels are for.
  local python=/usr/bin/python3 version os arch pyver name stage
  version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$here/pyproject.toml" | head -n 1)
  os=$(. /etc/os-release && printf '%s%s' "$ID" "${VERSION_ID:-}")
  arch=$(dpkg --print-architecture)
  pyver=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  name="qari-$version-$os-$arch-py$pyver"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  stage="$work/$name"
  mkdir -p "$stage/wheels" "$stage/debs" "$stage/extras"
  say "collecting Qari and its Python packages for Python $pyver"
  "$python" -m venv "$work/build"
  if ! { "$work/build/bin/python" -m pip install -q --upgrade pip &&
         "$work/build/bin/python" -m pip wheel -q --wheel-dir "$stage/wheels" "$here"; } \
       >"$work/pip.log" 2>&1; then
    tail -n 30 "$work/pip.log" >&2; say "collecting the wheels failed"; exit 1
  fi
  # The Debian packages Qari needs with every dependency a base system lacks: apt-get
  # resolves them as if only the "required" packages (debootstrap's minimal base) were
  # installed, then downloads exactly those versions.
  say "collecting the Debian packages a base system lacks"
  # The base: the installed "required" and essential packages with everything they depend on.
  "$python" - >"$work/base-status" <<'PYTHON'
import re, sys
stanzas = open("/var/lib/dpkg/status", encoding="utf-8").read().strip().split("\n\n")
info = {}
provides = {}
for text in stanzas:
    fields = dict(re.findall(r"^([\w-]+): (.*(?:\n .*)*)", text, re.M))
    if "installed" not in fields.get("Status", "").split():
        continue
    name = fields["Package"]
    info[name] = (text, fields)
    for item in fields.get("Provides", "").split(","):
        if item.strip():
            provides.setdefault(item.split()[0].split(":")[0], []).append(name)
base = [n for n, (_, f) in info.items() if f.get("Priority") == "required" or f.get("Essential") == "yes"]
seen = set(base)
while base:
    fields = info[base.pop()][1]
    for group in (fields.get("Pre-Depends", "") + "," + fields.get("Depends", "")).split(","):
        for alt in group.split("|"):
            dep = alt.strip().split(" ")[0].split(":")[0]
            found = [dep] if dep in info else provides.get(dep, [])
            if found:
                for f in found:
                    if f not in seen:
                        seen.add(f); base.append(f)
                break
sys.stdout.write("\n\n".join(info[n][0] for n in sorted(seen)) + "\n\n")
PYTHON
  local sudo=()
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo=(sudo)
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq || true
  mapfile -t wanted < <(apt-get -s -o Dir::State::status="$work/base-status" \
      -o Debug::NoLocking=1 install --no-install-recommends \
      "${base_packages[@]}" "${desktop_packages[@]}" python3 python3-venv 2>/dev/null \
    | awk '/^Inst / { v = $3; gsub(/[()]/, "", v); print $2 "=" v }')
  if [ "${#wanted[@]}" -eq 0 ]; then say "apt-get could not resolve Qari's packages"; exit 1; fi
  if ! (cd "$stage/debs" && apt-get download -q "${wanted[@]}" >"$work/apt.log" 2>&1); then
    tail -n 20 "$work/apt.log" >&2; say "downloading the Debian packages failed"; exit 1
  fi
  local extra
  for extra in "${extras[@]}"; do cp "$extra" "$stage/extras/"; done
  install -m 755 "$here/packaging/install.sh" "$stage/install.sh"
  cp "$work/base-status" "$stage/debs/BASE-STATUS"  # the base system the debs complete
  cat >"$stage/MANIFEST" <<MANIFEST
QARI_VERSION=$version
QARI_PLATFORM=$os-$arch-py$pyver
QARI_OS=$os
QARI_ARCH=$arch
QARI_PYTHON=$pyver
MANIFEST
  tar -C "$work" -czf "$out/$name.tar.gz.part" "$name"
  mv "$out/$name.tar.gz.part" "$out/$name.tar.gz"
  say "wrote $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1); ${#wanted[@]} Debian packages, $(ls "$stage/wheels" | wc -l) wheels)"
  say "on the offline computer: tar xf $name.tar.gz && $name/install.sh"
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
    if [ ! -f "$venv/.qari-desktop" ]; then  # once: Qari in the desktop's menu
      "$venv/bin/python" -m reader.desktop install --exec "$venv/bin/qari" && touch "$venv/.qari-desktop" || true
    fi
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
  bundle)
    bundle "$@"
    ;;
  *)
    say "usage: ./qari.sh run [FILE.pdf] [--lang ar|en] | ./qari.sh test [pytest args] | ./qari.sh bundle [DIR] [--with FILE]"
    exit 2
    ;;
esac
