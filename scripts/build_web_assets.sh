#!/usr/bin/env bash
# Vendor the page's third-party files into the package (src/lagebild/web/static/vendor/), so the
# page works with no internet and no build step at run time. Run once after changing a version
# below, then commit the vendored files with their licences:
#
#   bash scripts/build_web_assets.sh
#
# world-atlas: Natural Earth 1:110m countries as TopoJSON (ids are ISO 3166-1 numeric codes).
# Natural Earth data is public domain; the world-atlas packaging is ISC-licensed (M. Bostock).
# topojson-client: TopoJSON -> GeoJSON in the browser (global `topojson`), ISC-licensed.
set -euo pipefail

WORLD_ATLAS_VERSION=2.0.2
TOPOJSON_CLIENT_VERSION=3.1.0

repo="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$repo/src/lagebild/web/static/vendor"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT

cd "$build"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  "world-atlas@$WORLD_ATLAS_VERSION" "topojson-client@$TOPOJSON_CLIENT_VERSION" >/dev/null

rm -rf "$vendor"
mkdir -p "$vendor/world-atlas" "$vendor/topojson-client"
cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/LICENSE "$vendor/world-atlas/"
cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/topojson-client/LICENSE \
  "$vendor/topojson-client/"
cat > "$vendor/README.md" <<EOF
Vendored by scripts/build_web_assets.sh from the npm registry; do not edit by hand.

- world-atlas $WORLD_ATLAS_VERSION: countries-110m.json (Natural Earth 4.1.0, public domain), LICENSE (ISC)
- topojson-client $TOPOJSON_CLIENT_VERSION: topojson-client.min.js, LICENSE (ISC)
EOF
du -sh "$vendor"
