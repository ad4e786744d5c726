"""The window's receiving commands. A unit with children (a district in the legacy
structure, a province) gets the «Tiếp nhận» menu: the status board, receiving packets
(also by dropping files or folders onto the window), the trust list. Every unit can open
a receipt or return note its parent sent about its own report, and read the appraisal
of its self-assessed scores the receipt carried.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from ..background import BackgroundTask
    from ..window_context import WindowContext

# Everything but the actions is imported when a command runs: this module is loaded at
# start-up, which is measured.


class ReceivingActions(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.widget)
        self.window = window
        self.board: Any = None
        self.district: Any = None
        self.task: BackgroundTask | None = None
        self.board_action = QAction(self.tr("&Theo dõi nộp báo cáo…"), window.widget)
        self.board_action.setShortcut(QKeySequence("F9"))
        self.board_action.triggered.connect(self.open_board)
        self.receive_action = QAction(self.tr("&Nhận gói nộp…"), window.widget)
        self.receive_action.setShortcut(QKeySequence("Ctrl+R"))
        self.receive_action.triggered.connect(lambda: self.receive())
        self.trust_action = QAction(self.tr("&Chứng thư tin cậy…"), window.widget)
        self.trust_action.triggered.connect(self.open_trust)
        self.consolidation_action = QAction(
            self.tr("Tổng hợp, &chấm điểm, xếp hạng…"), window.widget
        )
        self.consolidation_action.setShortcut(QKeySequence("F10"))
        self.consolidation_action.triggered.connect(lambda: self.open_consolidation())
        self.prefill_action = QAction(
            self.tr("&Điền sẵn báo cáo của đơn vị từ số liệu cấp dưới"), window.widget
        )
        self.prefill_action.triggered.connect(self.prefill)
        self.receipt_action = QAction(self.tr("Mở &biên nhận / phiếu trả lại…"), window.widget)
        self.receipt_action.triggered.connect(lambda: self.open_receipt())
        self.appraisal_action = QAction(self.tr("Kết quả &thẩm định…"), window.widget)
        self.appraisal_action.triggered.connect(lambda: self.show_appraisal())

    @property
    def receives(self) -> bool:
        """Whether the unit has children to receive from. Judged by its level from the
        database (a commune has none, a district or province has), not by loading the
        catalogue: this runs at start-up, which is measured."""
        from ...storage import unit_path

        profile = self.window.workspace.profile
        if profile is None:
            return False
        path = unit_path(self.window.workspace.db, profile.unit_code)
        if path:
            return path[0].level != "commune"
        from ...workspace.receive import receives

        return receives(self.window.workspace)

    def menu_actions(self) -> list[QAction | None]:
        """The receiving menu (None: a separator)."""
        return [
            self.board_action,
            self.receive_action,
            self.trust_action,
            None,
            self.consolidation_action,
            self.prefill_action,
        ]

    # -- receiving -----------------------------------------------------------------------

    def open_board(self) -> Any:
        from .board_window import BoardWindow

        window = self.window
        if self.board is None:
            self.board = BoardWindow(window.ui, window.widget)
            self.board.finished.connect(lambda _code: setattr(self, "board", None))
        self.board.show()
        self.board.raise_()
        self.board.activateWindow()
        return self.board

    def receive(self, paths: list[Path] | None = None) -> Any:
        """The receive dialog, started on ``paths`` if given (files dropped on the window)."""
        from ..export_dialog import default_export_dir
        from .receive_dialog import ReceiveDialog

        window = self.window
        dialog = ReceiveDialog(window.ui, default_export_dir(window.workspace), window.widget)
        dialog.received.connect(self._received)
        if paths:
            dialog.receive(paths)
        dialog.exec()
        return dialog

    def _received(self, report: Any) -> None:
        board = self.board
        if board is None:
            return
        shown = [o.submission for o in report.outcomes if o.submission is not None]
        if shown:
            board.choose(shown[-1].form_id, shown[-1].period)
        else:
            board.refresh()

    def open_trust(self) -> Any:
        from .trust_dialog import TrustDialog

        window = self.window
        dialog = TrustDialog(window.ui, window.widget)
        dialog.exec()
        return dialog

    def open_consolidation(self) -> Any:
        from ..district.district_window import DistrictWindow

        window = self.window
        if self.district is None:
            self.district = DistrictWindow(window.ui, window.widget)
            self.district.finished.connect(lambda _code: setattr(self, "district", None))
        self.district.show()
        self.district.raise_()
        self.district.activateWindow()
        return self.district

    def prefill(self) -> None:
        """Fill the open report's district-wide fields from the children's reports."""
        window = self.window
        session = window.session
        if session is None:
            return
        if not any(f.prefill for f in session.form.fields.values()):
            window.dialogs.info(
                window.widget,
                self.tr("Điền sẵn từ số liệu cấp dưới"),
                self.tr(
                    "Biểu mẫu đang mở không có chỉ tiêu lấy từ báo cáo của đơn vị cấp dưới. "
                    "Hãy chọn biểu mẫu báo cáo của chính đơn vị (ví dụ cntt-huyen)."
                ),
            )
            return
        if not window.may_leave_report():  # the report is opened again once pre-filled
            return
        from ...workspace.district_prefill import prefill_own_report
        from ..background import BackgroundTask, error_text, in_workspace

        form_id, period = session.form.id, str(session.period)

        def job(ws: Any, _progress: Any) -> Any:
            return prefill_own_report(ws, form_id, period)

        self.task = BackgroundTask(
            window.widget,
            self.tr("Đang tổng hợp báo cáo của đơn vị cấp dưới…"),
            in_workspace(window.workspace.data_dir, job),
        )
        self.task.finished.connect(lambda outcome: self._prefilled(outcome, form_id, period))
        self.task.failed.connect(
            lambda error: window.dialogs.error(
                window.widget,
                self.tr("Điền sẵn từ số liệu cấp dưới"),
                error_text(error, window.lang),
            )
        )
        self.task.start()

    def _prefilled(self, outcome: Any, form_id: str, period: str) -> None:
        window = self.window
        # Written by another connection: the report is opened again from the database
        # (the session's undo history does not cover the pre-fill; its audit rows do).
        window.open_report(form_id, period)
        lines = [
            self.tr("Đã tổng hợp từ báo cáo của %1/%2 đơn vị cấp dưới.")
            .replace("%1", str(outcome.units))
            .replace("%2", str(outcome.expected)),
            self.tr("Điền mới hoặc cập nhật: %1 chỉ tiêu; không đổi: %2.")
            .replace("%1", str(len(outcome.written)))
            .replace("%2", str(len(outcome.unchanged))),
        ]
        if outcome.kept:
            lines.append(
                self.tr("Giữ nguyên %1 chỉ tiêu anh/chị đã sửa khác số tổng hợp.").replace(
                    "%1", str(len(outcome.kept))
                )
            )
        lines.append(
            self.tr("Các ô điền sẵn có nền xanh nhạt; ghi chú của từng ô nói số liệu lấy từ đâu.")
        )
        window.dialogs.info(
            window.widget, self.tr("Điền sẵn từ số liệu cấp dưới"), "\n".join(lines)
        )

    # -- the unit's own report -------------------------------------------------------------

    def open_receipt(self, path: Path | None = None, fingerprint: str | None = None) -> None:
        """Open a receipt or return note about this unit's report and show what it says.
        The first one from the parent is applied only once the clerk has seen its
        signer's fingerprint and trusted it (``ReceiptTrustDialog``)."""
        from ..export_dialog import default_export_dir

        window = self.window
        if window.workspace.profile is None:
            return
        if path is None:
            chosen = window.dialogs.choose_files(
                window.widget,
                self.tr("Mở biên nhận hoặc phiếu trả lại"),
                str(default_export_dir(window.workspace)),
                self.tr("Biên nhận (*.zip);;Mọi tệp (*)"),
            )
            if not chosen:
                return
            path = Path(chosen[0])
        from ...workspace.receive import open_receipt
        from ..background import BackgroundTask, in_workspace

        target = path

        def job(ws: Any, _progress: Any) -> Any:
            return open_receipt(ws, target, fingerprint=fingerprint)

        self.task = BackgroundTask(
            window.widget,
            self.tr("Đang kiểm tra biên nhận…"),
            in_workspace(window.workspace.data_dir, job),
        )
        self.task.finished.connect(self._receipt_opened)
        self.task.failed.connect(lambda error: self._receipt_refused(error, target))
        self.task.start()

    def _receipt_refused(self, error: Any, path: Path) -> None:
        from ...core.messages import AppError
        from ..background import error_text

        window = self.window
        if isinstance(error, AppError) and error.code == "receipt.parent_unconfirmed":
            from .receipt_trust_dialog import ReceiptTrustDialog

            dialog = ReceiptTrustDialog(error.details, window.widget)
            if dialog.exec() == ReceiptTrustDialog.DialogCode.Accepted:
                self.open_receipt(path, fingerprint=dialog.fingerprint)
            return
        window.dialogs.error(window.widget, self.tr("Biên nhận"), error_text(error, window.lang))

    def _receipt_opened(self, check: Any) -> None:
        window = self.window
        text = check.message().pick(window.lang)
        if check.already:
            text += "\n" + self.tr("(Biên nhận này đã được mở trước đây.)")
        if window.session is not None:
            window.session.reload()
            from ..appraisal_result_dialog import appraisal_summary, held_for

            appraised = appraisal_summary(window.session, held_for(window.session))
            if appraised:
                text += "\n" + self.tr("Cấp trên đã thẩm định điểm tự đánh giá. %1.").replace(
                    "%1", appraised
                )
                text += "\n" + self.tr("Xem từng mục: Báo cáo → Kết quả thẩm định….")
        window.update_status()
        window.dialogs.info(window.widget, self.tr("Biên nhận"), text)

    def show_appraisal(self, *, modal: bool = True) -> Any:
        """The parent's appraisal of the open report, item by item (or why there is none)."""
        window = self.window
        session = window.session
        if session is None:
            return None
        from ..appraisal_result_dialog import AppraisalResultDialog, held_for

        held = held_for(session)
        if held is None:
            window.dialogs.info(
                window.widget,
                self.tr("Kết quả thẩm định"),
                self.tr(
                    "Cấp trên chưa gửi kết quả thẩm định cho báo cáo này. Kết quả đến cùng biên"
                    " nhận: Báo cáo → Mở biên nhận / phiếu trả lại…"
                ),
            )
            return None
        dialog = AppraisalResultDialog(session, held, window.lang, window.widget)
        if modal:
            dialog.exec()
        return dialog


__all__ = ["ReceivingActions"]
