#!/bin/bash
# Install the .deb on a throwaway copy of this system, check it, purge it, and check that
# nothing of Qorgan is left (`make deb` runs it). This PC is not touched.
#
#   [QORGAN_PYTHON=.venv/bin/python] installers/linux/verify-deb.sh dist/qorgan_0.1.0_amd64.deb [--keep]
#
# The copy: new mount, network and PID namespaces (unshare), an overlayfs whose lower
# layer is / (less any Qorgan data a developer's demo left here) and whose upper layer is
# a temporary folder, and chroot into it. Every write lands in the upper layer; the
# firewall table goes into the private network namespace. After the purge, each entry
# left in the upper layer must be dpkg's own bookkeeping or log, the account files'
# backups, or the same as on the fresh system, and none may hold the CA
# (deb_traces.py). It is uninstalled the parent's way, `qorgan-service uninstall` (which
# hands over to dpkg --purge); with QORGAN_PYTHON (a Python that imports Qorgan's code) a
# PIN is set first and a wrong one must be refused. --keep keeps the temporary folder.
set -euo pipefail

if [ "${1:-}" = --inside ]; then
    shift
    WORK="$1" DEB="$2"
    HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    # Every write of the copy lands in upper/.
    mount -t overlay overlay -o "lowerdir=/,upperdir=$WORK/upper,workdir=$WORK/work" "$WORK/root"
    # The fresh system: this PC less what a developer's Qorgan left on it (a demo's data).
    REMOVED=()
    for leftover in /var/lib/qorgan /var/lib/qorgan-proxy /opt/qorgan /run/qorgan; do
        if [ -e "$WORK/root$leftover" ]; then
            rm -rf --one-file-system "$WORK/root$leftover"
            REMOVED+=(--removed "$leftover")
        fi
    done
    ROOTFS="$WORK/root"
    mount -t proc proc "$ROOTFS/proc"
    mount --rbind /dev "$ROOTFS/dev"
    mount -t tmpfs tmpfs "$ROOTFS/run"
    mount -t tmpfs tmpfs "$ROOTFS/tmp"
    # QORGAN_PYTHON's checkout (a clean clone in /tmp, say) must stay visible in the copy.
    if [ -n "${QORGAN_PYTHON:-}" ]; then
        checkout="$(cd "$(dirname "$QORGAN_PYTHON")/../.." && pwd)"
        case "$checkout" in
            /tmp | /tmp/* | /run | /run/*)
                mkdir -p "$ROOTFS$checkout"
                mount --bind "$checkout" "$ROOTFS$checkout"
                mount -o remount,bind,ro "$ROOTFS$checkout"
                ;;
        esac
    fi
    ip link set lo up
    cp "$DEB" "$ROOTFS/tmp/qorgan.deb"
    cp "$HERE/verify-deb-inside.sh" "$ROOTFS/tmp/checks.sh"
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        QORGAN_PYTHON="${QORGAN_PYTHON:-}" chroot "$ROOTFS" /bin/bash /tmp/checks.sh
    cp "$ROOTFS/tmp/timings" "$WORK/timings"
    t=$(date +%s.%N)
    "${PYTHON:-python3}" "$HERE/deb_traces.py" "$WORK/upper" "$ROOTFS/tmp/qorgan-ca.pem" "${REMOVED[@]}"
    awk -v a="$t" -v b="$(date +%s.%N)" \
        'BEGIN { printf "verify-deb: %-28s %5.1f s\n", "trace check", b - a }' >> "$WORK/timings"
    exit 0
fi

DEB="$(realpath "${1:?give the .deb to verify}")"
KEEP="${2:-}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "$(id -u)" != 0 ]; then
    echo "verify-deb.sh: needs root (for unshare, overlayfs and chroot)" >&2
    exit 1
fi
START=$(date +%s.%N)
WORK="$(mktemp -d /var/tmp/qorgan-verify.XXXXXX)"
cleanup() {
    if [ "$KEEP" = --keep ]; then echo "kept $WORK"; else rm -rf --one-file-system "$WORK"; fi
}
trap cleanup EXIT
mkdir -p "$WORK/upper" "$WORK/work" "$WORK/root"
unshare --mount --net --pid --fork --propagation private \
    bash "$HERE/verify-deb.sh" --inside "$WORK" "$DEB"
cat "$WORK/timings"
awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "verify-deb: %.1f s in all\n", e - s }'
echo "verify-deb: passed"
