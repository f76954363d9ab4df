# The Windows double itself: it must answer as Windows does, or the scripts' tests prove nothing.
# Each machine comes from a simulated profile (test/windows-double/profiles), laid out by
# dist/double/tools/materialize.js (npm run build) into a temporary folder.
BeforeAll {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    $materialize = Join-Path $repo 'dist/double/tools/materialize.js'
    if (-not (Test-Path -LiteralPath $materialize)) { throw 'The Windows double is not built: run npm run build' }
    function New-DoubleMachine([string]$Profile) {
        $dir = Join-Path ([System.IO.Path]::GetTempPath()) ('acs-pester-' + [guid]::NewGuid().ToString('N'))
        $state = (& node $materialize $Profile $dir | Select-Object -Last 1)
        $env:ACS_DOUBLE_STATE = $state
        $env:ACS_DOUBLE_SYSTEM32 = Join-Path $dir 'System32'
        $env:ACS_WINDOWS_DOUBLE = Join-Path $repo 'test/windows-double/pwsh/WindowsDouble.psm1'
        Remove-Item Env:\ACS_DOUBLE_MAIN_RUNSPACE -ErrorAction SilentlyContinue
        Import-Module $env:ACS_WINDOWS_DOUBLE -Force -DisableNameChecking
        return $dir
    }
    # Changes how the simulated person and account behave (as the view the double answers from).
    function Set-DoubleUser([hashtable]$Changes) {
        $viewPath = $env:ACS_DOUBLE_STATE -replace '\.json$', '.view.json'
        $view = Get-Content -LiteralPath $viewPath -Raw | ConvertFrom-Json -AsHashtable
        foreach ($key in $Changes.Keys) { $view.user[$key] = $Changes[$key] }
        [System.IO.File]::WriteAllText($viewPath, ($view | ConvertTo-Json -Depth 20 -Compress))
    }
}

AfterAll {
    Remove-Module WindowsDouble -ErrorAction SilentlyContinue
}

Describe 'Registry provider (HKLM:\)' {
    BeforeAll { $script:dir = New-DoubleMachine 'win7-sp1-no-esu-rollup' }
    AfterAll { Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'reads CurrentVersion values, and a Windows 7 has no UBR value' {
        $cv = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
        $cv.CurrentBuildNumber | Should -Be '7601'
        $cv.PSObject.Properties['UBR'] | Should -BeNullOrEmpty
    }
    It 'a missing key is ItemNotFound, non-terminating, and silent with SilentlyContinue' {
        $result = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\NoSuchKey' -ErrorAction SilentlyContinue -ErrorVariable problem
        $result | Should -BeNullOrEmpty
        $problem[0].Exception | Should -BeOfType System.Management.Automation.ItemNotFoundException
        $problem[0].Exception.Message | Should -Be "Cannot find path 'HKLM:\SOFTWARE\NoSuchKey' because it does not exist."
    }
    It 'Test-Path tells keys from values' {
        Test-Path -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services' | Should -BeTrue
        Test-Path -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services' -PathType Leaf | Should -BeFalse
        Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending' | Should -BeFalse
    }
    It 'Get-ChildItem lists subkeys with PSChildName and GetValue, and -Name gives the names' {
        $services = @(Get-ChildItem -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services')
        $services.Count | Should -BeGreaterThan 0
        $names = @(Get-ChildItem -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services' -Name)
        $names | Should -Contain $services[0].PSChildName
        $services[0].GetValue('ImagePath') | Should -Not -BeNullOrEmpty
    }
    It 'paths that are not Windows ones go to the real provider' {
        Test-Path -LiteralPath $PSScriptRoot | Should -BeTrue
    }
}

Describe 'Event logs (Get-WinEvent -FilterHashtable)' {
    BeforeAll { $script:dir = New-DoubleMachine 'win10-21h2-offline-unpatched' }
    AfterAll { Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'returns the newest records first, with ToXml() holding the insertion strings' {
        $events = @(Get-WinEvent -FilterHashtable @{ LogName = 'System'; ProviderName = 'Service Control Manager'; Id = 7000 } -MaxEvents 2)
        $events.Count | Should -Be 2
        $events[0].TimeCreated | Should -BeGreaterOrEqual $events[1].TimeCreated
        ([xml]$events[0].ToXml()).Event.EventData.Data[1].'#text' | Should -Be '%%577'
    }
    It 'no match: the real error, FullyQualifiedErrorId NoMatchingEventsFound' {
        { Get-WinEvent -FilterHashtable @{ LogName = 'System'; Id = 1 } -ErrorAction Stop } | Should -Throw -ErrorId 'NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand*'
        { Get-WinEvent -FilterHashtable @{ LogName = 'System'; Id = 1 } -ErrorAction Stop } | Should -Throw 'No events were found that match the specified selection criteria.'
    }
    It 'an unknown log: NoMatchingLogsFound' {
        { Get-WinEvent -FilterHashtable @{ LogName = 'Nope'; Id = 1 } -ErrorAction Stop } | Should -Throw -ErrorId 'NoMatchingLogsFound*'
    }
}

Describe 'Certificates, Authenticode and WMI' {
    BeforeAll { $script:dir = New-DoubleMachine 'server2019-airgapped-missing-root' }
    AfterAll { Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'the Cert: drive lists the LocalMachine stores, and a thumbprint path is a leaf' {
        $roots = @(Get-ChildItem -LiteralPath 'Cert:\LocalMachine\Root')
        $roots.Count | Should -BeGreaterThan 0
        Test-Path -LiteralPath ('Cert:\LocalMachine\Root\' + $roots[0].Thumbprint) | Should -BeTrue
        Test-Path -LiteralPath 'Cert:\LocalMachine\Root\F40042E2E5F7E8EF8189FED15519AECE42C3BFA2' | Should -BeFalse
    }
    It 'an ACS-signed agent binary is NotTrusted while the root is missing' {
        $service = @(Get-CimInstance -ClassName Win32_Service | Where-Object { $_.PathName -match 'Trend Micro' })[0]
        $path = ($service.PathName -replace '^"([^"]+)".*$', '$1')
        $signature = Get-AuthenticodeSignature -LiteralPath $path
        $signature.Status | Should -Be 'NotTrusted'
        $signature.SignerCertificate.Subject | Should -Match 'Trend Micro'
    }
    It 'a file the machine does not have: not found' {
        { Get-AuthenticodeSignature -LiteralPath 'C:\nowhere.exe' -ErrorAction Stop } | Should -Throw -ErrorId 'FileNotFound*'
    }
    It 'X509Store Add on LocalMachine needs administrator rights' {
        Set-DoubleUser @{ elevated = $false }
        $store = New-Object System.Security.Cryptography.X509Certificates.X509Store -ArgumentList 'Root', 'LocalMachine'
        { $store.Open([System.Security.Cryptography.X509Certificates.OpenFlags]::ReadWrite) } | Should -Throw '*Access is denied*'
    }
}

Describe 'Start-Process -Verb RunAs as Windows PowerShell reports a declined prompt' {
    BeforeAll {
        $script:dir = New-DoubleMachine 'healthy-win11'
        # The person says No to the UAC prompt.
        Set-DoubleUser @{ uacAnswer = 'decline' }
    }
    AfterAll { Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'throws InvalidOperationException with no inner exception (the Win32 1223 is lost: why the launcher uses Process.Start)' {
        $caught = $null
        try { Start-Process -FilePath 'C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe' -Verb RunAs -Wait } catch { $caught = $_.Exception }
        $caught | Should -BeOfType System.InvalidOperationException
        $caught.InnerException | Should -BeNullOrEmpty
        $caught.Message | Should -Match 'canceled by the user'
    }
}
