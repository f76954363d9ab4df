#!/usr/bin/env bash
# npm run test:powershell: the shipped PowerShell scripts executed by a real engine (pwsh 7.6) on the
# Windows double: the Pester suites (test/powershell/*.Tests.ps1: compatibility gate, the double) and
# the Vitest PowerShell project (test/powershell/*.test.ts: cross-checks with the TypeScript side,
# defects, the elevated helper, the Intune pair). Ends with one line "N passed, N failed".
# In CI (CI=true) a missing pwsh or Pester is a failure, never a skip.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/pester.json test-results/vitest-powershell.json
PWSH="$(command -v pwsh || true)"
[ -z "$PWSH" ] && [ -x "$HOME/.dotnet/tools/pwsh" ] && PWSH="$HOME/.dotnet/tools/pwsh"
status=0
if [ -z "$PWSH" ]; then
  echo "!! pwsh is not installed (bash scripts/install-test-tools.sh installs it): the PowerShell suites cannot run"
  echo '{"passed":0,"failed":1,"skipped":0}' > test-results/pester.json
  status=1
else
  [ -f dist/double/tools/fake-tool.js ] || npm run build >/dev/null || status=1
  echo "== Pester (pwsh $("$PWSH" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()'))"
  "$PWSH" -NoProfile -NonInteractive -File scripts/run-pester.ps1 -Output test-results/pester.json || status=1
fi
echo "== PowerShell scripts on the Windows double (vitest)"
npx vitest run --project powershell --reporter=default --reporter=json --outputFile.json=test-results/vitest-powershell.json || status=1
node scripts/count-results.mjs pester:test-results/pester.json vitest:test-results/vitest-powershell.json --summary test-results/summary-powershell.txt || status=1
exit $status
