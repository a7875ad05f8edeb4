#!/usr/bin/env bash
# Builds the Debian package with cargo-deb and unpacks it into a temporary
# root (dpkg -x, as `dpkg --root` would install it), then checks that the
# binary, the desktop entry, the icons and the brief's MIME type are in place
# and that the binary runs. PROFILE=dev (CI) packs the binary `cargo test`
# built already; the default packs a release build, as shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${PROFILE:-release}"
command -v cargo-deb >/dev/null || cargo install --locked cargo-deb
target="${CARGO_TARGET_DIR:-target}"
rm -f "$target"/debian/briefdesk_*.deb
cargo deb --locked --profile "$profile" --no-strip --output "$target/debian/"
deb=$(ls "$target"/debian/briefdesk_*.deb)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
dpkg-deb --info "$deb" | grep -q "Package: briefdesk"
for f in usr/bin/briefdesk usr/share/applications/briefdesk.desktop \
         usr/share/icons/hicolor/scalable/apps/briefdesk.svg usr/share/icons/hicolor/256x256/apps/briefdesk.png \
         usr/share/mime/packages/briefdesk.xml usr/share/doc/briefdesk/README.md; do
  test -s "$root/$f" || { echo "deb: $f is missing from $deb"; exit 1; }
done
test -x "$root/usr/bin/briefdesk"
grep -q '^Exec=briefdesk %f' "$root/usr/share/applications/briefdesk.desktop"
grep -q '^MimeType=application/x-briefdesk-brief;' "$root/usr/share/applications/briefdesk.desktop"
grep -q 'type="application/x-briefdesk-brief"' "$root/usr/share/mime/packages/briefdesk.xml"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$root/usr/share/applications/briefdesk.desktop"; fi
"$root/usr/bin/briefdesk" --version
"$root/usr/bin/briefdesk" check examples/brief.ron --today 2024-03-15 >/dev/null
echo "deb: $(basename "$deb") ($(du -h "$deb" | cut -f1)) unpacks with its binary, desktop entry, icons and MIME type"
