#!/usr/bin/env bash
# The office exports as their consumers show them, for docs/export.md (docs/images/export-*.png) and as
# .ci/run's artifacts: each map rendered to the format, converted headless by LibreOffice (Calc, Impress,
# Draw with libvisio) to PDF, checked with pdftotext for the names it must hold, and its page drawn to
# PNG by pdftoppm; the .drawio.svg as a browser (GitHub) shows it, in Chromium.
# Usage: scripts/export-screenshots.sh [OUT_DIR]   (default test-artifacts/export)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/test-artifacts/export}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
journeymap() { node "$root/bin/journeymap.js" "$@" --quiet; }
office_pdf() { soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$1" >/dev/null; }
# The page of a PDF whose text starts with $2.
page_of() {
  local pages page
  pages="$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')"
  for page in $(seq 1 "$pages"); do
    if pdftotext -f "$page" -l "$page" "$1" - | head -1 | grep -qF "$2"; then echo "$page"; return; fi
  done
  echo "no page of $1 starts with \"$2\"" >&2
  exit 1
}
holds() { pdftotext "$1" - | grep -qF "$2" || { echo "$1 lacks \"$2\"" >&2; exit 1; }; }

# Excel: the "Map" sheet of FreshCart's checkout map, as Calc prints it.
journeymap render "$root/examples/freshcart/checkout.journey.yaml" -o "$work/checkout.xlsx"
office_pdf "$work/checkout.xlsx"
holds "$work/checkout.pdf" "Pays by card with 3-D"
pdftoppm -png -r 110 -f 1 -l 1 -x 60 -y 60 -W 1180 -H 320 -singlefile "$work/checkout.pdf" "$work/xlsx"
cp "$work/xlsx.png" "$out/export-xlsx.png"

# PowerPoint: the hotel map's third stage slide and its emotion chart, as Impress prints them.
journeymap render "$root/docs/examples/hotel.journey.yaml" -o "$work/hotel.pptx"
office_pdf "$work/hotel.pptx"
holds "$work/hotel.pdf" "Books a room"
for slide in "stage:Stage 3:" "chart:Emotions along the journey"; do
  page="$(page_of "$work/hotel.pdf" "${slide#*:}")"
  pdftoppm -png -scale-to-x 641 -scale-to-y -1 -f "$page" -l "$page" -singlefile "$work/hotel.pdf" "$work/pptx-${slide%%:*}"
  cp "$work/pptx-${slide%%:*}.png" "$out/export-pptx-${slide%%:*}.png"
done

# Visio: the hotel map as Draw imports it (libvisio), its first page.
journeymap render "$root/docs/examples/hotel.journey.yaml" -o "$work/hotel.vsdx"
mkdir -p "$work/vsdx" && cp "$work/hotel.vsdx" "$work/vsdx/hotel.vsdx"
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work/vsdx" "$work/vsdx/hotel.vsdx" >/dev/null
holds "$work/vsdx/hotel.pdf" "Books a room"
pdftoppm -png -scale-to-x 1000 -scale-to-y -1 -f 1 -l 1 -singlefile "$work/vsdx/hotel.pdf" "$work/vsdx-page"
cp "$work/vsdx-page.png" "$out/export-vsdx.png"

# draw.io: the .drawio.svg as a browser shows it.
journeymap render "$root/docs/examples/hotel.journey.yaml" -o "$work/hotel.drawio.svg"
chromium="${CHROMIUM:-/usr/bin/chromium}"
# The window is the picture's own size (its root element's width and height, whole pixels).
# shellcheck disable=SC2016 # JavaScript, not shell, in single quotes
size="$(node -e 'const tag = /<svg\b[^>]*>/.exec(require("fs").readFileSync(process.argv[1], "utf8"))[0];
  const get = (name) => Math.ceil(Number(new RegExp(`\\s${name}="([\\d.]+)`).exec(tag)?.[1]));
  console.log(`${get("width")},${get("height")}`);' "$work/hotel.drawio.svg")"
[[ "$size" =~ ^[0-9]+,[0-9]+$ ]] || { echo "the .drawio.svg has no width and height: $size" >&2; exit 1; }
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
  --screenshot="$out/export-drawio.png" "file://$work/hotel.drawio.svg" >/dev/null 2>&1
test -s "$out/export-drawio.png" || { echo "Chromium drew no screenshot of the .drawio.svg" >&2; exit 1; }
echo "wrote $out/export-{xlsx,pptx-stage,pptx-chart,vsdx,drawio}.png"
