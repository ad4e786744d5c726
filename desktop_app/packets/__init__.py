"""Submission packets: ``data.json``, the report as a workbook and a PDF, the manifest,
signing identities and signatures, building a packet and verifying a received one.

The report is one model (``layout``, its values as ``cells``, the self-assessment
appendix as ``score_sheet``) that ``excel`` and ``pdf`` render, on the Decree 30
furniture of ``documents``.

May import: ``packets``, ``documents``, ``storage`` (the identity's settings, durable
files), ``core``, ``desktop_app.paths`` and its version; never ``receiving``,
``consolidation`` or above.
"""
