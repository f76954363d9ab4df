@echo off
rem ACS Support Assistant: checks this computer and writes the snapshot into this folder. Changes nothing.
rem Every path is quoted and comes from %~dp0 or COMPUTERNAME: spaces, &, %, ^ in the folder name are safe.
setlocal EnableExtensions DisableDelayedExpansion
set "ACS_KIT=%~dp0"
set "ACS_PS=%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe"
if not exist "%ACS_PS%" goto nopowershell
if not exist "%ACS_KIT%snapshots" mkdir "%ACS_KIT%snapshots"
set "ACS_OUT=%ACS_KIT%snapshots\%COMPUTERNAME%.json"
rem The collector's input, as data (no network: a field kit runs offline).
set "ACS_PROBE_INPUT={"network":false}"
echo {{collectStarting}}
rem The snapshot is ASCII-only JSON (non-ASCII escaped), so the file is UTF-8 whatever the code page.
"%ACS_PS%" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "%ACS_KIT%collect.ps1" <nul >"%ACS_OUT%" 2>nul
set "ACS_RC=%ERRORLEVEL%"
if "%ACS_RC%"=="86" goto locked
if not "%ACS_RC%"=="0" goto failed
echo {{collectDone}}
echo {{pressKey}}
pause >nul
exit /b 0

:locked
del "%ACS_OUT%" >nul 2>&1
echo {{collectLocked}}
echo {{pressKey}}
pause >nul
exit /b 86

:failed
del "%ACS_OUT%" >nul 2>&1
echo {{collectFailed}}
echo {{pressKey}}
pause >nul
exit /b %ACS_RC%

:nopowershell
echo {{noPowerShell}}
echo {{pressKey}}
pause >nul
exit /b 9009
