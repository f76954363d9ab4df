<#
  ACS Support Assistant - Intune Remediations DETECTION script.
  Decides whether this machine can run security-agent programs signed through Microsoft Azure Code
  Signing (ACS / Trusted Signing): the Windows update listed in Microsoft KB5022661 (Trend Micro's
  stricter 21H2 rule included), the "Microsoft Identity Verification Root Certificate Authority 2020"
  root certificate, the root auto-update policy, the Trend Micro agent services and a pending restart.
  Prints ONE line (under 2,048 characters, the Intune limit) and exits 1 when action is required,
  0 when not. Takes no input. Windows PowerShell 2.0 and later (Intune: 5.1). Run as SYSTEM, 64-bit.
  The update tables are generated from src-main/catalogue/ (checked by the project's unit tests).
  Tested in this project under pwsh 7.6 on a simulated Windows (test/powershell/intune.test.ts), never
  on real Windows: test it on a pilot group.
#>
# Test seam for the Windows double (test/windows-double/, Linux test runs only); never read on Windows.
if ([Environment]::OSVersion.Platform -ne [PlatformID]::Win32NT -and $env:ACS_WINDOWS_DOUBLE) { Import-Module -Name ([string]$env:ACS_WINDOWS_DOUBLE) -DisableNameChecking }

# Intune runs scripts as a 32-bit process unless "Run script in 64-bit PowerShell" is set: the
# registry and System32 it would see are the 32-bit views, so the answer could be wrong.
if ($env:PROCESSOR_ARCHITEW6432) {
  Write-Output 'ACS check not run: started as a 32-bit process on 64-bit Windows. In Intune set "Run script in 64-bit PowerShell host" to Yes.'
  exit 1
}
# AppLocker / WDAC can force ConstrainedLanguage, where this script cannot create the objects it needs.
if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
  Write-Output ('ACS check not run: PowerShell runs in ' + $ExecutionContext.SessionState.LanguageMode + ' mode (AppLocker or WDAC). Allow this script, or collect with the ACS Support Assistant instead.')
  exit 1
}

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2

$AcsRootThumbprint = 'F40042E2E5F7E8EF8189FED15519AECE42C3BFA2'

# Build -> lowest UBR that carries the fix (Windows 10 / Server 2016 and later; updates are cumulative).
$MinimumUbr = @{
  20348 = 261; 19044 = 1586; 19043 = 1266; 19042 = 1266; 19041 = 1266
  18363 = 1830; 17763 = 2210; 14393 = 4704; 10240 = 19086
}
# Build -> KB that brings that UBR (for the message).
$RequiredKb = @{
  20348 = 'KB5005619'; 19044 = 'KB5011487'; 19043 = 'KB5005611'; 19042 = 'KB5005611'; 19041 = 'KB5005611'
  18363 = 'KB5005624'; 17763 = 'KB5005625'; 14393 = 'KB5006669'; 10240 = 'KB5006675'
}
# Windows 10 22H2 (19045) and every build from Windows 11 21H2 (22000) on support ACS natively.
$FirstNativeBuild = 22000
# Before Windows 10: any of these installed KBs (October 2021 monthly rollup or a later one, or the
# October 2021 security-only update) satisfies KB5022661. 9200 applies to Server 2012 only.
$AcceptedRollups = @{
  9600 = 'KB5006714 KB5007247 KB5008263 KB5009624 KB5010419 KB5011564 KB5012670 KB5014011 KB5014738 KB5015874 KB5016681 KB5017367 KB5018474 KB5020023 KB5021294 KB5022352 KB5022899 KB5023765 KB5025285 KB5026415 KB5027271 KB5028228 KB5029312 KB5030269 KB5031419 KB5032249 KB5033420 KB5034171 KB5034819 KB5035885 KB5036960 KB5037823 KB5039294 KB5040456 KB5041828 KB5043138 KB5044343 KB5046682 KB5048735 KB5050048 KB5052042 KB5053887 KB5055557 KB5058403 KB5061018 KB5062597 KB5063950 KB5065507 KB5066873 KB5068905 KB5071503 KB5073696 KB5075970 KB5078774 KB5082126 KB5087471 KB5094041 KB5099444 KB5120385 KB5070886 KB5006729'
  9200 = 'KB5006739 KB5007260 KB5008277 KB5009586 KB5010392 KB5011535 KB5012650 KB5014017 KB5014747 KB5015863 KB5016672 KB5017370 KB5018457 KB5020009 KB5021285 KB5022348 KB5022903 KB5023756 KB5025287 KB5026419 KB5027283 KB5028232 KB5029295 KB5030278 KB5031442 KB5032247 KB5033429 KB5034184 KB5034830 KB5035930 KB5036969 KB5037778 KB5039260 KB5040485 KB5041851 KB5043125 KB5044342 KB5046697 KB5048699 KB5050004 KB5052020 KB5053886 KB5055581 KB5058451 KB5061059 KB5062592 KB5063906 KB5065509 KB5066875 KB5068907 KB5071505 KB5073698 KB5075971 KB5078775 KB5082127 KB5087470 KB5094042 KB5070887 KB5006732'
  7601 = 'KB5006743 KB5007236 KB5008244 KB5009610 KB5010404 KB5011552 KB5012626 KB5014012 KB5014748 KB5015861 KB5016676 KB5017361 KB5018454 KB5020000 KB5021291 KB5022338 KB5022872 KB5023769 KB5025279 KB5026413 KB5027275 KB5028240 KB5029296 KB5030265 KB5031408 KB5032252 KB5033433 KB5034169 KB5034831 KB5035888 KB5036967 KB5037780 KB5039289 KB5040497 KB5041838 KB5043129 KB5044356 KB5046687 KB5048695 KB5050049 KB5052016 KB5053620 KB5055561 KB5058430 KB5061078 KB5062632 KB5063947 KB5065468 KB5066872 KB5068904 KB5071501 KB5073695 KB5006728'
  6003 = 'KB5006736 KB5007263 KB5008274 KB5009627 KB5010384 KB5011534 KB5012658 KB5014010 KB5014752 KB5015866 KB5016669 KB5017358 KB5018450 KB5020019 KB5021289 KB5022340 KB5022890 KB5023755 KB5025271 KB5026408 KB5027279 KB5028222 KB5029318 KB5030271 KB5031416 KB5032254 KB5033422 KB5034173 KB5034795 KB5035920 KB5036932 KB5037800 KB5039245 KB5040499 KB5041850 KB5043135 KB5044320 KB5046661 KB5048710 KB5050063 KB5052038 KB5053888 KB5055609 KB5058449 KB5061026 KB5062624 KB5063888 KB5065508 KB5066874 KB5068906 KB5071504 KB5073697 KB5006715'
  6002 = 'KB5006736 KB5007263 KB5008274 KB5009627 KB5010384 KB5011534 KB5012658 KB5014010 KB5014752 KB5015866 KB5016669 KB5017358 KB5018450 KB5020019 KB5021289 KB5022340 KB5022890 KB5023755 KB5025271 KB5026408 KB5027279 KB5028222 KB5029318 KB5030271 KB5031416 KB5032254 KB5033422 KB5034173 KB5034795 KB5035920 KB5036932 KB5037800 KB5039245 KB5040499 KB5041850 KB5043135 KB5044320 KB5046661 KB5048710 KB5050063 KB5052038 KB5053888 KB5055609 KB5058449 KB5061026 KB5062624 KB5063888 KB5065508 KB5066874 KB5068906 KB5071504 KB5073697 KB5006715'
}
# The agent services: the same selection in the detection and the remediation script (and in the
# collector): the known service names, or a Trend Micro display name or program folder.
$AgentServiceNames = @('TmListen', 'ntrtscan', 'TmPfw', 'TmProxy', 'TMBMServer', 'TmCCSF', 'TmWSCSvc', 'svcGenericHost', 'TMiACAgentSvc', 'iVPAgent', 'CETASvc', 'Trend Micro Endpoint Basecamp', 'ds_agent', 'ds_monitor', 'ds_notifier', 'Amsp', 'ds_nuagent', 'DSASvc', 'Trend Micro Web Service Communicator', 'Trend Micro Response Service', 'Cloud Endpoint Service')
function Test-AgentService($Service) {
  if ($AgentServiceNames -contains [string]$Service.Name) { return $true }
  if ([string]$Service.DisplayName -match '^(Trend Micro|Apex One|OfficeScan|Worry-Free)') { return $true }
  return ([string]$Service.PathName -match '\\Trend Micro\\')
}
# Win32_Service through CIM where PowerShell has it (3.0 and later), else WMI (2.0).
function Get-AgentService {
  if (Get-Command Get-CimInstance -ErrorAction SilentlyContinue) { $all = @(Get-CimInstance -ClassName Win32_Service -ErrorAction SilentlyContinue) }
  else { $all = @(Get-WmiObject -Class Win32_Service -ErrorAction SilentlyContinue) }
  foreach ($service in $all) { if (Test-AgentService $service) { $service } }
}

function Get-RegistryValue([string]$Path, [string]$Name) {
  try {
    $item = Get-ItemProperty -LiteralPath $Path -Name $Name -ErrorAction Stop
    return $item.$Name
  } catch {
    return $null
  }
}

function Test-CertificateIn([string]$Store) {
  return [bool](Test-Path -LiteralPath ('Cert:\LocalMachine\' + $Store + '\' + $AcsRootThumbprint))
}

$facts = New-Object System.Collections.Generic.List[string]
$actionRequired = $false

# --- Windows version and update -------------------------------------------------------------
$ntKey = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
$build = [int](Get-RegistryValue $ntKey 'CurrentBuildNumber')
$ubrValue = Get-RegistryValue $ntKey 'UBR'
$ubr = if ($null -ne $ubrValue) { [int]$ubrValue } else { -1 }
$installationType = [string](Get-RegistryValue $ntKey 'InstallationType')
$isServer = $installationType -like 'Server*'
$buildText = if ($ubr -ge 0) { "$build.$ubr" } else { "$build" }

$update = 'unknown'
if ($build -eq 19045 -or $build -ge $FirstNativeBuild) {
  $update = 'ok'
  $facts.Add("Windows $buildText supports ACS natively")
} elseif ($MinimumUbr.ContainsKey($build)) {
  if ($ubr -ge $MinimumUbr[$build]) {
    $update = 'ok'
    $facts.Add("Windows $buildText has the ACS update")
  } else {
    $update = 'missing'
    $facts.Add("Windows $buildText needs $build.$($MinimumUbr[$build]) ($($RequiredKb[$build]) or any later cumulative update)")
  }
} elseif ($AcceptedRollups.ContainsKey($build) -and -not ($build -eq 9200 -and -not $isServer)) {
  $accepted = $AcceptedRollups[$build] -split ' '
  $installed = @()
  try { $installed = @(Get-HotFix -ErrorAction Stop | ForEach-Object { $_.HotFixID }) } catch { $installed = @() }
  $found = @($installed | Where-Object { $accepted -contains $_ })
  if ($found.Count -gt 0) {
    $update = 'ok'
    $facts.Add("Windows $buildText has $($found[0])")
  } elseif ($installed.Count -eq 0) {
    $facts.Add("Windows $buildText - installed updates could not be read")
  } else {
    $update = 'missing'
    $facts.Add("Windows $buildText needs the October 2021 rollup $($accepted[0]) or a later monthly rollup")
  }
} else {
  $update = 'unsupported-os'
  $facts.Add("Windows $buildText cannot run ACS-signed programs: upgrade Windows")
}
if ($update -eq 'missing' -or $update -eq 'unsupported-os') { $actionRequired = $true }

# --- Root certificate and auto-update policy ------------------------------------------------
$policyValue = Get-RegistryValue 'HKLM:\SOFTWARE\Policies\Microsoft\SystemCertificates\AuthRoot' 'DisableRootAutoUpdate'
$autoUpdateOff = ($null -ne $policyValue -and [int]$policyValue -eq 1)
$rootPresent = (Test-CertificateIn 'Root') -or (Test-CertificateIn 'AuthRoot')
$rootDisallowed = Test-CertificateIn 'Disallowed'

# --- Agent services ---------------------------------------------------------------------------
$failing = New-Object System.Collections.Generic.List[string]
$stopped = New-Object System.Collections.Generic.List[string]
$agentCount = 0
foreach ($service in @(Get-AgentService)) {
  $agentCount++
  if ($service.State -eq 'Running' -or $service.StartMode -eq 'Disabled') { continue }
  if ($service.ExitCode -eq 577) { $failing.Add($service.Name) } elseif ($service.StartMode -eq 'Auto') { $stopped.Add($service.Name) }
}

if ($rootDisallowed) {
  $actionRequired = $true
  $facts.Add('ACS root is in the Disallowed store (blocked by an administrator)')
} elseif ($rootPresent) {
  $facts.Add('ACS root present')
} elseif ($autoUpdateOff -or $failing.Count -gt 0) {
  $actionRequired = $true
  $facts.Add('ACS root missing' + $(if ($autoUpdateOff) { ', automatic root update turned off by policy' } else { '' }))
} else {
  $facts.Add('ACS root not installed yet (Windows downloads it when needed)')
}

if ($agentCount -eq 0) {
  $facts.Add('no Trend Micro agent service found')
} elseif ($failing.Count -gt 0) {
  $actionRequired = $true
  $facts.Add('agent failing with error 577: ' + ($failing -join ', '))
} elseif ($stopped.Count -gt 0) {
  $facts.Add('agent services stopped: ' + ($stopped -join ', '))
} else {
  $facts.Add('agent services running')
}

# --- Pending restart ----------------------------------------------------------------------------
$rebootPending = (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending') -or
  (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired')
if ($rebootPending) { $facts.Add('restart pending') }

$verdict = if ($actionRequired) { 'ACS action-required' } else { 'ACS ready' }
$line = $verdict + ': ' + ($facts -join '; ')
if ($line.Length -gt 2000) { $line = $line.Substring(0, 1997) + '...' }
Write-Output $line
if ($actionRequired) { exit 1 }
exit 0
