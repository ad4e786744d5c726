"""The furniture of an administrative document under Decree 30/2020/NĐ-CP (Appendix I),
shared by the packet's ``report.pdf`` and ``report.xlsx`` (``packets``) and the district's
consolidated PDF (``consolidation``), so both print the same heading, motto, signatures
and page numbers from one definition.

Where it sits: beside ``storage``, directly above ``core``. It imports only ``core`` (the
level and agency words, dates, numbers, NFC) and ``desktop_app.paths`` (the bundled font
files), never ``storage`` or anything above, so ``packets`` and ``consolidation`` can both
use it without depending on each other::

    ui, cli → workspace → receiving, consolidation → packets → documents, storage → core

It is the only package that imports reportlab. ``decree30`` is plain data (the wording and
the margins) and imports no reportlab, so the workbook and the text checks use it too;
the modules that draw (``page``, ``blocks``, ``tables``, ``long_text``, ``charts``,
``flow``) import reportlab at their top, and only the PDF renderers import them, when a
PDF is made: the window never loads reportlab at start-up. This ``__init__`` imports
nothing, so naming the package costs nothing.

- ``decree30``: the motto, the agency block, the document number, the signatories, the
  recipients' heading, the margins (plain data).
- ``fonts``: Liberation Serif, registered once per process.
- ``page``: A4 portrait and landscape pages with the decree's margins, page numbers from
  page 2, and building a PDF (deterministic, one build at a time).
- ``blocks``: the heading (agency block, motto with their rules, number, place and date),
  the rule under the title, the signature blocks; paragraph styles.
- ``tables``: the framed tables' styles.
- ``long_text``: long text cut into pieces a table row can hold; long names wrapped.
- ``charts``: horizontal bar charts in the documents' font.
- ``flow``: the reportlab vocabulary the renderers use (spacers, page breaks, keeping
  flowables together), named here so that no other package imports reportlab.

May import: ``documents``, ``core``, ``desktop_app.paths``; reportlab.
"""
