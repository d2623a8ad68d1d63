#!/usr/bin/env bash
# Installs the Debian packages that Qorgan's tests and demo use, when missing.
set -euo pipefail
list="$(dirname "$0")/debian-packages.txt"
missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$list"
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "Qorgan's tests need these Debian packages: ${missing[*]} (install them with apt-get as root)" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# These are tools for tests, not services: nothing they bring may start now (e2guardian
# would take port 8080, the demo proxy's). policy-rc.d answers "not allowed" while we
# install, unless the machine already has its own.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi
apt-get -o DPkg::Lock::Timeout=600 update -qq
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# ...nor start at the next boot.
if [[ -d /run/systemd/system ]] && [[ " ${missing[*]} " == *" e2guardian "* ]]; then
  systemctl disable --now e2guardian >/dev/null 2>&1 || true
fi
