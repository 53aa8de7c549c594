#!/usr/bin/env bash
# Ships only the Bootstrap Icons the portal uses (docs/performance.md): the full sprite is 1.1 MB for ~2,000
# icons, the pages use about 80. Fetches the pinned bootstrap-icons package from the npm registry, collects
# every quoted or CSV word in the app's sources (.razor, .cs, .csv: names are written literally, also in C#
# menus and the domains reference table) that is an icon of the sprite, and writes the subset sprite.
# Run it after adding an icon (StaticAssetTests fails when a page uses an icon the sprite lacks). An icon name
# an administrator types for a domain must be one of these (the domains page lists them).
# Usage: scripts/icons-subset.sh [path/to/full/bootstrap-icons.svg]
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.13.2   # keep in step with scripts/vendor-libs.sh and wwwroot/lib/README.md
out=src/OpenData.Web/wwwroot/lib/bootstrap-icons/bootstrap-icons.svg
full=${1:-}
if [ -z "$full" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "bootstrap-icons@$version" >/dev/null && tar -xzf "bootstrap-icons-$version.tgz")
  full="$tmp/package/bootstrap-icons.svg"
fi
python3 - "$full" "$out" "$version" <<'PY'
import pathlib, re, sys
full, out, version = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
sprite = pathlib.Path(full).read_text(encoding="utf-8")
symbols = {m.group(1): m.group(0) for m in re.finditer(r'<symbol [^>]*\bid="([^"]+)"[^>]*>.*?</symbol>', sprite, re.S)}
words = set()
src = pathlib.Path("src/OpenData.Web")
for f in src.rglob("*"):
    if f.suffix not in (".razor", ".cs", ".csv") or any(p in ("bin", "obj", "lib", "Migrations") for p in f.parts):
        continue
    text = f.read_text(encoding="utf-8", errors="ignore")
    words.update(re.findall(r'["\'#,]([a-z0-9]+(?:-[a-z0-9]+)*)(?=["\'\s,\r\n])', text))
used = sorted(w for w in words if w in symbols)
body = "".join(symbols[n] for n in used)
out.write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><!-- bootstrap-icons {version}, subset by scripts/icons-subset.sh: '
               f'{len(used)} of {len(symbols)} icons -->{body}</svg>\n', encoding="utf-8")
print(f"{out}: {len(used)} of {len(symbols)} icons, {out.stat().st_size} bytes")
PY
