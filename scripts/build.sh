#!/usr/bin/env bash
# Builds the one-folder application (build.spec, PyInstaller) and prints where it is and
# how big. `make build` runs it after setting up .venv and the system packages.
#
#   scripts/build.sh [--dist DIR] [--work DIR] [--selftest]
#
#   --dist DIR   where the folder goes (default dist/: dist/desktop-app)
#   --work DIR   PyInstaller's scratch folder (default build/pyinstaller)
#   --selftest   then run <folder>/desktop-app --selftest (offscreen)
#
# Needs .venv with the dev lock installed (`make build` does it: PyInstaller is locked in
# requirements/dev.txt). On Linux it also needs objdump (binutils, in
# scripts/system-packages.txt) and a shared libpython.
#
# Windows: scripts\windows\build.cmd does the same with the same build.spec, giving
# dist\desktop-app\desktop-app.exe (the window) and desktop-app-cli.exe (command line and
# --selftest). PyInstaller does not cross-compile: build the Windows folder on Windows.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=dist
work=build/pyinstaller
selftest=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --selftest) selftest=1; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

py=.venv/bin/python
if [ ! -x "$py" ]; then
  echo "build.sh: $py not found: run \`make build\` (it creates .venv and installs the project)" >&2
  exit 1
fi

if ! "$py" -m PyInstaller --version >/dev/null 2>&1; then
  echo "build.sh: PyInstaller is not in .venv: run \`make build\` (it installs requirements/dev.txt)" >&2
  exit 1
fi

if [ "$(uname -s)" = "Linux" ]; then
  command -v objdump >/dev/null || {
    echo "build.sh: objdump missing: install binutils (scripts/ensure-system-packages.sh does)" >&2
    exit 1
  }
  # PyInstaller bundles the interpreter's shared library: Debian's python3 needs the
  # libpython3.X package for it (pyenv's and python.org's builds carry their own).
  package=$("$py" -c '
import ctypes.util, os, sys, sysconfig
name = sysconfig.get_config_var("INSTSONAME") or ""
libdir = sysconfig.get_config_var("LIBDIR") or ""
multiarch = sysconfig.get_config_var("MULTIARCH") or ""
version = f"{sys.version_info[0]}.{sys.version_info[1]}"
places = [os.path.join(libdir, name), os.path.join(libdir, multiarch, name)]
found = any(os.path.isfile(p) for p in places) or ctypes.util.find_library(f"python{version}")
print("" if found else f"libpython{version}")')
  if [ -n "$package" ]; then
    echo "installing $package (PyInstaller bundles the shared libpython)"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null
  fi
fi

mkdir -p "$dist" "$work"
SECONDS=0
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" build.spec
elapsed=$SECONDS

folder="$dist/desktop-app"
size=$(du -sh "$folder" | cut -f1)
files=$(find "$folder" -type f | wc -l)
echo "built $folder in $elapsed s: $size, $files files"
echo "check it:  $folder/desktop-app --selftest"

if [ "$selftest" -eq 1 ]; then
  QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$folder/desktop-app" --selftest
fi
