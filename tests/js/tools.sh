# Sourced by the browser tests: finds chromium and the npm tools, or skips (exit 77) when they
# are missing, unless SKYDRAFT_REQUIRE_JS_TOOLS=1 makes that a failure.
missing() {
  if [ "${SKYDRAFT_REQUIRE_JS_TOOLS:-0}" = 1 ]; then
    echo "FAIL: $1" >&2
    exit 1
  fi
  echo "SKIP: $1 (./dev test installs it)"
  exit 77
}
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
[ -n "$CHROMIUM" ] || missing "chromium is not installed"
command -v node >/dev/null 2>&1 || missing "node is not installed"
[ -d "$SKYDRAFT_JS_TOOLS/node_modules/@mermaid-js/mermaid-cli" ] \
  || missing "the JavaScript test tools are not in $SKYDRAFT_JS_TOOLS"
export CHROMIUM
mkdir -p "$SKYDRAFT_TEST_OUTPUT"
