"""The command-line contract (DESIGN §6) as an argparse parser.

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__
from .appraisal_commands import add_appraisal_parsers
from .backup_commands import add_backup_parsers
from .children_commands import add_children_parsers
from .evidence_commands import add_evidence_parsers
from .packet_commands import add_packet_parsers
from .plan_commands import add_plan_parsers
from .receive_commands import add_receive_parsers
from .report_commands import add_report_parsers
from .score_commands import add_score_parsers


def _common() -> argparse.ArgumentParser:
    # SUPPRESS lets --data-dir/--lang/--json stand before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="thư mục dữ liệu / data directory"
    )
    common.add_argument(
        "--lang",
        choices=["vi", "en"],
        default=argparse.SUPPRESS,
        help="ngôn ngữ hiển thị / display language",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="kết quả dạng JSON cho phần mềm khác / JSON output for scripts",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="desktop-app",
        description="Báo cáo chỉ số ứng dụng CNTT / IT-application indicator reports. "
        "Không có lệnh: mở cửa sổ / no command: opens the window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(  # handled before this parser, in __main__ (desktop_app/selftest.py)
        "--selftest",
        action="store_true",
        help="tự kiểm tra bản cài đặt trong thư mục tạm rồi thoát (thêm --no-window: không mở "
        "cửa sổ) / check this installation in a temporary folder and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    setup = commands.add_parser(
        "setup", parents=[common], help="chọn đơn vị báo cáo / set the reporting unit"
    )
    setup.add_argument(
        "--unit", required=True, help="mã đơn vị chính thức, ví dụ 02080 / official unit code"
    )
    setup.add_argument(
        "--catalogue",
        choices=["legacy", "current"],
        default="current",
        help="legacy: trước 7/2025 (tỉnh–huyện–xã); current: hiện hành (tỉnh–xã)",
    )
    setup.add_argument("--clerk", help="người lập biểu / the clerk")
    setup.add_argument("--leader", help="người ký (Chủ tịch) / the signing leader")
    setup.add_argument(
        "--force-new",
        action="store_true",
        help="bắt đầu với dữ liệu trống dù thư mục sao lưu còn số liệu (các bản sao lưu vẫn "
        "được giữ) / start empty although the backups hold data (they are kept)",
    )

    units = commands.add_parser("units", parents=[common], help="danh mục đơn vị / unit catalogue")
    units_cmd = units.add_subparsers(dest="units_command", metavar="search", required=True)
    search = units_cmd.add_parser(
        "search", parents=[common], help="tìm theo tên hoặc mã / by name or code"
    )
    search.add_argument("query", help='ví dụ "binh trung" hoặc 02080')
    structure = search.add_mutually_exclusive_group()
    structure.add_argument("--catalogue", choices=["legacy", "current"])
    structure.add_argument(
        "--period",
        help="danh mục của kỳ: trước 01/7/2025 legacy, sau đó current (mặc định current)"
        " / the catalogue of the period's structure (default current)",
    )
    search.add_argument("--level", choices=["province", "district", "commune"])
    search.add_argument("--limit", type=int, default=20)

    forms = commands.add_parser("forms", parents=[common], help="biểu mẫu / form definitions")
    forms_cmd = forms.add_subparsers(
        dest="forms_command",
        metavar="list|show|export-xlsx|import-xlsx|publish|install",
        required=True,
    )
    forms_cmd.add_parser("list", parents=[common], help="liệt kê / list")
    show = forms_cmd.add_parser("show", parents=[common], help="chi tiết một biểu mẫu / one form")
    show.add_argument("form_id")
    show.add_argument("--year", type=int, help="phiên bản cho năm / the version for a year")
    fx = forms_cmd.add_parser(
        "export-xlsx", parents=[common], help="ghi ra bảng tính để sửa / to a workbook to edit"
    )
    fx.add_argument("form_id")
    fx.add_argument("--version", help="phiên bản (mặc định: mới nhất) / version (default: newest)")
    fx.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    fi = forms_cmd.add_parser(
        "import-xlsx", parents=[common], help="cài từ bảng tính / install from a workbook"
    )
    fi.add_argument("file", type=Path, metavar="FILE.xlsx")
    fp = forms_cmd.add_parser(
        "publish", parents=[common], help="ký gửi đơn vị cấp dưới / sign for the units below"
    )
    fp.add_argument("form_id")
    fp.add_argument("--version", help="phiên bản (mặc định: mới nhất) / version (default: newest)")
    fp.add_argument("--out", type=Path, required=True, metavar="DIR")
    fp.add_argument("--period", help="kèm kế hoạch của kỳ / with the plan of a period")
    fp_secret = fp.add_mutually_exclusive_group(required=True)
    fp_secret.add_argument("--passphrase-env", metavar="VAR")
    fp_secret.add_argument("--pin-env", metavar="VAR")
    fn = forms_cmd.add_parser(
        "install", parents=[common], help="cài gói biểu mẫu cấp trên gửi / install a form packet"
    )
    fn.add_argument("file", type=Path, metavar="FILE.zip")
    fn_trust = fn.add_mutually_exclusive_group()
    fn_trust.add_argument(
        "--trust", type=Path, metavar="CERT", help="chứng thư cấp trên / the parent's certificate"
    )
    fn_trust.add_argument("--fingerprint", help="vân tay đã đối chiếu / confirmed fingerprint")

    values = commands.add_parser("values", parents=[common], help="nhập số liệu / enter values")
    values_cmd = values.add_subparsers(
        dest="values_command", metavar="set|load|import", required=True
    )
    vset = values_cmd.add_parser("set", parents=[common], help="FIELD=VALUE ...")
    vset.add_argument("--form", required=True)
    vset.add_argument("--period", required=True)
    vset.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    vload = values_cmd.add_parser("load", parents=[common], help="từ tệp JSON / from a JSON file")
    vload.add_argument("file", type=Path)
    vimport = values_cmd.add_parser(
        "import",
        parents=[common],
        help="từ bảng tính Excel (report.xlsx của phần mềm, hoặc bảng đơn vị × chỉ tiêu)"
        " / from a workbook (the application's report.xlsx, or units × indicators)",
    )
    vimport.add_argument("file", type=Path, metavar="FILE.xlsx")
    vimport.add_argument("--period", help="kỳ báo cáo / reporting period (e.g. 2018)")
    vimport.add_argument("--form", help="biểu mẫu, nếu không nhận ra / the form, if not recognised")
    vimport.add_argument(
        "--dry-run", action="store_true", help="chỉ kiểm tra, không ghi / check only, write nothing"
    )

    validate = commands.add_parser(
        "validate", parents=[common], help="kiểm tra báo cáo / check a report"
    )
    validate.add_argument("--form", required=True)
    validate.add_argument("--period", required=True)

    status = commands.add_parser(
        "status",
        parents=[common],
        help="tình trạng báo cáo; có --form --period: bảng tình hình nộp của đơn vị trực thuộc"
        " / report status; with --form --period: the children's submission board",
    )
    status.add_argument("--form")
    status.add_argument("--period")
    status.add_argument(
        "--xlsx", type=Path, metavar="OUT.xlsx", help="bảng tình hình nộp ra Excel / board to Excel"
    )
    status.add_argument(
        "--sort",
        choices=["state", "code", "name", "revision", "submitted", "received", "late"],
        help="sắp xếp bảng / sort the board",
    )

    add_evidence_parsers(commands, common)
    add_packet_parsers(commands, common)  # identity, export, verify
    add_plan_parsers(commands, common)
    add_appraisal_parsers(commands, common)
    add_score_parsers(commands, common)
    add_receive_parsers(commands, common)  # trust, receive, decide, accept, return, receipt…
    add_report_parsers(commands, common)  # report, prefill, merges
    add_backup_parsers(commands, common)
    add_children_parsers(commands, common)
    return parser
