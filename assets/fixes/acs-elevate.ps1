<#
  ACS Support Assistant - elevation launcher (runs unelevated, as the person using the app).
  Starts ONE elevated Windows PowerShell with the installed helper (acs-fix-helper.ps1) for one fix
  step and waits for it. Every value comes from the environment (never from script text):
    ACS_HELPER_SCRIPT          full path of acs-fix-helper.ps1 (in the app's installation folder)
    ACS_HELPER_ACTION          the fixed action id
    ACS_HELPER_REQUEST         full path of the request file (request.json)
    ACS_HELPER_REQUEST_SHA256  SHA-256 of that file: the helper refuses the request if it changed
    ACS_HELPER_RUN_ID          the run id (the helper writes its result under that name in its own folder)
  The elevated process is started with [Diagnostics.Process]::Start and a ProcessStartInfo (Verb
  'runas', UseShellExecute): a declined UAC prompt surfaces as Win32Exception 1223 (ERROR_CANCELLED),
  which this launcher turns into exit code 1223. Start-Process -Verb RunAs loses that code
  (InvalidOperationException without an inner exception), so a declined prompt looked like a failure.
  Exit codes: the helper's own, 1223 prompt declined, 2 invalid values, 86 Constrained Language Mode,
  1 Windows could not start it.
  Works on Windows PowerShell 2.0 and later. NOT VERIFIED ON REAL WINDOWS YET (Windows double only).
#>
# Constrained Language Mode (AppLocker / WDAC): no .NET objects, so no elevated start. Say so (exit 86,
# as the helper does) instead of failing with "Cannot create type".
if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
  Write-Output ('{"acsHelperUnavailable":true,"languageMode":"' + $ExecutionContext.SessionState.LanguageMode + '"}')
  exit 86
}
$ErrorActionPreference = 'Stop'

# Windows paths cannot contain '"', so each quoted value stays one argument of the elevated process.
$helper = [string]$env:ACS_HELPER_SCRIPT
$action = [string]$env:ACS_HELPER_ACTION
$requestFile = [string]$env:ACS_HELPER_REQUEST
$sha256 = [string]$env:ACS_HELPER_REQUEST_SHA256
$runId = [string]$env:ACS_HELPER_RUN_ID
$actions = @('import-root-certificate', 'remove-root-certificate', 'install-update-package', 'start-services', 'restart-computer')
if ($actions -cnotcontains $action -or $sha256 -notmatch '^[0-9A-Fa-f]{64}$' -or $runId -notmatch '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' -or -not $helper -or -not $requestFile -or $helper.Contains('"') -or $requestFile.Contains('"')) {
  [Console]::Error.WriteLine('The elevation launcher was given invalid values.')
  exit 2
}

# How the elevated process is started. Test seam (Windows double, Linux test runs only): on Windows
# the platform is Win32NT and this is always [Diagnostics.Process]::Start.
$startElevated = { param($Info) [System.Diagnostics.Process]::Start($Info) }
$system32 = [Environment]::SystemDirectory
if ([Environment]::OSVersion.Platform -ne [PlatformID]::Win32NT -and $env:ACS_WINDOWS_DOUBLE) {
  Import-Module -Name ([string]$env:ACS_WINDOWS_DOUBLE) -DisableNameChecking
  $startElevated = { param($Info) Start-DoubleShellExecute $Info }
  $system32 = [string]$env:ACS_DOUBLE_SYSTEM32
}

$info = New-Object System.Diagnostics.ProcessStartInfo
$info.FileName = [System.IO.Path]::Combine([System.IO.Path]::Combine([System.IO.Path]::Combine($system32, 'WindowsPowerShell'), 'v1.0'), 'powershell.exe')
$info.Arguments = '-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "' + $helper + '" -ActionId ' + $action + ' -RequestFile "' + $requestFile + '" -RequestSha256 ' + $sha256 + ' -RunId ' + $runId
$info.Verb = 'runas'
$info.UseShellExecute = $true
$info.WindowStyle = [System.Diagnostics.ProcessWindowStyle]::Hidden

try {
  $process = & $startElevated $info
} catch {
  $e = $_.Exception
  while ($null -ne $e) {
    if ($e -is [System.ComponentModel.Win32Exception] -and $e.NativeErrorCode -eq 1223) { exit 1223 }
    $e = $e.InnerException
  }
  [Console]::Error.WriteLine($_.Exception.Message)
  exit 1
}
$process.WaitForExit()
exit $process.ExitCode
