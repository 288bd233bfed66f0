#!/usr/bin/env bash
# The static checks of `npm test`, side by side (each is one process; the machine has 2 cores): ESLint,
# Prettier's check and the one TypeScript type check of src, tests and scripts. Fails if any fails;
# prints all three. `npm run lint` is ESLint and Prettier one after the other.
set -u
npx eslint --cache --cache-location node_modules/.cache/eslint/ . &
eslint=$!
npx prettier --check --cache --log-level warn . &
prettier=$!
npx tsc -p tsconfig.check.json
types=$?
wait "$eslint"
eslint_status=$?
wait "$prettier"
prettier_status=$?
[ "$eslint_status" -eq 0 ] || echo "checks: ESLint failed" >&2
[ "$prettier_status" -eq 0 ] || echo "checks: formatting differs from Prettier's (npm run format)" >&2
[ "$types" -eq 0 ] || echo "checks: the type check failed" >&2
[ "$eslint_status" -eq 0 ] && [ "$prettier_status" -eq 0 ] && [ "$types" -eq 0 ]
