#!/usr/bin/env bash
# Every example's `skydraft export --to mermaid`, rendered by the Mermaid CLI in headless
# Chromium (one browser for all of them): each must render to an SVG with no syntax error,
# showing its VPC and subnet boxes.
set -euo pipefail
source "$(dirname "$0")/tools.sh"
out="$SKYDRAFT_TEST_OUTPUT/mermaid"
rm -rf "$out"
mkdir -p "$out"
examples=(three-tier-web-app hub-and-spoke-tgw-vpn three-peered-vpcs faulty/planted-faults)
{
  echo "# Skydraft examples"
  for name in "${examples[@]}"; do
    printf '\n## %s\n\n```mermaid\n' "$name"
    "$SKYDRAFT_BINARY" export --to mermaid "$SKYDRAFT_SOURCE_DIR/examples/$name.skydraft"
    printf '```\n'
  done
} >"$out/examples.md"
printf '{"executablePath": "%s", "args": ["--no-sandbox", "--disable-gpu"]}\n' "$CHROMIUM" \
  >"$out/puppeteer.json"
"$SKYDRAFT_JS_TOOLS/node_modules/.bin/mmdc" --quiet -p "$out/puppeteer.json" \
  -i "$out/examples.md" -o "$out/rendered.md" -e svg
for i in "${!examples[@]}"; do
  svg="$out/rendered-$((i + 1)).svg"
  [ -s "$svg" ] || { echo "FAIL: ${examples[$i]}: no SVG rendered ($svg)" >&2; exit 1; }
  # Mermaid draws a parse or render error as a diagram of its own ("error"), not a flowchart.
  if ! grep -q 'aria-roledescription="flowchart-v2"' "$svg" || grep -q 'Syntax error in text' "$svg"; then
    echo "FAIL: ${examples[$i]}: Mermaid reports an error" >&2
    exit 1
  fi
  # The VPC and subnet subgraphs are drawn as clusters with their titles.
  grep -q 'class="cluster' "$svg" || { echo "FAIL: ${examples[$i]}: no subgraph drawn" >&2; exit 1; }
  grep -q 'Public subnet\|Private subnet' "$svg" \
    || { echo "FAIL: ${examples[$i]}: no subnet title" >&2; exit 1; }
done
echo "rendered ${#examples[@]} Mermaid charts into $out"
