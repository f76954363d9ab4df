# The PowerShell code the product ships, with the oldest PowerShell each must run on.
# Scripts with a #Requires line are checked against it; the rest are for Windows 7 / Server 2008 R2
# (Windows PowerShell 2.0) unless listed here.
function Get-ShippedScript([string]$Repo) {
    $assets = Join-Path $Repo 'assets'
    foreach ($file in @(Get-ChildItem -LiteralPath $assets -Recurse -File -Filter '*.ps1' | Sort-Object FullName)) {
        $tokens = $null; $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$tokens, [ref]$errors)
        $minimum = 2
        if ($ast.ScriptRequirements -and $ast.ScriptRequirements.RequiredPSVersion) { $minimum = [double]$ast.ScriptRequirements.RequiredPSVersion.Major }
        @{ Path = $file.FullName; Relative = $file.FullName.Substring($Repo.Length + 1); Minimum = $minimum }
    }
}
