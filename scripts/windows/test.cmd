@echo off
call "%~dp0setup.cmd" dev || exit /b 1
cd /d "%~dp0\..\.."
set QT_QPA_PLATFORM=offscreen
.venv\Scripts\python -m pytest %*
