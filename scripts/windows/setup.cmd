@echo off
rem Creates .venv if missing and installs the project into it (quick when already done).
cd /d "%~dp0\..\.."
if not exist .venv\Scripts\python.exe (
  py -3 -m venv .venv || python -m venv .venv || exit /b 1
)
if not exist .venv\.installed (
  .venv\Scripts\python -m pip install -q --upgrade pip || exit /b 1
  .venv\Scripts\python -m pip install -q -e ".[test,dev]" || exit /b 1
  type nul > .venv\.installed
)
