#!/usr/bin/env bash
# npm test: installs what the tests need beyond npm (Debian's Chromium, pwsh 7.6.9, Pester 5.7.1 —
# scripts/install-test-tools.sh), then runs every suite: unit and integration (Vitest), the shipped
# PowerShell scripts under pwsh on the Windows double (Pester + Vitest), the browser journeys
# (Playwright) and the audit of the shipped dependencies. Ends with one line "N passed, N failed" that
# adds them all up. Exit code 0 only when every suite passed.
set -uo pipefail
cd "$(dirname "$0")/.."

mkdir -p test-results
rm -f test-results/summary.txt test-results/vitest.json test-results/playwright.json test-results/audit.json test-results/pester.json test-results/vitest-powershell.json
status=0

echo "== test tools (chromium, pwsh, Pester)"
bash scripts/install-test-tools.sh

echo "== build"
npm run build || exit 1

echo "== unit and integration tests (vitest)"
npx vitest run --project unit --project integration --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1

echo "== PowerShell: the shipped scripts under pwsh on the Windows double"
bash scripts/test-powershell.sh || status=1

if [ -f playwright.config.ts ] && [ -d test/e2e ]; then
  echo "== browser journeys (playwright)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json \
    npx playwright test --reporter=list,json || status=1
fi

echo "== npm audit of the shipped dependencies (high and critical)"
node scripts/npm-audit.mjs

node scripts/count-results.mjs vitest:test-results/vitest.json pester:test-results/pester.json vitest:test-results/vitest-powershell.json \
  playwright:test-results/playwright.json audit:test-results/audit.json || status=1
exit $status
