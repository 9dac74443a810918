#!/bin/sh
# `npm test`: builds the admin UI once (the bundle budget and the browser tests read that build) while
# the typecheck runs beside it and beside the unit and database stage; then the browser stage.
# Fails when any of them fails.
npx tsc --noEmit -p . &
typecheck=$!
TEST_UI_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pes-ui-XXXXXX")
export TEST_UI_DIR
trap 'rm -rf "$TEST_UI_DIR"' EXIT
if ! npx vite build --config admin-ui/vite.config.ts --outDir "$TEST_UI_DIR" --emptyOutDir --logLevel warn; then
  echo "npm test: the admin UI does not build" >&2
  exit 1
fi
npx vitest run
unit=$?
wait "$typecheck"
types=$?
if [ "$types" -ne 0 ] || [ "$unit" -ne 0 ]; then
  echo "npm test: typecheck exit $types, unit stage exit $unit" >&2
  exit 1
fi
npm run test:e2e
