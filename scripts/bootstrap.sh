#!/usr/bin/env bash
# Set up everything `make` needs on a fresh Debian machine; safe to run twice.
#  1. Debian packages from scripts/system-packages.txt that are missing (needs root).
#  2. A virtual environment in .venv with the project and its pinned dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=.venv

mapfile -t wanted < <(sed -e 's/#.*//' -e '/^\s*$/d' scripts/system-packages.txt | awk '{print $1}')
missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "bootstrap: missing Debian packages: ${missing[*]}; run: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    echo "bootstrap: installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "bootstrap: creating $venv"
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[test]"
# The notebooks' kernel: papermill, nbclient and JupyterLab look it up by this name.
"$venv/bin/python" -m ipykernel install --sys-prefix --name analysis --display-name "Python (analysis)" >/dev/null
