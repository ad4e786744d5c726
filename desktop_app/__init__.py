"""Báo cáo chỉ số ứng dụng CNTT: offline data entry, signed packets, consolidation.

May import: nothing at import time (it holds the version).
"""

__version__ = "0.1.0"
