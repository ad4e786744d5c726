"""First-run setup, and the same dialog later as Settings: which unit reports (picked
from the official catalogues by typing part of its name or code, accents optional), who
prepares and who signs, where the data lives, the language and the outlier threshold.

Every choice is the clerk's own: no match is pre-selected (Enter in the search box only
moves to the list), an empty name needs its "skip" box ticked, and nothing is kept before
the clerk confirms the unit's full path, the names and the folder.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.messages import AppError
from ..core.units import Catalogue
from ..workspace.setup_unit import CATALOGUE_LABELS, CLERK, LEADER, clean_name, find_units
from ..workspace.workspace import Profile
from .base_dialog import ok_cancel
from .dialogs import Dialogs

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
CATALOGUE_ROLE = Qt.ItemDataRole.UserRole + 2


class MatchList(QListWidget):
    """The search matches. Taking the focus makes no row current (Qt would make the
    first one current, and Enter would then choose it): Down or Up starts the choice."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        none_yet = self.currentRow() < 0
        super().focusInEvent(event)
        if none_yet:
            self.setCurrentRow(-1)


@dataclass(frozen=True)
class SetupChoice:
    unit_code: str
    catalogue: str
    clerk: str
    leader: str
    data_dir: Path
    language: str
    outlier_share: Decimal


class SetupDialog(QDialog):
    def __init__(
        self,
        data_dir: Path,
        profile: Profile | None = None,
        *,
        outlier_share: Decimal = Decimal("0.5"),
        dialogs: Dialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.dialogs = dialogs or Dialogs()
        first_run = profile is None
        self.setWindowTitle(self.tr("Thiết lập ban đầu") if first_run else self.tr("Cài đặt"))
        self.resize(860, 600)
        layout = QVBoxLayout(self)
        if first_run:
            welcome = QLabel(
                self.tr(
                    "Chào mừng! Chọn đơn vị báo cáo của máy này, người lập biểu và lãnh đạo ký "
                    "báo cáo. Có thể sửa lại sau trong mục Cài đặt."
                ),
                self,
            )
            welcome.setWordWrap(True)
            layout.addWidget(welcome)
        form = QFormLayout()
        layout.addLayout(form)

        structure = QWidget(self)
        row = QHBoxLayout(structure)
        row.setContentsMargins(0, 0, 0, 0)
        # Which catalogues the search looks in; each match still says its own.
        self.both = QRadioButton(self.tr("Cả hai"), structure)
        self.legacy = QRadioButton(self.tr("Trước 01/7/2025 (tỉnh – huyện – xã)"), structure)
        self.current = QRadioButton(self.tr("Hiện hành (tỉnh – xã)"), structure)
        self.both.setObjectName("catalogueBoth")
        self.legacy.setObjectName("catalogueLegacy")
        self.current.setObjectName("catalogueCurrent")
        group = QButtonGroup(structure)
        for button in (self.both, self.current, self.legacy):
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.both.setChecked(True)
        form.addRow(self.tr("Tìm trong danh mục:"), structure)

        self.search = QLineEdit(self)
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText(self.tr("Gõ tên hoặc mã đơn vị, ví dụ: binh trung, 02080"))
        form.addRow(self.tr("Tìm đơn vị:"), self.search)
        self.results = MatchList(self)
        self.results.setObjectName("unitResults")
        self.results.setMinimumHeight(180)
        self.results.setWordWrap(True)  # a long path wraps rather than hides its catalogue
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form.addRow("", self.results)
        self.chosen = QLabel(self.tr("Chưa chọn đơn vị."), self)
        self.chosen.setObjectName("chosenUnit")
        self.chosen.setWordWrap(True)
        form.addRow(self.tr("Đơn vị đã chọn:"), self.chosen)

        self.clerk = QLineEdit(profile.clerk if profile else "", self)
        self.clerk.setObjectName("clerkName")
        self.clerk.setPlaceholderText(self.tr("Họ và tên người lập biểu"))
        self.skip_clerk = QCheckBox(self.tr("Bỏ qua, nhập sau"), self)
        self.skip_clerk.setObjectName("skipClerk")
        form.addRow(self.tr("Người lập biểu:"), self._with_skip(self.clerk, self.skip_clerk))
        self.leader = QLineEdit(profile.leader if profile else "", self)
        self.leader.setObjectName("leaderName")
        self.leader.setPlaceholderText(self.tr("Họ và tên Chủ tịch (người ký báo cáo)"))
        self.skip_leader = QCheckBox(self.tr("Bỏ qua, nhập sau"), self)
        self.skip_leader.setObjectName("skipLeader")
        form.addRow(self.tr("Lãnh đạo ký:"), self._with_skip(self.leader, self.skip_leader))
        # A saved profile with an empty name was already skipped on purpose.
        self.skip_clerk.setChecked(bool(profile) and not profile.clerk)
        self.skip_leader.setChecked(bool(profile) and not profile.leader)

        place = QWidget(self)
        place_row = QHBoxLayout(place)
        place_row.setContentsMargins(0, 0, 0, 0)
        self.data_dir = QLineEdit(str(data_dir), place)
        self.data_dir.setObjectName("dataDir")
        self.data_dir.setReadOnly(True)
        browse = QPushButton(self.tr("Chọn…"), place)
        browse.setObjectName("chooseDataDir")
        browse.clicked.connect(self._choose_dir)
        place_row.addWidget(self.data_dir, 1)
        place_row.addWidget(browse)
        form.addRow(self.tr("Thư mục dữ liệu:"), place)

        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(1 if profile and profile.language == "en" else 0)
        form.addRow(self.tr("Ngôn ngữ:"), self.language)
        self.outlier = QSpinBox(self)
        self.outlier.setObjectName("outlierShare")
        self.outlier.setRange(5, 1000)
        self.outlier.setSuffix(" %")
        self.outlier.setValue(int(outlier_share * 100))
        self.outlier.setToolTip(
            self.tr("Nhắc kiểm tra khi một số liệu thay đổi nhiều hơn mức này so với kỳ trước.")
        )
        form.addRow(self.tr("Nhắc khi thay đổi so với kỳ trước quá:"), self.outlier)

        self.buttons = ok_cancel(self, self.tr("Đồng ý"), self._accept)
        # Enter in a box never presses a button behind the clerk's back (a dialog makes
        # its first push button, here "Chọn…", the default one).
        for button in (*self.buttons.buttons(), browse):
            button.setAutoDefault(False)
            button.setDefault(False)
        layout.addWidget(self.buttons)

        # Type-ahead without stalling on every key: search 150 ms after typing stops.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._to_results)
        for button in (self.both, self.legacy, self.current):
            button.toggled.connect(lambda on: on and self.run_search())
        # Choosing is an act (Enter, Space or a click on a match): arrowing through the
        # list, or the list taking the focus, chooses nothing.
        self.results.itemActivated.connect(self._picked)
        self.results.itemClicked.connect(self._picked)
        self.clerk.returnPressed.connect(self.leader.setFocus)
        self.leader.returnPressed.connect(self._accept)
        self.skip_clerk.toggled.connect(lambda on: self._skipped(self.clerk, on))
        self.skip_leader.toggled.connect(lambda on: self._skipped(self.leader, on))
        self._unit_code: str | None = profile.unit_code if profile else None
        self._catalogue: str = profile.catalogue if profile else "current"
        if profile:
            self._show_chosen()
        self.search.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The button box has just made "Đồng ý" the default: it must not look like what
        # Enter does, since Enter never accepts here.
        for button in self.buttons.buttons():
            button.setDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter never accepts the dialog: the button box makes "Đồng ý" the default
        # when shown, and one Enter in the search box used to set up its first match.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _with_skip(editor: QLineEdit, skip: QCheckBox) -> QWidget:
        box = QWidget(editor.parentWidget())
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(editor, 1)
        row.addWidget(skip)
        return box

    @staticmethod
    def _skipped(editor: QLineEdit, on: bool) -> None:
        if on:
            editor.clear()
        editor.setEnabled(not on)

    @property
    def catalogue_name(self) -> str:
        """The catalogue of the chosen unit."""
        return self._catalogue

    def _searched(self) -> tuple[str, ...]:
        if self.legacy.isChecked():
            return ("legacy",)
        if self.current.isChecked():
            return ("current",)
        return ("current", "legacy")

    def run_search(self) -> None:
        self._debounce.stop()
        self.results.clear()
        query = self.search.text().strip()
        if not query:
            return
        lang = self.language.currentData() or "vi"
        for match in find_units(query, self._searched(), limit=30):
            label = CATALOGUE_LABELS[match.catalogue].pick(lang)
            item = QListWidgetItem(f"{match.code} – {match.path_text}   [{label}]")
            item.setData(CODE_ROLE, match.code)
            item.setData(CATALOGUE_ROLE, match.catalogue)
            self.results.addItem(item)
        self.results.setCurrentRow(-1)

    def _to_results(self) -> None:
        self.run_search()
        if self.results.count():
            self.results.setFocus()

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self._unit_code = item.data(CODE_ROLE)
        self._catalogue = item.data(CATALOGUE_ROLE)
        self._show_chosen()
        (self.clerk if self.clerk.isEnabled() else self.leader).setFocus()

    def unit_path(self) -> str:
        """ "02080 – Xã Bình Trung – Huyện Chợ Đồn – Tỉnh Bắc Kạn (danh mục …)"."""
        code = self._unit_code or ""
        catalogue = Catalogue.load(self._catalogue)
        if catalogue.get(code) is None:
            return code
        names = [catalogue.require(code).name, *(u.name for u in catalogue.ancestors(code))]
        label = CATALOGUE_LABELS[self._catalogue].pick(self.language.currentData() or "vi")
        return f"{code} – {' – '.join(names)} " + self.tr("(danh mục %1)").replace("%1", label)

    def _show_chosen(self) -> None:
        self.chosen.setText(self.unit_path())

    def _choose_dir(self) -> None:
        # The proposed folder may not exist yet (nothing is written before OK): start
        # the file dialog in its nearest existing parent, where "Chọn" works.
        start = Path(self.data_dir.text())
        while not start.is_dir() and start.parent != start:
            start = start.parent
        chosen = self.dialogs.choose_directory(
            self, self.tr("Chọn thư mục lưu dữ liệu"), str(start)
        )
        if chosen:
            self.data_dir.setText(chosen)

    def _refuse(self, text: str, editor: QWidget) -> None:
        self.dialogs.error(self, self.windowTitle(), text)
        editor.setFocus()

    def _accept(self) -> None:
        code = self._unit_code
        if not code or Catalogue.load(self._catalogue).get(code) is None:
            self._refuse(self.tr("Hãy chọn đơn vị báo cáo trong danh sách tìm được."), self.search)
            return
        lang = self.language.currentData() or "vi"
        names = (
            (self.clerk, self.skip_clerk, CLERK),
            (self.leader, self.skip_leader, LEADER),
        )
        for editor, skip, what in names:
            try:
                name = clean_name(editor.text(), what)
            except AppError as error:  # the same refusal as `setup --clerk/--leader`
                self._refuse(error.message.pick(lang), editor)
                return
            if not name and not skip.isChecked():
                self._refuse(
                    self.tr("Hãy nhập {what}, hoặc đánh dấu “Bỏ qua, nhập sau”.").format(
                        what=what.pick(lang).lower()
                    ),
                    editor,
                )
                return
        if self.dialogs.confirm(self, self.windowTitle(), self.summary()):
            self.accept()

    def summary(self) -> str:
        """What the confirmation asks about: the unit's full path, the names, the folder."""
        skipped = self.tr("(bỏ qua, nhập sau)")
        return self.tr(
            "Đơn vị báo cáo: {unit}\nNgười lập biểu: {clerk}\nLãnh đạo ký: {leader}\n"
            "Thư mục dữ liệu: {folder}\n\nGhi thiết lập này?"
        ).format(
            unit=self.unit_path(),
            clerk=self.clerk.text().strip() or skipped,
            leader=self.leader.text().strip() or skipped,
            folder=self.data_dir.text(),
        )

    def choice(self) -> SetupChoice:
        return SetupChoice(
            unit_code=self._unit_code or "",
            catalogue=self._catalogue,
            clerk=self.clerk.text(),
            leader=self.leader.text(),
            data_dir=Path(self.data_dir.text()),
            language=self.language.currentData(),
            outlier_share=Decimal(self.outlier.value()) / 100,
        )
