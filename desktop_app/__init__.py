"""Báo cáo chỉ số ứng dụng CNTT: offline data entry, signed packets, consolidation."""

__version__ = "0.1.0"
