"""One sample report: a commune's (``commune_report``) or the district's own
(``district_report``), in the ``values load`` format, drawn from a generator seeded with
the unit's code so that every run writes the same bytes (``make_samples.py``).

May import: ``sample_units`` and the standard library.
"""

from __future__ import annotations

import datetime
import random

from sample_units import (
    DE_XUAT,
    DISTRICT_CODE,
    FEW_ARTICLES,
    KHO_KHAN,
    LEADER_WITHOUT_CERT,
    LOW_ONLINE,
    MANY_INCIDENTS,
    MANY_LATE,
    NHIEM_VU,
    NO_DIGITISATION_FIGURE,
    NO_FIBRE,
    NO_IT_OFFICER,
    NO_LAN,
    NO_PLAN,
    NO_TSL,
    PERIOD,
    REMOTE,
    SEED,
    TOWN,
    bullets,
    date_text,
    money,
)


def commune_report(code: str, name: str) -> dict:
    rng = random.Random(f"{SEED}-{code}")
    town = code == TOWN
    remote = code in REMOTE
    comments: dict[str, str] = {}
    v: dict[str, object] = {}

    # I. Hạ tầng kỹ thuật
    cbcc = 24 if town else rng.randint(18, 23)
    co_may = cbcc if town else cbcc - rng.choice([0, 0, 1, 1, 2, 3])
    may = co_may + (3 if town else 2) - rng.randint(0, 4)  # + one-stop desk machines
    internet = may - (0 if town else rng.choice([0, 0, 0, 1, 2]))
    v["cbcc_tong"] = cbcc
    v["cbcc_co_may_tinh"] = co_may
    v["may_tinh_tong"] = may
    v["may_tinh_ket_noi_internet"] = internet
    v["co_cap_quang"] = code != NO_FIBRE
    v["co_mang_lan"] = code not in NO_LAN
    v["co_mang_tsl_chuyen_dung"] = code not in NO_TSL
    v["co_wifi_mot_cua"] = town or (not remote and rng.random() < 0.55)
    if code == NO_FIBRE:
        comments["co_cap_quang"] = (
            "Tuyến cáp quang chưa kéo đến trụ sở xã (doanh nghiệp viễn thông dự kiến triển "
            "khai năm 2027); hiện xã dùng 02 bộ phát 4G để kết nối Internet cho các máy tính."
        )

    # II. Ứng dụng CNTT trong hoạt động nội bộ
    thu = cbcc - (0 if town else rng.choice([0, 0, 0, 1, 2]))
    thu_tx = round(thu * (0.9 if town else rng.uniform(0.3, 0.85)))
    lanh_dao = 3 if town else rng.choice([2, 2, 3])
    vb_di = 980 if town else rng.randint(320, 650)
    ky_so = round(vb_di * (0.97 if town else rng.uniform(0.72, 0.96)))
    vb_den = 2650 if town else rng.randint(1100, 2100)
    v["cbcc_co_thu_cong_vu"] = thu
    v["cbcc_dung_thu_thuong_xuyen"] = thu_tx
    v["co_qlvb_dh"] = True
    v["cbcc_dung_qlvb_dh"] = cbcc - (1 if town else rng.randint(1, 6))
    v["vb_di_tong"] = vb_di
    v["vb_di_ky_so"] = ky_so
    v["vb_di_dien_tu"] = round(ky_so * (0.93 if town else rng.uniform(0.72, 0.95)))
    v["vb_den_tong"] = vb_den
    v["vb_den_dien_tu"] = round(vb_den * rng.uniform(0.86, 0.97))
    v["vb_den_xu_ly_tren_he_thong"] = round(vb_den * rng.uniform(0.88, 0.99))
    v["lanh_dao_tong"] = lanh_dao
    v["lanh_dao_co_cts"] = lanh_dao - (1 if code in LEADER_WITHOUT_CERT else 0)
    v["co_cts_co_quan"] = True

    # III. Dịch vụ công trực tuyến và một cửa điện tử
    # The province publishes one list for all communes; a couple lag behind in updating it.
    tthc = 121
    toan_trinh = 38 if rng.random() < 0.85 else 35
    mot_phan = 52
    ky_truoc = rng.randint(0, 15)
    tiep_nhan = 3620 if town else rng.randint(700, 2200)
    if town:
        online_rate = 0.62
    elif code in LOW_ONLINE:
        online_rate = rng.uniform(0.03, 0.07)
    else:
        online_rate = rng.uniform(0.14, 0.55)
    truc_tuyen = round(tiep_nhan * online_rate)
    giai_quyet = ky_truoc + tiep_nhan - rng.randint(3, 25)
    if code == MANY_LATE:
        tre_han = round(giai_quyet * 0.11)
        comments["ho_so_tre_han"] = (
            f"{tre_han} hồ sơ quá hạn chủ yếu là hồ sơ liên thông đăng ký khai sinh – đăng ký "
            "thường trú – cấp thẻ BHYT cho trẻ em dưới 6 tuổi, phải chờ kết quả của cơ quan "
            "liên thông; đường truyền bị gián đoạn nhiều ngày trong đợt mưa lũ tháng 9/2026."
        )
    else:
        tre_han = round(giai_quyet * rng.uniform(0.0, 0.025))
    v["tthc_tong"] = tthc
    v["tthc_toan_trinh"] = toan_trinh
    v["tthc_mot_phan"] = mot_phan
    v["co_mot_cua_dien_tu"] = True
    v["ho_so_ky_truoc_chuyen_sang"] = ky_truoc
    v["ho_so_tiep_nhan"] = tiep_nhan
    v["ho_so_truc_tuyen"] = truc_tuyen
    v["ho_so_da_giai_quyet"] = giai_quyet
    v["ho_so_dung_han"] = giai_quyet - tre_han
    v["ho_so_tre_han"] = tre_han
    if code != NO_DIGITISATION_FIGURE:
        v["ho_so_so_hoa"] = round(tiep_nhan * (0.93 if town else rng.uniform(0.45, 0.92)))
    else:
        comments["ho_so_so_hoa"] = (
            "Hệ thống thông tin giải quyết TTHC chưa thống kê được số hồ sơ đã số hóa của xã "
            "trong năm; xã đã đề nghị huyện hỗ trợ trích xuất số liệu."
        )
    if rng.random() < 0.75:
        v["ho_so_thanh_toan_truc_tuyen"] = round(truc_tuyen * rng.uniform(0.05, 0.3))

    # IV. Trang thông tin điện tử
    v["co_trang_ttdt"] = True
    v["trang_ttdt_dung_quy_dinh"] = town or rng.random() < 0.8
    if code == FEW_ARTICLES:
        v["so_bai_dang"] = 8
        comments["so_bai_dang"] = (
            "Công chức phụ trách cập nhật trang thông tin điện tử nghỉ chế độ thai sản 6 tháng, "
            "xã chưa bố trí được người thay thế nên số tin, bài đăng trong năm ít."
        )
    else:
        v["so_bai_dang"] = 152 if town else rng.randint(18, 90)

    # V. Nhân lực
    if code == NO_IT_OFFICER:
        v["co_can_bo_phu_trach_cntt"] = False
        comments["co_can_bo_phu_trach_cntt"] = (
            "Công chức Văn phòng – Thống kê phụ trách CNTT chuyển công tác từ tháng 10/2026; "
            "UBND xã đang phân công lại nhiệm vụ."
        )
    else:
        v["co_can_bo_phu_trach_cntt"] = True
        v["hinh_thuc_phu_trach_cntt"] = "chuyen_trach" if town else "kiem_nhiem"
    v["cbcc_tap_huan_cntt"] = 15 if town else rng.randint(2, 14)

    # VI. Kế hoạch và kinh phí
    if code in NO_PLAN:
        v["co_ke_hoach_cntt"] = False
    else:
        v["co_ke_hoach_cntt"] = True
        day = datetime.date(2026, 1, 5) + datetime.timedelta(days=rng.randint(0, 70))
        v["ngay_ban_hanh_ke_hoach_cntt"] = date_text(day)
    budget = 185.0 if town else rng.uniform(25, 120)
    v["kinh_phi_cntt"] = money(budget)
    v["kinh_phi_da_chi"] = money(budget * (0.96 if town else rng.uniform(0.7, 1.0)))

    # VII. An toàn thông tin
    v["may_tinh_co_diet_virus"] = may if town else may - rng.randint(0, may // 2)
    if code == MANY_INCIDENTS:
        v["su_co_attt"] = 6
        comments["su_co_attt"] = (
            "06 lần máy tính bị nhiễm mã độc qua thiết bị lưu trữ USB; đã được Phòng Văn hóa – "
            "Thông tin huyện hỗ trợ quét, xử lý, không bị mất dữ liệu. Xã đã quán triệt cán bộ "
            "không dùng USB cá nhân trên máy tính của cơ quan."
        )
    else:
        v["su_co_attt"] = rng.choice([0, 0, 0, 1, 1, 2])
    if rng.random() < 0.85:
        v["co_phuong_an_attt"] = town or rng.random() < 0.6

    # VIII. Ý kiến
    v["kho_khan_vuong_mac"] = bullets(rng.sample(KHO_KHAN, 2))
    if rng.random() < 0.8:
        v["de_xuat_kien_nghi"] = bullets(rng.sample(DE_XUAT, rng.randint(1, 2)))
    v["nhiem_vu_nam_sau"] = bullets(rng.sample(NHIEM_VU, rng.randint(2, 3)))

    return {"unit": code, "form": "cntt-xa", "period": PERIOD, "values": v, "comments": comments}


def district_report() -> dict:
    v: dict[str, object] = {
        # I. Hạ tầng kỹ thuật
        "cbcc_tong": 96,
        "cbcc_co_may_tinh": 96,
        "may_tinh_tong": 112,
        "may_tinh_ket_noi_internet": 110,
        "may_chu_tong": 3,
        "co_cap_quang": True,
        "co_mang_lan": True,
        "co_mang_tsl_chuyen_dung": True,
        "co_wifi_mot_cua": True,
        "co_hop_truc_tuyen": True,
        # II. Ứng dụng CNTT trong hoạt động nội bộ
        "cbcc_co_thu_cong_vu": 96,
        "cbcc_dung_thu_thuong_xuyen": 58,
        "co_qlvb_dh": True,
        "cbcc_dung_qlvb_dh": 94,
        "vb_di_tong": 6480,
        "vb_di_ky_so": 6215,
        "vb_di_dien_tu": 5830,
        "vb_den_tong": 11240,
        "vb_den_dien_tu": 10870,
        "vb_den_xu_ly_tren_he_thong": 11015,
        "lanh_dao_tong": 3,
        "lanh_dao_co_cts": 3,
        "lanh_dao_phong_tong": 27,
        "lanh_dao_phong_co_cts": 25,
        "co_cts_co_quan": True,
        # III. Dịch vụ công trực tuyến và một cửa điện tử
        "tthc_tong": 236,
        "tthc_toan_trinh": 92,
        "tthc_mot_phan": 118,
        "co_mot_cua_dien_tu": True,
        "ho_so_ky_truoc_chuyen_sang": 64,
        "ho_so_tiep_nhan": 4815,
        "ho_so_truc_tuyen": 2230,
        "ho_so_da_giai_quyet": 4796,
        "ho_so_dung_han": 4702,
        "ho_so_tre_han": 94,
        "ho_so_so_hoa": 4390,
        "ho_so_thanh_toan_truc_tuyen": 415,
        # IV. Cổng/Trang thông tin điện tử
        "co_trang_ttdt": True,
        "trang_ttdt_dung_quy_dinh": True,
        "so_bai_dang": 1620,
        "so_luot_truy_cap": 412350,
        # V. Nhân lực và công tác chỉ đạo
        "co_can_bo_phu_trach_cntt": True,
        "hinh_thuc_phu_trach_cntt": "chuyen_trach",
        "so_cong_chuc_cntt": 2,
        "cbcc_tap_huan_cntt": 41,
        "co_ban_chi_dao_cds": True,
        "so_cuoc_hop_bcd": 3,
        # VI. Kế hoạch và kinh phí
        "co_ke_hoach_cntt": True,
        "ngay_ban_hanh_ke_hoach_cntt": date_text(datetime.date(2026, 1, 20)),
        "kinh_phi_cntt": 1250.0,
        "kinh_phi_da_chi": 1108.5,
        # VII. An toàn thông tin
        "may_tinh_co_diet_virus": 104,
        "su_co_attt": 1,
        "co_phuong_an_attt": True,
        # IX. Ý kiến
        "kho_khan_vuong_mac": bullets(
            [
                "Hạ tầng CNTT ở nhiều xã vùng sâu còn yếu: 01 xã chưa có cáp quang, 05 xã chưa "
                "có mạng nội bộ, 02 xã chưa kết nối mạng truyền số liệu chuyên dùng.",
                "Công chức phụ trách CNTT cấp xã hầu hết làm kiêm nhiệm (chỉ thị trấn Bằng Lũng "
                "có người chuyên trách), thường xuyên thay đổi; 01 xã chưa phân công được người "
                "phụ trách.",
                "Tỷ lệ hồ sơ trực tuyến ở các xã vùng cao còn thấp do người dân chưa có thiết bị, "
                "kỹ năng số hạn chế.",
            ]
        ),
        "de_xuat_kien_nghi": bullets(
            [
                "Đề nghị UBND tỉnh bố trí kinh phí hỗ trợ các xã vùng sâu thay thế máy tính đã hết "
                "khấu hao và trang bị máy quét phục vụ số hóa hồ sơ.",
                "Đề nghị Sở phụ trách lĩnh vực thông tin, chuyển đổi số tổ chức tập huấn an toàn "
                "thông tin cho công chức phụ trách CNTT cấp xã.",
            ]
        ),
        "nhiem_vu_nam_sau": bullets(
            [
                "Ban Chỉ đạo chuyển đổi số huyện họp định kỳ hằng quý.",
                "Phấn đấu 100% xã có mạng nội bộ và kết nối mạng truyền số liệu chuyên dùng.",
                "Nâng tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến toàn huyện lên trên 50%.",
            ]
        ),
    }
    comments = {
        "so_cuoc_hop_bcd": (
            "Ban Chỉ đạo họp 03 phiên (quý I, II, III); nội dung quý IV được lồng ghép vào hội "
            "nghị tổng kết năm của UBND huyện nên không tính là phiên họp riêng."
        ),
    }
    return {
        "unit": DISTRICT_CODE,
        "form": "cntt-huyen",
        "period": PERIOD,
        "values": v,
        "comments": comments,
    }
