#!/bin/sh
# Build the terminal's Debian package around the PyInstaller bundle.
#   packaging/debian/build-deb.sh BUNDLE_DIR OUT_DIR [VERSION]
# BUNDLE_DIR is dist/kiosk (make package). DEB_COMPRESSION (default xz) is passed to dpkg-deb -Z; tests use
# gzip to save a minute. Prints the path of the .deb.
set -eu

bundle=${1:?usage: build-deb.sh BUNDLE_DIR OUT_DIR [VERSION]}
out=${2:?usage: build-deb.sh BUNDLE_DIR OUT_DIR [VERSION]}
version=${3:-$("$bundle/kiosk" --version | cut -d' ' -f2)}
[ -n "$version" ] || { echo "build-deb.sh: no version (is $bundle/kiosk a working bundle?)" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
arch=$(dpkg --print-architecture)
package=kiosk-terminal

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

install -d "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/lib/systemd/system" \
    "$stage/usr/lib/systemd/user" "$stage/usr/share/doc/$package"
cp -a "$bundle" "$stage/opt/kiosk"
install -m 0755 "$here/kiosk-wrapper.sh" "$stage/usr/bin/kiosk"
install -m 0644 "$here/units/kiosk-session.service" "$here/units/kiosk-renew.service" \
    "$here/units/kiosk-renew.timer" "$stage/lib/systemd/system/"
install -m 0644 "$here/units/kiosk-counter.service" "$stage/usr/lib/systemd/user/"
install -m 0644 "$here/kiosk.toml.example" "$stage/usr/share/doc/$package/"
for script in postinst prerm; do
    install -m 0755 "$here/scripts/$script" "$stage/DEBIAN/$script"
done
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" "$here/control.in" > "$stage/DEBIAN/control"

mkdir -p "$out"
deb="$out/${package}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$stage" "$deb" >/dev/null
echo "$deb"
