@echo off
call "%~dp0setup.cmd" run || exit /b 1
cd /d "%~dp0\..\.."
.venv\Scripts\python -m desktop_app %*
