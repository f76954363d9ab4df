# Runs the Pester suites under test/powershell/ and writes a JSON summary for count-results.mjs.
# Usage: pwsh -NoProfile -File scripts/run-pester.ps1 [-Output test-results/pester.json] [-Path test/powershell]
param([string]$Output = 'test-results/pester.json', [string[]]$Path = @('test/powershell'))
$ErrorActionPreference = 'Stop'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '..')).ProviderPath
$pester = Get-ChildItem -LiteralPath (Join-Path $repo '.tools/pester/pester') -Recurse -Filter 'Pester.psd1' -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $pester) { [Console]::Error.WriteLine('Pester is not installed: run scripts/install-test-tools.sh'); exit 2 }
Import-Module $pester.FullName -Force
$config = New-PesterConfiguration
$config.Run.Path = @($Path | ForEach-Object { Join-Path $repo $_ })
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $config
$summary = @{ passed = $result.PassedCount; failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; skipped = $result.SkippedCount + $result.NotRunCount }
$outPath = if ([System.IO.Path]::IsPathRooted($Output)) { $Output } else { Join-Path $repo $Output }
New-Item -ItemType Directory -Force -Path (Split-Path -Parent $outPath) | Out-Null
[System.IO.File]::WriteAllText($outPath, ($summary | ConvertTo-Json -Compress))
if ($summary.failed -gt 0) { exit 1 }
exit 0
