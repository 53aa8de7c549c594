#!/usr/bin/env bash
# Refreshes the browser libraries vendored into wwwroot/lib from the npm registry (pinned versions).
# The result is committed: the app never fetches anything at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=src/OpenData.Web/wwwroot/lib
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# bootstrap-icons: the version is also pinned in scripts/icons-subset.sh.
declare -A pkgs=( [bootstrap]=5.3.8 [bootstrap-icons]=1.13.2 [echarts]=6.1.0 [axe-core]=4.14.1 [leaflet]=1.9.4 [leaflet.markercluster]=1.5.3 )
for name in "${!pkgs[@]}"; do
  (cd "$tmp" && npm pack --silent "$name@${pkgs[$name]}" >/dev/null && mkdir -p "$name" && tar -xzf "$name-${pkgs[$name]}.tgz" -C "$name")
done
rm -rf "$lib" && mkdir -p "$lib"/{bootstrap,bootstrap-icons,echarts,axe-core,leaflet,leaflet.markercluster}
cp "$tmp/bootstrap/package/dist/css/bootstrap.min.css" "$tmp/bootstrap/package/dist/js/bootstrap.bundle.min.js" "$lib/bootstrap/"
cp "$tmp/bootstrap/package/LICENSE" "$lib/bootstrap/LICENSE"
cp "$tmp/bootstrap-icons/package/LICENSE" "$lib/bootstrap-icons/"
# Only the icons the pages use (scripts/icons-subset.sh), not the 1.1 MB sprite.
scripts/icons-subset.sh "$tmp/bootstrap-icons/package/bootstrap-icons.svg"
cp "$tmp/echarts/package/dist/echarts.min.js" "$tmp/echarts/package/LICENSE" "$lib/echarts/"
cp "$tmp/axe-core/package/axe.min.js" "$tmp/axe-core/package/LICENSE" "$lib/axe-core/"
cp -r "$tmp/leaflet/package/dist/leaflet.js" "$tmp/leaflet/package/dist/leaflet.css" "$tmp/leaflet/package/dist/images" "$tmp/leaflet/package/LICENSE" "$lib/leaflet/"
cp "$tmp/leaflet.markercluster/package/dist/"{leaflet.markercluster.js,MarkerCluster.css,MarkerCluster.Default.css} "$tmp/leaflet.markercluster/package/MIT-LICENCE.txt" "$lib/leaflet.markercluster/"
{
  echo "# Vendored browser libraries"
  echo
  echo "Fetched from the npm registry by scripts/vendor-libs.sh; never loaded from a CDN."
  echo
  echo "| library | version | files |"
  echo "|---|---|---|"
  echo "| bootstrap | ${pkgs[bootstrap]} | bootstrap.min.css, bootstrap.bundle.min.js |"
  echo "| bootstrap-icons | ${pkgs[bootstrap-icons]} | bootstrap-icons.svg (SVG sprite, only the icons used: scripts/icons-subset.sh) |"
  echo "| echarts | ${pkgs[echarts]} | echarts.min.js |"
  echo "| axe-core | ${pkgs[axe-core]} | axe.min.js (accessibility checks in tests only) |"
  echo "| leaflet | ${pkgs[leaflet]} | leaflet.js, leaflet.css, images/ |"
  echo "| leaflet.markercluster | ${pkgs[leaflet.markercluster]} | leaflet.markercluster.js, MarkerCluster.css, MarkerCluster.Default.css |"
} > "$lib/README.md"
echo "vendored into $lib"
