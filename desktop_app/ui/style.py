"""The look: quiet, high-contrast, and colour never the only signal (every marked field
also has a message line under it).

A list whose ``::item`` is styled needs its ``::item:selected`` styled too: otherwise Qt
draws the selected item in the palette's white highlighted text on no highlight, a
blank row (the problems panel's warning being explained).

Every colour has a name here, used by the style sheet and by the views that colour text
themselves (lists, tables, charts): the error red is one value, not one per file.
Imports nothing.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

# Text: each has a contrast of at least 4.5:1 on white (WCAG AA).
ERROR = "#b71c1c"  # errors, refusals, what is missing or going down
WARNING = "#8a5a00"  # warnings, a report returned
OK = "#1b5e20"  # accepted, signed, reached, going up
INFO = "#0d47a1"  # submitted, superseding, a field with a note
TITLE = "#0d3c61"  # titles and the unit's name
MUTED = "#546e7a"  # duplicates, secondary text
CONFLICT = "#e65100"  # two packets that disagree
RETURNED = "#6a1b9a"  # a report sent back
ENTERED = "#4e342e"  # figures entered here (imported), not a signed packet
# Edges and backgrounds.
ERROR_BORDER = "#c62828"
WARNING_BORDER = "#e0a100"
CHANGED_BACKGROUND = "#fff3cd"  # a value that differs between two versions

ERROR_TEXT = f"color: {ERROR};"  # a refusal's message line
OK_TEXT = f"color: {OK};"
# A box that says all is well (the check before an export, a packet's review).
OK_BOX = "background: #eef7ee; border: 1px solid #9ccc9c; padding: 8px;"


STYLE_SHEET = f"""
QLabel#sectionTitle {{ font-size: 13pt; font-weight: bold; color: {TITLE}; padding: 4px 0 8px 0; }}
QLabel#unitLabel {{ font-weight: bold; color: {TITLE}; }}
QLabel#computedValue {{ font-weight: bold; color: {TITLE}; padding-right: 7px; }}
QLabel#fieldUnit {{ color: #455a64; }}
QLabel#fieldMessage[severity="error"] {{ color: {ERROR}; }}
QLabel#fieldMessage[severity="warning"] {{ color: {WARNING}; }}
QLabel#fieldMessage[severity="hint"] {{ color: #37474f; font-style: italic; }}
QLabel#helpText {{ background: #f4f7fb; border-top: 1px solid #c9d6e3; padding: 6px; color: #263238; }}
QLineEdit[problem="error"], QComboBox[problem="error"], QPlainTextEdit[problem="error"] {{
    border: 2px solid {ERROR_BORDER}; background: #fff4f4; }}
QLineEdit[problem="warning"], QComboBox[problem="warning"], QPlainTextEdit[problem="warning"] {{
    border: 2px solid {WARNING_BORDER}; background: #fffaf0; }}
QLineEdit[prefilled="same"], QComboBox[prefilled="same"] {{ background: #eaf3fc; }}
QLineEdit[prefilled="overridden"], QComboBox[prefilled="overridden"] {{ background: #f3eefa; }}
QToolButton[hasComment="true"] {{ font-weight: bold; color: {INFO}; }}
QToolButton[hasComment="false"] {{ color: #607d8b; }}
QListWidget#sectionNav::item {{ padding: 6px 4px; border-bottom: 1px solid #e0e6ec; }}
QListWidget#sectionNav::item:selected {{ background: #dbe9f7; color: {TITLE}; }}
QListWidget#problemsList::item {{ padding: 4px 0; border-bottom: 1px solid #eeeeee; }}
QListWidget#problemsList::item:selected {{ background: #dbe9f7; color: {TITLE}; }}
"""
