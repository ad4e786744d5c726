"""Reading a packet: DESIGN §3 receiving checks 1–6, in order, each failure an AppError
with its own code (``packet.*``), the check number and a vi/en message. Check 7 (is the
unit ours, is the revision new) belongs to receiving.

    verifier = PacketVerifier(forms, TrustList.from_files([Path("ca.pem")]))
    packet = verifier.verify(Path("02080_cntt-xa_2026_r1.zip"))   # VerifiedPacket or AppError

One verifier checks many packets: it keeps pyHanko's event loop and the trust roots
parsed for it; each packet is validated in a context of its own (``sigcheck.Contexts``).

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509

from ..core.forms import Form, FormRegistry
from ..core.messages import AppError, Text
from ..core.validation import ValidationResult
from . import certs
from .datacheck import check_data
from .evidencecheck import check_evidence_form, check_evidence_members
from .manifest import HASHED_MEMBERS, parse_manifest, sha256_hex
from .trust import TrustSource, decide
from .zipread import DEFAULT_LIMITS, ZipLimits, read_members

CLOCK_TOLERANCE = datetime.timedelta(days=1)  # office PCs' clocks are often off


@dataclass(frozen=True)
class VerifiedPacket:
    source: str
    manifest: Mapping[str, Any]
    data: Mapping[str, Any]
    data_sha256: str
    form: Form
    result: ValidationResult
    signer: x509.Certificate
    fingerprint: str
    signed_at: datetime.datetime
    members: Mapping[str, bytes]

    @property
    def unit_code(self) -> str:
        code: str = self.manifest["unit"]["code"]  # types checked with the manifest
        return code

    @property
    def revision(self) -> int:
        revision: int = self.manifest["revision"]
        return revision

    def summary(self) -> dict[str, Any]:
        m = self.manifest
        return {
            "unit": m["unit"],
            "form": m["form"],
            "period": m["period"],
            "revision": m["revision"],
            "created_at": m["created_at"],
            "signer": certs.common_name(self.signer),
            "fingerprint": self.fingerprint,
            "signed_at": self.signed_at.isoformat(),
            "data_sha256": self.data_sha256,
        }


def _reject(code: str, check: int, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), check=check, **details)


def _date(moment: datetime.datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


class PacketVerifier:
    def __init__(
        self,
        forms: FormRegistry,
        trust: TrustSource,
        *,
        limits: ZipLimits = DEFAULT_LIMITS,
        clock: Callable[[], datetime.datetime] | None = None,
    ) -> None:
        from .sigcheck import Contexts  # pyHanko: only once a packet is to be read

        self.forms = forms
        self.trust = trust
        self.limits = limits
        self.clock = clock or (lambda: datetime.datetime.now(datetime.UTC))
        self._contexts = Contexts()
        self._loop = asyncio.new_event_loop()

    def close(self) -> None:
        self._loop.close()

    def __enter__(self) -> PacketVerifier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify(self, source: Path | bytes) -> VerifiedPacket:
        from .agreement import check_reports
        from .pdfcheck import check_active_content, open_pdf

        members = read_members(source, self.limits)  # check 1
        manifest = parse_manifest(members["manifest.json"])  # check 2
        unit_code = manifest["unit"]["code"]
        signer, signed_at, context = self._check_cms(members, unit_code)  # checks 3, 4
        self._check_hashes(manifest, members)  # check 5
        check_evidence_members(manifest, members)
        reader = open_pdf(members["report.pdf"])  # one parse for the checks of report.pdf
        self._check_pdf(members["report.pdf"], signer, context, reader)
        check_active_content(reader)
        data, form, result = check_data(self.forms, manifest, members["data.json"])  # check 6
        check_evidence_form(form, manifest, data, result)
        check_reports(form, data, members, reader)
        return VerifiedPacket(
            source=str(source) if isinstance(source, Path) else "<bytes>",
            manifest=manifest,
            data=data,
            data_sha256=sha256_hex(members["data.json"]),
            form=form,
            result=result,
            signer=signer,
            fingerprint=certs.fingerprint(signer),
            signed_at=signed_at,
            members=members,
        )

    # -- checks 3 and 4 ------------------------------------------------------------------

    def _check_cms(
        self, members: Mapping[str, bytes], unit_code: str
    ) -> tuple[x509.Certificate, datetime.datetime, Any]:
        from . import signer_refusals as refuse
        from .sigcheck import check_cms, preview_cms
        from .signer_rules import weak_cms_digest
        from .timecheck import check_times

        try:
            preview = preview_cms(members["manifest.json.p7s"])
        except Exception as exc:  # an untrusted blob: any parse failure is a refusal
            raise _reject(
                "packet.signature_invalid",
                3,
                f"Chữ ký manifest.json.p7s không đọc được ({exc}).",
                f"The manifest.json.p7s signature cannot be read ({exc}).",
            ) from exc
        signer = preview.signer
        weak = weak_cms_digest(preview.signed_data)
        if weak is not None:  # pyHanko would call it untrusted, which misleads
            raise refuse.weak_algorithm(weak, "signature", signer)
        now = self.clock()
        signed_at = preview.signed_at
        decision = decide(signer, unit_code, self.trust)
        moment = min(signed_at, now) if signed_at else now
        context = self._contexts.get(decision.roots, moment)
        try:
            facts = self._loop.run_until_complete(
                check_cms(members["manifest.json"], preview, context)
            )
            reason = ""
        except Exception as exc:  # a malformed signature pyHanko cannot even evaluate
            facts, reason = None, f" ({exc})"
        if facts is None or not (facts.intact and facts.valid):
            raise _reject(
                "packet.signature_invalid",
                3,
                f"Chữ ký số trên manifest.json không hợp lệ: tệp đã bị sửa sau khi ký hoặc chữ ký hỏng{reason}.",
                f"The signature over manifest.json is not valid: the file was changed after signing or the signature is broken{reason}.",
            )
        name, fp = certs.common_name(signer), certs.fingerprint(signer)
        if signed_at is None or signed_at > now + CLOCK_TOLERANCE:
            raise _reject(
                "packet.signing_time_invalid",
                4,
                "Thời điểm ký trong chữ ký bị thiếu hoặc ở tương lai.",
                "The signing time in the signature is missing or in the future.",
                signed_at=signed_at.isoformat() if signed_at else None,
            )
        self._check_signer(decision, signer, unit_code)
        if not certs.valid_at(signer, signed_at):
            raise _reject(
                "packet.cert_expired",
                4,
                f"Chứng thư của người ký chỉ có hiệu lực {_date(signer.not_valid_before_utc)} – {_date(signer.not_valid_after_utc)}, không bao gồm thời điểm ký {_date(signed_at)}.",
                f"The signer's certificate is valid {_date(signer.not_valid_before_utc)} – {_date(signer.not_valid_after_utc)}, which does not include the signing time {_date(signed_at)}.",
                signer=name,
                fingerprint=fp,
            )
        if not (facts.trusted and facts.bottom_line):
            raise _reject(
                "packet.signer_untrusted",
                4,
                f"Chứng thư của người ký ({name}) không dẫn tới tổ chức cấp chứng thư được tin cậy.",
                f"The signer's certificate ({name}) does not chain to a trusted certificate authority.",
                signer=name,
                fingerprint=fp,
            )
        check_times(members["manifest.json"], signed_at, now, CLOCK_TOLERANCE)
        return signer, signed_at, context

    def _check_signer(self, decision: Any, signer: x509.Certificate, unit_code: str) -> None:
        """Check 4's trust rules (``trust.decide``), then what the certificate itself must
        be, pinned or CA-issued (``signer_rules``)."""
        from . import signer_refusals as refuse
        from .signer_rules import key_weakness, may_sign, weak_certificate_digest

        name, fp = certs.common_name(signer), certs.fingerprint(signer)
        if decision.problem == "withdrawn":
            raise refuse.withdrawn(decision.withdrawal, signer)
        if decision.problem in ("not_for_unit", "names_no_unit", "names_several_units"):
            raise refuse.not_for_unit(decision, signer, unit_code)
        if decision.problem == "no_anchor":
            raise _reject(
                "packet.signer_untrusted",
                4,
                f"Người ký ({name}, vân tay {fp}) chưa được đăng ký tin cậy cho đơn vị {unit_code}.",
                f"The signer ({name}, fingerprint {fp}) is not registered as trusted for unit {unit_code}.",
                signer=name,
                fingerprint=fp,
            )
        weakness = key_weakness(signer)
        if weakness is not None:
            raise refuse.weak_key(weakness, signer)
        digest = weak_certificate_digest(signer)
        if digest is not None:
            raise refuse.weak_algorithm(digest, "certificate", signer)
        if not may_sign(signer):
            raise refuse.key_usage(signer)

    # -- check 5 ------------------------------------------------------------------------

    def _check_hashes(self, manifest: Mapping[str, Any], members: Mapping[str, bytes]) -> None:
        for name in HASHED_MEMBERS:
            if sha256_hex(members[name]) != manifest["files"][name]:
                raise _reject(
                    "packet.hash_mismatch",
                    5,
                    f"{name} không khớp với manifest (tệp đã bị thay đổi sau khi ký).",
                    f"{name} does not match the manifest (the file was changed after signing).",
                    member=name,
                )

    def _check_pdf(
        self, pdf: bytes, signer: x509.Certificate, context: Any, reader: Any = None
    ) -> None:
        from .sigcheck import check_pdf

        try:
            facts = self._loop.run_until_complete(check_pdf(pdf, context, reader))
        except Exception as exc:
            raise _reject(
                "packet.pdf_signature_invalid",
                5,
                f"Không kiểm tra được chữ ký số của report.pdf ({exc}).",
                f"The signature of report.pdf cannot be checked ({exc}).",
            ) from exc
        if not (facts.intact and facts.valid and facts.whole_file):
            extra = f" ({facts.problem})" if facts.problem else ""
            raise _reject(
                "packet.pdf_signature_invalid",
                5,
                f"report.pdf không có đúng một chữ ký số hợp lệ bao trùm toàn bộ tệp{extra}.",
                f"report.pdf does not carry exactly one valid signature covering the whole file{extra}.",
            )
        if facts.signer != signer:
            raise _reject(
                "packet.pdf_signer_mismatch",
                5,
                "report.pdf được ký bởi người khác với người ký manifest.json.",
                "report.pdf was signed by someone other than the signer of manifest.json.",
            )
        if not facts.bottom_line:
            raise _reject(
                "packet.pdf_signature_invalid",
                5,
                "Chữ ký số của report.pdf không được xác nhận.",
                "The signature of report.pdf could not be confirmed.",
            )


def verify_packet(
    source: Path | bytes,
    forms: FormRegistry,
    trust: TrustSource,
    *,
    limits: ZipLimits = DEFAULT_LIMITS,
) -> VerifiedPacket:
    """One packet, checks 1–6 (make a PacketVerifier to check many)."""
    with PacketVerifier(forms, trust, limits=limits) as verifier:
        return verifier.verify(source)


__all__ = ["CLOCK_TOLERANCE", "PacketVerifier", "VerifiedPacket", "verify_packet"]
