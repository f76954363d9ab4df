#!/usr/bin/env bash
# Runs every test suite (unit and integration with Vitest, browser journeys with Playwright) and ends
# with one line "N passed, N failed" that adds them up. Exit code 0 only when every suite passed.
set -uo pipefail
cd "$(dirname "$0")/.."

mkdir -p test-results
rm -f test-results/summary.txt test-results/vitest.json test-results/playwright.json test-results/audit.json
status=0

echo "== build"
npm run build || exit 1

echo "== unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1

if [ -f playwright.config.ts ] && [ -d test/e2e ]; then
  echo "== browser journeys (playwright)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json \
    npx playwright test --reporter=list,json || status=1
fi

echo "== npm audit of the shipped dependencies (high and critical)"
node scripts/npm-audit.mjs

node scripts/count-results.mjs test-results/vitest.json test-results/playwright.json test-results/audit.json || status=1
exit $status
