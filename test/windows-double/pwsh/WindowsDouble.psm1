# The Windows double for PowerShell (tests only, never shipped): functions that shadow the Windows-only
# cmdlets and providers the shipped scripts use, answering from the simulated machine whose state file
# is named by $env:ACS_DOUBLE_STATE (its raw Windows view, written beside it by the TypeScript side:
# test/windows-double/tools/raw-view.ts). Native tools (certutil, sc, wusa, dism, expand, shutdown …)
# are shims in $env:ACS_DOUBLE_SYSTEM32 that run test/windows-double/tools/fake-tool.ts on the same
# state, so a fix a script makes is seen by every later read.
#
# Shadowed: Get-ItemProperty, Get-Item, Get-ChildItem and Test-Path (HKLM:\, Cert:\LocalMachine\ and
# Windows drive paths), Get-CimInstance / Get-WmiObject, Get-WinEvent -FilterHashtable (with the real
# "No events were found" error and FullyQualifiedErrorId), Get-AuthenticodeSignature, Get-Service,
# Start-Process (-Verb RunAs declined throws InvalidOperationException with no inner exception, as
# Windows PowerShell does), New-Object for X509Chain / X509Certificate2Collection (chains are answered
# from the view), and Get-DoubleLockdownPolicy for the lockdown-policy seam.
# Functions take precedence over cmdlets of the same name; anything that is not a Windows path is
# passed on to the real cmdlet.
Set-StrictMode -Version Latest

$script:StatePath = $env:ACS_DOUBLE_STATE
if (-not $script:StatePath) { throw 'WindowsDouble: ACS_DOUBLE_STATE is not set' }
$script:ViewPath = ($script:StatePath -replace '\.json$', '') + '.view.json'
$script:View = $null
$script:ViewStamp = [datetime]::MinValue
$script:Keys = @{}

function Get-DoubleView {
    $stamp = [System.IO.File]::GetLastWriteTimeUtc($script:ViewPath)
    if ($null -eq $script:View -or $stamp -ne $script:ViewStamp) {
        $script:View = [System.IO.File]::ReadAllText($script:ViewPath) | ConvertFrom-Json -AsHashtable
        $script:ViewStamp = $stamp
        $script:Keys = @{}
        foreach ($key in $script:View.registry) { $script:Keys[$key.path.ToLowerInvariant()] = $key }
    }
    return $script:View
}

function Get-DoubleLockdownPolicy { return [string](Get-DoubleView).lockdownPolicy }

# Under an AppLocker/WDAC script policy (lockdown Enforce) Windows forces every runspace that a script
# creates into ConstrainedLanguage, even when the script itself is trusted and runs in FullLanguage.
# The double does the same to the runspaces of a pool (every runspace but the process's first).
# The process's first import is the script's own runspace; any other runspace is one the script
# created. (Opening a runspace applies its InitialSessionState's language mode after the module
# imports, so the switch happens on the first call into the double instead.)
if (-not $env:ACS_DOUBLE_MAIN_RUNSPACE) { $env:ACS_DOUBLE_MAIN_RUNSPACE = [string][runspace]::DefaultRunspace.Id }
function Enter-DoubleLockdown {
    if ($script:View.lockdownPolicy -eq 'Enforce' -and [string][runspace]::DefaultRunspace.Id -ne $env:ACS_DOUBLE_MAIN_RUNSPACE -and $ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage') {
        $ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'
    }
}

# A fault of the simulated machine for one section: 'hang' waits past any budget, 'access-denied' throws.
function Invoke-DoubleFault([string]$Section) {
    foreach ($fault in (Get-DoubleView).faults) {
        if ($fault.section -ne $Section) { continue }
        if ($fault.kind -eq 'hang') { Start-Sleep -Seconds 3600 }
        if ($fault.kind -eq 'access-denied') { throw (New-Object System.UnauthorizedAccessException($fault.message)) }
    }
}

# ---- paths --------------------------------------------------------------------------------------
function ConvertTo-RegistryKeyPath([string]$Path) {
    foreach ($prefix in @('Microsoft.PowerShell.Core\Registry::HKEY_LOCAL_MACHINE\', 'Registry::HKEY_LOCAL_MACHINE\', 'HKEY_LOCAL_MACHINE\', 'HKLM:\', 'HKLM:')) {
        if ($Path.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) { return $Path.Substring($prefix.Length).TrimEnd('\') }
    }
    return $null
}
function Test-WindowsFilePath([string]$Path) { return ($Path -match '^[A-Za-z]:\\' -or $Path.StartsWith('\\')) }
function Get-CertStoreName([string]$Path) {
    $m = [regex]::Match($Path, '^(Microsoft\.PowerShell\.Security\\Certificate::|Cert:\\?)LocalMachine\\([^\\]+)\\?$', 'IgnoreCase')
    if ($m.Success) { return $m.Groups[2].Value }
    return $null
}
# Cert:\LocalMachine\Root\<thumbprint> -> @{ Store = 'Root'; Thumbprint = '...' }
function Get-CertItemPath([string]$Path) {
    $m = [regex]::Match($Path, '^(Microsoft\.PowerShell\.Security\\Certificate::|Cert:\\?)LocalMachine\\([^\\]+)\\([0-9A-Fa-f]{40})$', 'IgnoreCase')
    if ($m.Success) { return @{ Store = $m.Groups[2].Value; Thumbprint = $m.Groups[3].Value.ToUpperInvariant() } }
    return $null
}
function Write-NotFound($Cmdlet, [string]$Shown, [string]$ErrorId) {
    $exception = New-Object System.Management.Automation.ItemNotFoundException("Cannot find path '$Shown' because it does not exist.")
    $Cmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord($exception, $ErrorId, [System.Management.Automation.ErrorCategory]::ObjectNotFound, $Shown)))
}

function New-RegistryKeyObject($Key) {
    $name = $Key.path.Split('\')[-1]
    $object = [pscustomobject]@{
        PSChildName = $name
        Name        = 'HKEY_LOCAL_MACHINE\' + $Key.path
        PSPath      = 'Microsoft.PowerShell.Core\Registry::HKEY_LOCAL_MACHINE\' + $Key.path
        Property    = @($Key.values.Keys)
        SubKeyCount = @(Get-RegistrySubKey $Key.path).Count
        ValueCount  = $Key.values.Count
    }
    $values = $Key.values
    $object | Add-Member -MemberType ScriptMethod -Name GetValue -Value { param($ValueName) $v = $values[$ValueName]; if ($null -eq $v) { return $null }; if ($v.type -eq 'MultiString') { return [string[]]@($v.value) }; return $v.value }.GetNewClosure()
    $object | Add-Member -MemberType ScriptMethod -Name GetValueNames -Value { return [string[]]@($values.Keys) }.GetNewClosure()
    return $object
}
function Get-RegistrySubKey([string]$KeyPath) {
    $prefix = $KeyPath.ToLowerInvariant() + '\'
    foreach ($entry in $script:Keys.GetEnumerator()) {
        if ($entry.Key.StartsWith($prefix) -and $entry.Key.Substring($prefix.Length).IndexOf('\') -lt 0) { $entry.Value }
    }
}
function New-RegistryValuesObject($Key) {
    $properties = [ordered]@{}
    foreach ($name in $Key.values.Keys) {
        $v = $Key.values[$name]
        if ($v.type -eq 'MultiString') { $properties[$name] = [string[]]@($v.value) }
        elseif ($v.type -eq 'DWord') { $properties[$name] = [int]$v.value }
        else { $properties[$name] = [string]$v.value }
    }
    $properties['PSPath'] = 'Microsoft.PowerShell.Core\Registry::HKEY_LOCAL_MACHINE\' + $Key.path
    $properties['PSChildName'] = $Key.path.Split('\')[-1]
    return [pscustomobject]$properties
}

function New-CertificateObject($Cert) {
    $object = [pscustomobject]@{
        Thumbprint   = [string]$Cert.Thumbprint
        Subject      = [string]$Cert.Subject
        Issuer       = [string]$Cert.Issuer
        NotBefore    = [datetime]::Parse($Cert.NotBefore, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]'AdjustToUniversal,AssumeUniversal')
        NotAfter     = [datetime]::Parse($Cert.NotAfter, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]'AdjustToUniversal,AssumeUniversal')
        SerialNumber = [string]$Cert.SerialNumber
    }
    $object.PSObject.TypeNames.Insert(0, 'System.Security.Cryptography.X509Certificates.X509Certificate2')
    return $object
}

# ---- registry, certificate and file providers ---------------------------------------------------
function Get-ItemProperty {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath, [Parameter(Position = 1)][string[]]$Name)
    $targets = if ($PSBoundParameters.ContainsKey('LiteralPath')) { $LiteralPath } else { $Path }
    foreach ($target in $targets) {
        $keyPath = ConvertTo-RegistryKeyPath $target
        if ($null -eq $keyPath) { Microsoft.PowerShell.Management\Get-ItemProperty @PSBoundParameters; return }
        [void](Get-DoubleView)
        $key = $script:Keys[$keyPath.ToLowerInvariant()]
        if ($null -eq $key) { Write-NotFound $PSCmdlet ('HKLM:\' + $keyPath) 'PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand'; continue }
        New-RegistryValuesObject $key
    }
}

function Get-Item {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath, [switch]$Force)
    $targets = if ($PSBoundParameters.ContainsKey('LiteralPath')) { $LiteralPath } else { $Path }
    foreach ($target in $targets) {
        $keyPath = ConvertTo-RegistryKeyPath $target
        if ($null -eq $keyPath) { Microsoft.PowerShell.Management\Get-Item @PSBoundParameters; return }
        [void](Get-DoubleView)
        $key = $script:Keys[$keyPath.ToLowerInvariant()]
        if ($null -eq $key) { Write-NotFound $PSCmdlet ('HKLM:\' + $keyPath) 'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand'; continue }
        New-RegistryKeyObject $key
    }
}

function Get-ChildItem {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath, [string]$Filter, [switch]$Recurse, [switch]$File, [switch]$Directory, [switch]$Force, [string[]]$Include, [string[]]$Exclude, [switch]$Name)
    $targets = if ($PSBoundParameters.ContainsKey('LiteralPath')) { $LiteralPath } elseif ($PSBoundParameters.ContainsKey('Path')) { $Path } else { @('.') }
    foreach ($target in $targets) {
        $keyPath = ConvertTo-RegistryKeyPath $target
        $store = Get-CertStoreName $target
        if ($null -ne $keyPath) {
            [void](Get-DoubleView)
            if (-not $script:Keys.ContainsKey($keyPath.ToLowerInvariant())) { Write-NotFound $PSCmdlet ('HKLM:\' + $keyPath) 'PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand'; continue }
            foreach ($sub in @(Get-RegistrySubKey $keyPath | Sort-Object { $_.path })) {
                if ($Name) { $sub.path.Split('\')[-1] } else { New-RegistryKeyObject $sub }
            }
        } elseif ($null -ne $store) {
            Invoke-DoubleFault 'certificates'
            $stores = (Get-DoubleView).certificateStores
            if (-not $stores.ContainsKey($store)) { Write-NotFound $PSCmdlet $target 'PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand'; continue }
            foreach ($cert in $stores[$store]) { New-CertificateObject $cert }
        } else {
            Microsoft.PowerShell.Management\Get-ChildItem @PSBoundParameters
            return
        }
    }
}

function Find-DoubleFile([string]$Path) {
    foreach ($file in (Get-DoubleView).files) { if ([string]::Equals($file.path, $Path, [System.StringComparison]::OrdinalIgnoreCase)) { return $file } }
    # A real file standing in for a Windows path (ACS_DOUBLE_DRIVES): the package whose content it
    # holds, by SHA-256 (a copy of a package is the same package; a swapped file is another one).
    $local = ConvertTo-DoubleLocalPath $Path
    if ($null -ne $local -and [System.IO.File]::Exists($local)) {
        $sha = [System.Security.Cryptography.SHA256]::Create()
        $hash = [System.BitConverter]::ToString($sha.ComputeHash([System.IO.File]::ReadAllBytes($local))).Replace('-', '')
        foreach ($file in (Get-DoubleView).files) { if ($file.Contains('sha256') -and $file.sha256 -eq $hash) { return $file } }
    }
    return $null
}

# ---- helper support: Windows drives, ACLs, the elevated start (issue 11) ------------------------
# A Windows drive path as a real path under ACS_DOUBLE_DRIVES (E:\Updates\x.msu -> DRIVES/E/Updates/x.msu);
# $null for anything else. The shipped helper does the same mapping inside its guarded seam.
function ConvertTo-DoubleLocalPath([string]$Path) {
    if (-not $env:ACS_DOUBLE_DRIVES) { return $null }
    $m = [regex]::Match($Path, '^([A-Za-z]):\\(.*)$')
    if (-not $m.Success) { return $null }
    return [System.IO.Path]::Combine($env:ACS_DOUBLE_DRIVES, $m.Groups[1].Value.ToUpper(), $m.Groups[2].Value.Replace('\', '/'))
}

# ACLs of real paths, from the JSON file named by ACS_DOUBLE_ACLS ({ path: { owner, access[] } }, written
# by the tests and by the fake icacls). A path without an entry of its own takes its nearest listed
# folder's; a path with none at all is a folder a standard user made (owner: the user, full control).
$script:UserSid = 'S-1-5-21-1004336348-1177238915-682003330-1001'
function Get-DoubleAclEntry([string]$LocalPath) {
    $table = @{}
    if ($env:ACS_DOUBLE_ACLS -and [System.IO.File]::Exists($env:ACS_DOUBLE_ACLS)) { $table = [System.IO.File]::ReadAllText($env:ACS_DOUBLE_ACLS) | ConvertFrom-Json -AsHashtable }
    $path = [System.IO.Path]::GetFullPath($LocalPath).TrimEnd('/')
    while ($path) {
        if ($table.ContainsKey($path)) { return $table[$path] }
        $parent = [System.IO.Path]::GetDirectoryName($path)
        if ($parent -eq $path) { break }
        $path = $parent
    }
    return @{ owner = $script:UserSid; access = @(@{ sid = $script:UserSid; rights = 2032127; type = 'Allow'; propagation = 0 }) }
}
function Get-Acl {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath)
    $targets = if ($PSBoundParameters.ContainsKey('LiteralPath')) { $LiteralPath } else { $Path }
    foreach ($target in $targets) {
        $local = ConvertTo-DoubleLocalPath $target
        if ($null -eq $local) { $local = $target }
        if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath $local)) { Write-NotFound $PSCmdlet $target 'GetAcl_PathNotFound_Exception,Microsoft.PowerShell.Commands.GetAclCommand'; continue }
        $entry = Get-DoubleAclEntry $local
        $acl = [pscustomobject]@{ Path = $target; Owner = $entry.owner }
        $acl | Add-Member -MemberType ScriptMethod -Name GetOwner -Value { param($Type) [pscustomobject]@{ Value = $entry.owner } }.GetNewClosure()
        $acl | Add-Member -MemberType ScriptMethod -Name GetAccessRules -Value {
            param($Explicit, $Inherited, $Type)
            foreach ($ace in @($entry.access)) {
                [pscustomobject]@{ IdentityReference = [pscustomobject]@{ Value = $ace.sid }; FileSystemRights = [int]$ace.rights; AccessControlType = $ace.type; PropagationFlags = [int]$ace.propagation; InheritanceFlags = 3 }
            }
        }.GetNewClosure()
        $acl
    }
}

# The Windows exit code of the fake tool that just ended: Linux keeps only the low 8 bits of an exit
# code, so 3010 or an HRESULT would arrive cut; fake-tool.ts leaves the full code beside the state.
function Get-DoubleExitCode([int]$Code) {
    $path = $env:ACS_DOUBLE_STATE + '.exit'
    if (-not [System.IO.File]::Exists($path)) { return $Code }
    $full = [int][System.IO.File]::ReadAllText($path)
    [System.IO.File]::Delete($path)
    if (($full -band 0xFF) -eq ($Code -band 0xFF)) { return $full }
    return $Code
}

# [Diagnostics.Process]::Start(ProcessStartInfo) with Verb 'runas' and UseShellExecute, as Windows
# answers it: a declined prompt (or an account without administrator rights) throws what PowerShell
# shows for a .NET call, a MethodInvocationException whose inner exception is Win32Exception 1223;
# accepted, the program runs elevated (powershell.exe is this pwsh, on the same double).
# The launcher reaches it only through its guarded seam (a .NET static call cannot be shadowed).
function Start-DoubleShellExecute($StartInfo) {
    $view = Get-DoubleView
    $elevated = [bool]$view.user.elevated
    if ($StartInfo.Verb -eq 'runas') {
        if ($view.user.uacAnswer -eq 'decline' -or -not $view.user.isAdmin) {
            $inner = New-Object System.ComponentModel.Win32Exception(1223, 'The operation was canceled by the user.')
            throw (New-Object System.Management.Automation.MethodInvocationException('Exception calling "Start" with "1" argument(s): "The operation was canceled by the user."', $inner))
        }
        $elevated = $true
    }
    $program = Resolve-DoubleProgram $StartInfo.FileName
    # pwsh installed as a dotnet tool runs inside the dotnet host: the process path is dotnet itself.
    if ($env:ACS_DOUBLE_PWSH -and $StartInfo.FileName -match '(^|[\\/])(powershell|pwsh)(\.exe)?$') { $program = @{ File = $env:ACS_DOUBLE_PWSH; Prefix = @() } }
    $info = Microsoft.PowerShell.Utility\New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = $program.File
    foreach ($part in (Split-WindowsCommandLine $StartInfo.Arguments)) { $info.ArgumentList.Add($part) }
    $info.UseShellExecute = $false
    if ($elevated) { $info.Environment['ACS_DOUBLE_ELEVATED'] = '1' }
    return [System.Diagnostics.Process]::Start($info)
}

function Test-Path {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath, [ValidateSet('Any', 'Container', 'Leaf')][string]$PathType = 'Any', [switch]$IsValid)
    $targets = if ($PSBoundParameters.ContainsKey('LiteralPath')) { $LiteralPath } else { $Path }
    foreach ($target in $targets) {
        $keyPath = ConvertTo-RegistryKeyPath $target
        if ($null -ne $keyPath) {
            [void](Get-DoubleView)
            $exists = $script:Keys.ContainsKey($keyPath.ToLowerInvariant())
            $exists -and $PathType -ne 'Leaf'
        } elseif ($null -ne (Get-CertStoreName $target)) {
            (Get-DoubleView).certificateStores.ContainsKey((Get-CertStoreName $target)) -and $PathType -ne 'Leaf'
        } elseif ($null -ne (Get-CertItemPath $target)) {
            $item = Get-CertItemPath $target
            $stores = (Get-DoubleView).certificateStores
            $stores.ContainsKey($item.Store) -and @($stores[$item.Store] | Where-Object { $_.Thumbprint -eq $item.Thumbprint }).Count -gt 0 -and $PathType -ne 'Container'
        } elseif (Test-WindowsFilePath $target) {
            $file = Find-DoubleFile $target
            if ($null -ne $file) { $PathType -ne 'Container' }
            else {
                $prefix = $target.TrimEnd('\') + '\'
                $folder = @((Get-DoubleView).files | Where-Object { $_.path.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase) }).Count -gt 0
                $folder -and $PathType -ne 'Leaf'
            }
        } else {
            Microsoft.PowerShell.Management\Test-Path @PSBoundParameters
            return
        }
    }
}

# ---- WMI / CIM ----------------------------------------------------------------------------------
function Get-DoubleWmi([string]$Class) {
    if ($Class -eq 'Win32_QuickFixEngineering') { Invoke-DoubleFault 'hotfixes' }
    if ($Class -eq 'Win32_Service') { Invoke-DoubleFault 'services' }
    $wmi = (Get-DoubleView).wmi
    if (-not $wmi.ContainsKey($Class)) {
        throw (New-Object System.Management.Automation.RuntimeException("Invalid class `"$Class`""))
    }
    foreach ($instance in $wmi[$Class]) {
        $object = [pscustomobject]$instance
        $object.PSObject.TypeNames.Insert(0, 'Microsoft.Management.Infrastructure.CimInstance#root/cimv2/' + $Class)
        $object
    }
}
function Get-CimInstance {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$ClassName, [string]$Namespace, [string]$Filter, [string[]]$Property)
    Get-DoubleWmi $ClassName
}
function Get-HotFix {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Id)
    foreach ($fix in @(Get-DoubleWmi 'Win32_QuickFixEngineering')) {
        if ($Id -and $Id -notcontains $fix.HotFixID) { continue }
        $fix
    }
}
function Get-WmiObject {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$Class, [string]$Namespace, [string]$Filter, [string[]]$Property)
    Get-DoubleWmi $Class
}

# ---- event logs ---------------------------------------------------------------------------------
function Get-WinEvent {
    [CmdletBinding()]
    param([hashtable[]]$FilterHashtable, [long]$MaxEvents = [long]::MaxValue, [string[]]$ListLog, [switch]$Oldest)
    Invoke-DoubleFault 'events'
    $view = Get-DoubleView
    foreach ($filter in $FilterHashtable) {
        $logs = @($filter['LogName'])
        $missing = @($logs | Where-Object { $view.eventLogs -notcontains $_ })
        if ($missing.Count -gt 0) {
            $exception = New-Object System.Exception("There is not an event log on the localhost computer that matches `"$($missing[0])`".")
            $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord($exception, 'NoMatchingLogsFound,Microsoft.PowerShell.Commands.GetWinEventCommand', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $missing[0])))
            continue
        }
        $ids = @($filter['Id'] | ForEach-Object { [int]$_ })
        $providers = @($filter['ProviderName'] | Where-Object { $_ })
        $since = $null
        if ($filter.ContainsKey('StartTime')) { $since = ([datetime]$filter['StartTime']).ToUniversalTime() }
        $records = New-Object System.Collections.Generic.List[object]
        foreach ($event in $view.events) {
            if ($logs -notcontains $event.LogName) { continue }
            if ($ids.Count -gt 0 -and $ids -notcontains [int]$event.Id) { continue }
            if ($providers.Count -gt 0 -and $providers -notcontains $event.ProviderName) { continue }
            $time = [datetime]::Parse($event.TimeCreated, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]'AdjustToUniversal,AssumeUniversal')
            if ($null -ne $since -and $time -lt $since) { continue }
            $records.Add(@{ event = $event; time = $time })
        }
        $sorted = @($records | Sort-Object -Property @{ Expression = { $_.time }; Descending = (-not $Oldest) })
        if ($sorted.Count -eq 0) {
            $exception = New-Object System.Exception('No events were found that match the specified selection criteria.')
            $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord($exception, 'NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $null)))
            continue
        }
        $sorted | Select-Object -First $MaxEvents | ForEach-Object { New-EventRecord $_.event $_.time }
    }
}
function New-EventRecord($Event, [datetime]$Time) {
    $data = @($Event.Data)
    $message = $Event.Message
    $activity = $null
    if ($Event.ContainsKey('ActivityId') -and $Event.ActivityId) { $activity = [guid]$Event.ActivityId }
    $record = [pscustomobject]@{ LogName = $Event.LogName; ProviderName = $Event.ProviderName; Id = [int]$Event.Id; TimeCreated = $Time; LevelDisplayName = $Event.Level; Message = $message; ActivityId = $activity }
    $record | Add-Member -MemberType ScriptMethod -Name ToXml -Value {
        $doc = New-Object System.Xml.XmlDocument
        $root = $doc.CreateElement('Event', 'http://schemas.microsoft.com/win/2004/08/events/event')
        [void]$doc.AppendChild($root)
        $system = $doc.CreateElement('System', $root.NamespaceURI); [void]$root.AppendChild($system)
        $eventId = $doc.CreateElement('EventID', $root.NamespaceURI); $eventId.InnerText = [string]$this.Id; [void]$system.AppendChild($eventId)
        $eventData = $doc.CreateElement('EventData', $root.NamespaceURI); [void]$root.AppendChild($eventData)
        $index = 0
        foreach ($value in $data) {
            $index++
            $node = $doc.CreateElement('Data', $root.NamespaceURI); $node.SetAttribute('Name', 'param' + $index); $node.InnerText = [string]$value
            [void]$eventData.AppendChild($node)
        }
        return $doc.OuterXml
    }.GetNewClosure()
    $record.PSObject.TypeNames.Insert(0, 'System.Diagnostics.Eventing.Reader.EventLogRecord')
    return $record
}

# ---- Authenticode and certificate chains --------------------------------------------------------
function Get-AuthenticodeSignature {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$FilePath, [string[]]$LiteralPath)
    Invoke-DoubleFault 'signatures'
    $targets = if ($PSBoundParameters.ContainsKey('LiteralPath')) { $LiteralPath } else { $FilePath }
    foreach ($target in $targets) {
        $file = Find-DoubleFile $target
        if ($null -eq $file) { Write-NotFound $PSCmdlet $target 'FileNotFound,Microsoft.PowerShell.Commands.GetAuthenticodeSignatureCommand'; continue }
        # A file another process holds open without sharing (a scanner, an installer): the read fails.
        if ($file.ContainsKey('locked') -and $file.locked) { throw (New-Object System.IO.IOException("The process cannot access the file '$target' because it is being used by another process.")) }
        $signer = $null
        if ($file.signature.SignerSubject) {
            $chain = @($file.signature.chain)
            $signer = New-CertificateObject $chain[0]
            $signer | Add-Member -MemberType NoteProperty -Name DoubleFile -Value $file.path
        }
        [pscustomobject]@{ Path = $target; Status = [string]$file.signature.Status; StatusMessage = [string]$file.signature.StatusMessage; SignerCertificate = $signer; SignatureType = 'Authenticode'; TimeStamperCertificate = $null }
    }
}

function New-DoubleCertificateCollection {
    $collection = [pscustomobject]@{ Items = (New-Object System.Collections.Generic.List[object]) }
    $collection | Add-Member -MemberType ScriptMethod -Name Import -Value { param($Path) $file = Find-DoubleFile ([string]$Path); if ($null -eq $file) { throw (New-Object System.Security.Cryptography.CryptographicException('Cannot find the requested object.')) }; foreach ($c in @($file.signature.chain)) { $this.Items.Add((New-CertificateObject $c)) } }
    $collection | Add-Member -MemberType ScriptMethod -Name AddRange -Value { param($Other) $source = $Other.PSObject.Properties['Items'].Value; for ($i = 0; $i -lt $source.Count; $i++) { [void]$this.Items.Add($source[$i]) } }
    $collection | Add-Member -MemberType ScriptProperty -Name Count -Value { $this.Items.Count }
    return $collection
}
function New-DoubleChain {
    $policy = [pscustomobject]@{ RevocationMode = 'Online'; RevocationFlag = 'ExcludeRoot'; VerificationFlags = 'NoFlag'; UrlRetrievalTimeout = [timespan]::Zero; DisableCertificateDownloads = $false; ExtraStore = (New-DoubleCertificateCollection) }
    $chain = [pscustomobject]@{ ChainPolicy = $policy; ChainElements = @(); ChainStatus = @() }
    $chain | Add-Member -MemberType ScriptMethod -Name Build -Value {
        param($Certificate)
        $path = $null
        if ($Certificate.PSObject.Properties['DoubleFile']) { $path = $Certificate.DoubleFile }
        $file = if ($path) { Find-DoubleFile $path } else { $null }
        if ($null -eq $file) { $this.ChainElements = @([pscustomobject]@{ Certificate = $Certificate }); return $false }
        $this.ChainElements = @(@($file.signature.chain) | ForEach-Object { [pscustomobject]@{ Certificate = (New-CertificateObject $_) } })
        return ($file.signature.Status -eq 'Valid')
    }
    $chain | Add-Member -MemberType ScriptMethod -Name Dispose -Value { }
    return $chain
}

# X509Store on LocalMachine: reads come from the view; Add/Remove change the machine (through the
# fake tool, like every change), and opening it for writing needs administrator rights.
function New-DoubleStore([object[]]$Arguments) {
    $name = [string]$Arguments[0]
    $location = if ($Arguments.Count -gt 1) { [string]$Arguments[1] } else { 'CurrentUser' }
    $store = [pscustomobject]@{ Name = $name; Location = $location; Writable = $false }
    $store | Add-Member -MemberType ScriptMethod -Name Open -Value {
        param($Flags)
        $view = Get-DoubleView
        if ([string]$Flags -match 'ReadWrite|MaxAllowed' -and $this.Location -eq 'LocalMachine' -and -not ($view.user.elevated -or $env:ACS_DOUBLE_ELEVATED -eq '1')) {
            throw (New-Object System.Security.Cryptography.CryptographicException('Access is denied.'))
        }
        $this.Writable = ([string]$Flags -match 'ReadWrite|MaxAllowed')
    }
    $store | Add-Member -MemberType ScriptMethod -Name Add -Value {
        param($Certificate)
        if (-not $this.Writable) { throw (New-Object System.Security.Cryptography.CryptographicException('The store was not opened for writing.')) }
        $der = [Convert]::ToBase64String($Certificate.RawData)
        $output = & (Join-Path $env:ACS_DOUBLE_SYSTEM32 'x509store.exe') 'add' $this.Name $der 2>&1
        if ($LASTEXITCODE -ne 0) { throw (New-Object System.Security.Cryptography.CryptographicException([string]$output)) }
    }
    $store | Add-Member -MemberType ScriptMethod -Name Remove -Value {
        param($Certificate)
        if (-not $this.Writable) { throw (New-Object System.Security.Cryptography.CryptographicException('The store was not opened for writing.')) }
        $output = & (Join-Path $env:ACS_DOUBLE_SYSTEM32 'x509store.exe') 'remove' $this.Name ([string]$Certificate.Thumbprint) 2>&1
        if ($LASTEXITCODE -ne 0) { throw (New-Object System.Security.Cryptography.CryptographicException([string]$output)) }
    }
    $store | Add-Member -MemberType ScriptMethod -Name Close -Value { $this.Writable = $false }
    $store | Add-Member -MemberType ScriptMethod -Name Dispose -Value { $this.Writable = $false }
    $store | Add-Member -MemberType ScriptProperty -Name Certificates -Value { $stores = (Get-DoubleView).certificateStores; if ($stores.ContainsKey($this.Name)) { @($stores[$this.Name] | ForEach-Object { New-CertificateObject $_ }) } else { @() } }
    return $store
}

function New-Object {
    [CmdletBinding(DefaultParameterSetName = 'Net')]
    param([Parameter(ParameterSetName = 'Net', Mandatory = $true, Position = 0)][string]$TypeName, [Parameter(ParameterSetName = 'Net', Position = 1)][object[]]$ArgumentList, [Parameter(ParameterSetName = 'Com', Mandatory = $true)][string]$ComObject, [switch]$Strict, [System.Collections.IDictionary]$Property)
    [void](Get-DoubleView)
    Enter-DoubleLockdown
    if ($PSCmdlet.ParameterSetName -eq 'Net') {
        $short = $TypeName -replace '^System\.Security\.Cryptography\.X509Certificates\.', ''
        if ($short -eq 'X509Chain') { return (New-DoubleChain) }
        if ($short -eq 'X509Store') { return (New-DoubleStore @($ArgumentList)) }
        if ($short -eq 'X509Certificate2Collection' -and -not $ArgumentList) { return (New-DoubleCertificateCollection) }
    }
    # One object, never enumerated (a new, empty List would otherwise vanish in the pipeline).
    $created = Microsoft.PowerShell.Utility\New-Object @PSBoundParameters
    $PSCmdlet.WriteObject($created, $false)
}

# ---- services and processes ---------------------------------------------------------------------
function Get-Service {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Name)
    $all = @((Get-DoubleView).wmi.Win32_Service)
    $wanted = if ($Name) { $Name } else { @($all | ForEach-Object { $_.Name }) }
    foreach ($n in $wanted) {
        $svc = $all | Where-Object { $_.Name -eq $n } | Select-Object -First 1
        if ($null -eq $svc) {
            $exception = New-Object System.Exception("Cannot find any service with service name '$n'.")
            $PSCmdlet.WriteError((New-Object System.Management.Automation.ErrorRecord($exception, 'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $n)))
            continue
        }
        [pscustomobject]@{ Name = $svc.Name; ServiceName = $svc.Name; DisplayName = $svc.DisplayName; Status = ($svc.State -replace ' ', ''); StartType = $svc.StartMode }
    }
}

# Start-Process as Windows PowerShell does it for the scripts: -Verb RunAs meets the simulated user's
# answer to the UAC prompt (declined: InvalidOperationException, no inner exception); a program in the
# double's System32 (or powershell.exe) runs as a real child process.
function Start-Process {
    [CmdletBinding()]
    param([Parameter(Position = 0, Mandatory = $true)][string]$FilePath, [Parameter(Position = 1)][string[]]$ArgumentList, [string]$Verb, [switch]$Wait, [switch]$PassThru, [string]$WindowStyle, [switch]$NoNewWindow, [string]$WorkingDirectory)
    $view = Get-DoubleView
    $elevated = [bool]$view.user.elevated
    if ($Verb -eq 'RunAs') {
        if ($view.user.uacAnswer -eq 'decline' -or -not $view.user.isAdmin) {
            throw (New-Object System.InvalidOperationException('This command cannot be run due to the error: The operation was canceled by the user.'))
        }
        $elevated = $true
    }
    $program = Resolve-DoubleProgram $FilePath
    $info = Microsoft.PowerShell.Utility\New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = $program.File
    foreach ($a in @($program.Prefix)) { $info.ArgumentList.Add($a) }
    foreach ($a in @($ArgumentList)) { if ($null -ne $a) { foreach ($part in (Split-WindowsCommandLine $a)) { $info.ArgumentList.Add($part) } } }
    $info.UseShellExecute = $false
    if ($elevated) { $info.Environment['ACS_DOUBLE_ELEVATED'] = '1' }
    $process = [System.Diagnostics.Process]::Start($info)
    if ($Wait) { $process.WaitForExit() }
    if ($PassThru) { return $process }
}

# The program a Windows path names on the double: powershell.exe is pwsh (with the double), a tool of
# System32 is its shim.
function Resolve-DoubleProgram([string]$FilePath) {
    $leaf = ($FilePath -split '[\\/]')[-1]
    if ($leaf -match '^(powershell|pwsh)(\.exe)?$') { return @{ File = (Get-Process -Id $PID).Path; Prefix = @() } }
    $shim = Join-Path $env:ACS_DOUBLE_SYSTEM32 $leaf
    if (Microsoft.PowerShell.Management\Test-Path -LiteralPath $shim) { return @{ File = $shim; Prefix = @() } }
    return @{ File = $FilePath; Prefix = @() }
}

# Windows' command-line splitting (CommandLineToArgvW rules for quotes), for Start-Process -ArgumentList.
function Split-WindowsCommandLine([string]$Text) {
    $parts = New-Object System.Collections.Generic.List[string]
    $current = New-Object System.Text.StringBuilder
    $inQuotes = $false; $any = $false
    for ($i = 0; $i -lt $Text.Length; $i++) {
        $c = $Text[$i]
        if ($c -eq '"') { $inQuotes = -not $inQuotes; $any = $true; continue }
        if (-not $inQuotes -and [char]::IsWhiteSpace($c)) {
            if ($any) { $parts.Add($current.ToString()); [void]$current.Clear(); $any = $false }
            continue
        }
        [void]$current.Append($c); $any = $true
    }
    if ($any) { $parts.Add($current.ToString()) }
    return , $parts.ToArray()
}

Export-ModuleMember -Function Get-ItemProperty, Get-Item, Get-ChildItem, Test-Path, Get-CimInstance, Get-WmiObject, Get-HotFix, Get-WinEvent, Get-AuthenticodeSignature, New-Object, Get-Service, Start-Process, Get-DoubleLockdownPolicy, Get-DoubleView, Get-Acl, Start-DoubleShellExecute, Get-DoubleExitCode
