"""The made-up district of the sample reports: Huyện Chợ Đồn's units and which of them
are remote, short of equipment or late, the texts clerks write, and how figures are
written (``make_samples.py``).

May import: the standard library only.
"""

from __future__ import annotations

import datetime

SEED = 2026
PERIOD = "2026"
DISTRICT_CODE = "064"

# (code, name) — vietnam-provinces 0.6, Tỉnh Bắc Kạn (6) › Huyện Chợ Đồn (64).
UNITS: list[tuple[str, str]] = [
    ("02020", "Thị trấn Bằng Lũng"),
    ("02023", "Xã Xuân Lạc"),
    ("02026", "Xã Nam Cường"),
    ("02029", "Xã Đồng Lạc"),
    ("02032", "Xã Tân Lập"),
    ("02035", "Xã Bản Thi"),
    ("02038", "Xã Quảng Bạch"),
    ("02041", "Xã Bằng Phúc"),
    ("02044", "Xã Yên Thịnh"),
    ("02047", "Xã Yên Thượng"),
    ("02050", "Xã Phương Viên"),
    ("02053", "Xã Ngọc Phái"),
    ("02059", "Xã Đồng Thắng"),
    ("02062", "Xã Lương Bằng"),
    ("02065", "Xã Bằng Lãng"),
    ("02068", "Xã Đại Sảo"),
    ("02071", "Xã Nghĩa Tá"),
    ("02077", "Xã Yên Mỹ"),
    ("02080", "Xã Bình Trung"),
    ("02083", "Xã Yên Phong"),
]

TOWN = "02020"  # Bằng Lũng: the district seat, best equipped
# Remote communes: weaker connectivity, fewer online dossiers.
REMOTE = {"02023", "02035", "02044", "02068"}
NO_LAN = {"02023", "02035", "02044", "02068", "02029"}
NO_TSL = {"02023", "02035"}  # not yet on the specialised data network
LOW_ONLINE = {"02023", "02035"}

# Warnings tripped on purpose (each gets an explanation on the field where it is shown).
NO_FIBRE = "02023"  # r_internet_khong_cap_quang
MANY_LATE = "02068"  # r_tre_han_cao
FEW_ARTICLES = "02035"  # r_bai_dang_it
MANY_INCIDENTS = "02083"  # r_su_co_nhieu
# Other variety that trips no rule.
NO_IT_OFFICER = "02044"  # the clerk in charge of IT moved away in the autumn
NO_PLAN = {"02044", "02071"}
NO_DIGITISATION_FIGURE = "02029"  # the system could not report it: left blank
LEADER_WITHOUT_CERT = {"02026", "02059", "02071"}

KHO_KHAN = [
    "Đường truyền Internet tại trụ sở thường xuyên chập chờn, nhất là vào mùa mưa bão; mất "
    "điện kéo dài làm gián đoạn việc tiếp nhận, xử lý hồ sơ trên hệ thống.",
    "Nhiều máy tính được trang bị từ năm 2016–2018, cấu hình thấp, chạy chậm khi ký số và khi "
    "sử dụng đồng thời nhiều phần mềm.",
    "Một bộ phận người dân, nhất là người cao tuổi và đồng bào ở các thôn vùng sâu, chưa có "
    "điện thoại thông minh, chưa quen nộp hồ sơ trực tuyến.",
    "Công chức phụ trách CNTT làm kiêm nhiệm, chưa được đào tạo chuyên sâu nên việc khắc phục "
    "sự cố máy tính, mạng còn phụ thuộc vào sự hỗ trợ của huyện.",
    "Kinh phí cho ứng dụng CNTT hạn hẹp, chưa bố trí được máy quét chuyên dụng phục vụ số hóa "
    "hồ sơ tại Bộ phận Một cửa.",
    "Sóng điện thoại di động ở một số thôn còn yếu, ảnh hưởng đến việc xác thực tài khoản định "
    "danh điện tử của người dân khi nộp hồ sơ trực tuyến.",
    "Việc gia hạn chứng thư số cho lãnh đạo và cấp chứng thư số cho công chức mới còn chậm.",
]
DE_XUAT = [
    "Đề nghị UBND huyện quan tâm bố trí kinh phí thay thế máy tính đã hết khấu hao cho Bộ phận "
    "Một cửa của xã.",
    "Đề nghị Phòng Văn hóa – Thông tin huyện tổ chức thêm các lớp tập huấn về an toàn thông tin "
    "và kỹ năng số cho cán bộ, công chức cấp xã.",
    "Đề nghị doanh nghiệp viễn thông nâng cấp đường truyền cáp quang và hỗ trợ kết nối mạng "
    "truyền số liệu chuyên dùng cho trụ sở xã.",
    "Đề nghị cấp trên hỗ trợ máy quét tài liệu để đẩy nhanh việc số hóa hồ sơ, kết quả giải "
    "quyết thủ tục hành chính.",
    "Đề nghị cấp trên hướng dẫn cụ thể việc thanh toán trực tuyến phí, lệ phí đối với các thủ "
    "tục hành chính cấp xã.",
]
NHIEM_VU = [
    "Phấn đấu 100% văn bản đi (trừ văn bản mật) được ký số và gửi trên môi trường điện tử.",
    "Tiếp tục tuyên truyền, hướng dẫn người dân nộp hồ sơ trực tuyến; phấn đấu tỷ lệ hồ sơ "
    "tiếp nhận trực tuyến đạt trên 50%.",
    "Duy trì hoạt động của các Tổ công nghệ số cộng đồng ở thôn, hướng dẫn người dân cài đặt, "
    "kích hoạt tài khoản định danh điện tử.",
    "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực theo hướng dẫn của tỉnh.",
    "Cập nhật thường xuyên tin, bài trên trang thông tin điện tử của xã, mỗi tháng ít nhất 4 "
    "tin, bài.",
    "Rà soát, cài đặt phần mềm phòng, chống mã độc có bản quyền cho toàn bộ máy tính của cơ quan.",
    "Cử cán bộ, công chức tham gia đầy đủ các lớp bồi dưỡng kỹ năng số, an toàn thông tin do "
    "huyện, tỉnh tổ chức.",
]


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def money(value: float) -> float:
    """A million-VND amount with one decimal, as a JSON number."""
    return round(value, 1)


def date_text(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")
