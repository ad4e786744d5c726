<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>CopyPreviousDialog</name>
    <message>
        <location filename="../../desktop_app/ui/copy_dialog.py" line="+28"/>
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
        <location line="+4"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/entry_view.py" line="+250"/>
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
    <name>FieldRow</name>
    <message>
        <location filename="../../desktop_app/ui/field_row.py" line="+88"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ghi chú và lịch sử thay đổi (F4)</source>
        <translation>Note and history of changes (F4)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="+76"/>
        <source>Báo cáo ứng dụng công nghệ thông tin</source>
        <translation>IT application report</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lỗi và cảnh báo</source>
        <translation>Errors and warnings</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
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
        <location line="+1"/>
        <source>Danh sách &amp;lỗi</source>
        <translation>&amp;Problems list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cài đặt…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Báo cáo</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> Biểu mẫu: </source>
        <translation> Form: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  Kỳ báo cáo: </source>
        <translation>  Period: </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa thiết lập đơn vị báo cáo</source>
        <translation>No reporting unit set up</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Máy này chưa có đơn vị báo cáo.</source>
        <translation>This computer has no reporting unit yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thiết lập đơn vị…</source>
        <translation>Set up the unit…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã lưu lúc %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Báo cáo đã xuất nay được sửa: đây là lần sửa %1, cần xuất và gửi lại.</source>
        <translation>The exported report has been edited: this is revision %1, export and send it again.</translation>
    </message>
    <message>
        <location line="+12"/>
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
    <message>
        <location line="+13"/>
        <source>Mọi số liệu đã được lưu tự động ngay khi nhập xong từng ô.</source>
        <translation>Everything is saved automatically as soon as each field is entered.</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <location filename="../../desktop_app/ui/notes_dialog.py" line="+38"/>
        <source>Ghi chú và lịch sử: %1</source>
        <translation>Note and history: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ghi chú (in trong cột Ghi chú của báo cáo):</source>
        <translation>Note (printed in the report&apos;s Notes column):</translation>
    </message>
    <message>
        <location line="+7"/>
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
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../desktop_app/ui/problems_panel.py" line="+44"/>
        <source>Giải trình cho cảnh báo đã chọn:</source>
        <translation>Explanation of the selected warning:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lưu giải trình</source>
        <translation>Save explanation</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Không có lỗi hay cảnh báo nào.</source>
        <translation>No errors or warnings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lỗi: %1 · cảnh báo: %2 (chưa giải trình: %3)</source>
        <translation>Errors: %1 · warnings: %2 (unexplained: %3)</translation>
    </message>
    <message>
        <location line="+18"/>
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
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop_app/ui/setup_dialog.py" line="+61"/>
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
        <location line="+13"/>
        <source>Trước 01/7/2025 (tỉnh – huyện – xã)</source>
        <translation>Before 1 July 2025 (province – district – commune)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiện hành (tỉnh – xã)</source>
        <translation>Current (province – commune)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Danh mục đơn vị:</source>
        <translation>Unit catalogue:</translation>
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
        <location line="+5"/>
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
        <source>Người lập biểu:</source>
        <translation>Prepared by:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Họ và tên Chủ tịch (người ký báo cáo)</source>
        <translation>Full name of the chairperson (who signs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lãnh đạo ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+5"/>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Chọn thư mục lưu dữ liệu</source>
        <translation>Choose the data folder</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hãy chọn đơn vị báo cáo trong danh mục đã chọn.</source>
        <translation>Choose the reporting unit from the selected catalogue.</translation>
    </message>
</context>
</TS>
