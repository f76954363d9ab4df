<#
  ACS Support Assistant - elevated helper for ONE fix step.

  Started elevated by the launcher (assets/fixes/acs-elevate.ps1: Process.Start with Verb 'runas') or
  by an administrator (the administrator script). It trusts nothing an unelevated process could have
  written (docs/security.md, "Elevation boundary"):
  - it runs only from a folder that non-administrators cannot change (checked with Get-Acl);
  - the request file is read ONCE, and only when its SHA-256 equals -RequestSha256 (given on the
    elevated command line the person consented to); every field is validated here with the same
    rules as the app's schema (src-main/fixes/actions/requests.ts); unknown fields are refused;
  - the root certificate it imports is a constant of this script (bytes and both fingerprints), added
    from memory through X509Store (no file);
  - a package is copied into the helper's own folder, then hashed, its Authenticode chain checked up
    to Microsoft's roots by thumbprint, its KB checked inside, and that copy is installed;
  - no output path comes from the request: the result goes to
    %ProgramData%\ACS Support Assistant\results\<RunId>.json and journal lines to
    %ProgramData%\ACS Support Assistant\journal.jsonl, a folder with an administrators-only ACL
    that the helper sets and checks;
  - programs come from [Environment]::SystemDirectory, modules only from $PSHOME.
  Exit codes: 0 a result was written (its status says what happened), 2 bad invocation (no result),
  3 the helper's folder is not safe to write a result into, 5 not elevated, 86 PowerShell is in Constrained
  Language Mode (application control) so the helper cannot run.
  Works on Windows PowerShell 2.0 (Windows 7 / 2008 R2) and later.
  NOT VERIFIED ON REAL WINDOWS YET: runs under pwsh on the Windows double in the tests
  (test/powershell/helper-*.test.ts).
#>
param(
  [string]$ActionId,
  [string]$RequestFile,
  [string]$RequestSha256,
  [string]$RunId,
  [switch]$Standalone
)

# Constrained Language Mode (AppLocker / WDAC lockdown): .NET types cannot be created, so say so
# plainly before anything else can fail with "Cannot create type" (issue 10, defect 6).
if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
  # No .NET method calls here: Constrained Language allows none on non-core types ([Console] included).
  Write-Output ('{"acsHelperUnavailable":true,"languageMode":"' + $ExecutionContext.SessionState.LanguageMode + '"}')
  Write-Output ('The ACS helper cannot run: PowerShell is in ' + $ExecutionContext.SessionState.LanguageMode + ' mode on this machine (application control). Nothing was changed.')
  exit 86
}

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2

# Modules only from $PSHOME: the user's Documents folder is the first entry of PSModulePath.
$env:PSModulePath = [System.IO.Path]::Combine($PSHOME, 'Modules')

# ---- messages (the helper's own catalogue; the app shows them as they are) -------------------------
$Messages = @{
  badInvocation        = 'The helper was started without a valid action, request hash or run id.'
  notElevated          = 'The helper needs administrator rights (run it as administrator). Nothing was changed.'
  unsafeHelperFolder   = 'Refused: the helper is stored in a folder that non-administrators can change ({0}). Install the app for all users (Program Files) or use the administrator script. Nothing was changed.'
  unsafeDataFolder     = 'Refused: the folder {0} exists but was not created by an administrator (owner or permissions allow other accounts to change it). Remove it and try again. Nothing was changed.'
  requestUnreadable    = 'Refused: the request file cannot be read. Nothing was changed.'
  requestChanged       = 'Refused: the request file changed after you approved it (its SHA-256 is not the one on the administrator command line). Nothing was changed.'
  requestInvalid       = 'Refused: the request is not valid ({0}). Nothing was changed.'
  certificateRefused   = 'Refused: only the pinned root certificate (thumbprint {0}) can be added or removed by this helper. Nothing was changed.'
  certificateSelfCheck = 'Refused: the root certificate inside the helper does not match its pinned fingerprints (the helper was changed). Nothing was imported.'
  certificateExpired   = 'Refused: the root certificate is not valid today. Nothing was imported.'
  certificatePresent   = 'The root certificate is already in the Trusted Root store; nothing was changed.'
  certificateAdded     = 'The root certificate was added to the Trusted Root store.'
  certificateNotAdded  = 'certutil reported success but the root certificate is not in the store.'
  certificateRemoved   = 'The root certificate was removed from the Trusted Root store.'
  certificateGone      = 'The certificate was no longer in the store.'
  toolFailed           = '{0} failed: {1}.'
  packageRemote        = 'Refused: the update package must be on a local disk of this computer (not a network share, a device path or a mapped network drive): {0}. Copy it to a local folder or USB stick first. Nothing was installed.'
  packageMissing       = 'The package file cannot be found any more. Nothing was installed.'
  packageChanged       = 'The package file changed after it was checked (different SHA-256). Nothing was installed.'
  packageUnsigned      = 'Refused: the package is not validly signed ({0}). Nothing was installed.'
  packageNotMicrosoft  = 'Refused: the package signature does not chain to a Microsoft root certificate (root {0}). Nothing was installed.'
  packageWrongKb       = 'Refused: the package does not hold {0} (found inside: {1}). Nothing was installed.'
  installerEnded       = 'The installer ended with exit code {0}.'
  servicesSummary      = '{0} of {1} services are not running.'
  restartEnded         = 'shutdown.exe ended with exit code {0}.'
  helperStopped        = 'The helper stopped: {0}'
}
# ---- constants: what this helper may ever do ----------------------------------------------------
$PinnedRootSha1 = 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2'
$PinnedRootSha256 = '5367F20C7ADE0E2BCA790915056D086B720C33C1FA2A2661ACF787E3292E1270'
# Microsoft Identity Verification Root Certificate Authority 2020 (DER, base64): the only root this helper adds.
$PinnedRootBase64 = 'MIIFzDCCA7SgAwIBAgIQVJjS0dRbGZVIE3nIEcCHmTANBgkqhkiG9w0BAQwFADB3MQswCQYDVQQGEwJVUzEeMBwGA1UEChMVTWljcm9zb2Z0IENvcnBvcmF0aW9uMUgwRgYDVQQDEz9NaWNyb3NvZnQgSWRlbnRpdHkgVmVyaWZpY2F0aW9uIFJvb3QgQ2VydGlmaWNhdGUgQXV0aG9yaXR5IDIwMjAwHhcNMjAwNDE2MTgzNjE2WhcNNDUwNDE2MTg0NDQwWjB3MQswCQYDVQQGEwJVUzEeMBwGA1UEChMVTWljcm9zb2Z0IENvcnBvcmF0aW9uMUgwRgYDVQQDEz9NaWNyb3NvZnQgSWRlbnRpdHkgVmVyaWZpY2F0aW9uIFJvb3QgQ2VydGlmaWNhdGUgQXV0aG9yaXR5IDIwMjAwggIiMA0GCSqGSIb3DQEBAQUAA4ICDwAwggIKAoICAQCzkSoHgwZn/Z6d4MfAt6TmQgR/D6bbX/vVWtdFoPt3C/CA86ZtWk15U9ighoRXRSDHolT7x6K/isduNfOiFcQvTuNKhZZJDf++mdgU9rwnB+5Cmyv1C5IG5P1pE2WokXLymITrgz0O5NdxEkghyw3t9kdJt5v5yccXtoRP/7ismtdzZ0mF44a9N0DQJYbU3rXCbWJq1al4vC1vSfnlbBQU/RTH02UWN97LbrxeKY39YpsVLNYF5rmJMjOjYsfX1lJnCMQu9FYrnguHzOyntKaq6wXNGVelOgsEJxyRZ54tYi0vHr7awCDLBBnKM/uJvpjicqByNb554ZyDb+RtF2+Q8z0AhnU4jtDgSZq729P4MMrVV4hoTXLTv21/cdj9vQ2ukmRIt1tveSa1zZuVIYTR7w8yPXtXjPNFB0x84F4YDjV2i22eyzZ0qwX44HNdMlaUZ5clCsY1PZSX58FEi4D9wfj0dBnlMPYG+yFXPgYci2sVhidJe4KTylnodUfoPzj0x1N5oLa04lxR771fOMET5ngMlVouxUBZKMwPJMDsugl3I5k4prYc2se6ILbXN9h/N68I4ztx225zG32ZcrDkhjNZdLUWAHtQbcaGE9r9xDmCPSQAmmDaupTABVEsNKxQmROHu7MFgLJNMAJcuCaDXbRjc++uI5VPYCi+N9VbpQIDAQABo1QwUjAOBgNVHQ8BAf8EBAMCAYYwDwYDVR0TAQH/BAUwAwEB/zAdBgNVHQ4EFgQUyH7SaoUqG8oZmAQHJ89QEE9oqKIwEAYJKwYBBAGCNxUBBAMCAQAwDQYJKoZIhvcNAQEMBQADggIBAK9q3eYZ5y2UQxlOy+lQlWSlA5ECi+I2gDsVolLCFhm2alpddEMw9Jv/YHQJsSEekBZtxSSPXGaIY/RPzH3yEkxAEIsBn9qpyK7ylRvPnQXrST50oGhb5VYsZRyCflPaVtlGF3mSRcQQNghSKRfLL6byftRpJIoej7BzDcwcSquyqu2nkWMBZCKoMrh+MiizZ3MtkbTcMQEL90cKpvHXSu1WYMQsCKN7QLC8dCdSh9a+iN03ioluZ4gd9cldoP62qzqA1xqXPBc2IkEerE3Vg+Y8OL1PMOlUqdO2BMMydmG7sBjFKxizwIDVt5WwXlFNIvzsWKro2JS0pS7tkt7nGHwhV91VY/e/bc0f0qZ3KHDH4ls6WwjSW07IAJaz4YM2r4YKZVx09ursemp0oPBL7u+Uo6xQ8oft1zowg8n7fVe+5eP4QcrlZK6zo+xY7IWazO+56vNWGLlcc5qvxXcXg1nbNxoYclSlQdK2I3WjQ5rld3yWebdBjb/s3ICgn9F3dVhfNRPgJRpnC33OJfoHCuRhIdjUHOUHxjaZ9JbQxhX+Ts3Xroud2xb9BMaSvdSI5qmjqrv3ZDg7X8wM0DW+dBkDpsWqTKJhNoI+HfMrvJdd20t4Oy31O+9gI+j17AsjNpWvmGa/U9N7uGlKKpZmacSUxvRfbqyYeIiABlyisu2i'
# Roots a Windows update package may chain to (by SHA-1 thumbprint, never by subject text):
# Microsoft Root Authority, Microsoft Root Certificate Authority (2001), 2010 and 2011.
$MicrosoftRootThumbprints = @('A43489159A520F0D93D032CCAF37E7FE20A8B419', 'CDD4EEAE6000AC7F40C3802C171E30148030C072', '3B1EFD3A66EA28B16697394703A72CA340A05BD5', '8F43288AD272F3103B6FB1428485EA3014C0BCFE')
# The agent catalogue (src-main/catalogue/trend-agents.ts; a test keeps the two lists equal).
$AgentServices = @('TmListen', 'ntrtscan', 'TmPfw', 'TmProxy', 'TMBMServer', 'TmCCSF', 'TmWSCSvc', 'svcGenericHost', 'TMiACAgentSvc', 'iVPAgent', 'CETASvc', 'Trend Micro Endpoint Basecamp', 'ds_agent', 'ds_monitor', 'ds_notifier', 'Amsp', 'ds_nuagent', 'DSASvc', 'Trend Micro Web Service Communicator', 'Trend Micro Response Service', 'Cloud Endpoint Service')
$ActionIds = @('import-root-certificate', 'remove-root-certificate', 'install-update-package', 'start-services', 'restart-computer')
$StepKinds = @('install-root-certificate', 'install-windows-update', 'reboot', 'start-agent-services')
# Who may write where: Administrators, SYSTEM, TrustedInstaller (and CREATOR OWNER as inherit-only).
$AdminSids = @('S-1-5-32-544', 'S-1-5-18', 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464')
# FileSystemRights that change a folder or file: WriteData, AppendData, WriteExtendedAttributes,
# DeleteSubdirectoriesAndFiles, WriteAttributes, Delete, ChangePermissions, TakeOwnership, GENERIC_ALL, GENERIC_WRITE.
$WriteRightsMask = 0x2 -bor 0x4 -bor 0x10 -bor 0x40 -bor 0x100 -bor 0x10000 -bor 0x40000 -bor 0x80000 -bor 0x10000000 -bor 0x40000000
$MaxRequestBytes = 65536

# ---- test seam (Windows double, Linux test runs only) -------------------------------------------
# On Windows the platform is Win32NT and none of the ACS_* values below is ever read. Off Windows,
# with ACS_WINDOWS_DOUBLE set, the double's module stands in for Get-Acl, Get-AuthenticodeSignature,
# X509Chain and Start-Process; Windows drive paths map to folders under ACS_DOUBLE_DRIVES; tools
# come from ACS_DOUBLE_SYSTEM32; drives named in ACS_DOUBLE_NETWORK_DRIVES are network drives.
$OnDouble = $false
if ([Environment]::OSVersion.Platform -ne [PlatformID]::Win32NT -and $env:ACS_WINDOWS_DOUBLE) {
  $OnDouble = $true
  Import-Module -Name ([string]$env:ACS_WINDOWS_DOUBLE) -DisableNameChecking
}

# The real file-system path of a local Windows path (identity on Windows).
function Resolve-LocalPath([string]$WindowsPath) {
  if (-not $OnDouble) { return $WindowsPath }
  if ($WindowsPath -match '^([A-Za-z]):\\(.*)$') {
    $rest = $Matches[2].Replace('\', [string][System.IO.Path]::DirectorySeparatorChar)
    return [System.IO.Path]::Combine([System.IO.Path]::Combine([string]$env:ACS_DOUBLE_DRIVES, $Matches[1].ToUpper()), $rest)
  }
  return $WindowsPath
}
function Get-DriveKind([string]$Letter) {
  if ($OnDouble) { if (([string]$env:ACS_DOUBLE_NETWORK_DRIVES).ToUpper().Contains($Letter.ToUpper())) { return 'Network' }; return 'Fixed' }
  try { return [string](New-Object System.IO.DriveInfo($Letter)).DriveType } catch { return 'NoRootDirectory' }
}
# Is this process elevated (an administrator's full token, or SYSTEM)?
function Test-Elevated {
  if ($OnDouble) { return ($env:ACS_DOUBLE_ELEVATED -eq '1') }
  $principal = New-Object System.Security.Principal.WindowsPrincipal([System.Security.Principal.WindowsIdentity]::GetCurrent())
  return $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}
$System32 = [Environment]::SystemDirectory
$ProgramData = [Environment]::GetFolderPath('CommonApplicationData')
if ($OnDouble) { $System32 = [string]$env:ACS_DOUBLE_SYSTEM32; $ProgramData = 'C:\ProgramData' }
function Get-SystemTool([string]$Name) { return [System.IO.Path]::Combine($System32, $Name) }
# Windows paths are built with '\' whatever the platform (the double maps them with Resolve-LocalPath).
function Join-WindowsPath([string]$Folder, [string]$Name) { return ($Folder.TrimEnd('\') + '\' + $Name) }

function Get-Message([string]$Key) {
  $text = [string]$Messages[$Key]
  for ($i = 0; $i -lt $args.Count; $i++) { $text = $text.Replace('{' + $i + '}', [string]$args[$i]) }
  return $text
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
function Test-JsonObject($Value) { return ($Value -is [System.Collections.IDictionary] -or $Value -is [System.Management.Automation.PSCustomObject]) }
function Get-FieldNames($Object) {
  if ($Object -is [System.Collections.IDictionary]) { return @($Object.Keys | ForEach-Object { [string]$_ }) }
  return @($Object.PSObject.Properties | ForEach-Object { $_.Name })
}
function Get-Field($Object, [string]$Name) {
  # The unary comma keeps a one-element array an array (PowerShell unrolls what a function returns).
  if ($Object -is [System.Collections.IDictionary]) { if ($Object.Contains($Name)) { return , $Object[$Name] }; return $null }
  $property = $Object.PSObject.Properties[$Name]
  if ($property) { return , $property.Value }
  return $null
}
function Test-Integer($Value) { return ($Value -is [int] -or $Value -is [long]) }

# ---- hashes ------------------------------------------------------------------------------------
function Get-HexHash([byte[]]$Bytes, [string]$Algorithm) {
  if ($Algorithm -eq 'SHA1') { $hasher = [System.Security.Cryptography.SHA1]::Create() } else { $hasher = [System.Security.Cryptography.SHA256]::Create() }
  return ([System.BitConverter]::ToString($hasher.ComputeHash($Bytes))).Replace('-', '')
}
function Get-FileSha256Hex([string]$Path) {
  $sha = [System.Security.Cryptography.SHA256]::Create()
  $stream = [System.IO.File]::Open($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, [System.IO.FileShare]::Read)
  try { return ([System.BitConverter]::ToString($sha.ComputeHash($stream))).Replace('-', '') } finally { $stream.Close() }
}

# ---- who may write where ------------------------------------------------------------------------
# $null when only administrators can change the item (owner and every Allow entry with a write
# right is Administrators, SYSTEM or TrustedInstaller), else the first account that can.
function Get-NonAdminWriter([string]$LocalPath) {
  $sidType = [System.Security.Principal.SecurityIdentifier]
  if ((Get-Command Get-Acl).Parameters.ContainsKey('LiteralPath')) { $acl = Get-Acl -LiteralPath $LocalPath } else { $acl = Get-Acl -Path $LocalPath }
  $owner = [string]$acl.GetOwner($sidType).Value
  if ($AdminSids -notcontains $owner) { return ('owner ' + $owner) }
  foreach ($rule in @($acl.GetAccessRules($true, $true, $sidType))) {
    if ([string]$rule.AccessControlType -ne 'Allow') { continue }
    $sid = [string]$rule.IdentityReference.Value
    if ($AdminSids -contains $sid) { continue }
    # CREATOR OWNER as an inherit-only entry applies to what an administrator creates inside.
    if ($sid -eq 'S-1-3-0' -and ([int]$rule.PropagationFlags -band 2)) { continue }
    if (([int]$rule.FileSystemRights -band $WriteRightsMask) -ne 0) { return $sid }
  }
  return $null
}
function Test-ReparsePoint([string]$LocalPath) {
  $item = Get-Item -LiteralPath $LocalPath -Force
  return (([int]$item.Attributes -band [int][System.IO.FileAttributes]::ReparsePoint) -ne 0)
}

# The helper's own folder: %ProgramData%\ACS Support Assistant with results\ and work\ under it.
$DataFolder = Join-WindowsPath $ProgramData 'ACS Support Assistant'
$script:commands = @()

function Invoke-Recorded([string]$File, [string[]]$Arguments) {
  # Native stderr lines become error records under 2>&1; with 'Stop' they would end the script.
  $previous = $ErrorActionPreference
  $ErrorActionPreference = 'Continue'
  try { $output = & $File @Arguments 2>&1 | ForEach-Object { "$_" } | Out-String; $code = $LASTEXITCODE }
  finally { $ErrorActionPreference = $previous }
  if ($OnDouble) { $code = Get-DoubleExitCode $code }
  $script:commands += , @{ file = $File; args = $Arguments; exitCode = $code; meaning = "exit code $code"; elevated = $true }
  return @{ exitCode = $code; output = $output }
}

# Creates the helper's folder with an administrators-only ACL (Users may read results), then checks it.
# A folder that already exists must already be administrator-owned and not a link: a standard user can
# create folders under ProgramData, and the owner of a folder can always change its ACL.
function Initialize-DataFolder {
  $local = Resolve-LocalPath $DataFolder
  if (Test-Path -LiteralPath $local) {
    if ((Test-ReparsePoint $local) -or $null -ne (Get-NonAdminWriter $local)) { return (Get-Message 'unsafeDataFolder' $DataFolder) }
  } else {
    [void][System.IO.Directory]::CreateDirectory($local)
    $icacls = Get-SystemTool 'icacls.exe'
    $set = Invoke-Recorded $icacls @($DataFolder, '/inheritance:r', '/grant:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX')
    $owner = Invoke-Recorded $icacls @($DataFolder, '/setowner', '*S-1-5-32-544')
    $script:commands = @()
    if ($set.exitCode -ne 0 -or $owner.exitCode -ne 0 -or $null -ne (Get-NonAdminWriter $local)) { return (Get-Message 'unsafeDataFolder' $DataFolder) }
  }
  foreach ($name in @('results', 'work')) {
    $sub = [System.IO.Path]::Combine($local, $name)
    if (Test-Path -LiteralPath $sub) { if (Test-ReparsePoint $sub) { return (Get-Message 'unsafeDataFolder' $DataFolder) } }
    else { [void][System.IO.Directory]::CreateDirectory($sub) }
  }
  return $null
}

function Write-FileAtomically([string]$WindowsPath, [string]$Text) {
  $local = Resolve-LocalPath $WindowsPath
  $temp = $local + '.tmp'
  [System.IO.File]::WriteAllText($temp, $Text, (New-Object System.Text.UTF8Encoding($false)))
  if (Test-Path -LiteralPath $local) { [System.IO.File]::Delete($local) }
  [System.IO.File]::Move($temp, $local)
}

# Appends one line and flushes it to the disk (FileStream.Flush($true) = fsync on .NET 4; plain Flush on .NET 2).
function Add-DurableLine([string]$WindowsPath, [string]$Line) {
  $local = Resolve-LocalPath $WindowsPath
  $prefix = ''
  if ((Test-Path -LiteralPath $local) -and (Get-Item -LiteralPath $local).Length -gt 0) {
    $reader = [System.IO.File]::Open($local, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, [System.IO.FileShare]::ReadWrite)
    try { $reader.Position = $reader.Length - 1; if ($reader.ReadByte() -ne 10) { $prefix = "`n" } } finally { $reader.Close() }
  }
  $stream = New-Object System.IO.FileStream($local, [System.IO.FileMode]::Append, [System.IO.FileAccess]::Write, [System.IO.FileShare]::Read)
  try {
    $bytes = (New-Object System.Text.UTF8Encoding($false)).GetBytes($prefix + $Line + "`n")
    $stream.Write($bytes, 0, $bytes.Length)
    try { $stream.Flush($true) } catch { $stream.Flush() }
  } finally { $stream.Close() }
}

function New-Result([string]$Status, [string]$Message, $ExitCode, [string]$Reason) {
  $r = @{ action = $ActionId; status = $Status; message = $Message; commands = $script:commands; exitCode = $ExitCode }
  if ($Reason) { $r.reason = $Reason }
  return $r
}
function New-Refusal([string]$Reason, [string]$Message) { return (New-Result 'refused' $Message $null $Reason) }

# ---- request validation (the app's schema, src-main/fixes/actions/requests.ts) -------------------
# Returns $null when valid, else the name of the first field that is not.
function Test-ExactFields($Object, [string[]]$Allowed) {
  foreach ($name in (Get-FieldNames $Object)) { if ($Allowed -cnotcontains $name) { return $name } }
  foreach ($name in $Allowed) { if ($null -eq (Get-Field $Object $name)) { return $name } }
  return $null
}
$CommentPattern = '^[\p{L}\p{M}\p{N} .,:;!?''()-]{0,500}$'
function Test-Request($Request) {
  if (-not (Test-JsonObject $Request)) { return 'request' }
  $action = Get-Field $Request 'action'
  if (-not ($action -is [string]) -or $action -cne $ActionId) { return 'action' }
  switch ($ActionId) {
    'import-root-certificate' {
      $bad = Test-ExactFields $Request @('action', 'sha1Thumbprint', 'sha256Fingerprint'); if ($bad) { return $bad }
      if ((Get-Field $Request 'sha1Thumbprint') -cne $PinnedRootSha1) { return 'sha1Thumbprint' }
      if ((Get-Field $Request 'sha256Fingerprint') -cne $PinnedRootSha256) { return 'sha256Fingerprint' }
    }
    'remove-root-certificate' {
      $bad = Test-ExactFields $Request @('action', 'sha1Thumbprint'); if ($bad) { return $bad }
      if ((Get-Field $Request 'sha1Thumbprint') -cne $PinnedRootSha1) { return 'sha1Thumbprint' }
    }
    'install-update-package' {
      $bad = Test-ExactFields $Request @('action', 'packagePath', 'packageSha256', 'kb', 'installer', 'timeoutMs'); if ($bad) { return $bad }
      $path = Get-Field $Request 'packagePath'
      if (-not ($path -is [string]) -or $path.Length -gt 260 -or $path -notmatch '\.(msu|cab)$') { return 'packagePath' }
      if (-not ((Get-Field $Request 'packageSha256') -is [string]) -or (Get-Field $Request 'packageSha256') -cnotmatch '^[0-9A-F]{64}$') { return 'packageSha256' }
      if (-not ((Get-Field $Request 'kb') -is [string]) -or (Get-Field $Request 'kb') -cnotmatch '^KB[0-9]{6,7}$') { return 'kb' }
      $installer = Get-Field $Request 'installer'
      $wanted = 'dism'; if ($path -match '\.msu$') { $wanted = 'wusa' }
      if ($installer -cne $wanted) { return 'installer' }
      $timeout = Get-Field $Request 'timeoutMs'
      if (-not (Test-Integer $timeout) -or $timeout -lt 1 -or $timeout -gt 14400000) { return 'timeoutMs' }
    }
    'start-services' {
      $bad = Test-ExactFields $Request @('action', 'services', 'timeoutMs', 'pollIntervalMs'); if ($bad) { return $bad }
      $services = Get-Field $Request 'services'
      if (-not ($services -is [System.Array] -or $services -is [System.Collections.IList]) -or @($services).Count -lt 1 -or @($services).Count -gt $AgentServices.Count) { return 'services' }
      $seen = @{}
      foreach ($name in @($services)) {
        # Service names are case-insensitive on Windows, as in the app's schema.
        if (-not ($name -is [string]) -or $AgentServices -notcontains $name -or $seen.ContainsKey($name.ToLowerInvariant())) { return 'services' }
        $seen[$name.ToLowerInvariant()] = $true
      }
      $timeout = Get-Field $Request 'timeoutMs'
      if (-not (Test-Integer $timeout) -or $timeout -lt 1 -or $timeout -gt 600000) { return 'timeoutMs' }
      $poll = Get-Field $Request 'pollIntervalMs'
      if (-not (Test-Integer $poll) -or $poll -lt 0 -or $poll -gt 60000) { return 'pollIntervalMs' }
    }
    'restart-computer' {
      $bad = Test-ExactFields $Request @('action', 'delaySeconds', 'comment'); if ($bad) { return $bad }
      $delay = Get-Field $Request 'delaySeconds'
      if (-not (Test-Integer $delay) -or $delay -lt 0 -or $delay -gt 600) { return 'delaySeconds' }
      $comment = Get-Field $Request 'comment'
      if (-not ($comment -is [string]) -or $comment -notmatch $CommentPattern) { return 'comment' }
    }
  }
  return $null
}

function Test-Envelope($Envelope) {
  if (-not (Test-JsonObject $Envelope)) { return 'request file' }
  $bad = Test-ExactFields $Envelope @('format', 'version', 'runId', 'step', 'user', 'request'); if ($bad) { return $bad }
  if ((Get-Field $Envelope 'format') -cne 'acs-fix-request') { return 'format' }
  if ((Get-Field $Envelope 'version') -ne 1 -or -not (Test-Integer (Get-Field $Envelope 'version'))) { return 'version' }
  if ((Get-Field $Envelope 'runId') -cne $RunId) { return 'runId' }
  if ($StepKinds -cnotcontains (Get-Field $Envelope 'step')) { return 'step' }
  $user = Get-Field $Envelope 'user'
  if (-not ($user -is [string]) -or $user.Length -gt 256 -or $user -match '[\x00-\x1F]') { return 'user' }
  return (Test-Request (Get-Field $Envelope 'request'))
}

# ---- actions ------------------------------------------------------------------------------------
function Get-WorkFolder {
  $folder = Join-WindowsPath (Join-WindowsPath $DataFolder 'work') $RunId
  [void][System.IO.Directory]::CreateDirectory((Resolve-LocalPath $folder))
  return $folder
}

function Invoke-ImportRoot {
  # The certificate comes from this script, never from a path: nothing a user can swap.
  $bytes = [System.Convert]::FromBase64String($PinnedRootBase64)
  if ((Get-HexHash $bytes 'SHA1') -cne $PinnedRootSha1 -or (Get-HexHash $bytes 'SHA256') -cne $PinnedRootSha256) { return (New-Refusal 'certificate-self-check' (Get-Message 'certificateSelfCheck')) }
  $cert = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2(, $bytes)
  $now = Get-Date
  if ($now -lt $cert.NotBefore -or $now -gt $cert.NotAfter) { return (New-Refusal 'certificate-expired' (Get-Message 'certificateExpired')) }
  $certutil = Get-SystemTool 'certutil.exe'
  $before = Invoke-Recorded $certutil @('-store', 'Root', $PinnedRootSha1)
  if ($before.exitCode -eq 0 -and ($before.output -replace '\s', '').ToUpper().Contains($PinnedRootSha1)) { $r = New-Result 'already-done' (Get-Message 'certificatePresent') 0; $r.alreadyPresent = $true; return $r }
  # Added from memory (X509Store, .NET 2.0 and later): no file anyone could swap between check and add,
  # and exactly this one certificate (a PKCS#7 could carry more).
  $added = 0
  try {
    $store = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList 'Root', 'LocalMachine'
    $store.Open([System.Security.Cryptography.X509Certificates.OpenFlags]::ReadWrite)
    try { $store.Add($cert) } finally { $store.Close() }
  } catch { $added = 1; $addError = $_.Exception.Message }
  $script:commands += , @{ file = 'X509Store'; args = @('LocalMachine\Root', 'Add', $PinnedRootSha1); exitCode = $added; meaning = "exit code $added"; elevated = $true }
  if ($added -eq 0) {
    $after = Invoke-Recorded $certutil @('-store', 'Root', $PinnedRootSha1)
    if ($after.exitCode -eq 0) { $r = New-Result 'ok' (Get-Message 'certificateAdded') 0 } else { $r = New-Result 'failed' (Get-Message 'certificateNotAdded') $after.exitCode }
  } else { $r = New-Result 'failed' (Get-Message 'toolFailed' 'X509Store.Add' $addError) $added }
  $r.alreadyPresent = $false
  return $r
}

function Invoke-RemoveRoot {
  $removed = Invoke-Recorded (Get-SystemTool 'certutil.exe') @('-delstore', 'Root', $PinnedRootSha1)
  if ($removed.exitCode -eq 0) { return (New-Result 'ok' (Get-Message 'certificateRemoved') 0) }
  if ($removed.exitCode -eq -2146885628) { return (New-Result 'already-done' (Get-Message 'certificateGone') $removed.exitCode) }
  return (New-Result 'failed' (Get-Message 'toolFailed' 'certutil' ("exit code " + $removed.exitCode)) $removed.exitCode)
}

# A local drive path only: no UNC (\\server\share), no device path (\\?\, \\.\), no mapped network
# drive (the elevated helper would authenticate to that host as the technician), no stream names.
function Test-LocalPackagePath([string]$Path) {
  if ($Path -notmatch '^([A-Za-z]):\\[^:*?"<>|]+$') { return $false }
  if ($Path -match '\\\.\.?(\\|$)') { return $false }
  $kind = Get-DriveKind $Matches[1]
  return ($kind -eq 'Fixed' -or $kind -eq 'Removable' -or $kind -eq 'CDRom')
}

function Get-SignatureOf([string]$WindowsPath) {
  if ((Get-Command Get-AuthenticodeSignature).Parameters.ContainsKey('LiteralPath')) { return (Get-AuthenticodeSignature -LiteralPath $WindowsPath) }
  return (Get-AuthenticodeSignature -FilePath $WindowsPath)
}

# The thumbprint of the root the signer chains to (built offline: no download while checking).
function Get-ChainRoot($Signer) {
  $chain = New-Object System.Security.Cryptography.X509Certificates.X509Chain
  $chain.ChainPolicy.RevocationMode = 'NoCheck'
  try { $chain.ChainPolicy.UrlRetrievalTimeout = [TimeSpan]::FromSeconds(1) } catch { }
  [void]$chain.Build($Signer)
  $elements = @($chain.ChainElements)
  if ($elements.Count -eq 0) { return '' }
  $root = $elements[$elements.Count - 1].Certificate
  if ([string]$root.Subject -cne [string]$root.Issuer) { return '' }
  return ([string]$root.Thumbprint).ToUpper()
}

function Invoke-InstallPackage {
  $path = [string](Get-Field $request 'packagePath')
  $kb = [string](Get-Field $request 'kb')
  if (-not (Test-LocalPackagePath $path)) { return (New-Refusal 'package-not-local' (Get-Message 'packageRemote' $path)) }
  $source = Resolve-LocalPath $path
  if (-not (Test-Path -LiteralPath $source -PathType Leaf)) { return (New-Refusal 'package-missing' (Get-Message 'packageMissing')) }
  $name = $path.Substring($path.LastIndexOf('\') + 1)
  if ($name -notmatch '^[A-Za-z0-9._-]{1,200}$') { $name = 'package' + [System.IO.Path]::GetExtension($path).ToLowerInvariant() }
  # Copy first; every check and the install use the copy in the helper's own folder.
  $copy = Join-WindowsPath (Get-WorkFolder) $name
  $copyLocal = Resolve-LocalPath $copy
  [System.IO.File]::Copy($source, $copyLocal, $true)
  try {
    if ((Get-FileSha256Hex $copyLocal) -cne (Get-Field $request 'packageSha256')) { return (New-Refusal 'package-changed' (Get-Message 'packageChanged')) }
    $signature = Get-SignatureOf $copy
    if ([string]$signature.Status -ne 'Valid' -or -not $signature.SignerCertificate) { return (New-Refusal 'package-unsigned' (Get-Message 'packageUnsigned' ([string]$signature.Status))) }
    $root = Get-ChainRoot $signature.SignerCertificate
    if ($MicrosoftRootThumbprints -cnotcontains $root) { return (New-Refusal 'package-not-microsoft' (Get-Message 'packageNotMicrosoft' $root)) }
    $nameKbs = @([regex]::Matches($name, '(?i)kb(\d{6,7})') | ForEach-Object { 'KB' + $_.Groups[1].Value })
    if ($nameKbs -notcontains $kb) { return (New-Refusal 'package-wrong-kb' (Get-Message 'packageWrongKb' $kb ($nameKbs -join ', '))) }
    if ($path -match '\.msu$') {
      # The packages inside an .msu carry the real KB (a renamed file is refused).
      $listed = Invoke-Recorded (Get-SystemTool 'expand.exe') @('-D', $copy)
      # Each listed line is "<the package's own path>: <a file inside>": only the part after the last
      # ': ' is read, or the package's own (possibly renamed) file name would vouch for itself.
      $inside = @(foreach ($line in ([string]$listed.output -split "`r?`n")) {
          $at = $line.LastIndexOf(': ')
          if ($at -lt 0) { continue }
          foreach ($match in [regex]::Matches($line.Substring($at + 2), '(?i)-kb(\d{6,7})-')) { 'KB' + $match.Groups[1].Value }
        }) | Select-Object -Unique
      if ($listed.exitCode -ne 0 -or $inside -notcontains $kb) { return (New-Refusal 'package-wrong-kb' (Get-Message 'packageWrongKb' $kb ($inside -join ', '))) }
      $wusa = Get-SystemTool 'wusa.exe'
      # wusa.exe is a windowed program: Start-Process -Wait is how to get its exit code. Windows paths cannot hold '"'.
      $process = Start-Process -FilePath $wusa -ArgumentList @(('"' + $copy + '"'), '/quiet', '/norestart') -Wait -PassThru -WindowStyle Hidden
      $code = $process.ExitCode
      if ($OnDouble) { $code = Get-DoubleExitCode $code }
      $script:commands += , @{ file = $wusa; args = @($copy, '/quiet', '/norestart'); exitCode = $code; meaning = "exit code $code"; elevated = $true }
    } else {
      $code = (Invoke-Recorded (Get-SystemTool 'dism.exe') @('/Online', '/Add-Package', ('/PackagePath:' + $copy), '/Quiet', '/NoRestart')).exitCode
    }
  } finally {
    try { [System.IO.File]::Delete($copyLocal) } catch { }
  }
  $status = switch ($code) { 0 { 'ok' } 3010 { 'reboot-required' } 1641 { 'reboot-required' } 2359301 { 'reboot-required' } 2359302 { 'already-done' } (-2145124329) { 'not-applicable' } (-2146498530) { 'not-applicable' } 1618 { 'busy' } 5 { 'access-denied' } 740 { 'access-denied' } default { 'failed' } }
  return (New-Result $status (Get-Message 'installerEnded' $code) $code)
}

function Invoke-StartServices {
  $timeoutMs = [int](Get-Field $request 'timeoutMs')
  $pollMs = [int](Get-Field $request 'pollIntervalMs')
  $results = @()
  $sc = Get-SystemTool 'sc.exe'
  $services = Get-Field $request 'services'
  foreach ($name in $services) {
    $start = Invoke-Recorded $sc @('start', $name)
    $entry = @{ name = $name; state = 'STOPPED'; startExitCode = $start.exitCode; win32ExitCode = $start.exitCode; running = $false; timedOut = $false; message = "sc start ended with $($start.exitCode)." }
    if ($start.exitCode -eq 0 -or $start.exitCode -eq 1056) {
      $deadline = (Get-Date).AddMilliseconds($timeoutMs)
      while ($true) {
        $query = Invoke-Recorded $sc @('query', $name)
        $state = 'UNKNOWN'; if ($query.output -match 'STATE\s*:\s*\d+\s+([A-Z_]+)') { $state = $Matches[1] }
        $exit = $null; if ($query.output -match 'WIN32_EXIT_CODE\s*:\s*(\d+)') { $exit = [int]$Matches[1] }
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
  $status = 'failed'
  if ($notRunning.Count -eq 0) { $status = 'ok' } elseif (@($results | Where-Object { $_.startExitCode -eq 5 }).Count -gt 0) { $status = 'access-denied' }
  $code = 0; if ($notRunning.Count -gt 0) { $code = $notRunning[0].win32ExitCode }
  $r = New-Result $status (Get-Message 'servicesSummary' $notRunning.Count $results.Count) $code
  $r.services = $results
  return $r
}

function Invoke-Restart {
  # Exactly /r /t N /c COMMENT: N is an integer 0-600 and the comment has no quote, so no argument can be added.
  $ran = Invoke-Recorded (Get-SystemTool 'shutdown.exe') @('/r', '/t', [string][int](Get-Field $request 'delaySeconds'), '/c', [string](Get-Field $request 'comment'))
  $status = 'failed'; if ($ran.exitCode -eq 0) { $status = 'ok' }
  return (New-Result $status (Get-Message 'restartEnded' $ran.exitCode) $ran.exitCode)
}

# ---- main ---------------------------------------------------------------------------------------
if ($ActionIds -cnotcontains $ActionId -or $RequestSha256 -notmatch '^[0-9A-Fa-f]{64}$' -or $RunId -notmatch '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' -or -not $RequestFile) {
  [Console]::Error.WriteLine($Messages.badInvocation)
  exit 2
}

if (-not (Test-Elevated)) {
  [Console]::Error.WriteLine($Messages.notElevated)
  exit 5
}

$unsafe = $null
try { $unsafe = Initialize-DataFolder } catch { $unsafe = (Get-Message 'unsafeDataFolder' $DataFolder) + ' ' + $_.Exception.Message }
if ($unsafe) { [Console]::Error.WriteLine($unsafe); exit 3 }
$ResultFile = Join-WindowsPath (Join-WindowsPath $DataFolder 'results') ($RunId + '.json')
$JournalFile = Join-WindowsPath $DataFolder 'journal.jsonl'
$writer = 'helper'; if ($Standalone) { $writer = 'admin-script' }
$operation = 'apply'; if ($ActionId -eq 'remove-root-certificate') { $operation = 'undo' }
$journalBase = @{ format = 'acs-journal'; version = 1; runId = [guid]::NewGuid().ToString(); user = "$env:USERDOMAIN\$env:USERNAME"; computer = $env:COMPUTERNAME; step = $null; operation = $operation; writer = $writer }
function Write-JournalLine([hashtable]$Extra) {
  $line = @{}; foreach ($key in $journalBase.Keys) { $line[$key] = $journalBase[$key] }
  foreach ($key in $Extra.Keys) { $line[$key] = $Extra[$key] }
  $line.time = (Get-Date).ToUniversalTime().ToString('o')  # round-trip format: ISO 8601 whatever the culture
  Add-DurableLine $JournalFile (Write-Json $line)
}

$request = $null
$envelope = $null
try {
  # The helper's own location first: a helper that others could have changed must not run.
  $self = [string]$MyInvocation.MyCommand.Path
  $writerOfSelf = Get-NonAdminWriter $self
  if ($null -eq $writerOfSelf) { $writerOfSelf = Get-NonAdminWriter ([System.IO.Path]::GetDirectoryName($self)) }
  if ($null -ne $writerOfSelf) {
    $result = New-Refusal 'helper-location' (Get-Message 'unsafeHelperFolder' ([System.IO.Path]::GetDirectoryName($self)))
  } else {
    # Read ONCE, hash those bytes, parse those bytes: a file changed after consent is refused.
    $bytes = $null
    try {
      $requestLocal = Resolve-LocalPath $RequestFile
      if ((Get-Item -LiteralPath $requestLocal).Length -le $MaxRequestBytes) { $bytes = [System.IO.File]::ReadAllBytes($requestLocal) }
    } catch { $bytes = $null }
    if ($null -eq $bytes) { $result = New-Refusal 'request-unreadable' (Get-Message 'requestUnreadable') }
    elseif ((Get-HexHash $bytes 'SHA256') -ne $RequestSha256.ToUpperInvariant()) { $result = New-Refusal 'request-changed' (Get-Message 'requestChanged') }
    else {
      $bad = $null
      try { $envelope = Read-Json ((New-Object System.Text.UTF8Encoding($false, $true)).GetString($bytes).TrimStart([char]0xFEFF)) } catch { $bad = 'JSON' }
      if (-not $bad) { $bad = Test-Envelope $envelope }
      if ($bad) { $result = New-Refusal 'request-invalid' (Get-Message 'requestInvalid' $bad) }
      else {
        $request = Get-Field $envelope 'request'
        $journalBase.step = [string](Get-Field $envelope 'step')
        Write-JournalLine @{ event = 'started'; commands = @(); details = @{ action = $ActionId; requestRunId = $RunId } }
        $result = switch ($ActionId) {
          'import-root-certificate' { Invoke-ImportRoot }
          'remove-root-certificate' { Invoke-RemoveRoot }
          'install-update-package' { Invoke-InstallPackage }
          'start-services' { Invoke-StartServices }
          'restart-computer' { Invoke-Restart }
        }
      }
    }
  }
} catch {
  $result = New-Result 'failed' (Get-Message 'helperStopped' $_.Exception.Message) $null
}
Write-FileAtomically $ResultFile (Write-Json $result)
# The same status words as the app's journal (FixStatus); the app verifies on its next start.
$fixStatus = switch ($result.status) { 'ok' { 'succeeded' } 'already-done' { 'nothing-to-do' } 'reboot-required' { 'reboot-required' } 'refused' { 'refused' } 'not-applicable' { 'refused' } 'access-denied' { 'declined' } default { 'failed' } }
$details = @{ action = $ActionId; requestRunId = $RunId; added = ($result.status -eq 'ok' -and $ActionId -eq 'import-root-certificate'); removed = ($result.status -eq 'ok' -and $ActionId -eq 'remove-root-certificate') }
if ($ActionId -eq 'import-root-certificate' -or $ActionId -eq 'remove-root-certificate') { $details.thumbprint = $PinnedRootSha1 }
if ($null -ne $request -and $ActionId -eq 'install-update-package') { $details.packagePath = Get-Field $request 'packagePath'; $details.packageSha256 = Get-Field $request 'packageSha256' }
if ($null -ne $request) { Write-JournalLine @{ event = 'finished'; commands = $result.commands; status = $fixStatus; verified = $null; message = $result.message; details = $details } }
Write-Output $result.message
exit 0
