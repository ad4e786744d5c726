@echo off
rem Creates .venv if missing and installs into it the exact versions of the lock file, with
rem their hashes (quick when already done):
rem   setup.cmd run   the application alone (requirements\run.txt), for run.cmd
rem   setup.cmd dev   with the test and build tools (requirements\dev.txt), for test.cmd and build.cmd
rem The marker is a copy of the lock that was installed: a changed lock installs again.
setlocal
cd /d "%~dp0\..\.."
set "kind=%~1"
if "%kind%"=="" set "kind=dev"
if not exist .venv\Scripts\python.exe call :make_venv || exit /b 1
fc /b requirements\%kind%.txt .venv\installed-%kind%.txt >nul 2>&1
if errorlevel 1 (
  .venv\Scripts\python -m pip install -q --require-hashes -r requirements\%kind%.txt || exit /b 1
  if "%kind%"=="dev" (
    .venv\Scripts\python -m pip install -q --no-deps --no-build-isolation -e . || exit /b 1
  )
  copy /y requirements\%kind%.txt .venv\installed-%kind%.txt >nul
)
exit /b 0

:make_venv
rem pyproject.toml asks for Python 3.11-3.13 (PySide6's wheels); "py -3" would take the
rem newest installed, which may be 3.14. Take the newest supported one.
for %%v in (3.13 3.12 3.11) do (
  py -%%v -c "import sys" >nul 2>&1 && (
    echo Python %%v: creating .venv
    py -%%v -m venv .venv && exit /b 0
  )
)
python -c "import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)" >nul 2>&1 && (
  python -m venv .venv && exit /b 0
)
echo Can dat Python 3.11, 3.12 hoac 3.13 (64-bit) tu python.org. / Python 3.11, 3.12 or 3.13 (64-bit) from python.org is needed; none was found. 1>&2
exit /b 1
