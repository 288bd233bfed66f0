#!/usr/bin/env bash
# The static checks of `npm test`, side by side (each uses one core): lint (ESLint + Prettier) and
# the one TypeScript type check of src, tests and scripts. Fails if either fails; prints both.
set -u
npm run --silent lint &
lint=$!
npx tsc -p tsconfig.check.json
types=$?
wait "$lint"
lint_status=$?
[ "$lint_status" -eq 0 ] || echo "checks: lint failed" >&2
[ "$types" -eq 0 ] || echo "checks: the type check failed" >&2
[ "$lint_status" -eq 0 ] && [ "$types" -eq 0 ]
