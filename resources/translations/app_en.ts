<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop_app/ui/about_dialog.py" line="+51"/>
        <source>Giới thiệu và chẩn đoán</source>
        <translation>About and diagnostics</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Báo cáo ứng dụng công nghệ thông tin</source>
        <translation>IT-application report</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Khi cần hỗ trợ: bấm «Lưu gói chẩn đoán…» và gửi tệp đó cho cán bộ CNTT của %1. Gói chỉ gồm thông tin dưới đây và nhật ký; không có số liệu báo cáo, không có khóa ký số.</source>
        <translation>When you need help: click «Save a diagnostics bundle…» and send that file to the IT officer of %1. It holds only the information below and the log; no report data, no signing key.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nhật ký (những dòng cuối)</source>
        <translation>Log (last lines)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mở thư mục dữ liệu</source>
        <translation>Open the data folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao chép thông tin</source>
        <translation>Copy the information</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu gói chẩn đoán…</source>
        <translation>Save a diagnostics bundle…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phiên bản</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phần mềm:</source>
        <translation>Application:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hệ điều hành:</source>
        <translation>Operating system:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dữ liệu</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ sở dữ liệu:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phiên bản lược đồ:</source>
        <translation>Schema version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>chưa thiết lập</source>
        <translation>not set up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp nhật ký:</source>
        <translation>Log file:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (mới nhất: %1)</source>
        <translation> (newest: %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bản sao lưu:</source>
        <translation>Backups:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(Nhật ký chưa có dòng nào.)</source>
        <translation>(The log is empty.)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã sao chép ✓</source>
        <translation>Copied ✓</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lưu gói chẩn đoán</source>
        <translation>Save a diagnostics bundle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tệp zip (*.zip)</source>
        <translation>Zip file (*.zip)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không lưu được gói chẩn đoán vào %1: %2</source>
        <translation>Cannot save the diagnostics bundle to %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã lưu gói chẩn đoán:
%1

Gói gồm thông tin trên và nhật ký; không có cơ sở dữ liệu, không có khóa ký số. Gửi tệp này cho cán bộ CNTT của %2.</source>
        <translation>Saved the diagnostics bundle:
%1

It holds the information above and the log; no database, no signing key. Send this file to the IT officer of %2.</translation>
    </message>
</context>
<context>
    <name>AddCertificateDialog</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/add_certificate_dialog.py" line="+54"/>
        <source>Tin cậy tổ chức cấp chứng thư (CA)</source>
        <translation>Trust a certificate authority (CA)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng ký chứng thư của đơn vị cấp dưới</source>
        <translation>Register a subordinate unit&apos;s certificate</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn tệp chứng thư (.pem, .cer, .crt) đơn vị gửi, hoặc dán nội dung «-----BEGIN CERTIFICATE-----…» vào ô dưới đây.</source>
        <translation>Choose the certificate file (.pem, .cer, .crt) the unit sent, or paste the «-----BEGIN CERTIFICATE-----…» text into the box below.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(chưa chọn tệp)</source>
        <translation>(no file chosen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn tệp…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Chứng thư ký cho đơn vị:</source>
        <translation>Certificate signs for unit:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ví dụ: nhận qua thư điện tử ngày …, đã đọc vân tay qua điện thoại</source>
        <translation>E.g. received by e-mail on …, fingerprint read back by phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tin cậy CA này</source>
        <translation>Trust this CA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đăng ký chứng thư</source>
        <translation>Register the certificate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chọn tệp chứng thư</source>
        <translation>Choose a certificate file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chứng thư (*.pem *.cer *.crt *.der);;Mọi tệp (*)</source>
        <translation>Certificates (*.pem *.cer *.crt *.der);;All files (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&lt;i&gt;Trước khi tin cậy, hãy gọi điện cho đơn vị và đọc đối chiếu vân tay: đơn vị xem vân tay ở Công cụ → Chữ ký số của đơn vị.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Before trusting it, phone the unit and compare the fingerprint: the unit sees it under Tools → The unit&apos;s digital signature.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chứng thư CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chứng thư đơn vị</source>
        <translation>Unit certificate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cấp bởi: %1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hiệu lực: %1 – %2</source>
        <translation>Valid: %1 – %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vân tay SHA-256:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Thay chứng thư cũ bằng chứng thư này? Chứng thư cũ sẽ hết được tin cậy.</source>
        <translation>Replace the old certificate with this one? The old certificate will no longer be trusted.</translation>
    </message>
</context>
<context>
    <name>AppDialog</name>
    <message>
        <location filename="../../desktop_app/ui/base_dialog.py" line="+67"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AppraisalEvidence</name>
    <message>
        <location filename="../../desktop_app/ui/district/appraisal_evidence.py" line="+78"/>
        <source>Tài liệu kiểm chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đơn vị không gửi kèm tài liệu kiểm chứng cho mục này.</source>
        <translation>The unit sent no evidence for this item.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Không mở được %1. Tệp nằm trong thư mục %2.</source>
        <translation>Cannot open %1. The file is in the folder %2.</translation>
    </message>
</context>
<context>
    <name>AppraisalModel</name>
    <message>
        <location filename="../../desktop_app/ui/district/appraisal_model.py" line="+88"/>
        <source>Mục chấm điểm</source>
        <translation>Score item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số liệu
của đơn vị</source>
        <translation>Unit&apos;s
figure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tự
đánh giá</source>
        <translation>Self-
assessed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tối
đa</source>
        <translation>Max-
imum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thẩm
định</source>
        <translation>Appr-
aised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu kiểm chứng</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>chưa</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nhấn đúp hoặc Ctrl+O để mở tài liệu kiểm chứng</source>
        <translation>Double-click or Ctrl+O opens the evidence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa thẩm định: tính theo điểm tự đánh giá. Enter: chấp nhận; F2: chấm khác.</source>
        <translation>Not appraised yet: counts at the self-assessed points. Enter: accept; F2: other points.</translation>
    </message>
</context>
<context>
    <name>AppraisalResult</name>
    <message>
        <location filename="../../desktop_app/ui/appraisal_result_dialog.py" line="+59"/>
        <source>Điểm thẩm định: %1 (tự đánh giá %2)</source>
        <translation>Appraised score: %1 (self-assessed %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— chưa thẩm định xong</source>
        <translation>— appraisal not finished</translation>
    </message>
</context>
<context>
    <name>AppraisalResultDialog</name>
    <message>
        <location line="+14"/>
        <source>Kết quả thẩm định</source>
        <translation>Appraisal result</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mục chấm điểm</source>
        <translation>Score item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số liệu</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tự đánh giá</source>
        <translation>Self-assessed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thẩm định</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do của cấp trên</source>
        <translation>The parent unit&apos;s reason</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>chưa</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Điểm tự đánh giá: &lt;b&gt;%1&lt;/b&gt; · Điểm chính thức sau thẩm định: &lt;b&gt;%2&lt;/b&gt;%3</source>
        <translation>Self-assessed score: &lt;b&gt;%1&lt;/b&gt; · Official score after appraisal: &lt;b&gt;%2&lt;/b&gt;%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cấp trên chưa thẩm định xong: mục ghi «chưa» đang tính theo điểm tự đánh giá.</source>
        <translation>The parent unit has not finished appraising: items marked «not yet» count at the self-assessed points.</translation>
    </message>
</context>
<context>
    <name>AppraisalView</name>
    <message>
        <location filename="../../desktop_app/ui/district/appraisal_view.py" line="+113"/>
        <source>Đơn vị (theo điểm chính thức)</source>
        <translation>Units (by official score)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chính
thức</source>
        <translation>Offi-
cial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thẩm
định xong</source>
        <translation>Appraisal
done</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Enter: chấp nhận điểm tự đánh giá · F2: chấm điểm khác (ghi lý do) · Ctrl+O: mở tài liệu kiểm chứng · Alt+PgDown / Alt+PgUp: đơn vị sau / trước</source>
        <translation>Enter: accept the self-assessed points · F2: other points (give the reason) · Ctrl+O: open the evidence · Alt+PgDown / Alt+PgUp: next / previous unit</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — tự đánh giá %2, chính thức %3</source>
        <translation>%1 — self-assessed %2, official %3</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Chưa có báo cáo nào để thẩm định.</source>
        <translation>There is no report to appraise yet.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 — báo cáo lần %2</source>
        <translation>%1 — report revision %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tự đánh giá: &lt;b&gt;%1&lt;/b&gt; · Chính thức: &lt;b&gt;%2&lt;/b&gt;%3 · Đã thẩm định %4/%5 mục</source>
        <translation>Self-assessed: &lt;b&gt;%1&lt;/b&gt; · Official: &lt;b&gt;%2&lt;/b&gt;%3 · Appraised %4/%5 items</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../desktop_app/ui/background.py" line="+87"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/backups_dialog.py" line="+45"/>
        <source>Sao lưu và khôi phục</source>
        <translation>Backups and restore</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phần mềm tự sao lưu cơ sở dữ liệu khi mở (nhiều nhất một lần mỗi giờ, chỉ khi số liệu đã thay đổi) và giữ %1 bản tự động mới nhất; bản sao lưu thủ công và bản mới nhất còn số liệu không bao giờ bị xoá. Khôi phục thay toàn bộ số liệu hiện tại bằng bản đã chọn; số liệu hiện tại được sao lưu trước, nên vẫn lấy lại được.</source>
        <translation>The application backs up the database when it opens (at most once an hour, and only when the data changed) and keeps the newest %1 automatic backups; manual backups and the newest backup that holds data are never deleted. Restoring replaces all current data with the chosen backup; the current data are backed up first, so they can be got back.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số ô đã nhập</source>
        <translation>Values entered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gói đã nhận</source>
        <translation>Packets received</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khôi phục…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở thư mục sao lưu</source>
        <translation>Open the backup folder</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>không đọc được</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Thư mục sao lưu: %1</source>
        <translation>Backup folder: %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Khôi phục số liệu về bản sao lưu lúc %1?

Toàn bộ số liệu hiện tại được thay bằng bản này; mọi thay đổi sau thời điểm đó sẽ không còn trong phần mềm. Số liệu hiện tại được sao lưu trước khi khôi phục, nên có thể lấy lại từ danh sách này.</source>
        <translation>Restore the data to the backup of %1?

All current data are replaced by this backup; every change made after that time will no longer be in the application. The current data are backed up before restoring, so they can be got back from this list.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Không mở lại được số liệu nên phần mềm sẽ đóng. Hãy khắc phục (giải phóng ổ đĩa, cắm lại USB…) rồi mở lại phần mềm; số liệu đã lưu không bị mất.</source>
        <translation>The data cannot be reopened, so the application will close. Fix the cause (free disk space, plug the USB stick back in…) and open the application again; saved data are not lost.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã khôi phục số liệu về bản sao lưu lúc %1.</source>
        <translation>Restored the data to the backup of %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số liệu trước khi khôi phục được giữ trong bản sao lưu: %1</source>
        <translation>The data from before the restore are kept in the backup: %1</translation>
    </message>
</context>
<context>
    <name>BoardWindow</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/board_window.py" line="+58"/>
        <source>Theo dõi nộp báo cáo của đơn vị cấp dưới</source>
        <translation>Submissions from subordinate units</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Biểu mẫu:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hiển thị:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tất cả đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa xong (chưa nộp, trả lại, xung đột)</source>
        <translation>Not done (missing, returned, conflict)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nhận gói nộp…</source>
        <translation>Receive packets…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xem thay đổi…</source>
        <translation>What changed…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giải quyết xung đột…</source>
        <translation>Resolve the conflict…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tiếp nhận…</source>
        <translation>Accept…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trả lại…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Không có biểu mẫu nào cho đơn vị cấp dưới.</source>
        <translation>No form is filled by the subordinate units.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · hạn nộp %3 · đơn vị nhận: %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · deadline %3 · receiving unit: %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tổng số: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Total: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nộp trễ hạn: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Late: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Lưu bảng theo dõi</source>
        <translation>Save the status board</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã lưu bảng theo dõi: %1</source>
        <translation>Status board saved: %1</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/compare_dialogs.py" line="+115"/>
        <source>Thay đổi so với lần nộp trước</source>
        <translation>Changes since the previous submission</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: lần sửa %2 là lần nộp đầu tiên, chưa có gì để so sánh.</source>
        <translation>%1: revision %2 is the first submission; there is nothing to compare.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: lần sửa %2 so với lần %3 — %4 thay đổi.</source>
        <translation>%1: revision %2 against revision %3 — %4 change(s).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giá trị cũ</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giá trị mới</source>
        <translation>New value</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> — ghi chú</source>
        <translation> — comment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — tự tính</source>
        <translation> — computed</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location line="+39"/>
        <source>Xung đột: hai gói cùng lần sửa</source>
        <translation>Conflict: two packets of the same revision</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) đã gửi hai gói cùng lần sửa %3 nhưng số liệu khác nhau. Bản đang dùng chưa bị thay thế. Hãy so sánh, hỏi lại đơn vị nếu cần, rồi chọn bản được dùng và ghi lý do.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) sent two packets of revision %3 with different data. The one in use has not been replaced. Compare them, ask the unit if needed, then choose the one to use and give the reason.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+10"/>
        <source>Bản đang dùng</source>
        <translation>In use</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <source>Bản mới nhận</source>
        <translation>Newly received</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> — ghi chú</source>
        <translation> — comment</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ví dụ: đã gọi điện, đơn vị xác nhận bản mới là bản đúng</source>
        <translation>E.g. phoned the unit; it confirmed the new one is right</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lý do chọn (bắt buộc):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Giữ bản đang dùng</source>
        <translation>Keep the one in use</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dùng bản mới nhận</source>
        <translation>Use the new one</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>CopyPreviousDialog</name>
    <message>
        <location filename="../../desktop_app/ui/copy_dialog.py" line="+33"/>
        <source>Sao chép từ kỳ trước</source>
        <translation>Copy from the previous period</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Các chỉ tiêu ít thay đổi của %1. Bỏ chọn những dòng không muốn chép; ô đã có số liệu khác sẽ bị ghi đè (có thể hoàn tác bằng Ctrl+Z).</source>
        <translation>The slowly-changing indicators of %1. Untick the rows you do not want copied; a field that already holds a different value is overwritten (Ctrl+Z undoes it).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chỉ tiêu</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kỳ trước</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hiện tại</source>
        <translation>Now</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Kỳ trước chưa có số liệu để sao chép.</source>
        <translation>The previous period has no figures to copy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>DistrictWindow</name>
    <message>
        <location filename="../../desktop_app/ui/district/district_window.py" line="+73"/>
        <source>Tổng hợp, chấm điểm và xếp hạng</source>
        <translation>Consolidation, scores and ranking</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu mẫu:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kỳ báo cáo:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tính lại</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Không có biểu mẫu chấm điểm nào cho đơn vị cấp dưới.</source>
        <translation>No scored form is filled by the subordinate units.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Đang tổng hợp…</source>
        <translation>Consolidating…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang tổng hợp số liệu các đơn vị…</source>
        <translation>Consolidating the units&apos; figures…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Biểu mẫu này không có phần chấm điểm.</source>
        <translation>This form has no scoring.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Xếp hạng</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Xu hướng qua các kỳ</source>
        <translation>Trend across periods</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Thẩm định</source>
        <translation>Appraised</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Đang lập báo cáo tổng hợp (Excel và PDF)…</source>
        <translation>Writing the consolidated report (Excel and PDF)…</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../desktop_app/ui/error_report.py" line="+89"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã xảy ra lỗi không lường trước (%1).

Số liệu đã lưu không bị mất; hãy kiểm tra lại ô vừa nhập. Chi tiết đã được ghi vào nhật ký. Nếu lỗi lặp lại, hãy gửi gói chẩn đoán (Trợ giúp → Giới thiệu và chẩn đoán… → Lưu gói chẩn đoán…) cho cán bộ CNTT của %2.</source>
        <translation>An unexpected error occurred (%1).

Saved data are not lost; check the field you just typed. The details were written to the log. If it happens again, send a diagnostics bundle (Help → About and diagnostics… → Save a diagnostics bundle…) to the IT officer of %2.</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../desktop_app/ui/evidence_panel.py" line="+98"/>
        <source>Tài liệu kiểm chứng: %1</source>
        <translation>Evidence: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bắt buộc khi chỉ tiêu có số liệu (Có, số lớn hơn 0).</source>
        <translation>Required when the indicator claims something (Yes, a number above 0).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không bắt buộc.</source>
        <translation>Optional.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 Tệp PDF, JPEG hoặc PNG, tối đa %2 một tệp, %3 cả báo cáo, %4 tệp một chỉ tiêu.</source>
        <translation>%1 PDF, JPEG or PNG files, at most %2 a file, %3 for the whole report, %4 files an indicator.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Thêm tệp…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bỏ tệp</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Chọn tài liệu kiểm chứng</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Máy không có phần mềm mở được tệp này: %1</source>
        <translation>No program on this computer opens this file: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bỏ tệp «%1» khỏi chỉ tiêu này?</source>
        <translation>Remove «%1» from this indicator?</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location line="-180"/>
        <source>Tài liệu kiểm chứng (bắt buộc khi có số liệu): PDF, JPEG hoặc PNG</source>
        <translation>Evidence (required when there is a figure): PDF, JPEG or PNG</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tài liệu kiểm chứng (không bắt buộc): PDF, JPEG hoặc PNG</source>
        <translation>Evidence (optional): PDF, JPEG or PNG</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kiểm chứng (%1)</source>
        <translation>Evidence (%1)</translation>
    </message>
</context>
<context>
    <name>ExcelImport</name>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="+119"/>
        <source>Nhập từ &amp;Excel…</source>
        <translation>Import from &amp;Excel…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chọn tệp Excel</source>
        <translation>Choose an Excel file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang đọc tệp Excel…</source>
        <translation>Reading the Excel file…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đã nhập từ %1: %2 giá trị thay đổi.</source>
        <translation>Imported from %1: %2 values changed.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="+73"/>
        <source>Xuất gói nộp</source>
        <translation>Export submission packet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Ký bằng chữ ký số của đơn vị&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signed with the unit&apos;s digital signature&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu gói vào thư mục:</source>
        <translation>Save the packet in folder:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ví dụ 12 hoặc 12/BC-UBND</source>
        <translation>e.g. 12 or 12/BC-UBND</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số văn bản (văn thư cấp):</source>
        <translation>Document number (from the clerk&apos;s office):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dd/mm/yyyy; để trống: ngày xuất gói</source>
        <translation>dd/mm/yyyy; blank: the export date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày văn bản:</source>
        <translation>Document date:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Xuất báo cáo chưa có số văn bản? Báo cáo sẽ in «Số: ……» và không thể điền số vào bản đã ký.</source>
        <translation>Export the report without a document number? It will print «Số: ……», and a number cannot be filled into the signed copy.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chữ ký số…</source>
        <translation>Signature…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xem danh sách lỗi</source>
        <translation>Show the problems</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Xuất gói</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Kỳ báo cáo: %1 · lần sửa %2</source>
        <translation>Period: %1 · revision %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Báo cáo không còn lỗi.</source>
        <translation>The report has no errors.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cảnh báo đã có giải trình, được gửi kèm.</source>
        <translation>%1 warnings are explained; the explanations are sent with it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mã PIN của USB ký số:</source>
        <translation>Signing token&apos;s PIN:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mật khẩu khóa ký:</source>
        <translation>Signing key passphrase:</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Thư mục lưu gói nộp</source>
        <translation>Folder for submission packets</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Đang lập và ký gói nộp…</source>
        <translation>Building and signing the packet…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đã xuất gói nộp lần sửa %1:</source>
        <translation>Exported the packet of revision %1:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>trong thư mục %1</source>
        <translation>in the folder %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Số liệu giống lần xuất trước: %1 sẽ coi là bản trùng.</source>
        <translation>Same data as the previous export: %1 will treat it as a duplicate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vân tay chứng thư (đọc cho %1 nếu được hỏi):</source>
        <translation>Certificate fingerprint (read it to %1 if asked):</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../../desktop_app/ui/field_row.py" line="+147"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi chú và lịch sử thay đổi (F4)</source>
        <translation>Note and history of changes (F4)</translation>
    </message>
</context>
<context>
    <name>FieldsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/fields_dialog.py" line="+75"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Chưa điền: %1</source>
        <translation>Not filled in: %1</translation>
    </message>
</context>
<context>
    <name>FingerprintView</name>
    <message>
        <location filename="../../desktop_app/ui/fingerprint_view.py" line="+41"/>
        <location line="+12"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Sao chép vân tay để dán vào thư điện tử hoặc tin nhắn</source>
        <translation>Copy the fingerprint to paste into an e-mail or a message</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã sao chép ✓</source>
        <translation>Copied ✓</translation>
    </message>
</context>
<context>
    <name>FormsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/forms_dialog.py" line="+51"/>
        <location line="+81"/>
        <location line="+4"/>
        <location line="+27"/>
        <location line="+12"/>
        <source>Biểu mẫu</source>
        <translation>Forms</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Các biểu mẫu và phiên bản có ở máy này. Người xây dựng bộ chỉ tiêu xuất một biểu mẫu ra Excel, sửa, rồi nhập lại; đơn vị cấp dưới cài gói biểu mẫu do cấp trên phát hành. Một phiên bản đã có không bao giờ bị thay đổi.</source>
        <translation>The forms and versions on this computer. Whoever defines the indicator set exports a form to Excel, edits it and imports it again; the units below install the form packet their parent publishes. A version, once here, never changes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mã</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Áp dụng cho năm</source>
        <translation>Reporting years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên biểu mẫu</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Xuất ra Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nhập từ Excel…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cài gói biểu mẫu của cấp trên…</source>
        <translation>&amp;Install the parent&apos;s form packet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phát hành…</source>
        <translation>&amp;Publish…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ký phiên bản đang chọn thành gói biểu mẫu gửi các đơn vị cấp dưới</source>
        <translation>Sign the chosen version as a form packet for the subordinate units</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kèm chương trình</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập từ Excel</source>
        <translation>Imported from Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cấp trên phát hành</source>
        <translation>Published by the parent</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Xuất biểu mẫu ra Excel</source>
        <translation>Export the form to Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+58"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Đã ghi %1. Sửa bằng Excel hoặc LibreOffice rồi nhập lại (đổi số phiên bản).</source>
        <translation>Wrote %1. Edit it in Excel or LibreOffice, then import it again (with a new version number).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Biểu mẫu %1 phiên bản %2 đã có, giống hệt; không thay đổi gì.</source>
        <translation>Form %1 version %2 is already here, identical; nothing changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã cài biểu mẫu %1 phiên bản %2.</source>
        <translation>Installed form %1 version %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập biểu mẫu từ Excel</source>
        <translation>Import a form from Excel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đang kiểm tra bảng tính…</source>
        <translation>Checking the workbook…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cài gói biểu mẫu</source>
        <translation>Install a form packet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gói biểu mẫu (*.zip)</source>
        <translation>Form packets (*.zip)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang kiểm tra gói biểu mẫu…</source>
        <translation>Checking the form packet…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chưa có chứng thư nào của đơn vị cấp trên %1 được đăng ký ở máy này. Gói biểu mẫu được ký bởi «%2», vân tay SHA-256:

%3

Hãy gọi điện cho đơn vị cấp trên và đọc đối chiếu từng nhóm. Tin cậy chứng thư này và cài biểu mẫu?</source>
        <translation>No certificate of the parent unit %1 is registered on this computer. The form packet is signed by «%2», SHA-256 fingerprint:

%3

Call the parent unit and read it back group by group. Trust this certificate and install the form?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gói biểu mẫu đầu tiên của cấp trên</source>
        <translation>The parent&apos;s first form packet</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../desktop_app/ui/identity_dialog.py" line="+42"/>
        <source>Chữ ký số của đơn vị</source>
        <translation>The unit&apos;s digital signature</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tạo chữ ký tự cấp…</source>
        <translation>Create a self-signed signature…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập tệp .p12/.pfx…</source>
        <translation>Import a .p12/.pfx file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng USB ký số…</source>
        <translation>Use a signing token…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>%1 chỉ nhận gói nộp ký bằng chứng thư đã đăng ký cho %2. Khi đổi chữ ký, hãy xuất chứng thư mới gửi %3 và đọc vân tay qua điện thoại để %3 đối chiếu.</source>
        <translation>%1 accepts only packets signed with the certificate it registered for %2. After changing the signature, export the new certificate for %3 and read its fingerprint to %3 by phone.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Xuất chứng thư gửi %1…</source>
        <translation>Export the certificate for %1…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Đơn vị đã có chữ ký số. Thay bằng chữ ký mới thì %1 phải đăng ký lại chứng thư mới; các gói đã nộp vẫn hợp lệ. Tiếp tục?</source>
        <translation>The unit already has a digital signature. If you replace it, %1 must register the new certificate; packets already sent stay valid. Continue?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mật khẩu cần ít nhất %1 ký tự.</source>
        <translation>The passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tạo chữ ký tự cấp</source>
        <translation>Create a self-signed signature</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khóa ký được mã hóa bằng mật khẩu này và lưu trong thư mục dữ liệu. Mỗi lần xuất gói nộp sẽ hỏi mật khẩu; quên mật khẩu thì phải tạo chữ ký mới.</source>
        <translation>The signing key is encrypted with this passphrase and kept in the data folder. Every export asks for it; a forgotten passphrase means making a new signature.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mật khẩu:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập lại:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đang tạo khóa ký…</source>
        <translation>Creating the signing key…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập tệp chứng thư số</source>
        <translation>Import a certificate file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp .p12/.pfx do tổ chức chứng thực cấp cho đơn vị. Tệp được chép vào thư mục dữ liệu; mật khẩu được hỏi lại mỗi lần ký và không được lưu.</source>
        <translation>The .p12/.pfx file a certification authority issued to the unit. It is copied into the data folder; its password is asked at every signing and never stored.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chứng thư (*.p12 *.pfx)</source>
        <translation>Certificates (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu của tệp:</source>
        <translation>File&apos;s password:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đang mở tệp chứng thư…</source>
        <translation>Opening the certificate file…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dùng USB ký số</source>
        <translation>Use a signing token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thư viện PKCS#11 do nhà cung cấp USB ký số cài đặt (tệp .dll trên Windows, .so trên Linux). Mã PIN được hỏi mỗi lần ký và không bao giờ được lưu.</source>
        <translation>The PKCS#11 library installed by the token&apos;s vendor (a .dll on Windows, a .so on Linux). The PIN is asked at every signing and never stored.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thư viện PKCS#11:</source>
        <translation>PKCS#11 library:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhãn USB:</source>
        <translation>Token label:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhãn khóa:</source>
        <translation>Key label:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhãn chứng thư (nếu khác):</source>
        <translation>Certificate label (if different):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã PIN (để thử ngay):</source>
        <translation>PIN (to try it now):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang đọc USB ký số…</source>
        <translation>Reading the token…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Đã thiết lập chữ ký số. Hãy xuất chứng thư gửi %2 và đọc vân tay SHA-256 để %2 đối chiếu:
%1</source>
        <translation>The digital signature is set up. Export the certificate for %2 and read its SHA-256 fingerprint to %2:
%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Đã ghi %1.
Gửi tệp này cho %3, rồi đọc vân tay SHA-256 qua điện thoại:
%2</source>
        <translation>Wrote %1.
Send this file to %3, then read the SHA-256 fingerprint to %3 by phone:
%2</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Xuất chứng thư</source>
        <translation>Export the certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chứng thư PEM (*.pem);;Chứng thư DER (*.cer)</source>
        <translation>PEM certificate (*.pem);;DER certificate (*.cer)</translation>
    </message>
</context>
<context>
    <name>IdentityPanel</name>
    <message>
        <location filename="../../desktop_app/ui/identity_panel.py" line="+35"/>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chủ thể:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi cấp:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiệu lực:</source>
        <translation>Valid:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Vân tay SHA-256:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đơn vị chưa có chữ ký số. Hãy tạo chữ ký tự cấp, nhập tệp .p12/.pfx do tổ chức chứng thực cấp, hoặc dùng USB ký số.</source>
        <translation>The unit has no digital signature yet. Create a self-signed one, import a .p12/.pfx file from a certification authority, or use a signing token.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>tự cấp (đăng ký theo vân tay)</source>
        <translation>self-signed (registered by its fingerprint)</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../desktop_app/ui/import_dialog.py" line="-125"/>
        <source>Nhập số liệu từ Excel</source>
        <translation>Import figures from Excel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: biểu mẫu %2 (phiên bản %3), %4; %5 đơn vị, trong đó %6 đơn vị trực thuộc do đơn vị này nhập (không phải báo cáo ký số).</source>
        <translation>%1: form %2 (version %3), %4; %5 units, of which %6 units under this one entered here (not signed reports).</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n lỗi: sửa tệp rồi nhập lại. Chưa ghi gì.</source>
        <translation>
            <numerusform>%n error: correct the file and import it again. Nothing was written.</numerusform>
            <numerusform>%n errors: correct the file and import it again. Nothing was written.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không có lỗi: nhấn Nhập để ghi tất cả số liệu (ghi nhật ký từng giá trị).</source>
        <translation>No errors: press Import to write all the figures (each value is logged).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mức</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nội dung</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../desktop_app/ui/district/appraisal_editor.py" line="+49"/>
        <source>Thẩm định mục đang chọn</source>
        <translation>Appraise the chosen item</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Điểm thẩm định:</source>
        <translation>Appraised points:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chấp nhận</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi điểm</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở tài liệu</source>
        <translation>Open evidence</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bắt buộc khi điểm khác điểm tự đánh giá</source>
        <translation>required when the points differ from the self-assessed ones</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>/ tối đa %1</source>
        <translation>/ at most %1</translation>
    </message>
</context>
<context>
    <name>LeaveGuard</name>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/leave_guard.py" line="+58"/>
        <source>%n ô chưa lưu được (xem thông báo đỏ dưới ô). Nếu đóng bây giờ, nội dung vừa nhập ở các ô đó sẽ mất.

Vẫn đóng phần mềm?</source>
        <translation>
            <numerusform>%n field could not be saved (see the red message under it). If you close now, what you typed in it is lost.

Close the application anyway?</numerusform>
            <numerusform>%n fields could not be saved (see the red message under each). If you close now, what you typed in them is lost.

Close the application anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n ô chưa lưu được (xem thông báo đỏ dưới ô). Nếu chuyển đi bây giờ, nội dung vừa nhập ở các ô đó sẽ mất.

Vẫn chuyển?</source>
        <translation>
            <numerusform>%n field could not be saved (see the red message under it). If you move on now, what you typed there will be lost.

Move on anyway?</numerusform>
            <numerusform>%n fields could not be saved (see the red messages under them). If you move on now, what you typed there will be lost.

Move on anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n ô chưa lưu được: sửa nội dung đang đánh dấu đỏ dưới ô.</source>
        <translation>
            <numerusform>%n field could not be saved: correct what is marked in red under it.</numerusform>
            <numerusform>%n fields could not be saved: correct what is marked in red under them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LostDataDialog</name>
    <message>
        <location filename="../../desktop_app/ui/lost_data_dialog.py" line="+47"/>
        <source>Không tìm thấy số liệu</source>
        <translation>Data not found</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chọn bản sao lưu để khôi phục (bản tốt mới nhất đã được chọn sẵn), rồi bấm Khôi phục. Không có gì bị xoá.</source>
        <translation>Choose the backup to restore (the newest good one is already chosen), then press Restore. Nothing is deleted.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số ô đã nhập</source>
        <translation>Figures entered</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Khôi phục bản đã chọn</source>
        <translation>&amp;Restore the chosen backup</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn &amp;tệp khác…</source>
        <translation>Another &amp;file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bắt đầu với dữ liệu trống…</source>
        <translation>&amp;Start with empty data…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>không đọc được</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Chọn bản sao lưu</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ sở dữ liệu SQLite (*.sqlite3 *.sqlite *.db);;Mọi tệp (*)</source>
        <translation>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã khôi phục số liệu về bản sao lưu lúc %1.</source>
        <translation>The data was restored from the backup of %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã khôi phục số liệu từ %1.</source>
        <translation>The data was restored from %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Những gì nhập sau thời điểm của bản sao lưu không có trong đó.</source>
        <translation>Anything entered after that backup was made is not in it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tệp dữ liệu cũ và những gì còn lại bên cạnh nó được cất trong %1.</source>
        <translation>The old data file and what was left beside it are kept in %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bắt đầu với dữ liệu trống?

Phần mềm sẽ mở như lần đầu: chưa có đơn vị, chưa có báo cáo. Các bản sao lưu vẫn được giữ trong %1 và có thể khôi phục sau (Công cụ → Sao lưu và khôi phục).

Chỉ chọn khi chắc chắn số liệu cũ không còn cần.</source>
        <translation>Start with empty data?

The application will open as on its first start: no unit, no report. The backups stay in %1 and can be restored later (Công cụ → Sao lưu và khôi phục).

Choose this only if you are sure the old data is no longer needed.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="+112"/>
        <source>Báo cáo ứng dụng công nghệ thông tin</source>
        <translation>IT application report</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/window_menus.py" line="+30"/>
        <source>&amp;Báo cáo</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Tiếp nhận</source>
        <translation>&amp;Receiving</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="+54"/>
        <source>Không mở được báo cáo nào của đơn vị này.</source>
        <translation>No report of this unit could be opened.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Máy này chưa có đơn vị báo cáo.</source>
        <translation>This computer has no reporting unit yet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Thiết lập đơn vị…</source>
        <translation>Set up the unit…</translation>
    </message>
</context>
<context>
    <name>MaintenanceActions</name>
    <message>
        <location filename="../../desktop_app/ui/maintenance_actions.py" line="+40"/>
        <source>Sao lưu và &amp;khôi phục…</source>
        <translation>&amp;Backups and restore…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Biểu mẫu…</source>
        <translation>&amp;Forms…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Giới thiệu và chẩn đoán…</source>
        <translation>&amp;About and diagnostics…</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Thư mục dữ liệu %1 đang được mở ở một cửa sổ khác của phần mềm. Hãy đóng cửa sổ đó trước khi chuyển sang thư mục này.</source>
        <translation>The data folder %1 is open in another window of the application. Close that window before switching to this folder.</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <location filename="../../desktop_app/ui/notes_dialog.py" line="+43"/>
        <source>Ghi chú và lịch sử: %1</source>
        <translation>Note and history: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ghi chú (in trong cột Ghi chú của báo cáo):</source>
        <translation>Note (printed in the report&apos;s Notes column):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lịch sử thay đổi:</source>
        <translation>History of changes:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người sửa</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giá trị cũ</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giá trị mới</source>
        <translation>New value</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lưu ghi chú</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Số liệu</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>OpenExternally</name>
    <message>
        <location filename="../../desktop_app/ui/district/open_externally.py" line="+23"/>
        <source>Mở bảng tính</source>
        <translation>Open the workbook</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không tìm thấy tệp %1.</source>
        <translation>File %1 not found.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Không mở được %1: máy chưa có chương trình mở tệp .xlsx (Microsoft Excel hoặc LibreOffice Calc). Tệp vẫn nằm trong thư mục %2.</source>
        <translation>Cannot open %1: no program for .xlsx files is installed (Microsoft Excel or LibreOffice Calc). The file is still in the folder %2.</translation>
    </message>
</context>
<context>
    <name>PacketActions</name>
    <message>
        <location filename="../../desktop_app/ui/packet_actions.py" line="+24"/>
        <source>&amp;Xuất gói nộp…</source>
        <translation>&amp;Export submission packet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kiểm tra gói nộp…</source>
        <translation>&amp;Check packets…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chữ &amp;ký số của đơn vị…</source>
        <translation>Unit&apos;s digital &amp;signature…</translation>
    </message>
</context>
<context>
    <name>PdfPrintPreview</name>
    <message>
        <location filename="../../desktop_app/ui/district/print_preview.py" line="+283"/>
        <source>Xem trước khi in — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Đang in «%1»…</source>
        <translation>Printing «%1»…</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+15"/>
        <source>In báo cáo</source>
        <translation>Print the report</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../desktop_app/ui/period_choice.py" line="+43"/>
        <source>Kỳ khác…</source>
        <translation>Other period…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Chọn kỳ báo cáo</source>
        <translation>Choose the reporting period</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mọi kỳ có phiên bản biểu mẫu, đến kỳ hiện tại (kỳ chưa bắt đầu không nhập được):</source>
        <translation>Every period a version of the form covers, up to the current one (a period that has not started cannot be entered):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>phiên bản %1 (%2)</source>
        <translation>version %1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chọn</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../../desktop_app/ui/problems_panel.py" line="+227"/>
        <source>Lỗi và cảnh báo</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hiện hoặc ẩn danh sách lỗi và cảnh báo (F8 để mở)</source>
        <translation>Show or hide the list of errors and warnings (F8 opens it)</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location line="-179"/>
        <source>Giải trình cho cảnh báo đã chọn:</source>
        <translation>Explanation of the selected warning:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lưu giải trình</source>
        <translation>Save explanation</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Không có lỗi hay cảnh báo nào.</source>
        <translation>No errors or warnings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lỗi: %1 · cảnh báo: %2 (chưa giải trình: %3)</source>
        <translation>Errors: %1 · warnings: %2 (unexplained: %3)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n ô bắt buộc chưa nhập.</source>
        <translation>
            <numerusform>%n required field is empty.</numerusform>
            <numerusform>%n required fields are empty.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n ô chưa lưu được.</source>
        <translation>
            <numerusform>%n field could not be saved.</numerusform>
            <numerusform>%n fields could not be saved.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa lưu</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cảnh báo (đã giải trình)</source>
        <translation>Warning (explained)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>PublishFormDialog</name>
    <message>
        <location filename="../../desktop_app/ui/publish_form_dialog.py" line="+47"/>
        <source>Phát hành biểu mẫu cho đơn vị cấp dưới</source>
        <translation>Publish a form to the subordinate units</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã %1 · phiên bản %2</source>
        <translation>Id %1 · version %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Ký bằng chữ ký số của đơn vị&lt;/b&gt;</source>
        <translation>&lt;b&gt;Signed with the unit&apos;s digital signature&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Không gửi kèm kế hoạch</source>
        <translation>No plan with it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kế hoạch kỳ %1</source>
        <translation>The plan for %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kèm kế hoạch (chỉ tiêu):</source>
        <translation>With the plan (targets):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lưu gói vào thư mục:</source>
        <translation>Save the packet in folder:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mã PIN của USB ký số:</source>
        <translation>Signing token&apos;s PIN:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu khóa ký:</source>
        <translation>Signing key passphrase:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phát hành</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Thư mục lưu gói biểu mẫu</source>
        <translation>Folder for the form packet</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Đang ký gói biểu mẫu…</source>
        <translation>Signing the form packet…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã phát hành biểu mẫu %1 phiên bản %2</source>
        <translation>Published form %1 version %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> kèm kế hoạch kỳ %1</source>
        <translation> with the plan for %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>trong thư mục %1</source>
        <translation>in the folder %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gửi tệp này cho các đơn vị cấp dưới; lần đầu cài, họ sẽ được hỏi vân tay chứng thư này:</source>
        <translation>Send this file to the subordinate units; on their first install they are asked to confirm this certificate&apos;s fingerprint:</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../desktop_app/ui/district/ranking_model.py" line="+135"/>
        <source>%1 — tối đa %2 điểm</source>
        <translation>%1 — at most %2 points</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng
điểm</source>
        <translation>Total
score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm
chính thức</source>
        <translation>Official
score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hạng
chính thức</source>
        <translation>Official
rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xếp loại</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tăng/giảm
so kỳ trước</source>
        <translation>Change from
previous period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hạng
kỳ trước</source>
        <translation>Previous
rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Chưa nộp</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã trả lại, chờ bản sửa</source>
        <translation>Returned, awaiting a correction</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã nộp (lần %1)</source>
        <translation>Submitted (revision %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã nộp</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Đồng hạng %1 với: %2</source>
        <translation>Tied at place %1 with: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gộp từ các đơn vị cũ: %1</source>
        <translation>Merged from former units: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chưa thẩm định xong: các mục chưa thẩm định tính theo điểm tự đánh giá (%1), nên điểm chính thức còn tạm tính.</source>
        <translation>Appraisal not finished: items not appraised count at the self-assessed points (%1), so the official score is provisional.</translation>
    </message>
</context>
<context>
    <name>RankingView</name>
    <message>
        <location filename="../../desktop_app/ui/district/ranking_view.py" line="+122"/>
        <source>Bảng xếp hạng</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đạt chỉ tiêu theo đơn vị</source>
        <translation>Targets met by unit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kết quả chung</source>
        <translation>Overall results</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Thẩm định…</source>
        <translation>&amp;Appraise…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thẩm định điểm tự đánh giá của đơn vị đang chọn trong bảng</source>
        <translation>Appraise the self-assessed scores of the unit chosen in the table</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In báo cáo tổng hợp…</source>
        <translation>Print the consolidated report…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở bảng tính Excel</source>
        <translation>Open in Excel</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Chấm điểm, xếp hạng: %1</source>
        <translation>Scores and ranking: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chưa nộp báo cáo (%1): %2.</source>
        <translation>Not yet reported (%1): %2.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Xếp hạng theo điểm chính thức (sau thẩm định). Đã thẩm định xong %1/%2 đơn vị.</source>
        <translation>Ranked by official score (after appraisal). Appraisal finished for %1/%2 units.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dấu * : chưa thẩm định xong, điểm chính thức còn tạm tính (mục chưa thẩm định tính theo điểm tự đánh giá).</source>
        <translation>Marked * : appraisal not finished, the official score is provisional (items not appraised count at the self-assessed points).</translation>
    </message>
</context>
<context>
    <name>ReceiptTrustDialog</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/receipt_trust_dialog.py" line="+27"/>
        <source>Biên nhận đầu tiên của đơn vị cấp trên</source>
        <translation>The parent unit&apos;s first receipt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chưa có chứng thư nào của đơn vị cấp trên %1 được đăng ký ở máy này. Biên nhận này được ký bởi:</source>
        <translation>No certificate of the parent unit %1 is registered on this computer. This receipt is signed by:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Vân tay SHA-256:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hãy gọi điện cho đơn vị cấp trên và đọc đối chiếu vân tay này (đơn vị cấp trên xem ở Công cụ → Chữ ký số của đơn vị). Chỉ tin cậy khi vân tay khớp từng nhóm: từ đó mọi biên nhận phải được ký bằng đúng chứng thư này.</source>
        <translation>Call the parent unit and read this fingerprint back to them (they see theirs under Tools → The unit&apos;s digital signature). Trust it only if every group matches: from then on every receipt must be signed with this very certificate.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vân tay khớp: tin cậy và mở biên nhận</source>
        <translation>The fingerprint matches: trust it and open the receipt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/receive_dialog.py" line="+81"/>
        <source>Nhận gói nộp của đơn vị cấp dưới</source>
        <translation>Receive packets from subordinate units</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn các tệp gói nộp (.zip), cả một thư mục, hoặc kéo thả vào đây. Mỗi gói được kiểm tra chữ ký, tính toàn vẹn và số liệu trước khi nhận; gói bị từ chối không được ghi vào dữ liệu. Tệp nhận được lưu lại cùng kết quả.</source>
        <translation>Choose packet files (.zip), a whole folder, or drop them here. Each packet&apos;s signatures, integrity and data are checked before it is received; a rejected packet writes nothing. Every file received is kept with its verdict.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chọn tệp…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn thư mục…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chọn gói nộp</source>
        <translation>Choose packets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gói nộp (*.zip);;Mọi tệp (*)</source>
        <translation>Packets (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thư mục chứa các gói nộp</source>
        <translation>Folder holding the packets</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Đang kiểm tra và nhận gói nộp…</source>
        <translation>Checking and receiving packets…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đang nhận…</source>
        <translation>Receiving…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Một lượt nhận gói nộp khác đang chạy trên thư mục dữ liệu này (cửa sổ dòng lệnh hoặc máy khác); đang chờ lượt đó xong…</source>
        <translation>Another receive is running on this data folder (a command window or another computer); waiting for it to finish…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đang nhận: %1/%2 tệp…</source>
        <translation>Receiving: %1/%2 files…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 tệp.</source>
        <translation>%1 file(s).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bỏ qua %1 tệp không nhận (không phải .zip, thư mục con, liên kết hoặc tệp đặc biệt).</source>
        <translation>Skipped %1 items not received (not .zip, sub-folders, links or special files).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã dừng theo yêu cầu: các gói trong bảng đã được xử lý, các tệp còn lại chưa nhận.</source>
        <translation>Stopped as asked: the packets in the table were processed; the remaining files were not received.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xung đột cần cán bộ quyết định trên bảng theo dõi.</source>
        <translation>Conflicts wait for the officer&apos;s decision on the status board.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 (tự khai)</source>
        <translation>%1 (as claimed)</translation>
    </message>
</context>
<context>
    <name>ReceivingActions</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/receiving_actions.py" line="+33"/>
        <source>&amp;Theo dõi nộp báo cáo…</source>
        <translation>Submission &amp;status…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Nhận gói nộp…</source>
        <translation>Re&amp;ceive packets…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Chứng thư tin cậy…</source>
        <translation>&amp;Trusted certificates…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tổng hợp, &amp;chấm điểm, xếp hạng…</source>
        <translation>Consolidation, &amp;scores, ranking…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Điền sẵn báo cáo của đơn vị từ số liệu cấp dưới</source>
        <translation>&amp;Pre-fill the unit&apos;s report from the subordinate units</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở &amp;biên nhận / phiếu trả lại…</source>
        <translation>Open a &amp;receipt or return note…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kết quả &amp;thẩm định…</source>
        <translation>&amp;Appraisal result…</translation>
    </message>
    <message>
        <location line="+97"/>
        <location line="+26"/>
        <location line="+29"/>
        <source>Điền sẵn từ số liệu cấp dưới</source>
        <translation>Pre-fill from the subordinate units</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Biểu mẫu đang mở không có chỉ tiêu lấy từ báo cáo của đơn vị cấp dưới. Hãy chọn biểu mẫu báo cáo của chính đơn vị (ví dụ cntt-huyen).</source>
        <translation>The open form has no figures taken from the subordinate units&apos; reports. Choose the unit&apos;s own report form (for example cntt-huyen).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang tổng hợp báo cáo của đơn vị cấp dưới…</source>
        <translation>Consolidating the subordinate units&apos; reports…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đã tổng hợp từ báo cáo của %1/%2 đơn vị cấp dưới.</source>
        <translation>Consolidated from the reports of %1/%2 subordinate units.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Điền mới hoặc cập nhật: %1 chỉ tiêu; không đổi: %2.</source>
        <translation>Filled or updated: %1 figures; unchanged: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Giữ nguyên %1 chỉ tiêu anh/chị đã sửa khác số tổng hợp.</source>
        <translation>Kept %1 figures you had changed from the consolidated value.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Các ô điền sẵn có nền xanh nhạt; ghi chú của từng ô nói số liệu lấy từ đâu.</source>
        <translation>Pre-filled fields have a light blue background; each field&apos;s note says where the figure came from.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mở biên nhận hoặc phiếu trả lại</source>
        <translation>Open a receipt or return note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Biên nhận (*.zip);;Mọi tệp (*)</source>
        <translation>Receipts (*.zip);;All files (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Đang kiểm tra biên nhận…</source>
        <translation>Checking the receipt…</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+18"/>
        <source>Biên nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>(Biên nhận này đã được mở trước đây.)</source>
        <translation>(This receipt was opened before.)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cấp trên đã thẩm định điểm tự đánh giá. %1.</source>
        <translation>The parent unit appraised the self-assessed scores. %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xem từng mục: Báo cáo → Kết quả thẩm định….</source>
        <translation>Item by item: Report → Appraisal result….</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Kết quả thẩm định</source>
        <translation>Appraisal result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cấp trên chưa gửi kết quả thẩm định cho báo cáo này. Kết quả đến cùng biên nhận: Báo cáo → Mở biên nhận / phiếu trả lại…</source>
        <translation>The parent unit has not sent an appraisal of this report. It comes with the receipt: Report → Open a receipt or return note…</translation>
    </message>
</context>
<context>
    <name>RegisterSigner</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/register_signer.py" line="+55"/>
        <source>Đăng ký chứng thư này cho đơn vị %1 (%2)…</source>
        <translation>Register this certificate for the unit %1 (%2)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đăng ký chứng thư cho %1 đơn vị đã chọn…</source>
        <translation>Register the certificates for the %1 units selected…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đăng ký chứng thư này cho đơn vị …</source>
        <translation>Register this certificate for the unit …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đăng ký chứng thư của đơn vị cấp dưới</source>
        <translation>Register a subordinate unit&apos;s certificate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đăng ký chứng thư của người ký «%1» cho đơn vị %2 (%3)?

Vân tay SHA-256:
%4

Chỉ đăng ký khi đơn vị đã đọc đối chiếu vân tay này qua điện thoại và khớp từng nhóm.</source>
        <translation>Register the certificate of the signer «%1» for the unit %2 (%3)?

SHA-256 fingerprint:
%4

Register it only when the unit has read this fingerprint back by phone and every group matches.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>đăng ký từ gói %1, vân tay đã đối chiếu</source>
        <translation>registered from the packet %1, fingerprint compared</translation>
    </message>
</context>
<context>
    <name>ReportCommands</name>
    <message>
        <location filename="../../desktop_app/ui/report_commands.py" line="+29"/>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sao chép từ &amp;kỳ trước…</source>
        <translation>Copy from &amp;previous period…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ghi chú và lịch sử…</source>
        <translation>&amp;Note and history…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mục &amp;tiếp theo</source>
        <translation>&amp;Next section</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mục t&amp;rước</source>
        <translation>P&amp;revious section</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Danh sách &amp;lỗi</source>
        <translation>&amp;Problems list</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mọi số liệu đã được lưu tự động ngay khi nhập xong từng ô.</source>
        <translation>Everything is saved automatically as soon as each field is entered.</translation>
    </message>
</context>
<context>
    <name>ReportStatus</name>
    <message>
        <location filename="../../desktop_app/ui/report_status.py" line="+48"/>
        <source>Đã lưu lúc %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa lưu được!</source>
        <translation>Not saved!</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Báo cáo đã xuất nay được sửa: đây là lần sửa %1, cần xuất và gửi lại.</source>
        <translation>The exported report has been edited: this is revision %1, export and send it again.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bản nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã xuất gói</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã được tiếp nhận</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trạng thái: %1 · lần sửa %2</source>
        <translation>Status: %1 · revision %2</translation>
    </message>
</context>
<context>
    <name>ReportToolbar</name>
    <message>
        <location filename="../../desktop_app/ui/report_toolbar.py" line="+41"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> Biểu mẫu: </source>
        <translation> Form: </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>  Kỳ báo cáo: </source>
        <translation>  Period: </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Chưa thiết lập đơn vị báo cáo</source>
        <translation>No reporting unit set up</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/review_dialog.py" line="+65"/>
        <source>Trả lại báo cáo</source>
        <translation>Return the report</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiếp nhận báo cáo</source>
        <translation>Accept the report</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trả lại báo cáo của &lt;b&gt;%1&lt;/b&gt; (%2), lần sửa %3, để đơn vị sửa và gửi lại.</source>
        <translation>Return the report of &lt;b&gt;%1&lt;/b&gt; (%2), revision %3, for the unit to correct and send again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiếp nhận báo cáo của &lt;b&gt;%1&lt;/b&gt; (%2), lần sửa %3.</source>
        <translation>Accept the report of &lt;b&gt;%1&lt;/b&gt; (%2), revision %3.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Lý do trả lại (bắt buộc):</source>
        <translation>Reason for returning (required):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ghi chú (nếu có):</source>
        <translation>Note (optional):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Ký biên nhận bằng chữ ký số của đơn vị&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sign the receipt with the unit&apos;s digital signature&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tạo hoặc nhập chữ ký số…</source>
        <translation>Create or import a digital signature…</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+46"/>
        <source>Mã PIN của USB ký số:</source>
        <translation>Signing token&apos;s PIN:</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+44"/>
        <source>Mật khẩu khóa ký:</source>
        <translation>Signing key passphrase:</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu biên nhận vào:</source>
        <translation>Save the receipt in:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trả lại và ký phiếu</source>
        <translation>Return and sign the note</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiếp nhận và ký biên nhận</source>
        <translation>Accept and sign the receipt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đơn vị chưa có chữ ký số: bấm «Tạo hoặc nhập chữ ký số…».</source>
        <translation>The unit has no digital signature: click «Create or import a digital signature…».</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Thư mục lưu biên nhận</source>
        <translation>Folder for receipts</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Đang ký biên nhận…</source>
        <translation>Signing the receipt…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã trả lại báo cáo. Phiếu trả lại:</source>
        <translation>The report was returned. Return note:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã tiếp nhận báo cáo. Biên nhận:</source>
        <translation>The report was accepted. Receipt:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trong thư mục %1. Gửi tệp này cho đơn vị (thư điện tử, USB…).</source>
        <translation>in the folder %1. Send this file to the unit (e-mail, USB stick…).</translation>
    </message>
</context>
<context>
    <name>ScoreActions</name>
    <message>
        <location filename="../../desktop_app/ui/score_actions.py" line="+28"/>
        <source>Điểm qua các kỳ, điểm &amp;công bố…</source>
        <translation>Scores over the periods, &amp;published scores…</translation>
    </message>
</context>
<context>
    <name>ScoresDialog</name>
    <message>
        <location filename="../../desktop_app/ui/published_score_dialog.py" line="+56"/>
        <source>Điểm qua các kỳ và điểm công bố</source>
        <translation>Scores over the periods and published scores</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Điểm tự chấm do phần mềm tính từ số liệu của đơn vị; điểm công bố ghi theo văn bản của cấp trên. Hai loại điểm để riêng, không cộng lẫn.</source>
        <translation>The self-assessed score is computed by the application from the unit&apos;s figures; a published score is recorded from the higher level&apos;s document. The two are kept apart, never added together.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kỳ</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm tự chấm
(phần mềm tính)</source>
        <translation>Self-assessed
(computed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm công bố</source>
        <translation>Published score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xếp hạng
(công bố)</source>
        <translation>Rank
(published)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nguồn (văn bản công bố)</source>
        <translation>Source (publishing document)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>trên tổng số</source>
        <translation>out of</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quyết định số …/QĐ-UBND ngày …/…/… của UBND tỉnh …</source>
        <translation>Decision No. …/QĐ-UBND of …/…/… of the Provincial People&apos;s Committee …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ghi điểm công bố</source>
        <translation>&amp;Record published score</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kỳ (năm):</source>
        <translation>Period (year):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm công bố:</source>
        <translation>Published score:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xếp hạng (nếu có):</source>
        <translation>Rank (if any):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Văn bản công bố:</source>
        <translation>Publishing document:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ghi điểm do cấp trên công bố:</source>
        <translation>Record a score published by the higher level:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Điểm công bố, theo: {source}</source>
        <translation>Published score, per: {source}</translation>
    </message>
</context>
<context>
    <name>SectionNav</name>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/section_nav.py" line="+41"/>
        <source>%n chưa lưu</source>
        <translation>
            <numerusform>%n unsaved</numerusform>
            <numerusform>%n unsaved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n chưa nhập</source>
        <translation>
            <numerusform>%n missing</numerusform>
            <numerusform>%n missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n lỗi</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cảnh báo</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsActions</name>
    <message>
        <location filename="../../desktop_app/ui/settings_actions.py" line="+36"/>
        <source>&amp;Cài đặt…</source>
        <translation>&amp;Settings…</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="+84"/>
        <source>Thiết lập ban đầu</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chào mừng! Chọn đơn vị báo cáo của máy này, người lập biểu và lãnh đạo ký báo cáo. Có thể sửa lại sau trong mục Cài đặt.</source>
        <translation>Welcome! Choose the unit this computer reports for, who prepares the report and the leader who signs it. You can change them later in Settings.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cả hai</source>
        <translation>Both</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trước 01/7/2025 (tỉnh – huyện – xã)</source>
        <translation>Before 1 July 2025 (province – district – commune)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiện hành (tỉnh – xã)</source>
        <translation>Current (province – commune)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tìm trong danh mục:</source>
        <translation>Search in catalogue:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gõ tên hoặc mã đơn vị, ví dụ: binh trung, 02080</source>
        <translation>Type the unit&apos;s name or code, e.g. binh trung, 02080</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm đơn vị:</source>
        <translation>Find unit:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chưa chọn đơn vị.</source>
        <translation>No unit chosen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đơn vị đã chọn:</source>
        <translation>Chosen unit:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Họ và tên người lập biểu</source>
        <translation>Full name of the person preparing the report</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Bỏ qua, nhập sau</source>
        <translation>Skip, enter later</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Người lập biểu:</source>
        <translation>Prepared by:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Họ và tên Chủ tịch (người ký báo cáo)</source>
        <translation>Full name of the chairperson (who signs)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lãnh đạo ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thư mục dữ liệu:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nhắc kiểm tra khi một số liệu thay đổi nhiều hơn mức này so với kỳ trước.</source>
        <translation>Ask for a check when a figure changes more than this from the previous period.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhắc khi thay đổi so với kỳ trước quá:</source>
        <translation>Hint when the change from last period exceeds:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>(danh mục %1)</source>
        <translation>(catalogue %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chọn thư mục lưu dữ liệu</source>
        <translation>Choose the data folder</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hãy chọn đơn vị báo cáo trong danh sách tìm được.</source>
        <translation>Choose the reporting unit in the list of matches.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Hãy nhập {what}, hoặc đánh dấu “Bỏ qua, nhập sau”.</source>
        <translation>Enter {what}, or tick “Skip, enter later”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(bỏ qua, nhập sau)</source>
        <translation>(skipped, to enter later)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đơn vị báo cáo: {unit}
Người lập biểu: {clerk}
Lãnh đạo ký: {leader}
Thư mục dữ liệu: {folder}

Ghi thiết lập này?</source>
        <translation>Reporting unit: {unit}
Clerk: {clerk}
Signing leader: {leader}
Data folder: {folder}

Save this setup?</translation>
    </message>
</context>
<context>
    <name>TargetActions</name>
    <message>
        <location filename="../../desktop_app/ui/target_hint.py" line="+215"/>
        <source>&amp;Chỉ tiêu của kỳ báo cáo…</source>
        <translation>&amp;Targets of the period…</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location line="-71"/>
        <source>Chỉ tiêu của kỳ báo cáo</source>
        <translation>Targets of the period</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chỉ tiêu</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mục tiêu</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số liệu</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đánh giá</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Kỳ báo cáo này không có chỉ tiêu nào.</source>
        <translation>This period has no targets.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ tiêu của biểu mẫu (chưa có kế hoạch cho kỳ này).</source>
        <translation>The form&apos;s targets (no plan held for this period).</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../desktop_app/ui/district/targets_model.py" line="+72"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số chỉ tiêu
đạt</source>
        <translation>Targets
met</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>chưa có số liệu</source>
        <translation>no data</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đơn vị để trống chỉ số này</source>
        <translation>The unit left this indicator blank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đạt chỉ tiêu</source>
        <translation>Target met</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa đạt chỉ tiêu</source>
        <translation>Target not met</translation>
    </message>
</context>
<context>
    <name>TrendModel</name>
    <message>
        <location filename="../../desktop_app/ui/district/trend_model.py" line="+50"/>
        <source>Tổng điểm</source>
        <translation>Total score</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thứ hạng</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Chỉ số</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Không có số liệu kỳ này</source>
        <translation>No data for this period</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <location filename="../../desktop_app/ui/district/trend_view.py" line="+59"/>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chỉ số:</source>
        <translation>Indicator:</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Chưa có chỉ số để theo dõi.</source>
        <translation>No indicator to follow yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chỉ số này không có số liệu dạng số để vẽ biểu đồ; xem bảng bên dưới.</source>
        <translation>This indicator has no numbers to chart; see the table below.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Chỉ tiêu %1</source>
        <translation>Target %1</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../desktop_app/ui/receiving/trust_dialog.py" line="+63"/>
        <source>Chứng thư tin cậy của đơn vị cấp dưới</source>
        <translation>Trusted certificates of subordinate units</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chỉ gói nộp ký bằng chứng thư đã đăng ký cho đúng đơn vị (hoặc do CA tin cậy cấp và ghi đúng mã đơn vị) mới được nhận.</source>
        <translation>Only packets signed with a certificate registered for that very unit (or issued by a trusted CA and naming the unit&apos;s code) are received.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chứng thư</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vân tay SHA-256</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiệu lực</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đăng ký chứng thư đơn vị…</source>
        <translation>Register a unit certificate…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tin cậy CA…</source>
        <translation>Trust a CA…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thu hồi…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thu hồi theo vân tay…</source>
        <translation>Revoke by fingerprint…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thu hồi một chứng thư do CA tin cậy cấp mà không có trong danh sách: nhập vân tay SHA-256 của nó (xem ở kết quả nhận gói).</source>
        <translation>Revoke a certificate a trusted CA issued that is not in the list: enter its SHA-256 fingerprint (shown with the received packets).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hiện cả chứng thư đã thay thế hoặc thu hồi</source>
        <translation>Show replaced and revoked certificates too</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mọi đơn vị (CA)</source>
        <translation>Any unit (CA)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang tin cậy</source>
        <translation>Trusted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã thay thế ngày %1</source>
        <translation>Replaced on %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã thu hồi ngày %1: %2</source>
        <translation>Revoked on %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cấp bởi: %1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+45"/>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Thu hồi chứng thư</source>
        <translation>Revoke the certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lý do thu hồi chứng thư của %1 (gói ký bằng chứng thư này sẽ bị từ chối):</source>
        <translation>Why revoke the certificate of %1 (packets signed with it will be rejected):</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Thu hồi chứng thư theo vân tay</source>
        <translation>Revoke a certificate by its fingerprint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vân tay SHA-256 của chứng thư cần thu hồi (64 chữ số hex):</source>
        <translation>SHA-256 fingerprint of the certificate to revoke (64 hex digits):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lý do thu hồi (gói ký bằng chứng thư này sẽ bị từ chối):</source>
        <translation>Reason for the revocation (packets signed with this certificate will be refused):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã thu hồi chứng thư %1 của đơn vị %2.</source>
        <translation>Certificate %1 of unit %2 is revoked.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../desktop_app/ui/verify_dialog.py" line="+45"/>
        <source>Kiểm tra gói nộp</source>
        <translation>Check packets</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn hoặc kéo thả các tệp gói nộp (.zip) vào đây. Mỗi gói được kiểm tra chữ ký, tính toàn vẹn và số liệu; không ghi gì vào dữ liệu.</source>
        <translation>Choose packet files (.zip) or drop them here. Each is checked for its signatures, integrity and data; nothing is written.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người ký / lý do</source>
        <translation>Signer / reason</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chọn tệp gói…</source>
        <translation>Choose packet files…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thêm chứng thư tin cậy…</source>
        <translation>Add a trusted certificate…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tin cậy: chứng thư của chính đơn vị</source>
        <translation>Trusted: the unit&apos;s own certificate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn tệp gói nộp</source>
        <translation>Choose packet files</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gói nộp (*.zip)</source>
        <translation>Packets (*.zip)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn chứng thư tin cậy</source>
        <translation>Choose a trusted certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chứng thư (*.pem *.cer *.crt *.der)</source>
        <translation>Certificates (*.pem *.cer *.crt *.der)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đang kiểm tra gói nộp…</source>
        <translation>Checking packets…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>TỪ CHỐI</source>
        <translation>REFUSED</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 · %3 · lần %4</source>
        <translation>%1 %2 · %3 · revision %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>HỢP LỆ</source>
        <translation>VALID</translation>
    </message>
</context>
</TS>
