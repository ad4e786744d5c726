"""The unit's signing identity: see it, make a self-signed one, import a CA-issued .p12,
use a USB token, and hand the certificate to the unit it reports to (the district, or
since 2025 the province: ``unit_words``).

Making or opening a key is slow on an old PC (key derivation, token login), so it runs
in the background; passphrases and PINs are passed on and never kept.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..paths import dialog_start
from ..workspace import Workspace
from .background import BackgroundTask, in_workspace
from .base_dialog import AppDialog
from .fields_dialog import FieldsDialog, Input
from .identity_panel import IdentityPanel, grouped_fingerprint
from .ui_context import UiContext
from .unit_words import own_unit, receiver

TOKEN_MODULE_SETTING = "pkcs11_module"


class IdentityDialog(AppDialog):
    changed = Signal()

    def __init__(
        self,
        ui: UiContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.task: BackgroundTask | None = None
        self.set_up("identityDialog", self.tr("Chữ ký số của đơn vị"), min_width=720)
        layout = QVBoxLayout(self)
        self.panel = IdentityPanel(self)
        layout.addWidget(self.panel)
        hint = QLabel(
            self.tr(
                "%1 chỉ nhận gói nộp ký bằng chứng thư đã đăng ký cho %2. Khi đổi chữ ký, "
                "hãy xuất chứng thư mới gửi %3 và đọc vân tay qua điện thoại để %3 "
                "đối chiếu."
            )
            .replace("%1", receiver(self.workspace, self.lang, capital=True))
            .replace("%2", own_unit(self.workspace, self.lang))
            .replace("%3", receiver(self.workspace, self.lang)),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.create_button = self._button(self.tr("Tạo chữ ký tự cấp…"), self.create_self_signed)
        self.import_button = self._button(self.tr("Nhập tệp .p12/.pfx…"), self.import_p12)
        self.token_button = self._button(self.tr("Dùng USB ký số…"), self.use_token)
        self.export_button = self._button(
            self.tr("Xuất chứng thư gửi %1…").replace("%1", receiver(self.workspace, self.lang)),
            self.export_cert,
        )
        for button in (
            self.create_button,
            self.import_button,
            self.token_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        layout.addWidget(self.close_button())
        self.refresh()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    @property
    def info(self) -> Any:
        from ..packets.identities import current_identity

        return current_identity(self.workspace.db, self.workspace.data_dir)

    def refresh(self) -> None:
        info = self.info
        self.panel.show_identity(info, self.lang)
        self.export_button.setEnabled(info is not None)

    # -- making an identity --------------------------------------------------------------

    def _replace_ok(self) -> bool | None:
        """False: there is none to replace; True: the clerk agreed; None: they declined."""
        if self.info is None:
            return False
        agreed = self.dialogs.confirm(
            self,
            self.windowTitle(),
            self.tr(
                "Đơn vị đã có chữ ký số. Thay bằng chữ ký mới thì %1 phải đăng ký lại "
                "chứng thư mới; các gói đã nộp vẫn hợp lệ. Tiếp tục?"
            ).replace("%1", receiver(self.workspace, self.lang)),
        )
        return True if agreed else None

    def _ask(self, title: str, intro: str, inputs: list[Input], check: Any = None) -> dict | None:
        form = FieldsDialog(title, intro, inputs, check=check, dialogs=self.dialogs, parent=self)
        return form.values() if form.exec() else None

    def create_self_signed(self) -> None:
        from ..packets.identities import MIN_PASSPHRASE

        replace = self._replace_ok()
        if replace is None:
            return

        def check(values: dict[str, str]) -> str | None:
            if len(values["passphrase"]) < MIN_PASSPHRASE:
                return self.tr("Mật khẩu cần ít nhất %1 ký tự.").replace("%1", str(MIN_PASSPHRASE))
            if values["passphrase"] != values["again"]:
                return self.tr("Hai lần nhập mật khẩu không giống nhau.")
            return None

        values = self._ask(
            self.tr("Tạo chữ ký tự cấp"),
            self.tr(
                "Khóa ký được mã hóa bằng mật khẩu này và lưu trong thư mục dữ liệu. Mỗi lần "
                "xuất gói nộp sẽ hỏi mật khẩu; quên mật khẩu thì phải tạo chữ ký mới."
            ),
            [
                Input("passphrase", self.tr("Mật khẩu:"), "password"),
                Input("again", self.tr("Nhập lại:"), "password"),
            ],
            check,
        )
        if values is None:
            return
        from ..workspace.identity import create_unit_identity

        self._run(
            self.tr("Đang tạo khóa ký…"),
            lambda ws, _p: create_unit_identity(ws, values["passphrase"], replace=replace),
        )

    def import_p12(self) -> None:
        replace = self._replace_ok()
        if replace is None:
            return
        values = self._ask(
            self.tr("Nhập tệp chứng thư số"),
            self.tr(
                "Tệp .p12/.pfx do tổ chức chứng thực cấp cho đơn vị. Tệp được chép vào thư "
                "mục dữ liệu; mật khẩu được hỏi lại mỗi lần ký và không được lưu."
            ),
            [
                Input(
                    "file",
                    self.tr("Tệp:"),
                    "file",
                    filters=self.tr("Chứng thư (*.p12 *.pfx)"),
                    start=dialog_start(self.workspace.data_dir),
                ),
                Input("passphrase", self.tr("Mật khẩu của tệp:"), "password"),
            ],
        )
        if values is None:
            return
        from ..workspace.identity import import_identity

        self._run(
            self.tr("Đang mở tệp chứng thư…"),
            lambda ws, _p: import_identity(
                ws, Path(values["file"]), values["passphrase"], replace=replace
            ),
        )

    def use_token(self) -> None:
        from ..storage import get_setting

        replace = self._replace_ok()
        if replace is None:
            return
        module = get_setting(self.workspace.db, TOKEN_MODULE_SETTING) or ""
        values = self._ask(
            self.tr("Dùng USB ký số"),
            self.tr(
                "Thư viện PKCS#11 do nhà cung cấp USB ký số cài đặt (tệp .dll trên Windows, "
                ".so trên Linux). Mã PIN được hỏi mỗi lần ký và không bao giờ được lưu."
            ),
            [
                Input("module", self.tr("Thư viện PKCS#11:"), "file", module),
                Input("token", self.tr("Nhãn USB:")),
                Input("key_label", self.tr("Nhãn khóa:")),
                Input("cert_label", self.tr("Nhãn chứng thư (nếu khác):"), required=False),
                Input("pin", self.tr("Mã PIN (để thử ngay):"), "password", required=False),
            ],
        )
        if values is None:
            return
        from ..storage import set_setting
        from ..workspace.identity import use_token_identity

        set_setting(self.workspace.db, TOKEN_MODULE_SETTING, values["module"])
        self._run(
            self.tr("Đang đọc USB ký số…"),
            lambda ws, _p: use_token_identity(
                ws,
                module=values["module"],
                token=values["token"],
                key_label=values["key_label"],
                cert_label=values["cert_label"] or None,
                pin=values["pin"] or None,
                replace=replace,
            ),
        )

    def _run(self, label: str, job: Callable[[Workspace, Any], Any]) -> None:
        self.task = BackgroundTask(self, label, in_workspace(self.workspace.data_dir, job))
        self.task.finished.connect(self._made)
        self.task.failed.connect(self.show_error)
        self.task.start()

    def _made(self, info: Any) -> None:
        self.refresh()
        self.changed.emit()
        self.dialogs.info(
            self,
            self.windowTitle(),
            self.tr(
                "Đã thiết lập chữ ký số. Hãy xuất chứng thư gửi %2 và đọc vân tay "
                "SHA-256 để %2 đối chiếu:\n%1"
            )
            .replace("%1", grouped_fingerprint(info.fingerprint))
            .replace("%2", receiver(self.workspace, self.lang)),
        )

    # -- the certificate for the unit reported to -----------------------------------------

    def export_cert(self) -> None:
        from ..workspace.identity import export_unit_certificate

        profile = self.workspace.require_profile()
        # In the unit's documents folder (created if need be): a folder that does not
        # exist made the dialog open in the program's install folder.
        start = dialog_start(self.workspace.data_dir, None, f"chung-thu-{profile.unit_code}.pem")
        target = self.dialogs.choose_save_file(
            self,
            self.tr("Xuất chứng thư"),
            start,
            self.tr("Chứng thư PEM (*.pem);;Chứng thư DER (*.cer)"),
        )
        if not target:
            return
        try:
            path, info = export_unit_certificate(self.workspace, Path(target))
        except Exception as error:  # shown to the clerk as it is
            self.show_error(error)
            return
        self.dialogs.info(
            self,
            self.windowTitle(),
            self.tr("Đã ghi %1.\nGửi tệp này cho %3, rồi đọc vân tay SHA-256 qua điện thoại:\n%2")
            .replace("%1", str(path))
            .replace("%2", grouped_fingerprint(info.fingerprint))
            .replace("%3", receiver(self.workspace, self.lang)),
        )


__all__ = ["IdentityDialog"]
