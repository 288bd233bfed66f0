#!/usr/bin/env bash
# `npm test` and `npm run test:full`: the static checks (scripts/checks.sh: ESLint, Prettier's check,
# tsc) and vitest side by side rather than one after the other, so that neither leaves a core idle
# while the other finishes. The arguments go to `vitest run` (`--project fast` for `npm test`, none
# for both projects). vitest prints as it goes; the checks' output is kept and printed after it, so
# the two never interleave. Fails if either fails.
set -u
cd "$(dirname "$0")/.."
checks_log=$(mktemp)
bash scripts/checks.sh >"$checks_log" 2>&1 &
checks=$!
# Interrupted (Ctrl-C ends vitest, then this script): checks.sh is stopped too (an ESLint, Prettier or
# tsc it had started ends on its own, with nowhere to print).
trap 'kill "$checks" 2>/dev/null; rm -f "$checks_log"' EXIT
npx vitest run "$@"
tests_status=$?
wait "$checks"
checks_status=$?
echo
if [ "$checks_status" -eq 0 ]; then
  echo "checks: ESLint, Prettier and the type check passed"
  cat "$checks_log"
else
  cat "$checks_log" >&2
  echo "checks: failed (npm run checks runs them alone)" >&2
fi
[ "$tests_status" -eq 0 ] || echo "tests: vitest failed" >&2
[ "$checks_status" -eq 0 ] && [ "$tests_status" -eq 0 ]
