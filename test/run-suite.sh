#!/bin/sh
# `npm test`: builds the admin UI once (the bundle budget and the browser tests read that build) while
# the typecheck runs beside it and beside the unit and database stage; then the browser stage, and
# Lighthouse on its own after it.
# With NODE_MATRIX set (`.ci/run` sets "22 24"), the Node matrix (test/node-matrix/run.sh: the engine
# tests and the API smoke test on each of those Nodes) runs beside the unit stage too, and its output
# follows that stage's. Prints each stage's seconds and processor time as it ends. Fails when any of them fails.
echo "npm test: the whole suite on the machine's Node $(node --version)"
# Each stage's seconds, and how busy the machine's processors were meanwhile (Linux: /proc/stat's user, nice,
# system, irq and softirq time of every process, the database server's and chromium's too): the figures that
# say whether a stage waits or works, and what two cores can do in the suite's time.
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat 2>/dev/null; }
suite_started=$(date +%s)
suite_busy=$(busy_ticks)
stage_started=$suite_started
stage_busy=$suite_busy
# Prints what the stage named $1 took since the previous one ended (or, with a second argument, since the suite began).
report_stage() {
  now=$(date +%s) busy=$(busy_ticks)
  if [ -n "$2" ]; then stage_started=$suite_started stage_busy=$suite_busy; fi
  seconds=$((now - stage_started))
  if [ -n "$busy" ] && [ -n "$stage_busy" ]; then
    echo "npm test: $1: ${seconds} s; processors busy $(((busy - stage_busy) / $(getconf CLK_TCK))) s of the $((seconds * $(nproc))) s of $(nproc) cores"
  else
    echo "npm test: $1: ${seconds} s"
  fi
  stage_started=$now stage_busy=$busy
}
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
report_stage "admin UI build (the typecheck beside it)"
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
report_stage "unit and database stage (the Node matrix and the rest of the typecheck beside it)"
if [ "$types" -ne 0 ] || [ "$unit" -ne 0 ] || [ "$nodes" -ne 0 ]; then
  echo "npm test: typecheck exit $types, unit stage exit $unit, Node matrix exit $nodes" >&2
  exit 1
fi
# The browser stage, then Lighthouse alone: beside the other browser worker its performance measures that
# worker's load (the inbox at 0.55 to 0.84 in clean-clone runs, 0.98 with nothing beside it).
npm run test:e2e -- --exclude test/e2e/lighthouse.e2e.ts
browser=$?
report_stage "browser stage"
npm run test:e2e -- --maxWorkers=1 test/e2e/lighthouse.e2e.ts
lighthouse=$?
report_stage "Lighthouse"
report_stage "npm test in all" from-the-start
if [ "$browser" -ne 0 ] || [ "$lighthouse" -ne 0 ]; then
  echo "npm test: browser stage exit $browser, Lighthouse exit $lighthouse" >&2
  exit 1
fi
