#!/bin/bash
# Install Qorgan's PyInstaller bundles on a Linux PC (Debian 12 and alike), as root.
#
#   installers/linux/install.sh [--bundle DIR] [--destdir DIR] [--dry-run] [--no-start]
#                               [--policy school.json --public-key KEY [--url https://...]]
#
# --bundle   the folder holding qorgan-service/ and qorgan-gui/ (default: dist next to the repo)
# --destdir  install into DIR as if it were / (a package build or a test); nothing outside
#            DIR is touched and the system steps (user, systemd) are printed, not run
# --dry-run  print every step, change nothing
# --policy   a school lab: the signed school.json (with school.json.sig) and the school's
#            public key, imported silently before the service starts (docs/school.md)
#
# What it puts in place (uninstall.sh takes each away again):
#   /opt/qorgan/service/        qorgan-service, qorgan, mitmdump (+ _internal/)
#   /opt/qorgan/gui/            qorgan-console, qorgan-tray, qorgan-render (+ _internal/)
#   /opt/qorgan/bin/qorgan-tray-autostart, /opt/qorgan/uninstall.sh
#   /usr/local/bin/qorgan -> /opt/qorgan/service/qorgan
#   /etc/systemd/system/qorgan-service.service
#   /usr/share/applications/qorgan-console.desktop
#   /etc/xdg/autostart/qorgan-tray.desktop (starts the tray in supervised accounts only)
# The system user qorgan-proxy is created here; the service makes the per-installation CA,
# installs it in every trust store and puts up the nftables firewall on its first start.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUNDLE="$(cd "$HERE/../.." && pwd)/dist"
DESTDIR=""
DRY=0
START=1
POLICY=""
PUBLIC_KEY=""
URL=""
PREFIX=/opt/qorgan
PROXY_USER=qorgan-proxy

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) BUNDLE="$2"; shift 2 ;;
        --destdir) DESTDIR="$2"; shift 2 ;;
        --dry-run) DRY=1; shift ;;
        --no-start) START=0; shift ;;
        --policy) POLICY="$2"; shift 2 ;;
        --public-key) PUBLIC_KEY="$2"; shift 2 ;;
        --url) URL="$2"; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage 2 ;;
    esac
done

if [ -n "$POLICY" ] && [ -z "$PUBLIC_KEY" ]; then
    echo "install.sh: --policy needs --public-key (the school's Ed25519 key)" >&2
    exit 2
fi
for part in qorgan-service/qorgan-service qorgan-service/qorgan qorgan-service/mitmdump \
            qorgan-gui/qorgan-console qorgan-gui/qorgan-tray; do
    if [ ! -x "$BUNDLE/$part" ] && [ "$DRY" = 0 ]; then
        echo "install.sh: $BUNDLE/$part is missing: build it first with make dist" >&2
        exit 1
    fi
done
if [ -z "$DESTDIR" ] && [ "$DRY" = 0 ] && [ "$(id -u)" != 0 ]; then
    echo "install.sh: run as root (or give --destdir DIR)" >&2
    exit 1
fi

# A file step: shown, and done unless --dry-run.
step() {
    echo "+ $*"
    if [ "$DRY" = 0 ]; then "$@"; fi
}
# A step on the running system: only without --destdir.
system() {
    if [ -n "$DESTDIR" ]; then
        echo "skip (destdir): $*"
    else
        step "$@"
    fi
}
write() {  # write MODE PATH < content
    local mode="$1" path="$2" content
    content="$(cat)"
    echo "+ write $path ($mode)"
    if [ "$DRY" = 0 ]; then
        printf '%s\n' "$content" > "$path"
        chmod "$mode" "$path"
    fi
}

R="$DESTDIR"
step install -d -m 755 "$R$PREFIX" "$R$PREFIX/bin" "$R/usr/local/bin" "$R/etc/systemd/system" \
    "$R/usr/share/applications" "$R/etc/xdg/autostart"
step rm -rf "$R$PREFIX/service" "$R$PREFIX/gui"
step cp -a "$BUNDLE/qorgan-service" "$R$PREFIX/service"
step cp -a "$BUNDLE/qorgan-gui" "$R$PREFIX/gui"
# Every account must read and run the bundle: the proxy's user runs mitmdump from it.
step chmod -R u=rwX,go=rX "$R$PREFIX/service" "$R$PREFIX/gui"
step install -m 755 "$HERE/uninstall.sh" "$R$PREFIX/uninstall.sh"
step ln -sfn "$PREFIX/service/qorgan" "$R/usr/local/bin/qorgan"

write 755 "$R$PREFIX/bin/qorgan-tray-autostart" <<'SCRIPT'
#!/bin/sh
# Starts the tray in a supervised account only: admins (sudo, wheel, admin, adm) and system
# accounts get no tray, as the service never filters them (app/platform/accounts.py).
[ "$(id -u)" -ge 1000 ] || exit 0
for group in $(id -nG); do
    case "$group" in sudo|wheel|admin|adm) exit 0 ;; esac
done
exec /opt/qorgan/gui/qorgan-tray "$@"
SCRIPT

sed -e "s|^ExecStart=.*|ExecStart=$PREFIX/service/qorgan-service --data-dir /var/lib/qorgan --run-dir /run/qorgan|" \
    -e "s|^WorkingDirectory=.*|WorkingDirectory=$PREFIX/service|" \
    -e "s|/opt/qorgan/venv/bin/python -m app.service.main --uninstall|$PREFIX/uninstall.sh|" \
    "$HERE/qorgan-service.service" | write 644 "$R/etc/systemd/system/qorgan-service.service"

write 644 "$R/usr/share/applications/qorgan-console.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Qorgan
Name[kk]=Qorgan — ата-ана бақылауы
Name[ru]=Qorgan — родительский контроль
Comment=Parental control: children, rules, reports
Exec=$PREFIX/gui/qorgan-console
Icon=security-high
Terminal=false
Categories=Settings;Security;
DESKTOP

write 644 "$R/etc/xdg/autostart/qorgan-tray.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Qorgan tray
Comment=Time left and requests for the child's account
Exec=$PREFIX/bin/qorgan-tray-autostart
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
DESKTOP

if ! getent passwd "$PROXY_USER" >/dev/null 2>&1 || [ -n "$DESTDIR" ]; then
    system useradd --system --home-dir /var/lib/qorgan-proxy --no-create-home \
        --shell /usr/sbin/nologin --user-group "$PROXY_USER"
fi
if [ -n "$POLICY" ]; then
    args=(--policy "$POLICY" --public-key "$PUBLIC_KEY")
    if [ -n "$URL" ]; then args+=(--url "$URL"); fi
    system "$PREFIX/service/qorgan" --data-dir /var/lib/qorgan school install "${args[@]}"
fi
system systemctl daemon-reload
if [ "$START" = 1 ]; then
    # On its first start the service makes the CA, trusts it everywhere, raises the firewall.
    system systemctl enable --now qorgan-service
fi
echo "Qorgan installed in $R$PREFIX"
