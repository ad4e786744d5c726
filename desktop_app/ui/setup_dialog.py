"""First-run setup, and the same dialog later as Settings: which unit reports (picked
from the official catalogue by typing part of its name or code, accents optional), who
prepares and who signs, where the data lives, the language and the outlier threshold."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from ..workspace.setup_unit import CLERK, LEADER, clean_name
from ..workspace.workspace import Profile
from .dialogs import Dialogs

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.legacy = QRadioButton(self.tr("Trước 01/7/2025 (tỉnh – huyện – xã)"), structure)
        self.current = QRadioButton(self.tr("Hiện hành (tỉnh – xã)"), structure)
        self.legacy.setObjectName("catalogueLegacy")
        self.current.setObjectName("catalogueCurrent")
        group = QButtonGroup(structure)
        group.addButton(self.legacy)
        group.addButton(self.current)
        row.addWidget(self.legacy)
        row.addWidget(self.current)
        row.addStretch(1)
        (self.legacy if profile and profile.catalogue == "legacy" else self.current).setChecked(
            True
        )
        form.addRow(self.tr("Danh mục đơn vị:"), structure)

        self.search = QLineEdit(self)
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText(self.tr("Gõ tên hoặc mã đơn vị, ví dụ: binh trung, 02080"))
        form.addRow(self.tr("Tìm đơn vị:"), self.search)
        self.results = QListWidget(self)
        self.results.setObjectName("unitResults")
        self.results.setMinimumHeight(180)
        form.addRow("", self.results)
        self.chosen = QLabel(self.tr("Chưa chọn đơn vị."), self)
        self.chosen.setObjectName("chosenUnit")
        self.chosen.setWordWrap(True)
        form.addRow(self.tr("Đơn vị đã chọn:"), self.chosen)

        self.clerk = QLineEdit(profile.clerk if profile else "", self)
        self.clerk.setObjectName("clerkName")
        self.clerk.setPlaceholderText(self.tr("Họ và tên người lập biểu"))
        form.addRow(self.tr("Người lập biểu:"), self.clerk)
        self.leader = QLineEdit(profile.leader if profile else "", self)
        self.leader.setObjectName("leaderName")
        self.leader.setPlaceholderText(self.tr("Họ và tên Chủ tịch (người ký báo cáo)"))
        form.addRow(self.tr("Lãnh đạo ký:"), self.leader)

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

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đồng ý"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        # Type-ahead without stalling on every key: search 150 ms after typing stops.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._take_first)
        self.legacy.toggled.connect(lambda _c: self.run_search())
        self.results.currentItemChanged.connect(self._picked)
        self.results.itemActivated.connect(lambda _i: self.clerk.setFocus())
        self._unit_code: str | None = profile.unit_code if profile else None
        if profile:
            self._show_chosen(profile.unit_code)
        self.search.setFocus()

    @property
    def catalogue_name(self) -> str:
        return "legacy" if self.legacy.isChecked() else "current"

    def run_search(self) -> None:
        self._debounce.stop()
        self.results.clear()
        query = self.search.text().strip()
        if not query:
            return
        catalogue = Catalogue.load(self.catalogue_name)
        for unit in catalogue.search(query, limit=30):
            item = QListWidgetItem(f"{unit.code} – {catalogue.describe(unit.code)}")
            item.setData(CODE_ROLE, unit.code)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _take_first(self) -> None:
        self.run_search()
        if self.results.count():
            self.clerk.setFocus()

    def _picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self._unit_code = item.data(CODE_ROLE)
            self._show_chosen(self._unit_code)

    def _show_chosen(self, code: str) -> None:
        catalogue = Catalogue.load(self.catalogue_name)
        unit = catalogue.get(code)
        self.chosen.setText(f"{code} – {catalogue.describe(code)}" if unit else code)

    def _choose_dir(self) -> None:
        chosen = self.dialogs.choose_directory(
            self, self.tr("Chọn thư mục lưu dữ liệu"), self.data_dir.text()
        )
        if chosen:
            self.data_dir.setText(chosen)

    def _accept(self) -> None:
        code = self._unit_code
        if not code or Catalogue.load(self.catalogue_name).get(code) is None:
            self.dialogs.error(
                self,
                self.windowTitle(),
                self.tr("Hãy chọn đơn vị báo cáo trong danh mục đã chọn."),
            )
            self.search.setFocus()
            return
        for editor, what in ((self.clerk, CLERK), (self.leader, LEADER)):
            try:
                clean_name(editor.text(), what)
            except AppError as error:  # the same refusal as `setup --clerk/--leader`
                lang = self.language.currentData() or "vi"
                self.dialogs.error(self, self.windowTitle(), error.message.pick(lang))
                editor.setFocus()
                return
        self.accept()

    def choice(self) -> SetupChoice:
        return SetupChoice(
            unit_code=self._unit_code or "",
            catalogue=self.catalogue_name,
            clerk=self.clerk.text(),
            leader=self.leader.text(),
            data_dir=Path(self.data_dir.text()),
            language=self.language.currentData(),
            outlier_share=Decimal(self.outlier.value()) / 100,
        )
