#!/bin/bash
# verify-deb.sh's checks, run inside the throwaway chroot: install, check, purge, check.
set -euo pipefail
fail() { echo "verify-deb: FAILED: $*" >&2; exit 1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" -v w="$2" 'BEGIN { printf "verify-deb: %-28s %5.1f s\n", w, b - a }' >> /tmp/timings; }
: > /tmp/timings

t=$(now)
dpkg -i /tmp/qorgan.deb || fail "dpkg -i"
took "$t" "dpkg -i"
dpkg-query -W -f '${Status}\n' qorgan | grep -q "install ok installed" || fail "not installed"

# The account, the unit, the data folder, the CA and its trust, the firewall, the files.
getent passwd qorgan-proxy | grep -q ':/usr/sbin/nologin$' || fail "no qorgan-proxy account"
test -f /lib/systemd/system/qorgan-service.service || fail "no unit"
grep -q '^ExecStart=/opt/qorgan/service/qorgan-service ' /lib/systemd/system/qorgan-service.service \
    || fail "the unit does not start the bundle"
test -L /etc/systemd/system/multi-user.target.wants/qorgan-service.service || fail "unit not enabled"
[ "$(stat -c %a /var/lib/qorgan)" = 700 ] || fail "/var/lib/qorgan is not 0700"
CA=/var/lib/qorgan-proxy/mitmproxy/mitmproxy-ca-cert.pem
test -f "$CA" || fail "no CA"
[ "$(stat -c %U:%a /var/lib/qorgan-proxy/mitmproxy/mitmproxy-ca.pem)" = qorgan-proxy:600 ] \
    || fail "the CA's key is not the proxy's alone"
cp "$CA" /tmp/qorgan-ca.pem
cmp -s "$CA" /usr/local/share/ca-certificates/qorgan-ca.crt || fail "CA not in the system store"
body="$(sed -n '2p' "$CA")"
grep -qF "$body" /etc/ssl/certs/ca-certificates.crt || fail "CA not in ca-certificates.crt"
grep -q qorgan-ca.crt /etc/firefox/policies/policies.json || fail "no Firefox policy"
test -f /etc/chromium/policies/managed/qorgan.json || fail "no Chromium policy"
nft list table inet qorgan >/dev/null || fail "no nftables table"
for f in /usr/share/applications/qorgan-console.desktop /etc/xdg/autostart/qorgan-tray.desktop \
         /opt/qorgan/bin/qorgan-tray-autostart /opt/qorgan/gui/qorgan-render; do
    test -e "$f" || fail "missing $f"
done
/usr/bin/qorgan --help >/dev/null || fail "qorgan --help"
for exe in /opt/qorgan/service/qorgan-service /opt/qorgan/gui/qorgan-console; do
    if ldd "$exe" | grep -q "not found"; then fail "$exe misses libraries"; fi
done
QT_QPA_PLATFORM=offscreen /opt/qorgan/gui/qorgan-console --check-imports >/dev/null \
    || fail "the console's imports"
t=$(now)
/opt/qorgan/service/qorgan-service selftest || fail "selftest"
took "$t" "selftest (installed)"

# The installed root service, as systemd would start it (ExecStart), until SIGTERM.
t=$(now)
exec_start="$(sed -n 's/^ExecStart=//p' /lib/systemd/system/qorgan-service.service)"
$exec_start > /tmp/service.log 2>&1 &
service=$!
for _ in $(seq 1 150); do
    [ -S /run/qorgan/qorgan.sock ] && break
    sleep 0.2
done
[ -S /run/qorgan/qorgan.sock ] || { cat /tmp/service.log >&2; fail "the service opened no socket"; }
if grep -q "cannot run Qorgan's code\|Traceback" /tmp/service.log; then
    cat /tmp/service.log >&2
    fail "the installed service reports a problem"
fi
kill -TERM "$service"
code=0
wait "$service" || code=$?
[ "$code" = 0 ] || { cat /tmp/service.log >&2; fail "the service stopped with exit $code"; }
took "$t" "service start and stop"

# Uninstall as a parent would, from Qorgan: the PIN first, then uninstall.sh hands over to
# dpkg --purge. With the checkout's Python the PIN is set first (a wrong one must refuse).
if [ -n "${QORGAN_PYTHON:-}" ]; then
    PYTHONDONTWRITEBYTECODE=1 "$QORGAN_PYTHON" -c 'import sys; from pathlib import Path; from app.store import Store
with Store.open(Path(sys.argv[1])) as store: store.set_pin("2468")' /var/lib/qorgan/qorgan.db \
        || fail "setting a PIN"
    set +e
    echo 1357 | /opt/qorgan/service/qorgan-service uninstall --pin-stdin
    code=$?
    set -e
    [ "$code" = 3 ] || fail "a wrong PIN gave exit $code, not 3"
    dpkg-query -W -f '${Status}\n' qorgan | grep -q "install ok installed" \
        || fail "a wrong PIN removed something"
    echo "verify-deb: a wrong PIN is refused, nothing removed"
fi
t=$(now)
echo 2468 | /opt/qorgan/service/qorgan-service uninstall --pin-stdin || fail "uninstall from Qorgan"
took "$t" "uninstall (dpkg --purge)"
if dpkg-query -W qorgan >/dev/null 2>&1; then fail "dpkg still knows qorgan"; fi
if getent passwd qorgan-proxy >/dev/null; then fail "qorgan-proxy is still there"; fi
if getent group qorgan-proxy >/dev/null; then fail "the qorgan-proxy group is still there"; fi
if nft list table inet qorgan >/dev/null 2>&1; then fail "the nftables table is still there"; fi
if grep -qF "$body" /etc/ssl/certs/ca-certificates.crt; then fail "CA still trusted"; fi
for f in /opt/qorgan /var/lib/qorgan /var/lib/qorgan-proxy /lib/systemd/system/qorgan-service.service \
         /etc/systemd/system/multi-user.target.wants/qorgan-service.service /usr/bin/qorgan \
         /usr/local/share/ca-certificates/qorgan-ca.crt /etc/firefox/policies/policies.json \
         /etc/chromium/policies/managed/qorgan.json; do
    if [ -e "$f" ] || [ -L "$f" ]; then fail "$f is still there"; fi
done
echo "verify-deb: installed, checked and purged in the chroot"
