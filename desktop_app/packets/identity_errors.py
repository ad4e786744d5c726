"""Why a signing identity cannot be created, imported or used: codes and vi/en messages.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime

from ..core.levels import UNIT_ABOVE
from ..core.messages import AppError, Text

KINDS = {
    "self-signed": Text("tự cấp", "self-signed"),
    "pkcs12": Text("tệp PKCS#12", "PKCS#12 file"),
    "pkcs11": Text("USB ký số", "PKCS#11 token"),
}


def _date(moment: datetime.datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y")


def no_identity() -> AppError:
    return AppError(
        "identity.none",
        Text(
            "Chưa có chứng thư ký số của đơn vị. Tạo mới (identity new), nhập tệp .p12 (identity import) hoặc dùng USB ký số (identity use-token).",
            "The unit has no signing certificate yet. Create one (identity new), import a .p12 file (identity import) or use a USB token (identity use-token).",
        ),
    )


def exists(kind: str) -> AppError:
    label = KINDS.get(kind, Text(kind, kind))
    return AppError(
        "identity.exists",
        Text(
            f"Đơn vị đã có chứng thư ký số ({label.vi}). Thay bằng chứng thư khác thì {UNIT_ABOVE.vi} phải đăng ký lại; nếu chắc chắn, thêm --replace.",
            f"The unit already has a signing certificate ({label.en}). Replacing it means {UNIT_ABOVE.en} must register the new one; if you are sure, add --replace.",
        ),
        kind=kind,
    )


def weak_passphrase(minimum: int) -> AppError:
    return AppError(
        "identity.weak_passphrase",
        Text(
            f"Mật khẩu bảo vệ khoá phải có ít nhất {minimum} ký tự.",
            f"The passphrase protecting the key must have at least {minimum} characters.",
        ),
        minimum=minimum,
    )


def secret_missing(pin: bool) -> AppError:
    what = Text("mã PIN của USB ký số", "the token PIN") if pin else Text("mật khẩu", "passphrase")
    return AppError(
        "identity.secret_missing",
        Text(f"Cần nhập {what.vi} để ký.", f"Signing needs {what.en}."),
    )


def wrong_passphrase() -> AppError:
    return AppError(
        "identity.wrong_passphrase",
        Text(
            "Mật khẩu không đúng: không mở được khoá ký số.",
            "Wrong passphrase: the signing key cannot be opened.",
        ),
    )


def bad_file(name: str, reason: str = "") -> AppError:
    extra = f" ({reason})" if reason else ""
    return AppError(
        "identity.bad_file",
        Text(
            f"{name} không phải tệp chứng thư/khoá hợp lệ{extra}.",
            f"{name} is not a valid certificate/key file{extra}.",
        ),
        file=name,
    )


def files_missing(path: str) -> AppError:
    return AppError(
        "identity.files_missing",
        Text(
            f"Không tìm thấy tệp của chứng thư ký số: {path}. Khôi phục thư mục dữ liệu từ bản sao lưu hoặc tạo/nhập lại chứng thư.",
            f"A file of the signing identity is missing: {path}. Restore the data directory from a backup or create/import the certificate again.",
        ),
        path=path,
    )


def expired(not_after: datetime.datetime) -> AppError:
    return AppError(
        "identity.expired",
        Text(
            f"Chứng thư ký số đã hết hạn ngày {_date(not_after)}. Cần chứng thư mới.",
            f"The signing certificate expired on {_date(not_after)}. A new certificate is needed.",
        ),
        not_after=not_after.isoformat(),
    )


def not_yet_valid(not_before: datetime.datetime) -> AppError:
    return AppError(
        "identity.not_yet_valid",
        Text(
            f"Chứng thư ký số chỉ có hiệu lực từ ngày {_date(not_before)}; kiểm tra lại đồng hồ máy tính.",
            f"The signing certificate is only valid from {_date(not_before)}; check the computer's clock.",
        ),
        not_before=not_before.isoformat(),
    )


def key_usage() -> AppError:
    return AppError(
        "identity.key_usage",
        Text(
            "Chứng thư này không được phép dùng để ký (thiếu digitalSignature/nonRepudiation).",
            "This certificate may not be used for signing (no digitalSignature/nonRepudiation).",
        ),
    )


def weak(what: str) -> AppError:
    """A key too short, or a certificate signed with SHA-1/MD5: the district refuses its
    packets (``packet.weak_key``, ``packet.weak_algorithm``), so it is refused here."""
    return AppError(
        "identity.weak",
        Text(
            f"Chứng thư này dùng {what}, quá yếu: đơn vị cấp trên sẽ từ chối gói ký bằng nó. Cần khoá RSA từ 2048 bit hoặc đường cong elliptic từ 256 bit, ký bằng SHA-256.",
            f"This certificate uses {what}, which is too weak: the parent unit would refuse packets signed with it. An RSA key of at least 2048 bits or an elliptic curve of at least 256 bits, signed with SHA-256, is needed.",
        ),
        weakness=what,
    )


def no_key(name: str) -> AppError:
    return AppError(
        "identity.no_key",
        Text(
            f"{name} không chứa khoá bí mật kèm chứng thư.",
            f"{name} holds no private key with its certificate.",
        ),
        file=name,
    )


def module_missing(module: str, reason: str) -> AppError:
    return AppError(
        "identity.module_missing",
        Text(
            f"Không nạp được thư viện PKCS#11 {module}: cài trình điều khiển của USB ký số. ({reason})",
            f"Cannot load the PKCS#11 module {module}: install the token's driver. ({reason})",
        ),
        module=module,
    )


def token_absent(label: str) -> AppError:
    return AppError(
        "identity.token_absent",
        Text(
            f"Không thấy USB ký số «{label}». Cắm USB vào máy rồi thử lại.",
            f"No token labelled «{label}» found. Plug the token in and try again.",
        ),
        token=label,
    )


def wrong_pin() -> AppError:
    return AppError(
        "identity.wrong_pin",
        Text(
            "Mã PIN không đúng. Lưu ý: nhập sai nhiều lần sẽ khoá USB ký số.",
            "Wrong PIN. Careful: too many wrong PINs lock the token.",
        ),
    )


def pin_locked() -> AppError:
    return AppError(
        "identity.pin_locked",
        Text(
            "USB ký số đã bị khoá mã PIN; liên hệ nơi cấp để mở khoá.",
            "The token's PIN is locked; contact its issuer to unlock it.",
        ),
    )


def token_object_missing(what: str, label: str) -> AppError:
    return AppError(
        "identity.token_object_missing",
        Text(
            f"Trên USB ký số không có {'khoá' if what == 'key' else 'chứng thư'} mang nhãn «{label}».",
            f"The token has no {'key' if what == 'key' else 'certificate'} labelled «{label}».",
        ),
        label=label,
    )


def token_error(reason: str) -> AppError:
    return AppError(
        "identity.token_error",
        Text(f"Lỗi USB ký số: {reason}", f"Token error: {reason}"),
    )


def certificate_changed(expected: str, found: str) -> AppError:
    return AppError(
        "identity.certificate_changed",
        Text(
            f"Chứng thư trên thiết bị khác chứng thư đã đăng ký với phần mềm. Nếu đã được cấp chứng thư mới, chọn lại nó (identity use-token/import) và gửi chứng thư mới cho {UNIT_ABOVE.vi}.",
            f"The certificate on the device is not the one registered with the application. If a new certificate was issued, select it again (identity use-token/import) and send it to {UNIT_ABOVE.en}.",
        ),
        expected=expected,
        found=found,
    )
