#!/bin/sh
# Installs everything Lettre-plainte needs to build, run and test on Debian 12.
# This is the one place the package list lives; run.sh and test.sh call it.
set -eu

PACKAGES="
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libjson-glib-dev libhpdf-dev libgdk-pixbuf-2.0-dev
  fonts-dejavu-core
  poppler-utils qpdf imagemagick
  python3 valgrind hyperfine time
  libgtk-4-dev libadwaita-1-dev libpoppler-glib-dev
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi python3-dogtail
  clang libclang-rt-14-dev
"
# Loopback test servers (tests/servers/): nginx-light's nginx has --with-http_dav_module (WebDAV),
# openssl makes the htpasswd hash and throwaway TLS certificates, curl drives their self-test.
PACKAGES="$PACKAGES nginx-light openssl curl"
# Sending (app/send): libcurl with OpenSSL (CURLOPT_PINNEDPUBLICKEY, CURLOPT_PROTOCOLS_STR >= 7.85),
# and the public CA certificates it verifies a server with when the site gives no ca-file
# (only recommended by libcurl4: absent from a fresh Debian 12 installed this way).
PACKAGES="$PACKAGES libcurl4-openssl-dev ca-certificates"
# Desktop integration checks (tests/check-desktop-integration.sh): desktop-file-validate,
# appstreamcli, flatpak-builder --show-manifest, rsvg-convert for the icons.
PACKAGES="$PACKAGES desktop-file-utils appstream flatpak flatpak-builder librsvg2-bin"
# Kiosk tests (tests/test-kiosk-cage.sh, tests/test-kiosk-privacy.py): cage + xwayland (headless
# Wayland kiosk), grim (screen capture), dconf-cli + dconf-gsettings-backend (the inspector lock),
# gdb (gcore). The privacy test's CUPS server comes with the print tests' packages below.
PACKAGES="$PACKAGES cage xwayland grim dconf-cli dconf-gsettings-backend gdb"

# Print tests (tests/cups/cups-pdf-queue.sh): a private cupsd with a cups-pdf queue; cups-filters
# turns the PDF into PostScript for cups-pdf, which makes a PDF again with Ghostscript.
PACKAGES="$PACKAGES cups cups-client cups-bsd cups-filters printer-driver-cups-pdf"

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

# Skip apt entirely when everything is already there (fast re-runs, no network needed).
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
