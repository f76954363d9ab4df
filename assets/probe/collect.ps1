#Requires -Version 2.0
# ACS Support Assistant collector: writes one acs-snapshot (JSON, version 1) of this Windows machine to
# stdout. Windows PowerShell 2.0 (Windows 7 / Server 2008 R2), 5.1 and PowerShell 7. Run unchanged by the app and by fleet tools (Intune,
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

# Under an AppLocker / WDAC script policy (lockdown "Enforce") Windows forces every runspace this script
# creates into ConstrainedLanguage, even when the script itself is trusted: the sections could not
# run. Say so with the locked-down marker, as for a constrained session, so the caller falls back to
# the built-in tools. SystemPolicy exists from PowerShell 5.0; before that there is nothing to ask.
$LockdownPolicy = 'None'
try {
    if ($DoubleModule) { $LockdownPolicy = [string](Get-DoubleLockdownPolicy) }
    else { $LockdownPolicy = [string][System.Management.Automation.Security.SystemPolicy]::GetSystemLockdownPolicy() }
} catch { $LockdownPolicy = 'None' }
if ($LockdownPolicy -eq 'Enforce') {
    Write-Output '{"acsProbeUnavailable":true,"languageMode":"FullLanguage","lockdownPolicy":"Enforce"}'
    exit 86
}

$ErrorActionPreference = 'Stop'
$ScriptVersion = '0.1.0'
$Clock = [System.Diagnostics.Stopwatch]::StartNew()
$Invariant = [System.Globalization.CultureInfo]::InvariantCulture
$AllSections = @('host', 'os', 'hotfixes', 'certificates', 'rootAutoUpdate', 'services', 'signatures', 'events', 'products', 'pendingReboot', 'bootConfiguration')
$Settings = @{
    sections              = $AllSections
    network               = $true
    serviceNames          = @('TmListen', 'ntrtscan', 'TmPfw', 'TmProxy', 'TMBMServer', 'TmCCSF', 'TmWSCSvc', 'svcGenericHost', 'TMiACAgentSvc', 'iVPAgent', 'CETASvc', 'Trend Micro Endpoint Basecamp', 'ds_agent', 'ds_monitor', 'ds_notifier', 'Amsp', 'ds_nuagent', 'DSASvc', 'Trend Micro Web Service Communicator', 'Trend Micro Response Service', 'Cloud Endpoint Service')
    eventDays             = 30
    maxEventsPerLog       = 200
    reachabilityTimeoutMs = 2000
    budgetsMs             = @{ host = 2000; os = 2000; hotfixes = 8000; certificates = 4000; rootAutoUpdate = 4000; services = 4000; signatures = 6000; events = 8000; products = 4000; pendingReboot = 2000; bootConfiguration = 2000 }
}

# ---- JSON out, written here so that Windows PowerShell 2.0 (no ConvertTo-Json) writes the same bytes
# as 5.1 and 7: ASCII only (anything else as \uXXXX, so any console code page reads it the same), object
# keys in the snapshot's own order (then alphabetically), arrays stay arrays even with one item.
$JsonKeyOrder = @('format', 'version', 'collectedAt', 'collector', 'name', 'elevated', 'method', 'durationMs', 'host', 'computerName', 'domain', 'machineId',
    'os', 'platform', 'productName', 'editionId', 'installationType', 'currentBuild', 'ubr', 'displayVersion', 'architecture', 'currentVersion', 'csdVersion', 'lastBootUpTime',
    'hotfixes', 'id', 'installedOn', 'description', 'certificates', 'root', 'disallowed', 'thumbprint', 'subject', 'issuer', 'notBefore', 'notAfter', 'store',
    'rootAutoUpdate', 'disabledByPolicy', 'rootDirUrl', 'reachable', 'services', 'displayName', 'state', 'startType', 'exitCode', 'imagePath', 'dependsOn',
    'signatures', 'path', 'status', 'signerSubject', 'signerIssuer', 'rootThumbprint', 'chainThumbprints', 'statusMessage', 'events', 'log', 'provider', 'time',
    'data', 'message', 'activityId', 'products', 'publisher', 'pendingReboot', 'required', 'reasons', 'rollupFixPackages', 'currentState', 'bootConfiguration',
    'testSigning', 'noIntegrityChecks', 'errors', 'acsProbe', 'section', 'elapsedMs')
$JsonInvariant = [System.Globalization.CultureInfo]::InvariantCulture
function Add-JsonString($Builder, [string]$Text) {
    [void]$Builder.Append('"')
    if ($Text -match '^[\x20\x21\x23-\x5B\x5D-\x7E]*$') { [void]$Builder.Append($Text) }
    else {
        foreach ($c in $Text.ToCharArray()) {
            $code = [int]$c
            if ($code -eq 34) { [void]$Builder.Append('\"') }
            elseif ($code -eq 92) { [void]$Builder.Append('\\') }
            elseif ($code -lt 32 -or $code -gt 126) { [void]$Builder.Append('\u' + $code.ToString('x4', $JsonInvariant)) }
            else { [void]$Builder.Append($c) }
        }
    }
    [void]$Builder.Append('"')
}
function Add-JsonValue($Builder, $Value) {
    if ($null -eq $Value) { [void]$Builder.Append('null'); return }
    if ($Value -is [string] -or $Value -is [char]) { Add-JsonString $Builder ([string]$Value); return }
    if ($Value -is [bool]) { if ($Value) { [void]$Builder.Append('true') } else { [void]$Builder.Append('false') }; return }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [uint32] -or $Value -is [uint64] -or $Value -is [int16] -or $Value -is [uint16] -or $Value -is [byte]) { [void]$Builder.Append($Value.ToString($JsonInvariant)); return }
    if ($Value -is [double] -or $Value -is [single] -or $Value -is [decimal]) { [void]$Builder.Append(([double]$Value).ToString('R', $JsonInvariant)); return }
    if ($Value -is [System.Collections.IDictionary]) {
        $keys = @($Value.Keys | ForEach-Object { [string]$_ } | Sort-Object @{ Expression = { $i = [array]::IndexOf($JsonKeyOrder, $_); if ($i -lt 0) { 100000 } else { $i } } }, @{ Expression = { $_ } })
        [void]$Builder.Append('{')
        for ($k = 0; $k -lt $keys.Count; $k++) {
            if ($k -gt 0) { [void]$Builder.Append(',') }
            Add-JsonString $Builder $keys[$k]
            [void]$Builder.Append(':')
            Add-JsonValue $Builder $Value[$keys[$k]]
        }
        [void]$Builder.Append('}')
        return
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        [void]$Builder.Append('[')
        $first = $true
        foreach ($item in $Value) {
            if (-not $first) { [void]$Builder.Append(',') }
            $first = $false
            Add-JsonValue $Builder $item
        }
        [void]$Builder.Append(']')
        return
    }
    Add-JsonString $Builder ([string]$Value)
}
function ConvertTo-AsciiJson($Value) {
    $builder = New-Object System.Text.StringBuilder
    Add-JsonValue $builder $Value
    return $builder.ToString()
}

$StdErr = [Console]::OpenStandardError()
function Send-ProbeProgress([string]$Section, [string]$Status, [string]$Message) {
    $line = @{ acsProbe = 'progress'; section = $Section; status = $Status; elapsedMs = $Clock.ElapsedMilliseconds }
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
# An input value that may be absent (the script also runs under Set-StrictMode -Version Latest); the
# input is an object (ConvertFrom-Json) or a dictionary (JavaScriptSerializer, Windows PowerShell 2.0).
function Get-InputValue($Object, [string]$Name) {
    if ($null -eq $Object) { return $null }
    if ($Object -is [System.Collections.IDictionary]) { if ($Object.Contains($Name)) { return $Object[$Name] }; return $null }
    $property = $Object.PSObject.Properties[$Name]
    if ($property) { return $property.Value }
    return $null
}
function Get-InputNames($Object) {
    if ($Object -is [System.Collections.IDictionary]) { return @($Object.Keys | ForEach-Object { [string]$_ }) }
    return @($Object.PSObject.Properties | ForEach-Object { $_.Name })
}
function ConvertFrom-InputJson([string]$Text) {
    if (Get-Command ConvertFrom-Json -ErrorAction SilentlyContinue) { return ($Text | ConvertFrom-Json) }
    # Windows PowerShell 2.0: .NET 3.5's JavaScriptSerializer (System.Web.Extensions).
    [void][System.Reflection.Assembly]::Load('System.Web.Extensions, Version=3.5.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35')
    return (New-Object System.Web.Script.Serialization.JavaScriptSerializer).DeserializeObject($Text)
}
if ($inputText.Trim() -ne '') {
    $config = ConvertFrom-InputJson $inputText
    if ($null -ne (Get-InputValue $config 'sections')) { $Settings.sections = @(@((Get-InputValue $config 'sections')) | Where-Object { $AllSections -contains $_ } | ForEach-Object { [string]$_ }) }
    if ($null -ne (Get-InputValue $config 'network')) { $Settings.network = [bool](Get-InputValue $config 'network') }
    if ($null -ne (Get-InputValue $config 'serviceNames')) { $Settings.serviceNames = @(@((Get-InputValue $config 'serviceNames')) | ForEach-Object { [string]$_ }) }
    if ($null -ne (Get-InputValue $config 'eventDays')) { $Settings.eventDays = [int](Get-InputValue $config 'eventDays') }
    if ($null -ne (Get-InputValue $config 'maxEventsPerLog')) { $Settings.maxEventsPerLog = [int](Get-InputValue $config 'maxEventsPerLog') }
    if ($null -ne (Get-InputValue $config 'reachabilityTimeoutMs')) { $Settings.reachabilityTimeoutMs = [int](Get-InputValue $config 'reachabilityTimeoutMs') }
    if ($null -ne (Get-InputValue $config 'budgetsMs')) {
        $budgets = Get-InputValue $config 'budgetsMs'
        foreach ($budgetName in (Get-InputNames $budgets)) {
            if ($Settings.budgetsMs.ContainsKey($budgetName)) { $Settings.budgetsMs[$budgetName] = [int](Get-InputValue $budgets $budgetName) }
        }
    }
}

# ---- helpers available to every section ---------------------------------------------------------
$Helpers = {
    $Invariant = [System.Globalization.CultureInfo]::InvariantCulture
    function ConvertTo-IsoUtc([datetime]$Date) { return $Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $Invariant) }
    # A registry value or property that may be absent (Set-StrictMode -Version Latest refuses $obj.Missing).
    function Get-Value($Object, [string]$Name) {
        if ($null -eq $Object) { return $null }
        $property = $Object.PSObject.Properties[$Name]
        if ($property) { return $property.Value }
        return $null
    }
    # Win32_* instances through CIM where PowerShell has it (3.0 and later), else WMI (2.0).
    function Get-WindowsInstance([string]$Class) {
        if (Get-Command Get-CimInstance -ErrorAction SilentlyContinue) { return @(Get-CimInstance -ClassName $Class) }
        return @(Get-WmiObject -Class $Class)
    }
    function Add-Note([string]$Section, [string]$Message) { $Notes.Add(@{ section = $Section; message = $Message }) }
    function Test-AgentService($Name, $DisplayName, $PathName) {
        if ($Settings.serviceNames -contains [string]$Name) { return $true }
        if ([string]$DisplayName -match '^(Trend Micro|Apex One|OfficeScan|Worry-Free)') { return $true }
        return ([string]$PathName -match '\\Trend Micro\\')
    }
    # Win32_QuickFixEngineering.InstalledOn is text in the machine's short date format (M/d/yyyy on
    # en-US, dd.MM.yyyy on de-DE, yyyy/MM/dd on ja-JP, dd/MM/yyyy on en-GB …) or a hex FILETIME. Read it
    # with this culture first, then the invariant forms; a value that fails, or a date before 1995 or
    # in the future, becomes null for that one row.
    function ConvertTo-InstalledOn([string]$Raw) {
        $text = $Raw.Trim()
        if ($text -eq '') { return $null }
        $date = $null
        if ($text -match '^[0-9a-fA-F]{15,16}$') {
            try { $date = [DateTime]::FromFileTimeUtc([Convert]::ToInt64($text, 16)) } catch { $date = $null }
        } else {
            $culture = [System.Globalization.CultureInfo]::CurrentCulture
            $formats = @($culture.DateTimeFormat.ShortDatePattern, 'M/d/yyyy', 'yyyy-MM-dd', 'yyyyMMdd', 'd.M.yyyy', 'yyyy/M/d', 'd/M/yyyy')
            foreach ($format in $formats) {
                $parsed = [DateTime]::MinValue
                if ([DateTime]::TryParseExact($text, $format, $culture, [System.Globalization.DateTimeStyles]::None, [ref]$parsed)) { $date = $parsed; break }
            }
        }
        if ($null -eq $date -or $date.Year -lt 1995 -or $date -gt [DateTime]::Now.AddDays(1)) { return $null }
        return $date.ToString('yyyy-MM-dd', $Invariant)
    }
    # A service of another vendor that Windows refused to start for its signature (577,
    # ERROR_INVALID_IMAGE_HASH) is collected too: any program moved to Trusted Signing fails the same way.
    function Test-CollectedService($Service) {
        if (Test-AgentService $Service.Name $Service.DisplayName $Service.PathName) { return $true }
        return ([string]$Service.State -eq 'Stopped' -and [long]$Service.ExitCode -eq 577)
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
    # The primary DNS suffix (what IPGlobalProperties.DomainName reports), from where Windows keeps it.
    $tcpip = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters' -ErrorAction SilentlyContinue
    $domain = $null
    if ($tcpip -and $tcpip.PSObject.Properties['Domain'] -and -not [string]::IsNullOrEmpty([string]$tcpip.Domain)) { $domain = [string]$tcpip.Domain }
    $computerName = [string]$env:COMPUTERNAME
    if ([string]::IsNullOrEmpty($computerName)) { $computerName = [string][Environment]::MachineName }
    $Value = @{ computerName = $computerName; domain = $domain }
    # A stable identity for fleet summaries: "sha256:" + SHA-256 of the lower-cased MachineGuid (never the GUID itself).
    $crypto = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Cryptography' -ErrorAction SilentlyContinue
    if ($crypto -and $crypto.PSObject.Properties['MachineGuid'] -and -not [string]::IsNullOrEmpty([string]$crypto.MachineGuid)) {
        $sha = [System.Security.Cryptography.SHA256]::Create()
        $digest = $sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes(([string]$crypto.MachineGuid).Trim().ToLowerInvariant()))
        $sha.Dispose()
        $Value['machineId'] = 'sha256:' + (-join ($digest | ForEach-Object { $_.ToString('x2') }))
    }
}
$Sections['os'] = {
    $cv = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
    $build = 0
    if (-not [int]::TryParse([string](Get-Value $cv 'CurrentBuild'), [ref]$build)) { [void][int]::TryParse([string](Get-Value $cv 'CurrentBuildNumber'), [ref]$build) }
    $installationType = [string](Get-Value $cv 'InstallationType')
    if (@('Client', 'Server', 'Server Core') -notcontains $installationType) {
        if ([string](Get-Value $cv 'ProductName') -match 'Server') { $installationType = 'Server' } else { $installationType = 'Client' }
        Add-Note 'os' ('InstallationType is missing; "' + $installationType + '" was inferred from the product name')
    }
    $archText = $env:PROCESSOR_ARCHITEW6432
    if (-not $archText) { $archText = $env:PROCESSOR_ARCHITECTURE }
    $architecture = 'x64'
    if ($archText -eq 'ARM64') { $architecture = 'arm64' }
    elseif ($archText -eq 'x86') { $architecture = 'x86' }
    $ubr = $null
    if ($null -ne (Get-Value $cv 'UBR')) { $ubr = [int](Get-Value $cv 'UBR') }
    $Value = @{
        platform = 'windows'; productName = [string](Get-Value $cv 'ProductName'); editionId = [string](Get-Value $cv 'EditionID'); installationType = $installationType
        currentBuild = $build; ubr = $ubr; displayVersion = $(if ((Get-Value $cv 'DisplayVersion')) { [string](Get-Value $cv 'DisplayVersion') } else { $null })
        architecture = $architecture; currentVersion = $(if ((Get-Value $cv 'CurrentVersion')) { [string](Get-Value $cv 'CurrentVersion') } else { $null })
        csdVersion = $(if ((Get-Value $cv 'CSDVersion')) { [string](Get-Value $cv 'CSDVersion') } else { $null })
    }
    # When Windows last started (tells a restart apart from "restart later"): a DateTime from CIM, DMTF text from WMI.
    $Value['lastBootUpTime'] = $null
    try {
        $boot = (@(Get-WindowsInstance 'Win32_OperatingSystem') | Select-Object -First 1).LastBootUpTime
        if ($boot -is [string] -and $boot -match '^\d{14}\.') { $boot = [System.Management.ManagementDateTimeConverter]::ToDateTime($boot) }
        if ($null -ne $boot) { $Value['lastBootUpTime'] = ConvertTo-IsoUtc $boot }
    } catch { Add-Note 'os' ('last boot time not readable: ' + $_.Exception.Message) }
}
$Sections['hotfixes'] = {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($fix in @(Get-WindowsInstance 'Win32_QuickFixEngineering')) {
        $id = [string]$fix.HotFixID
        if ($id -notmatch '^KB\d{6,7}$') { continue }
        $raw = [string]$fix.InstalledOn
        $installedOn = ConvertTo-InstalledOn $raw
        if ($null -eq $installedOn -and $raw.Trim() -ne '') { Add-Note 'hotfixes' ('installation date of ' + $id + ' not readable: ' + $raw) }
        $list.Add(@{ id = $id.ToUpperInvariant(); installedOn = $installedOn; description = $(if ($fix.Description) { [string]$fix.Description } else { $null }) })
    }
    $Value = $list.ToArray()
}
$Sections['certificates'] = {
    $storeOf = @{}
    $physical = @{
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
        # The Cert: drive shows the logical LocalMachine store (Root includes the Group Policy,
        # Enterprise and third-party physical stores), read-only, without administrator rights.
        $certificates = @(Get-ChildItem -LiteralPath ('Cert:\LocalMachine\' + $Name))
        if ($true) {
            foreach ($cert in $certificates) {
                $thumb = ([string]$cert.Thumbprint).ToUpperInvariant()
                if ($Seen.ContainsKey($thumb)) { continue }
                $Seen[$thumb] = $true
                $storeName = $DefaultStore
                if ($DefaultStore -ne 'Disallowed' -and $storeOf.ContainsKey($thumb)) { $storeName = $storeOf[$thumb] }
                $List.Add(@{ thumbprint = $thumb; subject = [string]$cert.Subject; issuer = [string]$cert.Issuer; notBefore = (ConvertTo-IsoUtc $cert.NotBefore); notAfter = (ConvertTo-IsoUtc $cert.NotAfter); store = $storeName })
            }
        }
    }
    $root = New-Object System.Collections.Generic.List[object]
    $disallowed = New-Object System.Collections.Generic.List[object]
    $seenRoot = @{}
    Read-Store 'Root' 'Root' $root $seenRoot
    Read-Store 'AuthRoot' 'AuthRoot' $root $seenRoot
    Read-Store 'Disallowed' 'Disallowed' $disallowed @{}
    $Value = @{ root = $root.ToArray(); disallowed = $disallowed.ToArray() }
}
$Sections['rootAutoUpdate'] = {
    # The policy and the source only: registry reads that cannot hang. Whether the source answers is
    # asked in a job of its own (below), so a slow network never loses disabledByPolicy.
    $disabled = $null
    $policy = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Policies\Microsoft\SystemCertificates\AuthRoot' -ErrorAction SilentlyContinue
    if ($policy -and $policy.PSObject.Properties['DisableRootAutoUpdate'] -and $null -ne $policy.DisableRootAutoUpdate) { $disabled = ([int]$policy.DisableRootAutoUpdate -ne 0) }
    $rootDirUrl = $null
    $autoUpdate = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\SystemCertificates\AuthRoot\AutoUpdate' -ErrorAction SilentlyContinue
    if ($autoUpdate -and $autoUpdate.PSObject.Properties['RootDirURL'] -and $autoUpdate.RootDirURL) { $rootDirUrl = [string]$autoUpdate.RootDirURL }
    if (-not $Settings.network) { Add-Note 'rootAutoUpdate.reachable' 'skipped: network checks are off' }
    $Value = @{ disabledByPolicy = $disabled; rootDirUrl = $rootDirUrl; reachable = $null }
}
# Internal job (not a snapshot section): can the root update source be reached? Its result becomes
# rootAutoUpdate.reachable. HttpWebRequest.Timeout does not bound DNS resolution or proxy detection,
# so the request is also bounded by an asynchronous wait and Abort(), and the job has its own budget.
$Sections['rootAutoUpdate.reachable'] = {
    $source = 'http://ctldl.windowsupdate.com/msdownload/update/v3/static/trustedr/en/'
    $autoUpdate = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\SystemCertificates\AuthRoot\AutoUpdate' -ErrorAction SilentlyContinue
    if ($autoUpdate -and $autoUpdate.PSObject.Properties['RootDirURL'] -and $autoUpdate.RootDirURL) { $source = [string]$autoUpdate.RootDirURL }
    $reachable = $null
    if ($source -notmatch '^https?://') { Add-Note 'rootAutoUpdate.reachable' ('not checked: the root source ' + $source + ' is not a web address') }
    else {
        $timeout = [int]$Settings.reachabilityTimeoutMs
        $request = [System.Net.WebRequest]::Create($source.TrimEnd('/') + '/authrootstl.cab')
        $request.Method = 'HEAD'
        $request.Timeout = $timeout
        try {
            $pending = $request.BeginGetResponse($null, $null)
            if ($pending.AsyncWaitHandle.WaitOne($timeout)) {
                $response = $request.EndGetResponse($pending)
                $response.Close()
                $reachable = $true
            } else {
                $request.Abort()
                $reachable = $false
                Add-Note 'rootAutoUpdate.reachable' ('no answer within ' + $timeout + ' ms')
            }
        } catch {
            $inner = $_.Exception
            while ($null -ne $inner -and -not ($inner -is [System.Net.WebException])) { $inner = $inner.InnerException }
            # An HTTP error status still means the server answered.
            $reachable = ($null -ne $inner -and $null -ne $inner.Response)
            if (-not $reachable) { Add-Note 'rootAutoUpdate.reachable' ('not reachable: ' + [string]$_.Exception.Message) }
        }
    }
    $Value = $reachable
}
$Sections['services'] = {
    $list = New-Object System.Collections.Generic.List[object]
    $states = @('Running', 'Stopped', 'StartPending', 'StopPending', 'Paused', 'ContinuePending', 'PausePending')
    foreach ($svc in @(Get-WindowsInstance 'Win32_Service')) {
        if (-not (Test-CollectedService $svc)) { continue }
        $state = [string]$svc.State -replace ' ', ''
        if ($states -notcontains $state) { Add-Note 'services' ('state of ' + [string]$svc.Name + ' is unknown: ' + [string]$svc.State); continue }
        $key = Get-ItemProperty -LiteralPath ('HKLM:\SYSTEM\CurrentControlSet\Services\' + [string]$svc.Name) -ErrorAction SilentlyContinue
        $startModes = @{ Auto = 'Automatic'; Manual = 'Manual'; Disabled = 'Disabled'; Boot = 'Boot'; System = 'System' }
        $startType = 'Manual'
        if ($startModes.ContainsKey([string]$svc.StartMode)) { $startType = $startModes[[string]$svc.StartMode] }
        if ($startType -eq 'Automatic' -and [int](Get-Value $key 'DelayedAutostart') -eq 1) { $startType = 'AutomaticDelayed' }
        $dependsOn = @()
        if (Get-Value $key 'DependOnService') { $dependsOn = @(@(Get-Value $key 'DependOnService') | ForEach-Object { [string]$_ }) }
        $list.Add(@{
                name = [string]$svc.Name; displayName = [string]$svc.DisplayName; state = $state
                startType = $startType; exitCode = [long]$svc.ExitCode; imagePath = $(if ($svc.PathName) { [string]$svc.PathName } else { $null }); dependsOn = $dependsOn
            })
    }
    $Value = $list.ToArray()
}
$Sections['signatures'] = {
    $list = New-Object System.Collections.Generic.List[object]
    $done = @{}
    # Every agent service: the asked-for names and whatever the services section's catch-alls find
    # (another Trend product, a renamed service), in the order Windows lists the services.
    $names = New-Object System.Collections.Generic.List[string]
    try {
        foreach ($svc in @(Get-WindowsInstance 'Win32_Service')) {
            if ((Test-CollectedService $svc) -and -not $names.Contains([string]$svc.Name)) { $names.Add([string]$svc.Name) }
        }
    } catch { Add-Note 'signatures' ('the service list could not be read, only the known names are checked: ' + [string]$_.Exception.Message) }
    foreach ($known in $Settings.serviceNames) { if (-not $names.Contains([string]$known)) { $names.Add([string]$known) } }
    foreach ($name in $names) {
        # One unreadable or locked file (or a slow chain) loses only its own entry.
        try {
            $key = Get-ItemProperty -LiteralPath ('HKLM:\SYSTEM\CurrentControlSet\Services\' + $name) -ErrorAction SilentlyContinue
            if (-not $key -or -not $key.PSObject.Properties['ImagePath'] -or -not $key.ImagePath) { continue }
            $path = Get-ExecutablePath ([string]$key.ImagePath)
            if ($done.ContainsKey($path.ToLowerInvariant())) { continue }
            $done[$path.ToLowerInvariant()] = $true
            if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { Add-Note 'signatures' ('binary of ' + $name + ' not found: ' + $path); continue }
            if ($PSVersionTable.PSVersion.Major -ge 5) { $sig = Get-AuthenticodeSignature -LiteralPath $path } else { $sig = Get-AuthenticodeSignature -FilePath $path }
            $rootThumbprint = $null
            $signer = $null
            $signerIssuer = $null
            $chainThumbprints = $null
            if ($sig.SignerCertificate) {
                $signer = [string]$sig.SignerCertificate.Subject
                $signerIssuer = [string]$sig.SignerCertificate.Issuer
                $chain = New-Object System.Security.Cryptography.X509Certificates.X509Chain
                $chain.ChainPolicy.RevocationMode = [System.Security.Cryptography.X509Certificates.X509RevocationMode]::NoCheck
                $chain.ChainPolicy.VerificationFlags = [System.Security.Cryptography.X509Certificates.X509VerificationFlags]::AllFlags
                # Offline: building this chain must not itself fetch a root (or anything) while the
                # certificate section reads the stores. .NET 5+ can say so; on .NET Framework the
                # shortest URL timeout is the closest there is.
                if ($chain.ChainPolicy.PSObject.Properties['DisableCertificateDownloads']) { $chain.ChainPolicy.DisableCertificateDownloads = $true }
                $chain.ChainPolicy.UrlRetrievalTimeout = New-TimeSpan -Milliseconds 1
                try {
                    # The signature block carries the intermediates (and often the root): let the chain use them.
                    $embedded = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2Collection
                    $embedded.Import($path)
                    [void]$chain.ChainPolicy.ExtraStore.AddRange($embedded)
                } catch { Add-Note 'signatures' ('embedded certificates of ' + $path + ' unreadable') }
                [void]$chain.Build($sig.SignerCertificate)
                $count = $chain.ChainElements.Count
                if ($count -gt 0) {
                    $chainThumbprints = @(for ($i = 0; $i -lt $count; $i++) { ([string]$chain.ChainElements[$i].Certificate.Thumbprint).ToUpperInvariant() })
                    $last = $chain.ChainElements[$count - 1].Certificate
                    if ($last.Subject -eq $last.Issuer) { $rootThumbprint = ([string]$last.Thumbprint).ToUpperInvariant() }
                }
            }
            $list.Add(@{ path = $path; status = [string]$sig.Status; signerSubject = $signer; rootThumbprint = $rootThumbprint; statusMessage = $(if ($sig.StatusMessage) { [string]$sig.StatusMessage } else { $null }); signerIssuer = $signerIssuer; chainThumbprints = $chainThumbprints })
        } catch {
            Add-Note 'signatures' ('signature of ' + $name + ' not readable: ' + [string]$_.Exception.Message)
        }
    }
    $Value = $list.ToArray()
}
$Sections['events'] = {
    $since = (Get-Date).AddDays(-1 * [int]$Settings.eventDays)
    $queries = @(
        @{ LogName = 'System'; ProviderName = 'Service Control Manager'; Id = @(7000, 7001, 7009, 7011, 7022, 7023, 7024, 7026, 7031, 7034) },
        @{ LogName = 'Microsoft-Windows-CodeIntegrity/Operational'; Id = @(3004, 3033, 3089, 3104) }
    )
    $list = New-Object System.Collections.Generic.List[object]
    $failedLogs = 0
    foreach ($query in $queries) {
        $filter = @{ LogName = $query.LogName; Id = $query.Id; StartTime = $since }
        if ($query.ContainsKey('ProviderName')) { $filter.ProviderName = $query.ProviderName }
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
            # ActivityID links a Code Integrity 3089 (signer details) to its 3004/3033.
            $activityId = $null
            if ($record.PSObject.Properties['ActivityId'] -and $null -ne $record.ActivityId) { $activityId = ([string]$record.ActivityId).Trim('{', '}').ToUpperInvariant() }
            $list.Add(@{ log = [string]$record.LogName; provider = [string]$record.ProviderName; id = [int]$record.Id; time = (ConvertTo-IsoUtc $record.TimeCreated); data = $data.ToArray(); message = $message; activityId = $activityId })
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
            $list.Add(@{ name = $name; version = $(if ($version) { $version } else { $null }); publisher = $(if ($publisher) { $publisher } else { $null }) })
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
    if (@(@(Get-Value $session 'PendingFileRenameOperations') | Where-Object { $_ }).Count -gt 0) { $reasons.Add('PendingFileRenameOperations') }
    $active = Get-Value (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName' -ErrorAction SilentlyContinue) 'ComputerName'
    $next = Get-Value (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName' -ErrorAction SilentlyContinue) 'ComputerName'
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
            if ($null -ne (Get-Value $item 'CurrentState')) { $state = [int](Get-Value $item 'CurrentState') }
            $list.Add(@{ name = [string]$name; currentState = $state })
        }
        $rollupFix = $list.ToArray()
    } catch {
        Add-Note 'pendingReboot.rollupFixPackages' ([string]$_.Exception.Message)
    }
    $Value = @{ required = ($reasons.Count -gt 0); reasons = $reasons.ToArray(); rollupFixPackages = $rollupFix }
}
$Sections['bootConfiguration'] = {
    # The switches of the running boot, readable without administrator rights (bcdedit needs them).
    $options = Get-Value (Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control') 'SystemStartOptions'
    if ($null -eq $options) {
        Add-Note 'bootConfiguration' 'SystemStartOptions is not in the registry'
        $Value = @{ testSigning = $null; noIntegrityChecks = $null }
    } else {
        $Value = @{ testSigning = ([string]$options -match '\bTESTSIGNING\b'); noIntegrityChecks = ([string]$options -match '\bDISABLE_INTEGRITY_CHECKS\b') }
    }
}

# ---- run the sections in parallel, each within its own time budget ------------------------------
$Wrapper = 'param($Settings)' + "`n" + 'Set-StrictMode -Version Latest' + "`n" + '$ErrorActionPreference = ''Stop''' + "`n" + '$Notes = New-Object System.Collections.Generic.List[object]' + "`n" + '$Value = $null' + "`n" + $Helpers.ToString() + "`n"
$SessionState = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault()
if ($DoubleModule) { [void]$SessionState.ImportPSModule([string[]]@($DoubleModule)) }
$pool = [runspacefactory]::CreateRunspacePool(1, [Math]::Max(1, $Settings.sections.Count), $SessionState, $Host)
$pool.Open()
$jobs = New-Object System.Collections.Generic.List[object]
$JobNames = New-Object System.Collections.Generic.List[string]
foreach ($name in $Settings.sections) { $JobNames.Add([string]$name) }
if ($Settings.network -and $Settings.sections -contains 'rootAutoUpdate') {
    $JobNames.Add('rootAutoUpdate.reachable')
    $Settings.budgetsMs['rootAutoUpdate.reachable'] = [int]$Settings.reachabilityTimeoutMs + 1500
}
foreach ($name in $JobNames) {
    $text = $Wrapper + 'try {' + "`n" + $Sections[$name].ToString() + "`n" + '@{ ok = $true; value = $Value; notes = $Notes.ToArray() }' + "`n" + '} catch { @{ ok = $false; error = [string]$_.Exception.Message; notes = $Notes.ToArray() } }'
    $shell = [powershell]::Create()
    $shell.RunspacePool = $pool
    [void]$shell.AddScript($text).AddArgument($Settings)
    if ($AllSections -contains $name) { Send-ProbeProgress $name 'started' $null }
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
                if ($AllSections -contains $job.name) { Send-ProbeProgress $job.name 'done' $null }
            } else {
                $values[$job.name] = $null
                $errors.Add(@{ section = $job.name; message = $result.error })
                if ($AllSections -contains $job.name) { Send-ProbeProgress $job.name 'failed' $result.error }
            }
        } elseif ($Clock.ElapsedMilliseconds -ge $job.deadline) {
            $job.done = $true
            $message = 'timed out after ' + $Settings.budgetsMs[$job.name] + ' ms'
            try { [void]$job.shell.BeginStop($null, $null) } catch { }
            $values[$job.name] = $null
            $errors.Add(@{ section = $job.name; message = $message })
            if ($AllSections -contains $job.name) { Send-ProbeProgress $job.name 'failed' $message }
        } else {
            $open++
        }
    }
    if ($open -gt 0) { Start-Sleep -Milliseconds 15 }
} while ($open -gt 0)

$elevated = $false
try { $elevated = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator) } catch { }
$document = @{
    format      = 'acs-snapshot'
    version     = 1
    collectedAt = [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $Invariant)
    collector   = @{ name = 'acs-collect.ps1'; version = $ScriptVersion; elevated = [bool]$elevated; method = 'powershell'; durationMs = $Clock.ElapsedMilliseconds }
}
if ($values.ContainsKey('rootAutoUpdate.reachable') -and $null -ne $values['rootAutoUpdate']) { $values['rootAutoUpdate']['reachable'] = $values['rootAutoUpdate.reachable'] }
foreach ($name in $AllSections) { if ($Settings.sections -contains $name) { $document[$name] = $values[$name] } }
$document['errors'] = $errors.ToArray()

$bytes = [System.Text.Encoding]::ASCII.GetBytes((ConvertTo-AsciiJson $document) + "`r`n")
$stdout = [Console]::OpenStandardOutput()
$stdout.Write($bytes, 0, $bytes.Length)
$stdout.Flush()
# Ends the process at once: a section stopped past its budget must not keep it alive.
[Environment]::Exit(0)
