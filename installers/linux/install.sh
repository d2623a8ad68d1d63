#!/bin/bash
# Install Qorgan's PyInstaller bundles on a Linux PC (Debian 12 and alike), as root.
#
#   installers/linux/install.sh [--bundle DIR] [--destdir DIR] [--dry-run] [--no-start]
#                               [--policy school.json --public-key KEY [--url https://...]]
#                               [--package] [--configure]
#
# --bundle   the folder holding qorgan-service/ and qorgan-gui/ (default: dist next to the repo)
# --destdir  install into DIR as if it were / (a package build or a test); nothing outside
#            DIR is touched and the system steps (user, systemd) are printed, not run
# --dry-run  print every step, change nothing
# --policy   a school lab: the signed school.json (with school.json.sig) and the school's
#            public key, imported silently before the service starts (docs/school.md)
# --package  the .deb's layout: the unit in /lib/systemd/system, /usr/bin/qorgan
# --configure  the system steps only, on files already in place (the .deb's postinst)
#
# What it puts in place (uninstall.sh takes each away again):
#   /opt/qorgan/service/        qorgan-service, qorgan, mitmdump (+ _internal/)
#   /opt/qorgan/gui/            qorgan-console, qorgan-tray, qorgan-render (+ _internal/)
#   /opt/qorgan/bin/qorgan-tray-autostart, /opt/qorgan/uninstall.sh (--package: install.sh)
#   /usr/local/bin/qorgan -> /opt/qorgan/service/qorgan          (--package: /usr/bin/qorgan)
#   /etc/systemd/system/qorgan-service.service                 (--package: /lib/systemd/system)
#   /usr/share/applications/qorgan-console.desktop
#   /etc/xdg/autostart/qorgan-tray.desktop (starts the tray in supervised accounts only)
# The system steps: the system user qorgan-proxy; `qorgan-service setup` makes the data
# folder (0700) and the per-installation CA, installs it in every trust store and puts up
# the nftables firewall (the service's first start does the same); a school policy; and,
# when systemd runs the PC, the unit enabled and started.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUNDLE="$(cd "$HERE/../.." && pwd)/dist"
DESTDIR=""
DRY=0
START=1
POLICY=""
PUBLIC_KEY=""
URL=""
PACKAGE=0
CONFIGURE=0
PREFIX=/opt/qorgan
PROXY_USER=qorgan-proxy

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --bundle) BUNDLE="$2"; shift 2 ;;
        --destdir) DESTDIR="$2"; shift 2 ;;
        --dry-run) DRY=1; shift ;;
        --no-start) START=0; shift ;;
        --policy) POLICY="$2"; shift 2 ;;
        --public-key) PUBLIC_KEY="$2"; shift 2 ;;
        --url) URL="$2"; shift 2 ;;
        --package) PACKAGE=1; shift ;;
        --configure) CONFIGURE=1; shift ;;
        -h|--help) usage 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage 2 ;;
    esac
done

if [ -n "$POLICY" ] && [ -z "$PUBLIC_KEY" ]; then
    echo "install.sh: --policy needs --public-key (the school's Ed25519 key)" >&2
    exit 2
fi
if [ "$PACKAGE" = 1 ]; then
    UNIT_DIR=/lib/systemd/system
    BIN_DIR=/usr/bin
else
    UNIT_DIR=/etc/systemd/system
    BIN_DIR=/usr/local/bin
fi
for part in qorgan-service/qorgan-service qorgan-service/qorgan qorgan-service/mitmdump \
            qorgan-gui/qorgan-console qorgan-gui/qorgan-tray; do
    if [ ! -x "$BUNDLE/$part" ] && [ "$DRY" = 0 ] && [ "$CONFIGURE" = 0 ]; then
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
if [ "$CONFIGURE" = 0 ]; then
step install -d -m 755 "$R$PREFIX" "$R$PREFIX/bin" "$R$BIN_DIR" "$R$UNIT_DIR" \
    "$R/usr/share/applications" "$R/etc/xdg/autostart"
step rm -rf "$R$PREFIX/service" "$R$PREFIX/gui"
step cp -a "$BUNDLE/qorgan-service" "$R$PREFIX/service"
step cp -a "$BUNDLE/qorgan-gui" "$R$PREFIX/gui"
# Every account must read and run the bundle: the proxy's user runs mitmdump from it.
step chmod -R u=rwX,go=rX "$R$PREFIX/service" "$R$PREFIX/gui"
step install -m 755 "$HERE/uninstall.sh" "$R$PREFIX/uninstall.sh"
if [ "$PACKAGE" = 1 ]; then  # the .deb's postinst runs it with --configure
    step install -m 755 "$HERE/install.sh" "$R$PREFIX/install.sh"
fi
step ln -sfn "$PREFIX/service/qorgan" "$R$BIN_DIR/qorgan"

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
    "$HERE/qorgan-service.service" | write 644 "$R$UNIT_DIR/qorgan-service.service"

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
fi  # the files

if [ "$PACKAGE" = 1 ] && [ "$CONFIGURE" = 0 ]; then
    echo "Qorgan staged in $R$PREFIX (the package's postinst runs install.sh --configure)"
    exit 0
fi
if ! getent passwd "$PROXY_USER" >/dev/null 2>&1 || [ -n "$DESTDIR" ]; then
    system useradd --system --home-dir /var/lib/qorgan-proxy --no-create-home \
        --shell /usr/sbin/nologin --user-group "$PROXY_USER"
fi
if [ -n "$POLICY" ]; then
    args=(--policy "$POLICY" --public-key "$PUBLIC_KEY")
    if [ -n "$URL" ]; then args+=(--url "$URL"); fi
    system "$PREFIX/service/qorgan" --data-dir /var/lib/qorgan school install "${args[@]}"
fi
# Data folder, CA, trust and firewall now, so the PC is protected before the service runs.
system "$PREFIX/service/qorgan-service" setup
# Enabled even where systemd does not run now (a chroot, an image): it starts at next boot.
# Started only where systemd runs the PC (/run/systemd/system exists).
if [ -n "$DESTDIR" ] || [ "$DRY" = 1 ] || command -v systemctl >/dev/null; then
    system systemctl enable qorgan-service
    if [ -n "$DESTDIR" ] || [ "$DRY" = 1 ] || [ -d /run/systemd/system ]; then
        system systemctl daemon-reload
        if [ "$START" = 1 ]; then
            # The service's first start makes the CA if setup could not, and filters.
            system systemctl start qorgan-service
        fi
    else
        echo "install.sh: systemd is not running here: qorgan-service starts at next boot" >&2
    fi
fi
echo "Qorgan installed in $R$PREFIX"
