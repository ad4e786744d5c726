"""Helpers several test suites share (unit, integration, gui, crash, fuzz) and the
screenshot scripts use: kept apart from any one suite's folder."""
