#!/usr/bin/env bash
# Installs the Debian packages palaute needs, only those that are missing.
# Uses apt-get as root, sudo otherwise, and says clearly what to do when neither is possible.
set -euo pipefail

packages=(pkg-config libsqlite3-dev libcurl4-openssl-dev libvoikko-dev voikko-fi)
missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "palaute: missing system packages: ${missing[*]}" >&2
    echo "palaute: this is not a Debian-like system; install libvoikko (with the Finnish voikko-fi dictionary), SQLite and libcurl development files by hand." >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo)
else
    echo "palaute: missing system packages: ${missing[*]}" >&2
    echo "palaute: run as root or with sudo rights: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "palaute: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! "${run[@]}" apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; then
    "${run[@]}" apt-get update -q >/dev/null
    "${run[@]}" apt-get install -y -q "${missing[@]}"
fi
