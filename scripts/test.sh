#!/usr/bin/env bash
# `npm test`: the whole suite. Types, translations, unit and integration tests on the
# embedded PGlite, integration tests again on PostgreSQL (DATABASE_URL, or the server at
# 127.0.0.1:5432 when one answers), then, on the build, the system tests (tests/system)
# and Playwright in Chromium, each on PGlite and PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
results=.tmp/test-results
rm -rf "$results" && mkdir -p "$results"
status=0
step() { echo; echo "=== $1"; }
run() { "$@" || status=1; }

step "Type check"
run npx tsc --noEmit
step "Translations"
run npx tsx scripts/i18n-check.ts
step "Migrations match the schema"
run npx tsx scripts/migrate-new.ts --check

step "Unit and integration tests (PGlite)"
run env -u DATABASE_URL TEST_DB=pglite npx vitest run --project unit --project integration --reporter=default --reporter=json --outputFile="$results/vitest-pglite.json"

pg_url="${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
pg_available=0
if node scripts/pg-schema.mjs reachable "$pg_url"; then pg_available=1; fi
if [ "$pg_available" = 1 ]; then
  step "Integration tests (PostgreSQL)"
  run env TEST_DB=postgres TEST_DATABASE_URL="$pg_url" npx vitest run --project integration --reporter=default --reporter=json --outputFile="$results/vitest-postgres.json"
else
  echo "PostgreSQL is not reachable at ${pg_url%%\?*}: skipping the PostgreSQL runs (set DATABASE_URL to include them)."
fi

step "Build"
built=1
if ! npm run build --silent; then echo "build failed"; status=1; built=0; fi

if [ "$built" = 1 ]; then
  # The built server as a child process: SIGKILL during a stream of writes (restarted on
  # the same database), commits flushed to the disk, two instances on one PostgreSQL.
  step "System tests (PGlite)"
  run env -u DATABASE_URL SYSTEM_DB=pglite npx vitest run --project system tests/system/crash.test.ts tests/system/embedded-fsync.test.ts --reporter=default --reporter=json --outputFile="$results/system-pglite.json"
  if [ "$pg_available" = 1 ]; then
    step "System tests (PostgreSQL)"
    run env -u DATABASE_URL SYSTEM_DB=postgres SYSTEM_DATABASE_URL="$pg_url" npx vitest run --project system tests/system/crash.test.ts tests/system/two-instances.test.ts --reporter=default --reporter=json --outputFile="$results/system-postgres.json"
  fi
fi

if bash scripts/ensure-chromium.sh; then
  step "Browser tests (PGlite)"
  # The hostile input suite runs once: on PostgreSQL when it is there (where it can also
  # prove that refused posts change no rows), otherwise on PGlite.
  hostile_skip=()
  if [ "$pg_available" = 1 ]; then hostile_skip=(--grep-invert "hostile input to every form"); fi
  run env -u DATABASE_URL PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright-pglite.json" npx playwright test --reporter=list,json "${hostile_skip[@]}"
  if [ "$pg_available" = 1 ]; then
    step "Browser tests (PostgreSQL)"
    run env -u DATABASE_URL E2E_DATABASE_URL="$pg_url" PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright-postgres.json" npx playwright test --project ltr --reporter=list,json
  fi
else
  status=1
fi

node scripts/test-summary.mjs "$results" || status=1
exit $status
