<#
  ACS Support Assistant - field kit: fix.ps1 (docs/field-kit.md).

  Started by FIX.cmd from the kit folder (a USB stick), as administrator. Runs the fix plan the
  technician's laptop built for ONE computer, step by step, with the elevated helper's rules:
  - first the kit's manifest.json: every file's SHA-256 must match (a changed file stops the kit);
  - then the computer: its name and Windows build must be those of the snapshot the kit was built from;
  - then administrator rights;
  - every change is made by the shipped elevated helper (acs-fix-helper.ps1, copied into
    %ProgramData%\ACS Support Assistant\kit with an administrators-only ACL and hash-checked there),
    which re-hashes the package, checks its Microsoft signature by root thumbprint and its KB, and
    imports the root certificate from its own pinned bytes;
  - the journal (result\journal.jsonl) and the result (result\result.json) are written to the kit;
  - a restart is never started without asking; started again after the restart, the kit resumes;
  - at the end it writes a fresh snapshot (result\snapshot-after.json) for the laptop to read.
  Exit codes: 0 every step done, 1 stopped (a step failed or was refused; see the result), 3 waiting for
  a restart, 5 no administrator rights, 6 a kit file was changed, 7 another computer, 86 Constrained
  Language Mode. Works on Windows PowerShell 2.0 (Windows 7 / 2008 R2) and later.
  NOT VERIFIED ON REAL WINDOWS YET: runs under pwsh on the Windows double in the tests (test/powershell/kit-*.test.ts).
#>
param([switch]$Pause)

# ---- kit texts (filled in by the kit builder from assets/kit/texts/<language>.json) --------------
$T = @{}
# @@KIT-TEXTS@@

$KitDir = Split-Path -Parent $MyInvocation.MyCommand.Path
$ResultDir = Join-Path $KitDir 'result'

function Get-Text([string]$Key) {
  $text = [string]$T[$Key]
  if (-not $text) { $text = $Key }
  for ($i = 0; $i -lt $args.Count; $i++) { $text = $text.Replace('{' + $i + '}', [string]$args[$i]) }
  return $text
}

# Constrained Language Mode (AppLocker / WDAC): no .NET calls. Say so on screen and in the result.
if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
  $message = Get-Text 'constrainedLanguage' $ExecutionContext.SessionState.LanguageMode
  Write-Host $message
  $escaped = $message.Replace('\', '\\').Replace('"', '\"')
  if (-not (Test-Path -LiteralPath $ResultDir)) { New-Item -ItemType Directory -Path $ResultDir | Out-Null }
  Set-Content -LiteralPath (Join-Path $ResultDir 'result.json') -Encoding ASCII -Value ('{"format":"acs-kit-result","version":1,"status":"refused","reason":"constrained-language","message":"' + $escaped + '","steps":[]}')
  exit 86
}

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2

# ---- test seam (Windows double, Linux test runs only; never on Windows) -------------------------
$OnDouble = $false
if ([Environment]::OSVersion.Platform -ne [PlatformID]::Win32NT -and $env:ACS_WINDOWS_DOUBLE) {
  $OnDouble = $true
  Import-Module -Name ([string]$env:ACS_WINDOWS_DOUBLE) -DisableNameChecking
}
$System32 = [Environment]::SystemDirectory
$ProgramData = [Environment]::GetFolderPath('CommonApplicationData')
$PowerShellExe = [System.IO.Path]::Combine($System32, 'WindowsPowerShell\v1.0\powershell.exe')
if ($OnDouble) { $System32 = [string]$env:ACS_DOUBLE_SYSTEM32; $ProgramData = 'C:\ProgramData'; $PowerShellExe = [string]$env:ACS_DOUBLE_PWSH }
function Get-SystemTool([string]$Name) { return [System.IO.Path]::Combine($System32, $Name) }
function Join-WindowsPath([string]$Folder, [string]$Name) { return ($Folder.TrimEnd('\') + '\' + $Name) }
# A Windows path as a real path (identity on Windows; the double maps C:\ to a test folder).
function Resolve-LocalPath([string]$WindowsPath) {
  if (-not $OnDouble) { return $WindowsPath }
  if ($WindowsPath -match '^([A-Za-z]):\\(.*)$') {
    $rest = $Matches[2].Replace('\', [string][System.IO.Path]::DirectorySeparatorChar)
    return [System.IO.Path]::Combine([System.IO.Path]::Combine([string]$env:ACS_DOUBLE_DRIVES, $Matches[1].ToUpper()), $rest)
  }
  return $WindowsPath
}
# A real path as the Windows path it stands for (identity on Windows).
function ConvertTo-WindowsPath([string]$LocalPath) {
  if (-not $OnDouble) { return $LocalPath }
  $drives = ([string]$env:ACS_DOUBLE_DRIVES).TrimEnd('/') + '/'
  if ($LocalPath.StartsWith($drives)) {
    $rest = $LocalPath.Substring($drives.Length)
    return ($rest.Substring(0, 1) + ':\' + $rest.Substring(2).Replace('/', '\'))
  }
  return $LocalPath
}
function Test-Elevated {
  if ($OnDouble) { return ($env:ACS_DOUBLE_ELEVATED -eq '1') }
  $principal = New-Object System.Security.Principal.WindowsPrincipal([System.Security.Principal.WindowsIdentity]::GetCurrent())
  return $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

# ---- JSON (Windows PowerShell 2.0 has no ConvertFrom-Json) --------------------------------------
function Read-Json([string]$Text) {
  if (Get-Command ConvertFrom-Json -ErrorAction SilentlyContinue) { return (ConvertFrom-Json -InputObject $Text) }
  Add-Type -AssemblyName System.Web.Extensions
  return (New-Object System.Web.Script.Serialization.JavaScriptSerializer).DeserializeObject($Text)
}
function Write-Json($Value) {
  if (Get-Command ConvertTo-Json -ErrorAction SilentlyContinue) { return (ConvertTo-Json -InputObject $Value -Depth 8 -Compress) }
  Add-Type -AssemblyName System.Web.Extensions
  return (New-Object System.Web.Script.Serialization.JavaScriptSerializer).Serialize($Value)
}
function Get-Field($Object, [string]$Name) {
  if ($null -eq $Object) { return $null }
  if ($Object -is [System.Collections.IDictionary]) { if ($Object.Contains($Name)) { return , $Object[$Name] }; return $null }
  $property = $Object.PSObject.Properties[$Name]
  if ($property) { return , $property.Value }
  return $null
}
function Read-JsonFile([string]$Path) {
  $text = [System.IO.File]::ReadAllText($Path, (New-Object System.Text.UTF8Encoding($false)))
  return (Read-Json $text.TrimStart([char]0xFEFF))
}
function Get-FileSha256Hex([string]$Path) {
  $sha = [System.Security.Cryptography.SHA256]::Create()
  $stream = [System.IO.File]::Open($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, [System.IO.FileShare]::Read)
  try { return ([System.BitConverter]::ToString($sha.ComputeHash($stream))).Replace('-', '') } finally { $stream.Close() }
}
function Get-TextSha256Hex([string]$Text) {
  $bytes = (New-Object System.Text.UTF8Encoding($false)).GetBytes($Text)
  return ([System.BitConverter]::ToString([System.Security.Cryptography.SHA256]::Create().ComputeHash($bytes))).Replace('-', '')
}
function Get-UtcNow { return (Get-Date).ToUniversalTime().ToString('o') }

# ---- the stick: journal and result --------------------------------------------------------------
$JournalFile = Join-Path $ResultDir 'journal.jsonl'
$ResultFile = Join-Path $ResultDir 'result.json'
function Initialize-ResultDir { if (-not (Test-Path -LiteralPath $ResultDir)) { [void][System.IO.Directory]::CreateDirectory($ResultDir) } }
function Add-JournalLine([hashtable]$Line) {
  Initialize-ResultDir
  $Line.format = 'acs-kit-journal'; $Line.version = 1; $Line.time = Get-UtcNow; $Line.computer = $env:COMPUTERNAME
  $stream = New-Object System.IO.FileStream($JournalFile, [System.IO.FileMode]::Append, [System.IO.FileAccess]::Write, [System.IO.FileShare]::Read)
  try {
    $bytes = (New-Object System.Text.UTF8Encoding($false)).GetBytes((Write-Json $Line) + "`n")
    $stream.Write($bytes, 0, $bytes.Length)
    try { $stream.Flush($true) } catch { $stream.Flush() }
  } finally { $stream.Close() }
}
$Result = @{ format = 'acs-kit-result'; version = 1; kitId = $null; computer = $env:COMPUTERNAME; build = $null; status = 'running'; reason = $null; message = ''; startedAt = (Get-UtcNow); finishedAt = $null; steps = @(); snapshotFile = $null }
function Save-Result {
  Initialize-ResultDir
  $temp = $ResultFile + '.tmp'
  [System.IO.File]::WriteAllText($temp, (Write-Json $Result), (New-Object System.Text.UTF8Encoding($false)))
  if (Test-Path -LiteralPath $ResultFile) { [System.IO.File]::Delete($ResultFile) }
  [System.IO.File]::Move($temp, $ResultFile)
}
# Ends the run: one message on screen, the same in the result file.
function Stop-Kit([string]$Status, [string]$Reason, [string]$Message, [int]$Code) {
  $Result.status = $Status; $Result.reason = $Reason; $Result.message = $Message; $Result.finishedAt = Get-UtcNow
  try { Save-Result } catch { Write-Host (Get-Text 'resultNotWritten' $_.Exception.Message) }
  try { Add-JournalLine @{ event = 'run-ended'; status = $Status; reason = $Reason; message = $Message } } catch { }
  Write-Host ''
  Write-Host $Message
  if ($Pause) { Write-Host (Get-Text 'pressEnter'); [void][Console]::ReadLine() }
  exit $Code
}

Write-Host (Get-Text 'title')

# ---- 1. the kit's files (manifest.json) ---------------------------------------------------------
$manifestPath = Join-Path $KitDir 'manifest.json'
$manifest = $null
try { $manifest = Read-JsonFile $manifestPath } catch { $manifest = $null }
if ($null -eq $manifest -or (Get-Field $manifest 'format') -ne 'acs-kit-manifest') { Stop-Kit 'refused' 'manifest' (Get-Text 'manifestMissing') 6 }
$Hashes = @{}
$selfListed = $false
$manifestFiles = Get-Field $manifest 'files'
foreach ($entry in $manifestFiles) {
  $name = [string](Get-Field $entry 'path')
  if ($name -notmatch '^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,200}$') { Stop-Kit 'refused' 'manifest' (Get-Text 'fileChanged' $name) 6 }
  $local = Join-Path $KitDir $name
  if (-not (Test-Path -LiteralPath $local -PathType Leaf)) { Stop-Kit 'refused' 'manifest' (Get-Text 'fileMissing' $name) 6 }
  $actual = Get-FileSha256Hex $local
  if ($actual -ne ([string](Get-Field $entry 'sha256')).ToUpperInvariant()) { Stop-Kit 'refused' 'manifest' (Get-Text 'fileChanged' $name) 6 }
  $Hashes[$name] = $actual
  if ($name -eq 'fix.ps1') { $selfListed = $true }
}
foreach ($needed in @('fix.ps1', 'kit.json', 'acs-fix-helper.ps1')) { if (-not $Hashes.ContainsKey($needed)) { Stop-Kit 'refused' 'manifest' (Get-Text 'fileMissing' $needed) 6 } }
if (-not $selfListed) { Stop-Kit 'refused' 'manifest' (Get-Text 'fileChanged' 'fix.ps1') 6 }
$Kit = Read-JsonFile (Join-Path $KitDir 'kit.json')
$Result.kitId = [string](Get-Field $Kit 'kitId')

# ---- 2. this computer --------------------------------------------------------------------------
$target = Get-Field $Kit 'target'
$wantedName = [string](Get-Field $target 'computerName')
$wantedBuild = [int](Get-Field $target 'currentBuild')
$build = 0
try {
  $cv = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
  if (-not [int]::TryParse([string]$cv.CurrentBuild, [ref]$build)) { [void][int]::TryParse([string]$cv.CurrentBuildNumber, [ref]$build) }
} catch { $build = 0 }
$Result.build = $build
if ([string]$env:COMPUTERNAME -ne $wantedName -or $build -ne $wantedBuild) {
  Stop-Kit 'refused' 'other-computer' (Get-Text 'otherComputer' $wantedName $wantedBuild $env:COMPUTERNAME $build) 7
}

# ---- 3. administrator rights -------------------------------------------------------------------
if (-not (Test-Elevated)) { Stop-Kit 'refused' 'not-elevated' (Get-Text 'notElevated') 5 }

# ---- the steps, and what an earlier run of this kit already did (resume after a restart) --------
$previous = @{}
if (Test-Path -LiteralPath $ResultFile) {
  try {
    $old = Read-JsonFile $ResultFile
    if ([string](Get-Field $old 'kitId') -eq $Result.kitId) {
      $oldSteps = Get-Field $old 'steps'
      foreach ($s in $oldSteps) { if ([string](Get-Field $s 'state') -eq 'done') { $previous[[string](Get-Field $s 'index')] = $s } }
    }
  } catch { $previous = @{} }
}
$Steps = @()
$index = 0
$KitSteps = Get-Field $Kit 'steps'
foreach ($planStep in $KitSteps) {
  $entry = @{ index = $index; step = [string](Get-Field $planStep 'step'); title = [string](Get-Field $planStep 'title'); state = 'to-do'; status = $null; message = ''; finishedAt = $null }
  if ($previous.ContainsKey([string]$index)) {
    $done = $previous[[string]$index]
    $entry.state = 'done'; $entry.status = [string](Get-Field $done 'status'); $entry.message = [string](Get-Field $done 'message'); $entry.finishedAt = [string](Get-Field $done 'finishedAt')
  }
  $Steps += , $entry
  $index++
}
$Result.steps = $Steps
Save-Result
Add-JournalLine @{ event = 'run-started'; kitId = $Result.kitId; resumed = ($previous.Count -gt 0) }

# ---- the helper, in a folder only administrators can change -------------------------------------
$DataFolder = Join-WindowsPath $ProgramData 'ACS Support Assistant'
$KitFolder = Join-WindowsPath $DataFolder 'kit'
function Invoke-Tool([string]$File, [string[]]$Arguments) {
  $previousPreference = $ErrorActionPreference
  $ErrorActionPreference = 'Continue'
  try { $output = & $File @Arguments 2>&1 | ForEach-Object { "$_" } | Out-String; $code = $LASTEXITCODE }
  finally { $ErrorActionPreference = $previousPreference }
  return @{ exitCode = $code; output = $output }
}
function Initialize-HelperFolder {
  $dataLocal = Resolve-LocalPath $DataFolder
  $icacls = Get-SystemTool 'icacls.exe'
  if (-not (Test-Path -LiteralPath $dataLocal)) {
    # The same ACL the helper gives its folder: administrators and SYSTEM change, users read.
    [void][System.IO.Directory]::CreateDirectory($dataLocal)
    $set = Invoke-Tool $icacls @($DataFolder, '/inheritance:r', '/grant:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX')
    $owner = Invoke-Tool $icacls @($DataFolder, '/setowner', '*S-1-5-32-544')
    if ($set.exitCode -ne 0) { return ([string]$set.output).Trim() }
    if ($owner.exitCode -ne 0) { return ([string]$owner.output).Trim() }
  }
  $kitLocal = Resolve-LocalPath $KitFolder
  if (-not (Test-Path -LiteralPath $kitLocal)) { [void][System.IO.Directory]::CreateDirectory($kitLocal) }
  $set = Invoke-Tool $icacls @($KitFolder, '/inheritance:r', '/grant:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F')
  $owner = Invoke-Tool $icacls @($KitFolder, '/setowner', '*S-1-5-32-544')
  if ($set.exitCode -ne 0) { return ([string]$set.output).Trim() }
  if ($owner.exitCode -ne 0) { return ([string]$owner.output).Trim() }
  return $null
}
$folderProblem = Initialize-HelperFolder
if ($null -ne $folderProblem) { Stop-Kit 'stopped' 'helper-folder' ((Get-Text 'helperFolder' $KitFolder) + ' ' + $folderProblem) 1 }
$HelperCopy = Join-WindowsPath $KitFolder 'acs-fix-helper.ps1'
$HelperLocal = Resolve-LocalPath $HelperCopy
[System.IO.File]::Copy((Join-Path $KitDir 'acs-fix-helper.ps1'), $HelperLocal, $true)
if ((Get-FileSha256Hex $HelperLocal) -ne $Hashes['acs-fix-helper.ps1']) { Stop-Kit 'refused' 'manifest' (Get-Text 'fileChanged' 'acs-fix-helper.ps1') 6 }

# Runs one helper action (the request is written into the protected folder and passed with its hash).
function Invoke-HelperAction([string]$Step, [hashtable]$Request) {
  $runId = [guid]::NewGuid().ToString()
  $requestsLocal = Resolve-LocalPath (Join-WindowsPath $KitFolder 'requests')
  if (-not (Test-Path -LiteralPath $requestsLocal)) { [void][System.IO.Directory]::CreateDirectory($requestsLocal) }
  $envelope = @{ format = 'acs-fix-request'; version = 1; runId = $runId; step = $Step; user = ([string]$env:USERDOMAIN + '\' + [string]$env:USERNAME); request = $Request }
  $text = Write-Json $envelope
  $requestFile = Join-WindowsPath (Join-WindowsPath $KitFolder 'requests') ($runId + '.json')
  [System.IO.File]::WriteAllText((Resolve-LocalPath $requestFile), $text, (New-Object System.Text.UTF8Encoding($false)))
  $sha = Get-TextSha256Hex $text
  $requestArg = $requestFile
  if ($OnDouble) { $requestArg = Resolve-LocalPath $requestFile }
  $ran = Invoke-Tool $PowerShellExe @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $HelperLocal, '-ActionId', [string]$Request.action, '-RequestFile', $requestArg, '-RequestSha256', $sha, '-RunId', $runId, '-Standalone')
  $resultLocal = Resolve-LocalPath (Join-WindowsPath (Join-WindowsPath $DataFolder 'results') ($runId + '.json'))
  $answer = $null
  if (Test-Path -LiteralPath $resultLocal) { try { $answer = Read-JsonFile $resultLocal } catch { $answer = $null } }
  if ($null -eq $answer) { return @{ status = 'failed'; message = (Get-Text 'helperNoResult' $ran.exitCode ([string]$ran.output).Trim()); reason = $null } }
  return @{ status = [string](Get-Field $answer 'status'); message = [string](Get-Field $answer 'message'); reason = [string](Get-Field $answer 'reason') }
}
function Test-RestartPending {
  foreach ($key in @('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending', 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired')) {
    if (Test-Path -LiteralPath $key) { return $true }
  }
  return $false
}

# ---- 4. the steps, in order ---------------------------------------------------------------------
$count = $Steps.Count
foreach ($entry in $Steps) {
  $number = $entry.index + 1
  if ($entry.state -eq 'done') { Write-Host (Get-Text 'stepAlreadyDone' $number $count $entry.title); continue }
  Write-Host (Get-Text 'stepStarting' $number $count $entry.title)
  $planStep = $KitSteps[$entry.index]
  Add-JournalLine @{ event = 'step-started'; index = $entry.index; step = $entry.step }
  $outcome = $null
  switch ($entry.step) {
    'install-root-certificate' {
      $outcome = Invoke-HelperAction $entry.step @{ action = 'import-root-certificate'; sha1Thumbprint = 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2'; sha256Fingerprint = '5367F20C7ADE0E2BCA790915056D086B720C33C1FA2A2661ACF787E3292E1270' }
    }
    'install-windows-update' {
      $package = Get-Field $planStep 'package'
      $file = [string](Get-Field $package 'file')
      if (-not $Hashes.ContainsKey($file)) { $outcome = @{ status = 'refused'; message = (Get-Text 'fileMissing' $file); reason = 'manifest' } }
      else {
        $installer = 'wusa'; if ($file -match '\.cab$') { $installer = 'dism' }
        $packagePath = ConvertTo-WindowsPath (Join-Path $KitDir $file)
        $outcome = Invoke-HelperAction $entry.step @{ action = 'install-update-package'; packagePath = $packagePath; packageSha256 = $Hashes[$file]; kb = [string](Get-Field $package 'kb'); installer = $installer; timeoutMs = 14400000 }
      }
    }
    'reboot' {
      if (-not (Test-RestartPending)) { $outcome = @{ status = 'ok'; message = (Get-Text 'noRestartNeeded'); reason = $null } }
      else {
        Write-Host (Get-Text 'restartQuestion')
        $answer = [string][Console]::ReadLine()
        if ($answer.Trim() -notmatch '^(?i)(y|yes|j|ja)$') {
          $entry.message = Get-Text 'restartLater'
          Stop-Kit 'waiting-for-restart' 'restart-declined' (Get-Text 'restartLater') 3
        }
        $outcome = Invoke-HelperAction $entry.step @{ action = 'restart-computer'; delaySeconds = 60; comment = (Get-Text 'restartComment') }
        if ($outcome.status -eq 'ok') {
          $entry.message = Get-Text 'restartStarted'
          Save-Result
          Add-JournalLine @{ event = 'step-finished'; index = $entry.index; step = $entry.step; status = 'restart-started'; message = $outcome.message }
          Stop-Kit 'waiting-for-restart' 'restart-started' (Get-Text 'restartStarted') 3
        }
      }
    }
    'start-agent-services' {
      $serviceList = Get-Field $planStep 'services'
      $services = @($serviceList | ForEach-Object { [string]$_ })
      $outcome = Invoke-HelperAction $entry.step @{ action = 'start-services'; services = $services; timeoutMs = 120000; pollIntervalMs = 2000 }
    }
    default { $outcome = @{ status = 'refused'; message = (Get-Text 'stepNotInKit' $entry.step); reason = 'step-kind' } }
  }
  $entry.status = $outcome.status
  $entry.message = $outcome.message
  $entry.finishedAt = Get-UtcNow
  Add-JournalLine @{ event = 'step-finished'; index = $entry.index; step = $entry.step; status = $outcome.status; reason = $outcome.reason; message = $outcome.message }
  if ($outcome.status -eq 'ok' -or $outcome.status -eq 'already-done' -or $outcome.status -eq 'reboot-required') {
    $entry.state = 'done'
    Save-Result
    Write-Host ('  ' + $outcome.message)
  } else {
    $entry.state = 'failed'
    Stop-Kit 'stopped' 'step-failed' (Get-Text 'stepFailed' $number $entry.title $outcome.message) 1
  }
}

# ---- 5. a fresh snapshot for the laptop ---------------------------------------------------------
Write-Host (Get-Text 'collecting')
$snapshotName = 'snapshot-after.json'
try {
  $previousInput = $env:ACS_PROBE_INPUT
  $env:ACS_PROBE_INPUT = [string](Get-Field $Kit 'collectorInput')
  if (-not $env:ACS_PROBE_INPUT) { $env:ACS_PROBE_INPUT = '{"network":false}' }
  # stdout only (the collector's progress lines go to stderr); its JSON is ASCII, so UTF-8 as it is.
  $previousPreference = $ErrorActionPreference
  $ErrorActionPreference = 'Continue'
  try { $lines = & $PowerShellExe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File (Join-Path $KitDir 'collect.ps1') 2>$null; $code = $LASTEXITCODE }
  finally { $ErrorActionPreference = $previousPreference; $env:ACS_PROBE_INPUT = $previousInput }
  $text = ((@($lines) | ForEach-Object { [string]$_ }) -join "`n").Trim()
  if ($code -eq 0 -and $text.StartsWith('{')) {
    [System.IO.File]::WriteAllText((Join-Path $ResultDir $snapshotName), $text, (New-Object System.Text.UTF8Encoding($false)))
    $Result.snapshotFile = $snapshotName
  } else { Write-Host (Get-Text 'snapshotFailed' $code) }
} catch { Write-Host (Get-Text 'snapshotFailed' $_.Exception.Message) }
Stop-Kit 'finished' $null (Get-Text 'finished') 0
