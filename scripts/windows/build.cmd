@echo off
rem Builds the one-folder application on Windows with the same build.spec as Linux:
rem   scripts\windows\build.cmd [--selftest]
rem gives dist\desktop-app\ with
rem   desktop-app.exe      the window, no console window (the clerk's shortcut points here)
rem   desktop-app-cli.exe  the command line (DESIGN section 6) and the self-test
rem   _internal\           Python, Qt, the libraries, forms\ and resources\
rem Copy the whole folder (or zip it) to the clerk's PC; nothing else to install.
rem Check a build with:  dist\desktop-app\desktop-app-cli.exe --selftest
rem Needs Python 3.11-3.13 from python.org (64-bit); setup.cmd makes the project's .venv.
rem PyInstaller does not cross-compile: a Windows folder is built on Windows.
call "%~dp0setup.cmd" dev || exit /b 1
cd /d "%~dp0\..\.."
.venv\Scripts\python -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller build.spec || exit /b 1
echo built dist\desktop-app
powershell -NoProfile -Command "$s = (Get-ChildItem -Recurse -File dist\desktop-app | Measure-Object -Sum Length); '{0:N0} MB in {1} files' -f ($s.Sum / 1MB), $s.Count"
if /i "%~1"=="--selftest" (
  set QT_QPA_PLATFORM=offscreen
  dist\desktop-app\desktop-app-cli.exe --selftest || exit /b 1
)
