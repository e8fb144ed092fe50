#!/usr/bin/env bash
# Starts the built app for Playwright on a freshly seeded database: the embedded PGlite
# in .tmp/e2e-data by default, or a new schema in E2E_DATABASE_URL (PostgreSQL).
set -euo pipefail
port="${1:-4173}"
export PORT="$port" HOST=127.0.0.1 NODE_ENV=test
if [ -n "${E2E_DATABASE_URL:-}" ]; then
  schema="e2e_$(date +%s)_$$"
  node scripts/pg-schema.mjs reset "$E2E_DATABASE_URL" "$schema"
  export DATABASE_URL="$(node scripts/pg-schema.mjs url "$E2E_DATABASE_URL" "$schema")"
  # The hostile input suite reads it to prove that refused posts change no rows.
  mkdir -p .tmp && printf '%s\n' "$DATABASE_URL" > .tmp/e2e-database-url
else
  unset DATABASE_URL
  rm -f .tmp/e2e-database-url
  export DATA_DIR=.tmp/e2e-data
  rm -rf "$DATA_DIR"
fi
node_modules/.bin/tsx prisma/seed.ts >/dev/null
exec node build/server.js
