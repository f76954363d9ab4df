<#
  ACS Support Assistant - Intune Remediations REMEDIATION script (pair of detect-acs-readiness.ps1).
  Installs the bundled "Microsoft Identity Verification Root Certificate Authority 2020" into the
  machine's Trusted Root Certification Authorities store where Windows cannot fetch it by itself:
  the root is missing AND either "Turn off Automatic Root Certificates Update" is set by policy or a
  Trend Micro agent service already fails with error 577. It does nothing else: a missing Windows
  update must be deployed through Windows Update for Business, ConfigMgr or WSUS.
  The certificate is embedded below (Intune runs a single script) and checked against its pinned
  SHA-1 and SHA-256 fingerprints before it is added. Takes no input. Windows PowerShell 2.0 and later (Intune: 5.1), as SYSTEM, 64-bit.
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
$AcsRootSha256 = '5367F20C7ADE0E2BCA790915056D086B720C33C1FA2A2661ACF787E3292E1270'
# DER encoding of the certificate, base64 (same bytes as assets/certificates/microsoft-identity-verification-root-2020.cer).
$AcsRootBase64 = -join @(
  'MIIFzDCCA7SgAwIBAgIQVJjS0dRbGZVIE3nIEcCHmTANBgkqhkiG9w0BAQwFADB3MQswCQYDVQQGEwJVUzEeMBwGA1UEChMVTWlj'
  'cm9zb2Z0IENvcnBvcmF0aW9uMUgwRgYDVQQDEz9NaWNyb3NvZnQgSWRlbnRpdHkgVmVyaWZpY2F0aW9uIFJvb3QgQ2VydGlmaWNh'
  'dGUgQXV0aG9yaXR5IDIwMjAwHhcNMjAwNDE2MTgzNjE2WhcNNDUwNDE2MTg0NDQwWjB3MQswCQYDVQQGEwJVUzEeMBwGA1UEChMV'
  'TWljcm9zb2Z0IENvcnBvcmF0aW9uMUgwRgYDVQQDEz9NaWNyb3NvZnQgSWRlbnRpdHkgVmVyaWZpY2F0aW9uIFJvb3QgQ2VydGlm'
  'aWNhdGUgQXV0aG9yaXR5IDIwMjAwggIiMA0GCSqGSIb3DQEBAQUAA4ICDwAwggIKAoICAQCzkSoHgwZn/Z6d4MfAt6TmQgR/D6bb'
  'X/vVWtdFoPt3C/CA86ZtWk15U9ighoRXRSDHolT7x6K/isduNfOiFcQvTuNKhZZJDf++mdgU9rwnB+5Cmyv1C5IG5P1pE2WokXLy'
  'mITrgz0O5NdxEkghyw3t9kdJt5v5yccXtoRP/7ismtdzZ0mF44a9N0DQJYbU3rXCbWJq1al4vC1vSfnlbBQU/RTH02UWN97Lbrxe'
  'KY39YpsVLNYF5rmJMjOjYsfX1lJnCMQu9FYrnguHzOyntKaq6wXNGVelOgsEJxyRZ54tYi0vHr7awCDLBBnKM/uJvpjicqByNb55'
  '4ZyDb+RtF2+Q8z0AhnU4jtDgSZq729P4MMrVV4hoTXLTv21/cdj9vQ2ukmRIt1tveSa1zZuVIYTR7w8yPXtXjPNFB0x84F4YDjV2'
  'i22eyzZ0qwX44HNdMlaUZ5clCsY1PZSX58FEi4D9wfj0dBnlMPYG+yFXPgYci2sVhidJe4KTylnodUfoPzj0x1N5oLa04lxR771f'
  'OMET5ngMlVouxUBZKMwPJMDsugl3I5k4prYc2se6ILbXN9h/N68I4ztx225zG32ZcrDkhjNZdLUWAHtQbcaGE9r9xDmCPSQAmmDa'
  'upTABVEsNKxQmROHu7MFgLJNMAJcuCaDXbRjc++uI5VPYCi+N9VbpQIDAQABo1QwUjAOBgNVHQ8BAf8EBAMCAYYwDwYDVR0TAQH/'
  'BAUwAwEB/zAdBgNVHQ4EFgQUyH7SaoUqG8oZmAQHJ89QEE9oqKIwEAYJKwYBBAGCNxUBBAMCAQAwDQYJKoZIhvcNAQEMBQADggIB'
  'AK9q3eYZ5y2UQxlOy+lQlWSlA5ECi+I2gDsVolLCFhm2alpddEMw9Jv/YHQJsSEekBZtxSSPXGaIY/RPzH3yEkxAEIsBn9qpyK7y'
  'lRvPnQXrST50oGhb5VYsZRyCflPaVtlGF3mSRcQQNghSKRfLL6byftRpJIoej7BzDcwcSquyqu2nkWMBZCKoMrh+MiizZ3MtkbTc'
  'MQEL90cKpvHXSu1WYMQsCKN7QLC8dCdSh9a+iN03ioluZ4gd9cldoP62qzqA1xqXPBc2IkEerE3Vg+Y8OL1PMOlUqdO2BMMydmG7'
  'sBjFKxizwIDVt5WwXlFNIvzsWKro2JS0pS7tkt7nGHwhV91VY/e/bc0f0qZ3KHDH4ls6WwjSW07IAJaz4YM2r4YKZVx09ursemp0'
  'oPBL7u+Uo6xQ8oft1zowg8n7fVe+5eP4QcrlZK6zo+xY7IWazO+56vNWGLlcc5qvxXcXg1nbNxoYclSlQdK2I3WjQ5rld3yWebdB'
  'jb/s3ICgn9F3dVhfNRPgJRpnC33OJfoHCuRhIdjUHOUHxjaZ9JbQxhX+Ts3Xroud2xb9BMaSvdSI5qmjqrv3ZDg7X8wM0DW+dBkD'
  'psWqTKJhNoI+HfMrvJdd20t4Oy31O+9gI+j17AsjNpWvmGa/U9N7uGlKKpZmacSUxvRfbqyYeIiABlyisu2i'
)

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

try {
  if ((Test-CertificateIn 'Root') -or (Test-CertificateIn 'AuthRoot')) {
    Write-Output 'ACS root already present: nothing to do.'
    exit 0
  }
  if (Test-CertificateIn 'Disallowed') {
    Write-Output 'ACS root is in the Disallowed store: an administrator blocked it on purpose; not changed. Remove it from Disallowed first if that was a mistake.'
    exit 1
  }
  $policyValue = Get-RegistryValue 'HKLM:\SOFTWARE\Policies\Microsoft\SystemCertificates\AuthRoot' 'DisableRootAutoUpdate'
  $autoUpdateOff = ($null -ne $policyValue -and [int]$policyValue -eq 1)
  $failing = @(Get-AgentService | Where-Object { $_.ExitCode -eq 577 -and $_.State -ne 'Running' })
  if (-not $autoUpdateOff -and $failing.Count -eq 0) {
    Write-Output 'ACS root missing but automatic root update is allowed and no agent service fails: Windows fetches the root when needed; not changed.'
    exit 0
  }

  $bytes = [Convert]::FromBase64String($AcsRootBase64)
  $certificate = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 -ArgumentList (, $bytes)
  $sha256 = [BitConverter]::ToString([System.Security.Cryptography.SHA256]::Create().ComputeHash($bytes)).Replace('-', '')
  if ($certificate.Thumbprint -ne $AcsRootThumbprint -or $sha256 -ne $AcsRootSha256) {
    Write-Output "Embedded certificate does not match the pinned fingerprints (SHA-1 $($certificate.Thumbprint)): not installed."
    exit 1
  }

  $store = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList 'Root', 'LocalMachine'
  $store.Open([System.Security.Cryptography.X509Certificates.OpenFlags]::ReadWrite)
  try {
    $store.Add($certificate)
  } finally {
    $store.Close()
  }

  if (Test-CertificateIn 'Root') {
    $why = if ($autoUpdateOff) { 'automatic root update is turned off by policy' } else { 'agent services failed with error 577: ' + (($failing | ForEach-Object { $_.Name }) -join ', ') }
    Write-Output "ACS root installed into LocalMachine\Root ($why). Restart the agent services or the computer."
    exit 0
  }
  Write-Output 'ACS root was added but is not visible in LocalMachine\Root afterwards.'
  exit 1
} catch {
  $message = $_.Exception.Message
  if ($message.Length -gt 1500) { $message = $message.Substring(0, 1500) }
  Write-Output "ACS root could not be installed: $message"
  exit 1
}
