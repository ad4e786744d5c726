"""The look: quiet, high-contrast, and colour never the only signal (every marked field
also has a message line under it).

A list whose ``::item`` is styled needs its ``::item:selected`` styled too: otherwise Qt
draws the selected item in the palette's white highlighted text on no highlight, a
blank row (the problems panel's warning being explained)."""

STYLE_SHEET = """
QLabel#sectionTitle { font-size: 13pt; font-weight: bold; color: #0d3c61; padding: 4px 0 8px 0; }
QLabel#unitLabel { font-weight: bold; color: #0d3c61; }
QLabel#computedValue { font-weight: bold; color: #0d3c61; padding-right: 7px; }
QLabel#fieldUnit { color: #455a64; }
QLabel#fieldMessage[severity="error"] { color: #b71c1c; }
QLabel#fieldMessage[severity="warning"] { color: #8a5a00; }
QLabel#fieldMessage[severity="hint"] { color: #37474f; font-style: italic; }
QLabel#helpText { background: #f4f7fb; border-top: 1px solid #c9d6e3; padding: 6px; color: #263238; }
QLineEdit[problem="error"], QComboBox[problem="error"], QPlainTextEdit[problem="error"] {
    border: 2px solid #c62828; background: #fff4f4; }
QLineEdit[problem="warning"], QComboBox[problem="warning"], QPlainTextEdit[problem="warning"] {
    border: 2px solid #e0a100; background: #fffaf0; }
QLineEdit[prefilled="same"], QComboBox[prefilled="same"] { background: #eaf3fc; }
QLineEdit[prefilled="overridden"], QComboBox[prefilled="overridden"] { background: #f3eefa; }
QToolButton[hasComment="true"] { font-weight: bold; color: #0d47a1; }
QToolButton[hasComment="false"] { color: #607d8b; }
QListWidget#sectionNav::item { padding: 6px 4px; border-bottom: 1px solid #e0e6ec; }
QListWidget#sectionNav::item:selected { background: #dbe9f7; color: #0d3c61; }
QListWidget#problemsList::item { padding: 4px 0; border-bottom: 1px solid #eeeeee; }
QListWidget#problemsList::item:selected { background: #dbe9f7; color: #0d3c61; }
"""
