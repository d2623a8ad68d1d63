#!/bin/bash
# Remove every trace of Qorgan from a Linux PC, as root.
#
#   uninstall.sh [--destdir DIR] [--dry-run] [--keep-data] [--package]
#
# Stops the service; `qorgan-service --uninstall` takes away the nftables table, the CA from
# every store (system, Firefox and Chromium policies, each child's NSS database) and the
# proxy's account; then the unit, the desktop entries, /opt/qorgan, the data and the logs.
# --keep-data keeps /var/lib/qorgan (the database) for a reinstall.
# --package  the system steps only (the .deb's prerm): dpkg removes its own files.
# Installed from the .deb, it hands over to dpkg (--purge, or -r with --keep-data).
# Started from Qorgan (`qorgan-service uninstall`), it runs only after the parent's PIN.
set -euo pipefail

DESTDIR=""
DRY=0
KEEP_DATA=0
PACKAGE=0
PREFIX=/opt/qorgan
PROXY_USER=qorgan-proxy

while [ $# -gt 0 ]; do
    case "$1" in
        --destdir) DESTDIR="$2"; shift 2 ;;
        --dry-run) DRY=1; shift ;;
        --keep-data) KEEP_DATA=1; shift ;;
        --package) PACKAGE=1; shift ;;
        -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "uninstall.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$DESTDIR" ] && [ "$DRY" = 0 ] && [ "$(id -u)" != 0 ]; then
    echo "uninstall.sh: run as root (or give --destdir DIR)" >&2
    exit 1
fi

step() {
    echo "+ $*"
    if [ "$DRY" = 0 ]; then "$@"; fi
}
system() {
    if [ -n "$DESTDIR" ]; then
        echo "skip (destdir): $*"
    else
        step "$@" || echo "uninstall.sh: failed (going on): $*" >&2
    fi
}

if [ "$PACKAGE" = 0 ] && [ -z "$DESTDIR" ] && [ "$DRY" = 0 ] \
        && dpkg-query -W -f '${Status}' qorgan 2>/dev/null | grep -q ' installed$'; then
    # dpkg owns the files: its prerm runs this script with --package, then removes them.
    if [ "$KEEP_DATA" = 1 ]; then exec dpkg -r qorgan; else exec dpkg --purge qorgan; fi
fi

R="$DESTDIR"
if [ -n "$DESTDIR" ] || [ "$DRY" = 1 ] || command -v systemctl >/dev/null; then
    if [ -n "$DESTDIR" ] || [ "$DRY" = 1 ] || [ -d /run/systemd/system ]; then
        system systemctl stop qorgan-service
    fi
    system systemctl disable qorgan-service
fi
# Firewall table, CA trust everywhere, the proxy's account and home, /run/qorgan.
if [ -n "$DESTDIR" ] || [ "$DRY" = 1 ] || [ -x "$PREFIX/service/qorgan-service" ]; then
    system "$PREFIX/service/qorgan-service" --uninstall
    # The browsers' policy folders the setup made, now empty.
    system "$PREFIX/service/qorgan-service" setup --forget
fi
if [ -n "$DESTDIR" ] || [ "$DRY" = 1 ] || getent passwd "$PROXY_USER" >/dev/null 2>&1; then
    system userdel "$PROXY_USER"
fi
if [ "$PACKAGE" = 1 ]; then
    step rm -rf --one-file-system "$R/var/lib/qorgan-proxy" "$R/run/qorgan"
    if [ "$KEEP_DATA" = 0 ]; then step rm -rf --one-file-system "$R/var/lib/qorgan"; fi
    echo "Qorgan's system parts removed (dpkg removes its files)"
    exit 0
fi
step rm -f "$R/etc/systemd/system/qorgan-service.service" \
    "$R/usr/share/applications/qorgan-console.desktop" \
    "$R/etc/xdg/autostart/qorgan-tray.desktop" \
    "$R/usr/local/bin/qorgan"
if [ -n "$DESTDIR" ] || [ "$DRY" = 1 ] || [ -d /run/systemd/system ]; then
    system systemctl daemon-reload
fi
step rm -rf --one-file-system "$R$PREFIX" "$R/var/lib/qorgan-proxy" "$R/run/qorgan"
if [ "$KEEP_DATA" = 0 ]; then
    step rm -rf --one-file-system "$R/var/lib/qorgan"
fi
# In a destdir, the folders the installer made, when empty (never DESTDIR itself).
if [ -n "$DESTDIR" ] && [ "$DRY" = 0 ]; then
    for folder in /etc/xdg/autostart /usr/share/applications /etc/systemd/system \
                  /usr/local/bin /var/lib /opt; do
        while [ "$folder" != / ] && rmdir "$R$folder" 2>/dev/null; do
            folder="$(dirname "$folder")"
        done
    done
fi
echo "Qorgan removed"
