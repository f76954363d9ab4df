#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, on a fresh machine, without asking:
#   - Debian's Chromium for the browser journeys (apt-get; root or sudo), and a Japanese font
#     (fonts-ipafont-gothic) so the Japanese journeys and screenshots show characters, not boxes;
#   - PowerShell 7.6.9 (`pwsh`, a .NET global tool, from NuGet) to run the shipped .ps1 scripts;
#   - Pester 5.7.1 (from NuGet, restored into .tools/pester) for the PowerShell tests.
# Idempotent: what is already there is kept. Where `dotnet` is missing, pwsh and Pester are skipped
# with a note (and the PowerShell suite then fails in CI, where a missing pwsh is never a skip).
set -uo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the browser tests"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || echo "!! chromium could not be installed: the browser journeys will fail"
fi

if command -v dpkg-query >/dev/null 2>&1 && ! dpkg-query -W -f='${Status}' fonts-ipafont-gothic 2>/dev/null | grep -q 'install ok installed'; then
  echo "== installing a Japanese font (fonts-ipafont-gothic) for the Japanese journeys and screenshots"
  { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic >/dev/null; } \
    || echo "!! fonts-ipafont-gothic could not be installed: Japanese screenshots will show boxes (the tests still pass)"
fi

PWSH_VERSION=7.6.9
PESTER_VERSION=5.7.1
TOOLS_DIR="$HOME/.dotnet/tools"
if command -v dotnet >/dev/null 2>&1; then
  if [ ! -x "$TOOLS_DIR/pwsh" ] || ! "$TOOLS_DIR/pwsh" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | grep -qx "$PWSH_VERSION"; then
    echo "== installing PowerShell $PWSH_VERSION (dotnet tool)"
    dotnet tool uninstall --global PowerShell >/dev/null 2>&1 || true
    dotnet tool install --global PowerShell --version "$PWSH_VERSION" >/dev/null || echo "!! PowerShell could not be installed"
  fi
  if [ ! -f ".tools/pester/pester/$PESTER_VERSION/tools/Pester.psd1" ]; then
    echo "== restoring Pester $PESTER_VERSION from NuGet"
    restore_dir=$(mktemp -d)
    cat >"$restore_dir/pester.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[$PESTER_VERSION]" /></ItemGroup>
</Project>
CSPROJ
    dotnet restore "$restore_dir/pester.csproj" --packages "$PWD/.tools/pester" >/dev/null || echo "!! Pester could not be restored"
    rm -rf "$restore_dir"
  fi
else
  echo "!! dotnet is not installed: pwsh and Pester were not installed (the PowerShell tests need them)"
fi
