@echo off
rem ACS Support Assistant field kit: starts fix.ps1 from this folder with administrator rights.
rem Every path is quoted and comes from %~dp0 (never typed into a command): spaces, &, %, ^ in the
rem kit's folder name are safe. Delayed expansion is off, so ! is safe too.
setlocal EnableExtensions DisableDelayedExpansion
set "ACS_KIT=%~dp0"
set "ACS_PS=%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe"
if not exist "%ACS_PS%" goto nopowershell
"%SystemRoot%\System32\net.exe" session >nul 2>&1
if errorlevel 1 goto elevate
"%ACS_PS%" -NoProfile -ExecutionPolicy Bypass -File "%ACS_KIT%fix.ps1"
set "ACS_RC=%ERRORLEVEL%"
echo.
echo {{fixFinished}}
echo {{pressKey}}
pause >nul
exit /b %ACS_RC%

:elevate
echo {{needAdmin}}
echo.
"%ACS_PS%" -NoProfile -ExecutionPolicy Bypass -Command "$q = [char]34; try { Start-Process -FilePath $env:ACS_PS -Verb RunAs -ArgumentList ('-NoProfile -ExecutionPolicy Bypass -File ' + $q + $env:ACS_KIT + 'fix.ps1' + $q + ' -Pause') -ErrorAction Stop } catch { exit 5 }"
if errorlevel 1 goto declined
exit /b 0

:declined
echo {{adminDeclined}}
echo {{pressKey}}
pause >nul
exit /b 5

:nopowershell
echo {{noPowerShell}}
echo {{pressKey}}
pause >nul
exit /b 9009
