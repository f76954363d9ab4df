<#
  ACS Support Assistant - elevated helper for ONE fix step.
  Started by the app (Start-Process -Verb RunAs) or by run-as-administrator.cmd. It takes a fixed
  action id and a JSON request file; every path and value comes from that file, never from text
  built into a command line. It repeats the app's checks before changing anything, writes its result
  to the request's resultFile, and (with -Standalone) appends the same journal lines the app writes.
  Works on Windows PowerShell 2.0 (Windows 7 / 2008 R2) and later.
  NOT VERIFIED ON REAL WINDOWS YET: written against documented behaviour, exercised only in simulation.
#>
param(
  [Parameter(Mandatory = $true)][ValidateSet('import-root-certificate', 'remove-root-certificate', 'install-update-package', 'start-services', 'restart-computer')][string]$ActionId,
  [Parameter(Mandatory = $true)][string]$RequestFile,
  [switch]$Standalone
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2

function Read-Json([string]$Text) {
  if (Get-Command ConvertFrom-Json -ErrorAction SilentlyContinue) { return ($Text | ConvertFrom-Json) }
  Add-Type -AssemblyName System.Web.Extensions
  # Windows PowerShell 2.0: dictionaries all the way down (Get-Field reads both shapes).
  return (New-Object System.Web.Script.Serialization.JavaScriptSerializer).DeserializeObject($Text)
}

function Write-Json($Value) {
  if (Get-Command ConvertTo-Json -ErrorAction SilentlyContinue) { return ($Value | ConvertTo-Json -Depth 8 -Compress) }
  Add-Type -AssemblyName System.Web.Extensions
  return (New-Object System.Web.Script.Serialization.JavaScriptSerializer).Serialize($Value)
}

function Get-Field($Object, [string]$Name) {
  if ($Object -is [System.Collections.IDictionary]) { return $Object[$Name] }
  $property = $Object.PSObject.Properties[$Name]
  if ($property) { return $property.Value }
  return $null
}

# Appends one line and flushes it to the disk (FileStream.Flush($true) = fsync on .NET 4; plain Flush on .NET 2).
function Add-DurableLine([string]$Path, [string]$Line) {
  $prefix = ''
  if ((Test-Path -LiteralPath $Path) -and (Get-Item -LiteralPath $Path).Length -gt 0) {
    # A line torn by a crash has no newline: start on a fresh line, as the app does.
    $reader = [System.IO.File]::Open($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, [System.IO.FileShare]::ReadWrite)
    try { $reader.Position = $reader.Length - 1; if ($reader.ReadByte() -ne 10) { $prefix = "`n" } } finally { $reader.Close() }
  }
  $stream = New-Object System.IO.FileStream($Path, [System.IO.FileMode]::Append, [System.IO.FileAccess]::Write, [System.IO.FileShare]::Read)
  try {
    $bytes = (New-Object System.Text.UTF8Encoding($false)).GetBytes($prefix + $Line + "`n")
    $stream.Write($bytes, 0, $bytes.Length)
    try { $stream.Flush($true) } catch { $stream.Flush() }
  } finally { $stream.Close() }
}

$requestPath = (Resolve-Path -LiteralPath $RequestFile).ProviderPath
$requestFolder = Split-Path -Parent $requestPath
$envelope = Read-Json ([System.IO.File]::ReadAllText($requestPath, [System.Text.Encoding]::UTF8))
if ((Get-Field $envelope 'format') -ne 'acs-fix-request') { [Console]::Error.WriteLine('Not an ACS fix request file.'); exit 2 }
$request = Get-Field $envelope 'request'
if ((Get-Field $request 'action') -ne $ActionId) { [Console]::Error.WriteLine('The request is for another action.'); exit 2 }

function Resolve-RequestPath([string]$Path) {
  if ([System.IO.Path]::IsPathRooted($Path)) { return $Path }
  return [System.IO.Path]::Combine($requestFolder, $Path)
}

$script:commands = @()
# Programs by full path: never a file of the same name from the current folder or PATH.
$system32 = Join-Path $env:SystemRoot 'System32'
function Get-SystemTool([string]$Name) { return (Join-Path $system32 $Name) }
function Invoke-Recorded([string]$File, [string[]]$Arguments) {
  # Native stderr lines become error records under 2>&1; with 'Stop' they would end the script.
  $previous = $ErrorActionPreference
  $ErrorActionPreference = 'Continue'
  try { $output = & $File @Arguments 2>&1 | ForEach-Object { "$_" } | Out-String; $code = $LASTEXITCODE }
  finally { $ErrorActionPreference = $previous }
  $script:commands += , @{ file = $File; args = $Arguments; exitCode = $code; meaning = "exit code $code"; elevated = $true }
  return @{ exitCode = $code; output = $output }
}

function Get-Sha256Hex([byte[]]$Bytes) {
  $sha = [System.Security.Cryptography.SHA256]::Create()
  return ([System.BitConverter]::ToString($sha.ComputeHash($Bytes))).Replace('-', '')
}

function Get-FileSha256Hex([string]$Path) {
  $sha = [System.Security.Cryptography.SHA256]::Create()
  $stream = [System.IO.File]::OpenRead($Path)
  try { return ([System.BitConverter]::ToString($sha.ComputeHash($stream))).Replace('-', '') } finally { $stream.Close() }
}

function New-Result([string]$Status, [string]$Message, $ExitCode) {
  return @{ action = $ActionId; status = $Status; message = $Message; commands = $script:commands; exitCode = $ExitCode }
}

function Invoke-ImportRoot {
  $file = Resolve-RequestPath (Get-Field $request 'certificateFile')
  try { $cert = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2(, [System.IO.File]::ReadAllBytes($file)) }
  catch { return New-Result 'refused' 'The file is not a whole certificate (damaged or truncated). Nothing was imported.' $null }
  $sha256 = Get-Sha256Hex $cert.RawData
  if ($cert.Thumbprint -ne (Get-Field $request 'sha1Thumbprint') -or $sha256 -ne (Get-Field $request 'sha256Fingerprint')) {
    return New-Result 'refused' "Refused: the certificate's fingerprints ($($cert.Thumbprint)) are not the pinned ones. Nothing was imported." $null
  }
  $now = Get-Date
  if ($now -lt $cert.NotBefore -or $now -gt $cert.NotAfter) { return New-Result 'refused' 'Refused: the certificate is not valid today. Nothing was imported.' $null }
  $before = Invoke-Recorded (Get-SystemTool 'certutil.exe') @('-store', 'Root', $cert.Thumbprint)
  if ($before.exitCode -eq 0 -and ($before.output -replace '\s', '').ToUpper().Contains($cert.Thumbprint)) { $r = New-Result 'already-done' 'The root certificate is already in the Trusted Root store; nothing was changed.' 0; $r.alreadyPresent = $true; return $r }
  $added = Invoke-Recorded (Get-SystemTool 'certutil.exe') @('-f', '-addstore', 'Root', $file)
  if ($added.exitCode -eq 0) { $r = New-Result 'ok' 'The root certificate was added to the Trusted Root store.' 0 }
  elseif ($added.exitCode -eq -2147024891) { $r = New-Result 'access-denied' 'Access denied: the machine certificate store needs administrator rights.' $added.exitCode }
  else { $r = New-Result 'failed' "certutil failed with exit code $($added.exitCode)." $added.exitCode }
  $r.alreadyPresent = $false
  return $r
}

function Invoke-RemoveRoot {
  $removed = Invoke-Recorded (Get-SystemTool 'certutil.exe') @('-delstore', 'Root', (Get-Field $request 'sha1Thumbprint'))
  if ($removed.exitCode -eq 0) { return New-Result 'ok' 'The root certificate was removed from the Trusted Root store.' 0 }
  if ($removed.exitCode -eq -2146885628) { return New-Result 'already-done' 'The certificate was no longer in the store.' $removed.exitCode }
  return New-Result 'failed' "certutil failed with exit code $($removed.exitCode)." $removed.exitCode
}

function Invoke-InstallPackage {
  $path = Get-Field $request 'packagePath'
  if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { return New-Result 'refused' 'The package file cannot be found any more. Nothing was installed.' $null }
  if ((Get-FileSha256Hex $path) -ne (Get-Field $request 'packageSha256')) { return New-Result 'refused' 'The package file changed after it was checked (different SHA-256). Nothing was installed.' $null }
  # -LiteralPath where this PowerShell has it (no wildcard expansion of '[' in a path), else -FilePath.
  if ((Get-Command Get-AuthenticodeSignature).Parameters.ContainsKey('LiteralPath')) { $signature = Get-AuthenticodeSignature -LiteralPath $path }
  else { $signature = Get-AuthenticodeSignature -FilePath $path }
  if ($signature.Status -ne 'Valid' -or -not $signature.SignerCertificate -or $signature.SignerCertificate.Subject -notmatch '(^|,\s*)O=Microsoft Corporation(,|$)') {
    return New-Result 'refused' "Refused: the package is not validly signed by Microsoft ($($signature.Status)). Nothing was installed." $null
  }
  if ((Get-Field $request 'installer') -eq 'wusa') {
    # wusa.exe is a windowed program: Start-Process -Wait is how to get its exit code. Windows paths cannot hold '"'.
    $arguments = @(('"' + $path + '"'), '/quiet', '/norestart')
    $process = Start-Process -FilePath (Get-SystemTool 'wusa.exe') -ArgumentList $arguments -Wait -PassThru -WindowStyle Hidden
    $code = $process.ExitCode
    $script:commands += , @{ file = (Get-SystemTool 'wusa.exe'); args = @($path, '/quiet', '/norestart'); exitCode = $code; meaning = "exit code $code"; elevated = $true }
  } else {
    $code = (Invoke-Recorded (Get-SystemTool 'dism.exe') @('/Online', '/Add-Package', ('/PackagePath:' + $path), '/Quiet', '/NoRestart')).exitCode
  }
  $status = switch ($code) { 0 { 'ok' } 3010 { 'reboot-required' } 1641 { 'reboot-required' } 2359301 { 'reboot-required' } 2359302 { 'already-done' } (-2145124329) { 'not-applicable' } (-2146498530) { 'not-applicable' } 1618 { 'busy' } 5 { 'access-denied' } 740 { 'access-denied' } default { 'failed' } }
  return New-Result $status "The installer ended with exit code $code." $code
}

function Invoke-StartServices {
  $timeoutMs = [int](Get-Field $request 'timeoutMs')
  $pollMs = [int](Get-Field $request 'pollIntervalMs')
  $results = @()
  foreach ($name in @(Get-Field $request 'services')) {
    $start = Invoke-Recorded (Get-SystemTool 'sc.exe') @('start', $name)
    $entry = @{ name = $name; state = 'STOPPED'; startExitCode = $start.exitCode; win32ExitCode = $start.exitCode; running = $false; timedOut = $false; message = "sc start ended with $($start.exitCode)." }
    if ($start.exitCode -eq 0 -or $start.exitCode -eq 1056) {
      $deadline = (Get-Date).AddMilliseconds($timeoutMs)
      while ($true) {
        $query = Invoke-Recorded (Get-SystemTool 'sc.exe') @('query', $name)
        $state = if ($query.output -match 'STATE\s*:\s*\d+\s+([A-Z_]+)') { $Matches[1] } else { 'UNKNOWN' }
        $exit = if ($query.output -match 'WIN32_EXIT_CODE\s*:\s*(\d+)') { [int]$Matches[1] } else { $null }
        $entry.state = $state; $entry.win32ExitCode = $exit
        if ($state -eq 'RUNNING') { $entry.running = $true; $entry.message = 'Running.'; break }
        if ($state -eq 'STOPPED' -or $state -eq 'UNKNOWN') { $entry.message = "Stopped again (exit code $exit)."; break }
        if ((Get-Date) -ge $deadline) { $entry.timedOut = $true; $entry.message = "Still $state after waiting."; break }
        Start-Sleep -Milliseconds ([Math]::Max($pollMs, 100))
      }
    }
    $results += , $entry
  }
  $notRunning = @($results | Where-Object { -not $_.running })
  $status = if ($notRunning.Count -eq 0) { 'ok' } elseif (@($results | Where-Object { $_.startExitCode -eq 5 }).Count -gt 0) { 'access-denied' } else { 'failed' }
  $r = New-Result $status "$($notRunning.Count) of $($results.Count) services are not running." $(if ($notRunning.Count -gt 0) { $notRunning[0].win32ExitCode } else { 0 })
  $r.services = $results
  return $r
}

function Invoke-Restart {
  $ran = Invoke-Recorded (Get-SystemTool 'shutdown.exe') @('/r', '/t', [string](Get-Field $request 'delaySeconds'), '/c', [string](Get-Field $request 'comment'))
  $status = if ($ran.exitCode -eq 0) { 'ok' } else { 'failed' }
  return New-Result $status "shutdown.exe ended with exit code $($ran.exitCode)." $ran.exitCode
}

$journalFile = $null
if ($Standalone) { $journalFile = Get-Field $envelope 'journalFile' }
# A run of its own (the app's declined run is already finished); requestRunId links the two.
$journalBase = @{ format = 'acs-journal'; version = 1; runId = [guid]::NewGuid().ToString(); user = "$env:USERDOMAIN\$env:USERNAME"; computer = $env:COMPUTERNAME; step = (Get-Field $envelope 'step'); operation = $(if ($ActionId -eq 'remove-root-certificate') { 'undo' } else { 'apply' }); writer = 'admin-script' }
function Write-JournalLine([hashtable]$Extra) {
  if (-not $journalFile) { return }
  $line = @{}; foreach ($key in $journalBase.Keys) { $line[$key] = $journalBase[$key] }
  foreach ($key in $Extra.Keys) { $line[$key] = $Extra[$key] }
  $line.time = (Get-Date).ToUniversalTime().ToString('o')  # round-trip format: ISO 8601 whatever the culture
  try { Add-DurableLine $journalFile (Write-Json $line) } catch { Add-DurableLine (Join-Path $requestFolder 'acs-journal.jsonl') (Write-Json $line) }
}

Write-JournalLine @{ event = 'started'; commands = @(); details = @{ action = $ActionId; requestRunId = (Get-Field $envelope 'runId') } }
try {
  $result = switch ($ActionId) {
    'import-root-certificate' { Invoke-ImportRoot }
    'remove-root-certificate' { Invoke-RemoveRoot }
    'install-update-package' { Invoke-InstallPackage }
    'start-services' { Invoke-StartServices }
    'restart-computer' { Invoke-Restart }
  }
} catch {
  $result = New-Result 'failed' ("The helper stopped: " + $_.Exception.Message) $null
}
$resultPath = Resolve-RequestPath (Get-Field $envelope 'resultFile')
[System.IO.File]::WriteAllText($resultPath, (Write-Json $result), (New-Object System.Text.UTF8Encoding($false)))
# The same status words as the app's journal (FixStatus); the app verifies on its next start.
$fixStatus = switch ($result.status) { 'ok' { 'succeeded' } 'already-done' { 'nothing-to-do' } 'reboot-required' { 'reboot-required' } 'refused' { 'refused' } 'not-applicable' { 'refused' } 'access-denied' { 'declined' } default { 'failed' } }
$details = @{ action = $ActionId; requestRunId = (Get-Field $envelope 'runId'); added = ($result.status -eq 'ok' -and $ActionId -eq 'import-root-certificate'); removed = ($result.status -eq 'ok' -and $ActionId -eq 'remove-root-certificate') }
if (Get-Field $request 'sha1Thumbprint') { $details.thumbprint = Get-Field $request 'sha1Thumbprint' }
if (Get-Field $request 'packagePath') { $details.packagePath = Get-Field $request 'packagePath'; $details.packageSha256 = Get-Field $request 'packageSha256' }
Write-JournalLine @{ event = 'finished'; commands = $result.commands; status = $fixStatus; verified = $null; message = $result.message; details = $details }
Write-Host $result.message
exit 0
