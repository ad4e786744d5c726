"""The district officer's views over a consolidation: ranking with statements and target
attainment, trends across periods, print preview of the consolidated PDF, and opening the
workbook in Excel. Each widget takes plain domain objects (``desktop_app.consolidation``);
gathering them from the received packets is the workspace's job, not the window's.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""
