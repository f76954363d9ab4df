# The compatibility gate: every shipped .ps1 parses and uses nothing newer than the PowerShell version
# it must run on (its #Requires; the elevated helper and everything meant for Windows 7 / Server 2008 R2:
# 2.0). The planted samples show that each rule of the gate really fires.
BeforeAll {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
    Import-Module (Join-Path $PSScriptRoot 'compat/PsCompatibility.psm1') -Force
    . (Join-Path $PSScriptRoot 'support/ShippedScripts.ps1')
}

Describe 'Shipped scripts pass the compatibility gate' {
    BeforeDiscovery {
        . (Join-Path $PSScriptRoot 'support/ShippedScripts.ps1')
        $scripts = @(Get-ShippedScript -Repo (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath)
    }
    It '<Relative> needs nothing above PowerShell <Minimum>' -ForEach $scripts {
        $findings = @(Get-PsCompatibilityFinding -Path $Path -MinimumVersion $Minimum)
        ($findings | ForEach-Object { "line $($_.Line): $($_.Construct) (PowerShell $($_.RequiresVersion)): $($_.Text)" }) -join "`n" | Should -BeNullOrEmpty
    }
    It '<Relative> declares the minimum it is checked against' -ForEach $scripts {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        $declared = if ($ast.ScriptRequirements -and $ast.ScriptRequirements.RequiredPSVersion) { [double]$ast.ScriptRequirements.RequiredPSVersion.Major } else { 2 }
        $declared | Should -Be $Minimum
    }
}

Describe 'The gate finds each construct above the declared version' {
    It 'flags <Construct> (PowerShell <Version>) at minimum <Minimum>' -ForEach @(
        @{ Code = '$h = [ordered]@{ a = 1 }'; Construct = '[ordered]'; Version = 3; Minimum = 2 }
        @{ Code = '$o = [pscustomobject]@{ a = 1 }'; Construct = '[pscustomobject] cast'; Version = 3; Minimum = 2 }
        @{ Code = 'if (1 -in @(1,2)) { }'; Construct = '-in'; Version = 3; Minimum = 2 }
        @{ Code = 'if (3 -notin @(1,2)) { }'; Construct = '-notin'; Version = 3; Minimum = 2 }
        @{ Code = '1..3 | ForEach-Object { $PSItem }'; Construct = '$PSItem'; Version = 3; Minimum = 2 }
        @{ Code = '$x = "{}" | ConvertFrom-Json'; Construct = 'ConvertFrom-Json without a fallback'; Version = 3; Minimum = 2 }
        @{ Code = '$x = @{} | ConvertTo-Json'; Construct = 'ConvertTo-Json without a fallback'; Version = 3; Minimum = 2 }
        @{ Code = 'Get-CimInstance -ClassName Win32_Service'; Construct = 'Get-CimInstance without a fallback'; Version = 3; Minimum = 2 }
        @{ Code = '$a = @(1,2).ForEach({ $_ })'; Construct = '.ForEach()'; Version = 4; Minimum = 3 }
        @{ Code = '$a = @(1,2).Where({ $_ })'; Construct = '.Where()'; Version = 4; Minimum = 3 }
        @{ Code = '$l = [System.Collections.ArrayList]::new()'; Construct = '::new()'; Version = 5; Minimum = 4 }
        @{ Code = 'class A { [int]$x }'; Construct = 'class/enum'; Version = 5; Minimum = 4 }
        @{ Code = 'enum E { One }'; Construct = 'class/enum'; Version = 5; Minimum = 4 }
        @{ Code = 'using namespace System.IO'; Construct = 'using statement'; Version = 5; Minimum = 4 }
        @{ Code = 'Set-Content -Path x -Value 1 -Encoding utf8NoBOM'; Construct = '-Encoding utf8NoBOM'; Version = 6; Minimum = 5 }
        @{ Code = '$a = $true ? 1 : 2'; Construct = '?: (ternary)'; Version = 7; Minimum = 5 }
        @{ Code = '$a = $null ?? 2'; Construct = '?? (null-coalescing)'; Version = 7; Minimum = 5 }
        @{ Code = '$a ??= 2'; Construct = '??='; Version = 7; Minimum = 5 }
        @{ Code = '$b = ${a}?.Length'; Construct = '?. (null-conditional)'; Version = 7; Minimum = 5 }
        @{ Code = 'Get-Date && Get-Date'; Construct = '&& / || (pipeline chain)'; Version = 7; Minimum = 5 }
        @{ Code = 'Get-Date || Get-Date'; Construct = '&& / || (pipeline chain)'; Version = 7; Minimum = 5 }
        @{ Code = '1..2 | ForEach-Object -Parallel { $_ }'; Construct = 'ForEach-Object -Parallel'; Version = 7; Minimum = 5 }
        @{ Code = 'Get-Item x -ErrorAction Ignore'; Construct = '-ErrorAction Ignore'; Version = 3; Minimum = 2 }
        @{ Code = 'Write-Host $PSScriptRoot'; Construct = '$PSScriptRoot outside a module'; Version = 3; Minimum = 2 }
        @{ Code = 'if ([Console]::IsInputRedirected) { }'; Construct = '.NET 4 member IsInputRedirected'; Version = 3; Minimum = 2 }
        @{ Code = '$h = Get-FileHash x'; Construct = 'Get-FileHash without a fallback'; Version = 4; Minimum = 3 }
    ) {
        $findings = @(Get-PsCompatibilityFinding -Text $Code -MinimumVersion $Minimum)
        @($findings | Where-Object { $_.Construct -eq $Construct -and $_.RequiresVersion -eq $Version }).Count | Should -BeGreaterThan 0 -Because ($findings | Out-String)
        # At the construct's own version it is fine.
        @(Get-PsCompatibilityFinding -Text $Code -MinimumVersion $Version | Where-Object { $_.Construct -eq $Construct }).Count | Should -Be 0
    }

    It 'accepts a newer command behind a Get-Command check or a version check' {
        @(Get-PsCompatibilityFinding -Text 'if (Get-Command ConvertFrom-Json -ErrorAction SilentlyContinue) { $x = "{}" | ConvertFrom-Json }' -MinimumVersion 2).Count | Should -Be 0
        @(Get-PsCompatibilityFinding -Text 'if ($PSVersionTable.PSVersion.Major -ge 3) { Get-CimInstance Win32_Service } else { Get-WmiObject Win32_Service }' -MinimumVersion 2).Count | Should -Be 0
        @(Get-PsCompatibilityFinding -Text 'try { Get-CimInstance Win32_Service } catch { Get-WmiObject Win32_Service }' -MinimumVersion 2).Count | Should -Be 0
    }
    It 'does not accept a version check that is too low' {
        @(Get-PsCompatibilityFinding -Text 'if ($PSVersionTable.PSVersion.Major -ge 2) { $h = Get-FileHash x }' -MinimumVersion 2).Count | Should -Be 1
    }
    It 'reports parse errors' {
        @(Get-PsCompatibilityFinding -Text 'if ( {' -MinimumVersion 2 | Where-Object { $_.Construct -like 'parse error*' }).Count | Should -BeGreaterThan 0
    }
    It 'reads the minimum from #Requires when none is given' {
        $findings = @(Get-PsCompatibilityFinding -Text "#Requires -Version 3.0`n`$h = [ordered]@{}`n`$a = @(1).ForEach({ 1 })")
        @($findings | Where-Object Construct -eq '[ordered]').Count | Should -Be 0
        @($findings | Where-Object Construct -eq '.ForEach()').Count | Should -Be 1
    }
}
