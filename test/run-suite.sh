#!/bin/sh
# `npm test`: builds the admin UI once (the bundle budget and the browser tests read that build) while
# the typecheck runs beside it and beside the unit and database stage; then the browser stage, and
# Lighthouse on its own after it.
# With NODE_MATRIX set (`.ci/run` sets "22 24"), the Node matrix (test/node-matrix/run.sh: the engine
# tests and the API smoke test on each of those Nodes) runs beside the unit stage too, and its output
# follows that stage's. Fails when any of them fails.
echo "npm test: the whole suite on the machine's Node $(node --version)"
npm run -s typecheck &
typecheck=$!
TEST_UI_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pes-ui-XXXXXX")
export TEST_UI_DIR
matrix_log="$TEST_UI_DIR.node-matrix.log"
trap 'rm -rf "$TEST_UI_DIR" "$matrix_log"' EXIT
if ! npx vite build --config admin-ui/vite.config.ts --outDir "$TEST_UI_DIR" --emptyOutDir --logLevel warn; then
  echo "npm test: the admin UI does not build" >&2
  exit 1
fi
matrix=
if [ -n "${NODE_MATRIX:-}" ]; then
  # shellcheck disable=SC2086 # the list of majors is split on purpose
  test/node-matrix/run.sh $NODE_MATRIX >"$matrix_log" 2>&1 &
  matrix=$!
fi
npx vitest run
unit=$?
nodes=0
if [ -n "$matrix" ]; then
  wait "$matrix"
  nodes=$?
  cat "$matrix_log"
fi
wait "$typecheck"
types=$?
if [ "$types" -ne 0 ] || [ "$unit" -ne 0 ] || [ "$nodes" -ne 0 ]; then
  echo "npm test: typecheck exit $types, unit stage exit $unit, Node matrix exit $nodes" >&2
  exit 1
fi
# The browser stage, then Lighthouse alone: beside the other browser worker its performance measures that
# worker's load (the inbox at 0.55 to 0.84 in clean-clone runs, 0.98 with nothing beside it).
npm run test:e2e -- --exclude test/e2e/lighthouse.e2e.ts
browser=$?
npm run test:e2e -- --maxWorkers=1 test/e2e/lighthouse.e2e.ts
lighthouse=$?
if [ "$browser" -ne 0 ] || [ "$lighthouse" -ne 0 ]; then
  echo "npm test: browser stage exit $browser, Lighthouse exit $lighthouse" >&2
  exit 1
fi
