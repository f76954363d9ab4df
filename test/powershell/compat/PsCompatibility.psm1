# Compatibility gate for the shipped PowerShell scripts, built on PowerShell's own parser
# (System.Management.Automation.Language). pwsh 7 accepts far more than Windows PowerShell 2.0 or
# 5.1, so a green run under pwsh says nothing about older engines: this module walks the AST and
# reports every construct that needs a newer PowerShell than the minimum a script declares.
#
#   Get-PsCompatibilityFinding -Path FILE [-MinimumVersion 2.0]   # default: the script's #Requires
#   Get-PsCompatibilityFinding -Text '...' -MinimumVersion 2.0
#
# A finding: Line, Column, Construct, RequiresVersion, Text. Parse errors are findings too.
# Commands and .NET members introduced later count as "with a fallback" (no finding) when they sit
# inside an `if` whose condition asks `Get-Command <Name>` or `$PSVersionTable.PSVersion.Major -ge N`
# (N at least the version they need), or inside a `try` that has a `catch`.
# Syntax (operators, class, using, ?:, ??, ?., &&, ||) can never have a fallback: older parsers
# reject the whole file.
Set-StrictMode -Version Latest

$script:CommandsByVersion = @{
    'ConvertTo-Json' = 3; 'ConvertFrom-Json' = 3; 'Get-CimInstance' = 3; 'Get-CimClass' = 3; 'Invoke-CimMethod' = 3
    'New-CimSession' = 3; 'Invoke-WebRequest' = 3; 'Invoke-RestMethod' = 3; 'Get-FileHash' = 4
    'New-TemporaryFile' = 5; 'Expand-Archive' = 5; 'Compress-Archive' = 5; 'Get-Clipboard' = 5; 'Set-Clipboard' = 5
    'ConvertFrom-Markdown' = 6; 'Get-Error' = 7; 'Test-Json' = 6
}
# .NET Framework 4.0+ members: Windows PowerShell 2.0 runs on CLR 2.0 (.NET 2.0-3.5) and has none of them.
$script:Net4Members = @('IsInputRedirected', 'IsOutputRedirected', 'IsErrorRedirected', 'Is64BitProcess', 'Is64BitOperatingSystem',
    'ReadToEndAsync', 'ReadLineAsync', 'WriteAsync', 'IsNullOrWhiteSpace', 'HasFlag', 'EnumerateFiles', 'EnumerateDirectories', 'ReadLines')

function New-Finding($Ast, [string]$Construct, [double]$Requires) {
    $text = $Ast.Extent.Text
    if ($text.Length -gt 80) { $text = $text.Substring(0, 77) + '...' }
    [pscustomobject]@{ Line = $Ast.Extent.StartLineNumber; Column = $Ast.Extent.StartColumnNumber; Construct = $Construct; RequiresVersion = $Requires; Text = $text }
}

function Test-Guarded($Ast, [string]$Name, [double]$Requires) {
    $node = $Ast.Parent
    $child = $Ast
    while ($null -ne $node) {
        if ($node -is [System.Management.Automation.Language.IfStatementAst]) {
            foreach ($clause in $node.Clauses) {
                if ($clause.Item2 -eq $child) {
                    $condition = $clause.Item1.Extent.Text
                    if ($condition -match ('Get-Command\s+[''"]?' + [regex]::Escape($Name) + '\b')) { return $true }
                    $m = [regex]::Match($condition, 'PSVersion\.Major\s*-ge\s*(\d+)')
                    if ($m.Success -and [int]$m.Groups[1].Value -ge $Requires) { return $true }
                }
            }
        }
        if ($node -is [System.Management.Automation.Language.TryStatementAst] -and $node.Body -eq $child -and $node.CatchClauses.Count -gt 0) { return $true }
        $child = $node
        $node = $node.Parent
    }
    return $false
}

function Get-PsCompatibilityFinding {
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    param(
        [Parameter(Mandatory = $true, ParameterSetName = 'Path')][string]$Path,
        [Parameter(Mandatory = $true, ParameterSetName = 'Text')][string]$Text,
        [double]$MinimumVersion = 0
    )
    $tokens = $null; $errors = $null
    if ($PSCmdlet.ParameterSetName -eq 'Path') { $ast = [System.Management.Automation.Language.Parser]::ParseFile((Resolve-Path -LiteralPath $Path).ProviderPath, [ref]$tokens, [ref]$errors) }
    else { $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors) }
    $findings = New-Object System.Collections.Generic.List[object]
    foreach ($e in $errors) { $findings.Add([pscustomobject]@{ Line = $e.Extent.StartLineNumber; Column = $e.Extent.StartColumnNumber; Construct = 'parse error: ' + $e.Message; RequiresVersion = 99; Text = $e.Extent.Text }) }
    if ($MinimumVersion -eq 0) {
        $MinimumVersion = 2
        if ($ast.ScriptRequirements -and $ast.ScriptRequirements.RequiredPSVersion) { $MinimumVersion = [double]$ast.ScriptRequirements.RequiredPSVersion.Major }
    }
    if ($ast.ScriptRequirements -and $ast.ScriptRequirements.RequiredPSVersion -and [double]$ast.ScriptRequirements.RequiredPSVersion.Major -gt $MinimumVersion) {
        $findings.Add([pscustomobject]@{ Line = 1; Column = 1; Construct = '#Requires -Version above the minimum'; RequiresVersion = [double]$ast.ScriptRequirements.RequiredPSVersion.Major; Text = '#Requires' })
    }
    $all = $ast.FindAll({ $true }, $true)
    foreach ($node in $all) {
        $found = $null
        switch ($node.GetType().Name) {
            'ConvertExpressionAst' {
                $type = $node.Type.TypeName.FullName
                if ($type -eq 'ordered') { $found = New-Finding $node '[ordered]' 3 }
                elseif ($type -eq 'pscustomobject') { $found = New-Finding $node '[pscustomobject] cast' 3 }
            }
            'BinaryExpressionAst' {
                $op = [string]$node.Operator
                if ($op -in @('In', 'Iin', 'Cin')) { $found = New-Finding $node '-in' 3 }
                elseif ($op -in @('NotIn', 'Inotin', 'Cnotin')) { $found = New-Finding $node '-notin' 3 }
                elseif ($op -eq 'QuestionQuestion') { $found = New-Finding $node '?? (null-coalescing)' 7 }
                elseif ($op -in @('Shl', 'Shr')) { $found = New-Finding $node '-shl/-shr' 3 }
            }
            'AssignmentStatementAst' { if ([string]$node.Operator -eq 'QuestionQuestionEquals') { $found = New-Finding $node '??=' 7 } }
            'TernaryExpressionAst' { $found = New-Finding $node '?: (ternary)' 7 }
            'PipelineChainAst' { $found = New-Finding $node '&& / || (pipeline chain)' 7 }
            'TypeDefinitionAst' { $found = New-Finding $node 'class/enum' 5 }
            'UsingStatementAst' { $found = New-Finding $node 'using statement' 5 }
            'VariableExpressionAst' {
                $name = $node.VariablePath.UserPath
                if ($name -eq 'PSItem') { $found = New-Finding $node '$PSItem' 3 }
                elseif ($name -in @('PSScriptRoot', 'PSCommandPath')) { $found = New-Finding $node ('$' + $name + ' outside a module') 3 }
                elseif ($node.VariablePath.DriveName -eq 'using') { $found = New-Finding $node '$using:' 3 }
            }
            'MemberExpressionAst' {
                if ($node.NullConditional) { $found = New-Finding $node '?. (null-conditional)' 7 }
                elseif ($MinimumVersion -lt 3 -and $node.Member -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $script:Net4Members -contains $node.Member.Value -and -not (Test-Guarded $node $node.Member.Value 3)) {
                    $found = New-Finding $node ('.NET 4 member ' + $node.Member.Value) 3
                }
            }
            'InvokeMemberExpressionAst' {
                $member = if ($node.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $node.Member.Value } else { '' }
                if ($node.NullConditional) { $found = New-Finding $node '?. (null-conditional)' 7 }
                elseif ($node.Static -and $member -eq 'new') { $found = New-Finding $node '::new()' 5 }
                elseif (-not $node.Static -and $member -in @('ForEach', 'Where')) { $found = New-Finding $node ('.' + $member + '()') 4 }
                elseif ($MinimumVersion -lt 3 -and $script:Net4Members -contains $member -and -not (Test-Guarded $node $member 3)) { $found = New-Finding $node ('.NET 4 member ' + $member) 3 }
            }
            'StringConstantExpressionAst' {
                if ($node.Value -eq 'utf8NoBOM' -or $node.Value -eq 'utf8BOM') { $found = New-Finding $node ('-Encoding ' + $node.Value) 6 }
            }
            'CommandAst' {
                $name = $node.GetCommandName()
                if ($name -and $script:CommandsByVersion.ContainsKey($name)) {
                    $needs = $script:CommandsByVersion[$name]
                    if ($needs -gt $MinimumVersion -and -not (Test-Guarded $node $name $needs)) { $found = New-Finding $node ($name + ' without a fallback') $needs }
                }
                foreach ($element in $node.CommandElements) {
                    if ($element -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
                    if ($element.ParameterName -eq 'Parallel' -and $name -in @('ForEach-Object', '%', 'foreach')) { $found = New-Finding $node 'ForEach-Object -Parallel' 7 }
                    if ($element.ParameterName -in @('ErrorAction', 'EA', 'WarningAction', 'WA', 'InformationAction')) {
                        $index = [array]::IndexOf($node.CommandElements, $element)
                        $value = $element.Argument
                        if ($null -eq $value -and $index + 1 -lt $node.CommandElements.Count) { $value = $node.CommandElements[$index + 1] }
                        if ($value -and $value.Extent.Text -match '^[''"]?Ignore[''"]?$') { $found = New-Finding $node '-ErrorAction Ignore' 3 }
                    }
                    if ($element.ParameterName -eq 'InformationAction' -or $element.ParameterName -eq 'InformationVariable') { $found = New-Finding $node ('-' + $element.ParameterName) 5 }
                }
            }
        }
        if ($null -ne $found -and $found.RequiresVersion -gt $MinimumVersion) { $findings.Add($found) }
    }
    return $findings.ToArray()
}

Export-ModuleMember -Function Get-PsCompatibilityFinding
