#Requires -Version 3.0
# ACS Support Assistant collector: writes one acs-snapshot (JSON, version 1) of this Windows machine to
# stdout. Windows PowerShell 5.1 and PowerShell 7. Run unchanged by the app and by fleet tools (Intune,
# ConfigMgr, RMM); see docs/probe.md and docs/fleet.md.
#
# Input (optional): one JSON object on stdin (or in the environment value ACS_PROBE_INPUT), e.g. {"sections":["os","services"],"network":false}.
# Inputs are data only: they are compared and counted, never turned into script text.
# Output: the snapshot on stdout (ASCII-only JSON, non-ASCII escaped as \uXXXX, so it reads the same
# under any console code page); one JSON progress line per section event on stderr; exit code 0.
# In Constrained Language Mode it prints {"acsProbeUnavailable":true,...} and exits with code 86.

if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
    Write-Output ('{"acsProbeUnavailable":true,"languageMode":"' + $ExecutionContext.SessionState.LanguageMode + '"}')
    exit 86
}

# Test seam for the Windows double (test/windows-double/, used by the Linux test runs only): its module
# stands in for the registry, certificate stores, WMI and event logs. On Windows the platform is Win32NT
# and ACS_WINDOWS_DOUBLE is never read.
$DoubleModule = $null
if ([Environment]::OSVersion.Platform -ne [PlatformID]::Win32NT -and $env:ACS_WINDOWS_DOUBLE) {
    $DoubleModule = [string]$env:ACS_WINDOWS_DOUBLE
    Import-Module -Name $DoubleModule -DisableNameChecking
}

$ErrorActionPreference = 'Stop'
$ScriptVersion = '0.1.0'
$Clock = [System.Diagnostics.Stopwatch]::StartNew()
$Invariant = [System.Globalization.CultureInfo]::InvariantCulture
$AllSections = @('host', 'os', 'hotfixes', 'certificates', 'rootAutoUpdate', 'services', 'signatures', 'events', 'products', 'pendingReboot', 'bootConfiguration')
$Settings = @{
    sections              = $AllSections
    network               = $true
    serviceNames          = @('TmListen', 'ntrtscan', 'TmPfw', 'TmProxy', 'TMBMServer', 'TmCCSF', 'TmWSCSvc', 'svcGenericHost', 'TMiACAgentSvc', 'iVPAgent', 'CETASvc', 'Trend Micro Endpoint Basecamp', 'ds_agent', 'ds_monitor', 'ds_notifier', 'Amsp')
    eventDays             = 30
    maxEventsPerLog       = 200
    reachabilityTimeoutMs = 2000
    budgetsMs             = @{ host = 2000; os = 2000; hotfixes = 8000; certificates = 4000; rootAutoUpdate = 4000; services = 4000; signatures = 6000; events = 8000; products = 4000; pendingReboot = 2000; bootConfiguration = 2000 }
}

function ConvertTo-AsciiJson($Value) {
    $json = ConvertTo-Json -InputObject $Value -Depth 10 -Compress
    return [regex]::Replace($json, '[^\x00-\x7E]', { param($m) '\u{0:x4}' -f [int][char]$m.Value })
}

$StdErr = [Console]::OpenStandardError()
function Send-ProbeProgress([string]$Section, [string]$Status, [string]$Message) {
    $line = [ordered]@{ acsProbe = 'progress'; section = $Section; status = $Status; elapsedMs = $Clock.ElapsedMilliseconds }
    if ($Message) { $line.message = $Message }
    $bytes = [System.Text.Encoding]::ASCII.GetBytes((ConvertTo-AsciiJson $line) + "`r`n")
    $StdErr.Write($bytes, 0, $bytes.Length)
    $StdErr.Flush()
}

# ---- input (stdin JSON, optional) --------------------------------------------------------------
$inputText = ''
try {
    if ([Console]::IsInputRedirected) {
        $reader = New-Object System.IO.StreamReader([Console]::OpenStandardInput(), (New-Object System.Text.UTF8Encoding($false)))
        $task = $reader.ReadToEndAsync()
        if ($task.Wait(2000)) { $inputText = $task.Result }
    }
} catch { $inputText = '' }
# The same JSON may come as an environment value instead (data either way, never script text).
if ($inputText.Trim() -eq '' -and $env:ACS_PROBE_INPUT) { $inputText = [string]$env:ACS_PROBE_INPUT }
if ($inputText.Trim() -ne '') {
    $config = $inputText | ConvertFrom-Json
    if ($null -ne $config.sections) { $Settings.sections = @(@($config.sections) | Where-Object { $AllSections -contains $_ } | ForEach-Object { [string]$_ }) }
    if ($null -ne $config.network) { $Settings.network = [bool]$config.network }
    if ($null -ne $config.serviceNames) { $Settings.serviceNames = @(@($config.serviceNames) | ForEach-Object { [string]$_ }) }
    if ($null -ne $config.eventDays) { $Settings.eventDays = [int]$config.eventDays }
    if ($null -ne $config.maxEventsPerLog) { $Settings.maxEventsPerLog = [int]$config.maxEventsPerLog }
    if ($null -ne $config.reachabilityTimeoutMs) { $Settings.reachabilityTimeoutMs = [int]$config.reachabilityTimeoutMs }
    if ($null -ne $config.budgetsMs) {
        foreach ($property in $config.budgetsMs.PSObject.Properties) {
            if ($Settings.budgetsMs.ContainsKey($property.Name)) { $Settings.budgetsMs[$property.Name] = [int]$property.Value }
        }
    }
}

# ---- helpers available to every section ---------------------------------------------------------
$Helpers = {
    $Invariant = [System.Globalization.CultureInfo]::InvariantCulture
    function ConvertTo-IsoUtc([datetime]$Date) { return $Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $Invariant) }
    function Add-Note([string]$Section, [string]$Message) { $Notes.Add([ordered]@{ section = $Section; message = $Message }) }
    function Test-AgentService($Name, $DisplayName, $PathName) {
        if ($Settings.serviceNames -contains [string]$Name) { return $true }
        if ([string]$DisplayName -match '^(Trend Micro|Apex One|OfficeScan|Worry-Free)') { return $true }
        return ([string]$PathName -match '\\Trend Micro\\')
    }
    function Get-ExecutablePath([string]$ImagePath) {
        $path = $ImagePath.Trim()
        if ($path.StartsWith('"')) {
            $end = $path.IndexOf('"', 1)
            if ($end -gt 0) { $path = $path.Substring(1, $end - 1) } else { $path = $path.Substring(1) }
        } else {
            $match = [regex]::Match($path, '^(.*?\.exe)(\s|$)', 'IgnoreCase')
            if ($match.Success) { $path = $match.Groups[1].Value }
        }
        $path = [Environment]::ExpandEnvironmentVariables($path)
        if ($path.StartsWith('\??\')) { $path = $path.Substring(4) }
        if ($path -match '^\\SystemRoot\\') { $path = $env:SystemRoot + $path.Substring(11) }
        return $path
    }
}

# ---- sections: each sets $Value; a thrown error fails only that section -------------------------
$Sections = @{}
$Sections['host'] = {
    $domain = [System.Net.NetworkInformation.IPGlobalProperties]::GetIPGlobalProperties().DomainName
    if ([string]::IsNullOrEmpty($domain)) { $domain = $null }
    $Value = [ordered]@{ computerName = [string][Environment]::MachineName; domain = $domain }
}
$Sections['os'] = {
    $cv = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
    $build = 0
    if (-not [int]::TryParse([string]$cv.CurrentBuild, [ref]$build)) { [void][int]::TryParse([string]$cv.CurrentBuildNumber, [ref]$build) }
    $installationType = [string]$cv.InstallationType
    if (@('Client', 'Server', 'Server Core') -notcontains $installationType) {
        if ([string]$cv.ProductName -match 'Server') { $installationType = 'Server' } else { $installationType = 'Client' }
        Add-Note 'os' ('InstallationType is missing; "' + $installationType + '" was inferred from the product name')
    }
    $archText = $env:PROCESSOR_ARCHITEW6432
    if (-not $archText) { $archText = $env:PROCESSOR_ARCHITECTURE }
    $architecture = 'x64'
    if ($archText -eq 'ARM64') { $architecture = 'arm64' }
    elseif ($archText -eq 'x86') { $architecture = 'x86' }
    $ubr = $null
    if ($null -ne $cv.UBR) { $ubr = [int]$cv.UBR }
    $Value = [ordered]@{
        platform = 'windows'; productName = [string]$cv.ProductName; editionId = [string]$cv.EditionID; installationType = $installationType
        currentBuild = $build; ubr = $ubr; displayVersion = $(if ($cv.DisplayVersion) { [string]$cv.DisplayVersion } else { $null })
        architecture = $architecture; currentVersion = $(if ($cv.CurrentVersion) { [string]$cv.CurrentVersion } else { $null })
        csdVersion = $(if ($cv.CSDVersion) { [string]$cv.CSDVersion } else { $null })
    }
}
$Sections['hotfixes'] = {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($fix in @(Get-CimInstance -ClassName Win32_QuickFixEngineering)) {
        $id = [string]$fix.HotFixID
        if ($id -notmatch '^KB\d{6,7}$') { continue }
        $raw = [string]$fix.InstalledOn
        $installedOn = $null
        $us = [regex]::Match($raw, '^(\d{1,2})/(\d{1,2})/(\d{4})$')
        if ($us.Success) { $installedOn = '{0:D4}-{1:D2}-{2:D2}' -f [int]$us.Groups[3].Value, [int]$us.Groups[1].Value, [int]$us.Groups[2].Value }
        elseif ($raw -match '^[0-9a-fA-F]{15,16}$') { $installedOn = [DateTime]::FromFileTimeUtc([Convert]::ToInt64($raw, 16)).ToString('yyyy-MM-dd', $Invariant) }
        $list.Add([ordered]@{ id = $id.ToUpperInvariant(); installedOn = $installedOn; description = $(if ($fix.Description) { [string]$fix.Description } else { $null }) })
    }
    $Value = $list.ToArray()
}
$Sections['certificates'] = {
    $storeOf = @{}
    $physical = [ordered]@{
        GroupPolicy = 'HKLM:\SOFTWARE\Policies\Microsoft\SystemCertificates\Root\Certificates'
        Enterprise  = 'HKLM:\SOFTWARE\Microsoft\EnterpriseCertificates\Root\Certificates'
        Root        = 'HKLM:\SOFTWARE\Microsoft\SystemCertificates\Root\Certificates'
        AuthRoot    = 'HKLM:\SOFTWARE\Microsoft\SystemCertificates\AuthRoot\Certificates'
    }
    foreach ($entry in $physical.GetEnumerator()) {
        if (-not (Test-Path -LiteralPath $entry.Value)) { continue }
        foreach ($key in @(Get-ChildItem -LiteralPath $entry.Value -ErrorAction SilentlyContinue)) {
            $thumb = ([string]$key.PSChildName).ToUpperInvariant()
            if (-not $storeOf.ContainsKey($thumb)) { $storeOf[$thumb] = $entry.Key }
        }
    }
    function Read-Store([string]$Name, [string]$DefaultStore, $List, $Seen) {
        $store = New-Object System.Security.Cryptography.X509Certificates.X509Store($Name, [System.Security.Cryptography.X509Certificates.StoreLocation]::LocalMachine)
        $store.Open([System.Security.Cryptography.X509Certificates.OpenFlags]::ReadOnly)
        try {
            foreach ($cert in $store.Certificates) {
                $thumb = ([string]$cert.Thumbprint).ToUpperInvariant()
                if ($Seen.ContainsKey($thumb)) { continue }
                $Seen[$thumb] = $true
                $storeName = $DefaultStore
                if ($DefaultStore -ne 'Disallowed' -and $storeOf.ContainsKey($thumb)) { $storeName = $storeOf[$thumb] }
                $List.Add([ordered]@{ thumbprint = $thumb; subject = [string]$cert.Subject; issuer = [string]$cert.Issuer; notBefore = (ConvertTo-IsoUtc $cert.NotBefore); notAfter = (ConvertTo-IsoUtc $cert.NotAfter); store = $storeName })
            }
        } finally { $store.Close() }
    }
    $root = New-Object System.Collections.Generic.List[object]
    $disallowed = New-Object System.Collections.Generic.List[object]
    $seenRoot = @{}
    Read-Store 'Root' 'Root' $root $seenRoot
    Read-Store 'AuthRoot' 'AuthRoot' $root $seenRoot
    Read-Store 'Disallowed' 'Disallowed' $disallowed @{}
    $Value = [ordered]@{ root = $root.ToArray(); disallowed = $disallowed.ToArray() }
}
$Sections['rootAutoUpdate'] = {
    $disabled = $null
    $policy = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Policies\Microsoft\SystemCertificates\AuthRoot' -ErrorAction SilentlyContinue
    if ($policy -and $null -ne $policy.DisableRootAutoUpdate) { $disabled = ([int]$policy.DisableRootAutoUpdate -ne 0) }
    $rootDirUrl = $null
    $autoUpdate = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\SystemCertificates\AuthRoot\AutoUpdate' -ErrorAction SilentlyContinue
    if ($autoUpdate -and $autoUpdate.RootDirURL) { $rootDirUrl = [string]$autoUpdate.RootDirURL }
    $reachable = $null
    $source = 'http://ctldl.windowsupdate.com/msdownload/update/v3/static/trustedr/en/'
    if ($rootDirUrl) { $source = $rootDirUrl }
    if (-not $Settings.network) { Add-Note 'rootAutoUpdate.reachable' 'skipped: network checks are off' }
    elseif ($source -notmatch '^https?://') { Add-Note 'rootAutoUpdate.reachable' ('not checked: the root source ' + $source + ' is not a web address') }
    else {
        try {
            $request = [System.Net.WebRequest]::Create($source.TrimEnd('/') + '/authrootstl.cab')
            $request.Method = 'HEAD'
            $request.Timeout = [int]$Settings.reachabilityTimeoutMs
            $response = $request.GetResponse()
            $response.Close()
            $reachable = $true
        } catch {
            $inner = $_.Exception
            while ($null -ne $inner -and -not ($inner -is [System.Net.WebException])) { $inner = $inner.InnerException }
            # An HTTP error status still means the server answered.
            $reachable = ($null -ne $inner -and $null -ne $inner.Response)
        }
    }
    $Value = [ordered]@{ disabledByPolicy = $disabled; rootDirUrl = $rootDirUrl; reachable = $reachable }
}
$Sections['services'] = {
    $list = New-Object System.Collections.Generic.List[object]
    $states = @('Running', 'Stopped', 'StartPending', 'StopPending', 'Paused', 'ContinuePending', 'PausePending')
    foreach ($svc in @(Get-CimInstance -ClassName Win32_Service)) {
        if (-not (Test-AgentService $svc.Name $svc.DisplayName $svc.PathName)) { continue }
        $state = [string]$svc.State -replace ' ', ''
        if ($states -notcontains $state) { Add-Note 'services' ('state of ' + [string]$svc.Name + ' is unknown: ' + [string]$svc.State); continue }
        $key = Get-ItemProperty -LiteralPath ('HKLM:\SYSTEM\CurrentControlSet\Services\' + [string]$svc.Name) -ErrorAction SilentlyContinue
        $startModes = @{ Auto = 'Automatic'; Manual = 'Manual'; Disabled = 'Disabled'; Boot = 'Boot'; System = 'System' }
        $startType = 'Manual'
        if ($startModes.ContainsKey([string]$svc.StartMode)) { $startType = $startModes[[string]$svc.StartMode] }
        if ($startType -eq 'Automatic' -and $key -and [int]$key.DelayedAutostart -eq 1) { $startType = 'AutomaticDelayed' }
        $dependsOn = @()
        if ($key -and $key.DependOnService) { $dependsOn = @(@($key.DependOnService) | ForEach-Object { [string]$_ }) }
        $list.Add([ordered]@{
                name = [string]$svc.Name; displayName = [string]$svc.DisplayName; state = $state
                startType = $startType; exitCode = [long]$svc.ExitCode; imagePath = $(if ($svc.PathName) { [string]$svc.PathName } else { $null }); dependsOn = $dependsOn
            })
    }
    $Value = $list.ToArray()
}
$Sections['signatures'] = {
    $list = New-Object System.Collections.Generic.List[object]
    $done = @{}
    foreach ($name in $Settings.serviceNames) {
        $key = Get-ItemProperty -LiteralPath ('HKLM:\SYSTEM\CurrentControlSet\Services\' + $name) -ErrorAction SilentlyContinue
        if (-not $key -or -not $key.ImagePath) { continue }
        $path = Get-ExecutablePath ([string]$key.ImagePath)
        if ($done.ContainsKey($path.ToLowerInvariant())) { continue }
        $done[$path.ToLowerInvariant()] = $true
        if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { Add-Note 'signatures' ('binary of ' + $name + ' not found: ' + $path); continue }
        if ($PSVersionTable.PSVersion.Major -ge 5) { $sig = Get-AuthenticodeSignature -LiteralPath $path } else { $sig = Get-AuthenticodeSignature -FilePath $path }
        $rootThumbprint = $null
        $signer = $null
        if ($sig.SignerCertificate) {
            $signer = [string]$sig.SignerCertificate.Subject
            $chain = New-Object System.Security.Cryptography.X509Certificates.X509Chain
            $chain.ChainPolicy.RevocationMode = [System.Security.Cryptography.X509Certificates.X509RevocationMode]::NoCheck
            $chain.ChainPolicy.VerificationFlags = [System.Security.Cryptography.X509Certificates.X509VerificationFlags]::AllFlags
            $chain.ChainPolicy.UrlRetrievalTimeout = New-TimeSpan -Seconds 2
            try {
                # The signature block carries the intermediates (and often the root): let the chain use them.
                $embedded = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2Collection
                $embedded.Import($path)
                [void]$chain.ChainPolicy.ExtraStore.AddRange($embedded)
            } catch { Add-Note 'signatures' ('embedded certificates of ' + $path + ' unreadable') }
            [void]$chain.Build($sig.SignerCertificate)
            $count = $chain.ChainElements.Count
            if ($count -gt 0) {
                $last = $chain.ChainElements[$count - 1].Certificate
                if ($last.Subject -eq $last.Issuer) { $rootThumbprint = ([string]$last.Thumbprint).ToUpperInvariant() }
            }
        }
        $list.Add([ordered]@{ path = $path; status = [string]$sig.Status; signerSubject = $signer; rootThumbprint = $rootThumbprint; statusMessage = $(if ($sig.StatusMessage) { [string]$sig.StatusMessage } else { $null }) })
    }
    $Value = $list.ToArray()
}
$Sections['events'] = {
    $since = (Get-Date).AddDays(-1 * [int]$Settings.eventDays)
    $queries = @(
        @{ LogName = 'System'; ProviderName = 'Service Control Manager'; Id = @(7000, 7009, 7023, 7024, 7026, 7031, 7034) },
        @{ LogName = 'Microsoft-Windows-CodeIntegrity/Operational'; Id = @(3004, 3033, 3089, 3104) }
    )
    $list = New-Object System.Collections.Generic.List[object]
    $failedLogs = 0
    foreach ($query in $queries) {
        $filter = @{ LogName = $query.LogName; Id = $query.Id; StartTime = $since }
        if ($query.ProviderName) { $filter.ProviderName = $query.ProviderName }
        $found = @()
        try { $found = @(Get-WinEvent -FilterHashtable $filter -MaxEvents ([int]$Settings.maxEventsPerLog)) }
        catch {
            if ($_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') { $found = @() }
            elseif ($_.FullyQualifiedErrorId -like 'NoMatchingLogsFound*') { Add-Note 'events' ('log not found: ' + $query.LogName); $found = @() }
            else {
                # One unreadable log (e.g. access denied) must not lose the other one.
                $failedLogs++
                Add-Note 'events' ($query.LogName + ': ' + [string]$_.Exception.Message)
                if ($failedLogs -eq $queries.Count) { throw }
                continue
            }
        }
        foreach ($record in $found) {
            $data = New-Object System.Collections.Generic.List[string]
            $xml = [xml]$record.ToXml()
            foreach ($node in $xml.GetElementsByTagName('Data')) { $data.Add([string]$node.InnerText) }
            $message = $null
            try { $message = [string]$record.Message } catch { $message = $null }
            if ([string]::IsNullOrEmpty($message)) { $message = $null }
            $list.Add([ordered]@{ log = [string]$record.LogName; provider = [string]$record.ProviderName; id = [int]$record.Id; time = (ConvertTo-IsoUtc $record.TimeCreated); data = $data.ToArray(); message = $message })
        }
    }
    $Value = $list.ToArray()
}
$Sections['products'] = {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($path in @('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall')) {
        if (-not (Test-Path -LiteralPath $path)) { continue }
        foreach ($key in @(Get-ChildItem -LiteralPath $path -ErrorAction SilentlyContinue)) {
            $name = [string]$key.GetValue('DisplayName')
            $publisher = [string]$key.GetValue('Publisher')
            if ($name -eq '' -or -not ($name -match 'trend micro|apex one|officescan|worry-free|deep security' -or $publisher -match 'trend micro')) { continue }
            $version = [string]$key.GetValue('DisplayVersion')
            $list.Add([ordered]@{ name = $name; version = $(if ($version) { $version } else { $null }); publisher = $(if ($publisher) { $publisher } else { $null }) })
        }
    }
    $Value = $list.ToArray()
}
$Sections['pendingReboot'] = {
    $reasons = New-Object System.Collections.Generic.List[string]
    $cbs = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing'
    if (Test-Path -LiteralPath ($cbs + '\RebootPending')) { $reasons.Add('ComponentBasedServicing.RebootPending') }
    if (Test-Path -LiteralPath ($cbs + '\PackagesPending')) { $reasons.Add('ComponentBasedServicing.PackagesPending') }
    if (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired') { $reasons.Add('WindowsUpdate.RebootRequired') }
    $session = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' -ErrorAction SilentlyContinue
    if ($session -and @(@($session.PendingFileRenameOperations) | Where-Object { $_ }).Count -gt 0) { $reasons.Add('PendingFileRenameOperations') }
    $active = (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName' -ErrorAction SilentlyContinue).ComputerName
    $next = (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName' -ErrorAction SilentlyContinue).ComputerName
    if ($active -and $next -and ([string]$active -ne [string]$next)) { $reasons.Add('ComputerRenamePending') }
    # Cumulative-update packages ("Package_for_RollupFix~…~19041.1586.1.7": the version names the
    # build.UBR) with their CurrentState (112 installed, 96 install pending, 64 staged): tells a restart
    # that completes a cumulative update from one that is about something else. Names only first: the
    # Packages key holds thousands of subkeys.
    $rollupFix = $null
    try {
        $packages = $cbs + '\Packages'
        $names = @(Get-ChildItem -LiteralPath $packages -Name -ErrorAction Stop | Where-Object { $_ -like 'Package_for_RollupFix~*' } | Select-Object -First 32)
        $list = New-Object System.Collections.Generic.List[object]
        foreach ($name in $names) {
            $state = $null
            $item = Get-ItemProperty -LiteralPath ($packages + '\' + $name) -Name 'CurrentState' -ErrorAction SilentlyContinue
            if ($item -and $null -ne $item.CurrentState) { $state = [int]$item.CurrentState }
            $list.Add([ordered]@{ name = [string]$name; currentState = $state })
        }
        $rollupFix = $list.ToArray()
    } catch {
        Add-Note 'pendingReboot.rollupFixPackages' ([string]$_.Exception.Message)
    }
    $Value = [ordered]@{ required = ($reasons.Count -gt 0); reasons = $reasons.ToArray(); rollupFixPackages = $rollupFix }
}
$Sections['bootConfiguration'] = {
    # The switches of the running boot, readable without administrator rights (bcdedit needs them).
    $options = (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control').SystemStartOptions
    if ($null -eq $options) {
        Add-Note 'bootConfiguration' 'SystemStartOptions is not in the registry'
        $Value = [ordered]@{ testSigning = $null; noIntegrityChecks = $null }
    } else {
        $Value = [ordered]@{ testSigning = ([string]$options -match '\bTESTSIGNING\b'); noIntegrityChecks = ([string]$options -match '\bDISABLE_INTEGRITY_CHECKS\b') }
    }
}

# ---- run the sections in parallel, each within its own time budget ------------------------------
$Wrapper = 'param($Settings)' + "`n" + '$ErrorActionPreference = ''Stop''' + "`n" + '$Notes = New-Object System.Collections.Generic.List[object]' + "`n" + '$Value = $null' + "`n" + $Helpers.ToString() + "`n"
$SessionState = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
if ($DoubleModule) { [void]$SessionState.ImportPSModule([string[]]@($DoubleModule)) }
$pool = [runspacefactory]::CreateRunspacePool(1, [Math]::Max(1, $Settings.sections.Count), $SessionState, $Host)
$pool.Open()
$jobs = New-Object System.Collections.Generic.List[object]
foreach ($name in $Settings.sections) {
    $text = $Wrapper + 'try {' + "`n" + $Sections[$name].ToString() + "`n" + '@{ ok = $true; value = $Value; notes = $Notes.ToArray() }' + "`n" + '} catch { @{ ok = $false; error = [string]$_.Exception.Message; notes = $Notes.ToArray() } }'
    $shell = [powershell]::Create()
    $shell.RunspacePool = $pool
    [void]$shell.AddScript($text).AddArgument($Settings)
    Send-ProbeProgress $name 'started' $null
    $jobs.Add(@{ name = $name; shell = $shell; handle = $shell.BeginInvoke(); deadline = $Clock.ElapsedMilliseconds + [int]$Settings.budgetsMs[$name]; done = $false; result = $null })
}

$errors = New-Object System.Collections.Generic.List[object]
$values = @{}
do {
    $open = 0
    foreach ($job in $jobs) {
        if ($job.done) { continue }
        if ($job.handle.IsCompleted) {
            $job.done = $true
            $result = $null
            try {
                foreach ($item in $job.shell.EndInvoke($job.handle)) {
                    # -is sees through the PSObject wrapper; $item.BaseObject would look up a key
                    # named 'BaseObject' in the hashtable instead (found by running this under pwsh).
                    if ($item -is [hashtable] -and $item.ContainsKey('ok')) { $result = [hashtable]$item }
                }
            } catch { $result = @{ ok = $false; error = [string]$_.Exception.Message; notes = @() } }
            if ($null -eq $result) {
                # Nothing came back: an error outside the section's own try (e.g. a runspace in
                # ConstrainedLanguage refusing the wrapper) is in the error stream.
                $why = 'the section returned nothing'
                if ($job.shell.Streams.Error.Count -gt 0) { $why = [string]$job.shell.Streams.Error[0].Exception.Message }
                $result = @{ ok = $false; error = $why; notes = @() }
            }
            foreach ($note in @($result.notes)) { if ($note) { $errors.Add($note) } }
            if ($result.ok) {
                $values[$job.name] = $result.value
                Send-ProbeProgress $job.name 'done' $null
            } else {
                $values[$job.name] = $null
                $errors.Add([ordered]@{ section = $job.name; message = $result.error })
                Send-ProbeProgress $job.name 'failed' $result.error
            }
        } elseif ($Clock.ElapsedMilliseconds -ge $job.deadline) {
            $job.done = $true
            $message = 'timed out after ' + $Settings.budgetsMs[$job.name] + ' ms'
            try { [void]$job.shell.BeginStop($null, $null) } catch { }
            $values[$job.name] = $null
            $errors.Add([ordered]@{ section = $job.name; message = $message })
            Send-ProbeProgress $job.name 'failed' $message
        } else {
            $open++
        }
    }
    if ($open -gt 0) { Start-Sleep -Milliseconds 15 }
} while ($open -gt 0)

$elevated = $false
try { $elevated = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator) } catch { }
$document = [ordered]@{
    format      = 'acs-snapshot'
    version     = 1
    collectedAt = [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $Invariant)
    collector   = [ordered]@{ name = 'acs-collect.ps1'; version = $ScriptVersion; elevated = [bool]$elevated; method = 'powershell'; durationMs = $Clock.ElapsedMilliseconds }
}
foreach ($name in $AllSections) { if ($Settings.sections -contains $name) { $document[$name] = $values[$name] } }
$document['errors'] = $errors.ToArray()

$bytes = [System.Text.Encoding]::ASCII.GetBytes((ConvertTo-AsciiJson $document) + "`r`n")
$stdout = [Console]::OpenStandardOutput()
$stdout.Write($bytes, 0, $bytes.Length)
$stdout.Flush()
# Ends the process at once: a section stopped past its budget must not keep it alive.
[Environment]::Exit(0)
