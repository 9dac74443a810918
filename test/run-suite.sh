#!/bin/sh
# `npm test`: builds the admin UI once (the bundle budget and the browser tests read that build) while
# the typecheck runs beside it; then the unit and database stage and the browser stage run side by side
# (the one mostly computes, the other mostly waits on pages and servers). The browser stage's report is
# kept in a file and printed after the unit stage's, so the two never interleave.
# Fails when any of them fails.
npx tsc --noEmit -p . &
typecheck=$!
TEST_UI_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pes-ui-XXXXXX")
export TEST_UI_DIR
browser_report="$TEST_UI_DIR.browser.log"
trap 'rm -rf "$TEST_UI_DIR" "$browser_report"' EXIT
if ! npx vite build --config admin-ui/vite.config.ts --outDir "$TEST_UI_DIR" --emptyOutDir --logLevel warn; then
  echo "npm test: the admin UI does not build" >&2
  exit 1
fi
echo "npm test: the browser stage runs beside the unit stage; its report follows the unit stage's"
npm run --silent test:e2e >"$browser_report" 2>&1 &
browser=$!
npx vitest run
unit=$?
wait "$typecheck"
types=$?
wait "$browser"
browser_exit=$?
echo "npm test: the browser stage's report"
cat "$browser_report"
if [ "$types" -ne 0 ] || [ "$unit" -ne 0 ] || [ "$browser_exit" -ne 0 ]; then
  echo "npm test: typecheck exit $types, unit stage exit $unit, browser stage exit $browser_exit" >&2
  exit 1
fi
