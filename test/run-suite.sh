#!/bin/sh
# `npm test`: the typecheck runs beside the unit and database stage (one core for half a minute,
# while that stage waits on databases and the processes it starts), then the browser stage.
# Fails when any of the three fails.
npx tsc --noEmit -p . &
typecheck=$!
npx vitest run
unit=$?
wait "$typecheck"
types=$?
if [ "$types" -ne 0 ] || [ "$unit" -ne 0 ]; then
  echo "npm test: typecheck exit $types, unit stage exit $unit" >&2
  exit 1
fi
exec npm run test:e2e
