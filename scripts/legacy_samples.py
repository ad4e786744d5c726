"""Sample reports for 2018 and 2020 (the 2017–2021 form versions), written by
``make_samples.py`` beside the 2026 ones:

* ``cntt-xa_<year>_<code>.json`` for the town and 19 communes of Huyện Chợ Đồn (064),
* ``cntt-huyen_<year>_064.json``: the district's own figures (the fields pre-filled from the
  communes are left for the application to consolidate),
* ``cntt-tinh_<year>_06.json``: Tỉnh Bắc Kạn's own figures (likewise).

The district's 2020 report carries figures quoted from a real district report of that year:
102 of 336 dossiers of level-3/4 procedures received online (30,4 %), 13.742 dossiers
received and 12.897 returned (93,9 %), 70 % of internal documents and 50 % of documents with
outside bodies exchanged fully electronically. Everything else is invented but plausible for
a mountainous district of those years: few certificates at commune level in 2018, the
one-stop software and the document system spreading by 2020. No report breaks a rule of its
form. Deterministic: each unit and year draws from its own generator with a fixed seed.
"""

from __future__ import annotations

import datetime
import random

SEED = 2018
YEARS = ("2018", "2020")
PROVINCE_CODE = "06"

# Communes that had the document system / one-stop software / a web page in each year.
QLVB = {"2018": {"02020", "02041", "02050", "02080"}, "2020": None}  # None: all but REMOTE
MOT_CUA = {"2018": {"02020", "02041", "02050", "02062", "02080"}, "2020": None}
WEB = {"2018": {"02020"}, "2020": {"02020", "02041", "02050", "02062", "02080", "02047"}}


def _date(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _has(table: dict, year: str, code: str, remote: set[str]) -> bool:
    chosen = table[year]
    return code not in remote if chosen is None else code in chosen


def commune_report(code: str, year: str, town: str, remote: set[str]) -> dict:
    rng = random.Random(f"{SEED}-{year}-{code}")
    late = year == "2018"
    is_town = code == town
    far = code in remote
    v: dict[str, object] = {}
    cbcc = 23 if is_town else rng.randint(18, 22)
    co_may = cbcc - (0 if is_town else rng.randint(2, 6) if late else rng.randint(0, 3))
    v["cbcc_tong"] = cbcc
    v["cbcc_co_may_tinh"] = co_may
    v["cbcc_thanh_thao_may_tinh"] = co_may - rng.randint(1, 4)
    may = co_may + 1 - rng.randint(0, 3)
    v["may_tinh_tong"] = may
    v["may_tinh_ket_noi_internet"] = may - rng.choice([0, 0, 1, 2])
    v["co_cap_quang"] = is_town or (not far and (not late or rng.random() < 0.4))
    v["co_mang_lan"] = is_town or (not far and rng.random() < (0.3 if late else 0.7))
    v["co_mang_tsl_chuyen_dung"] = is_town if late else not far
    # II. Internal use
    co_thu = cbcc - rng.randint(0, 3 if is_town else 6)
    v["cbcc_co_thu_cong_vu"] = co_thu
    v["cbcc_dung_thu_thuong_xuyen"] = int(co_thu * rng.uniform(0.2, 0.45 if late else 0.65))
    qlvb = _has(QLVB, year, code, remote)
    v["co_qlvb_dh"] = qlvb
    v["cbcc_dung_qlvb_dh"] = rng.randint(cbcc // 2, cbcc) if qlvb else 0
    lanh_dao = 3
    cts = (1 if is_town else 0) if late else rng.randint(1, 3)
    di = rng.randint(250, 520)
    den = rng.randint(900, 1800)
    v["vb_di_tong"] = di
    v["vb_di_ky_so"] = int(di * rng.uniform(0.3, 0.8)) if cts else 0
    v["vb_den_tong"] = den
    v["vb_den_xu_ly_tren_he_thong"] = int(den * rng.uniform(0.5, 0.95)) if qlvb else 0
    noi_bo = rng.randint(60, 180)
    v["vb_noi_bo_tong"] = noi_bo
    v["vb_noi_bo_dien_tu"] = int(noi_bo * rng.uniform(0.2, 0.6)) if qlvb else 0
    lien = di + den
    v["vb_lien_co_quan_tong"] = lien
    v["vb_lien_co_quan_dien_tu"] = int(lien * rng.uniform(0.15, 0.45)) if qlvb else 0
    v["lanh_dao_tong"] = lanh_dao
    v["lanh_dao_co_cts"] = cts
    v["co_cts_co_quan"] = is_town if late else rng.random() < 0.8
    # III. Online services and the one-stop shop (Decree 43/2011 levels)
    tthc = rng.randint(105, 125)
    muc_3 = rng.randint(2, 6) if late else rng.randint(8, 18)
    muc_4 = 0 if late else rng.randint(0, 3)
    online = tthc - rng.randint(0, 6)
    v["tthc_tong"] = tthc
    v["tthc_truc_tuyen_tong"] = online
    v["tthc_muc_1_2"] = online - muc_3 - muc_4
    v["tthc_muc_3"] = muc_3
    v["tthc_muc_4"] = muc_4
    v["tthc_muc_3_4"] = muc_3 + muc_4
    mot_cua = _has(MOT_CUA, year, code, remote)
    v["co_mot_cua_dien_tu"] = mot_cua
    received = rng.randint(700, 2200)
    returned = received - rng.randint(5, 40)
    v["ho_so_tiep_nhan"] = received
    v["ho_so_tra_ket_qua"] = returned
    v["ho_so_tra_dung_han"] = returned - rng.randint(0, 12)
    v["ho_so_qua_mot_cua_dien_tu"] = int(received * rng.uniform(0.6, 1.0)) if mot_cua else 0
    dvc = rng.randint(40, 220)
    online_dossiers = min(dvc // 2, rng.randint(0, 6) if late or far else rng.randint(6, 40))
    v["ho_so_dvc_muc_3_4"] = dvc
    v["ho_so_truc_tuyen"] = online_dossiers
    if not late:  # the 2020 plans set a target for justice and civil status
        tu_phap = rng.randint(dvc // 3, dvc // 2)
        tu_phap_online = min(online_dossiers, rng.randint(0, tu_phap // 4))
        v["ho_so_dvc_tu_phap"] = tu_phap
        v["ho_so_truc_tuyen_tu_phap"] = tu_phap_online
        v["ho_so_dvc_khac"] = dvc - tu_phap
        v["ho_so_truc_tuyen_khac"] = online_dossiers - tu_phap_online
    # IV. Web page
    web = code in WEB[year]
    v["co_trang_ttdt"] = web
    v["trang_ttdt_dung_quy_dinh"] = web and rng.random() < 0.6
    v["so_bai_dang"] = rng.randint(12, 90) if web else 0
    # V–VII
    v["co_can_bo_phu_trach_cntt"] = True
    v["hinh_thuc_phu_trach_cntt"] = "kiem_nhiem"
    v["cbcc_tap_huan_cntt"] = rng.randint(1, 8)
    plan = is_town or rng.random() < (0.3 if late else 0.6)
    v["co_ke_hoach_cntt"] = plan
    if plan:
        v["ngay_ban_hanh_ke_hoach_cntt"] = _date(
            datetime.date(int(year), rng.randint(1, 3), rng.randint(1, 28))
        )
    budget = round(rng.uniform(8, 40 if late else 60), 1)
    v["kinh_phi_cntt"] = budget
    v["kinh_phi_da_chi"] = round(budget * rng.uniform(0.7, 1.0), 1)
    v["may_tinh_co_diet_virus"] = may - rng.randint(0, may // 2 if late else 2)
    v["su_co_attt"] = rng.choice([0, 0, 0, 1, 2])
    v["kho_khan_vuong_mac"] = (
        "Máy tính nhiều năm chưa được thay, đường truyền chậm; công chức phụ trách CNTT "
        "làm kiêm nhiệm."
    )
    v["de_xuat_kien_nghi"] = "Đề nghị UBND huyện hỗ trợ kinh phí thay máy tính và tập huấn."
    v["nhiem_vu_nam_sau"] = "Đưa thêm TTHC lên mức độ 3, 4; tăng tỷ lệ văn bản điện tử."
    return {"unit": code, "form": "cntt-xa", "period": year, "values": v, "comments": {}}


def district_report(code: str, year: str) -> dict:
    late = year == "2018"
    v: dict[str, object] = {
        "cbcc_tong": 88 if late else 92,
        "cbcc_co_may_tinh": 86 if late else 92,
        "cbcc_thanh_thao_may_tinh": 80 if late else 90,
        "may_tinh_tong": 96 if late else 104,
        "may_tinh_ket_noi_internet": 94 if late else 104,
        "may_chu_tong": 2,
        "co_cap_quang": True,
        "co_mang_lan": True,
        "co_mang_tsl_chuyen_dung": True,
        "co_hop_truc_tuyen": True,
        "cbcc_co_thu_cong_vu": 84 if late else 92,
        "cbcc_dung_thu_thuong_xuyen": 41 if late else 54,
        "co_qlvb_dh": True,
        "cbcc_dung_qlvb_dh": 78 if late else 90,
        "vb_di_tong": 4870 if late else 5120,
        "vb_di_ky_so": 1460 if late else 3890,
        "vb_den_tong": 9830 if late else 10700,
        "vb_den_xu_ly_tren_he_thong": 9210 if late else 10486,
        # 2020: 70 % internal, 50 % with outside bodies, as the district reported
        "vb_noi_bo_tong": 1980 if late else 2140,
        "vb_noi_bo_dien_tu": 990 if late else 1498,
        "vb_lien_co_quan_tong": 14700 if late else 15820,
        "vb_lien_co_quan_dien_tu": 4410 if late else 7910,
        "lanh_dao_tong": 3,
        "lanh_dao_co_cts": 2 if late else 3,
        "lanh_dao_phong_tong": 26,
        "lanh_dao_phong_co_cts": 9 if late else 22,
        "co_quan_tong": 13,
        "co_quan_co_cts": 4 if late else 13,
        "tthc_tong": 268 if late else 276,
        "tthc_truc_tuyen_tong": 268 if late else 276,
        "tthc_muc_1_2": 253 if late else 216,
        "tthc_muc_3": 15 if late else 48,
        "tthc_muc_4": 0 if late else 12,
        "tthc_muc_3_4": 15 if late else 60,
        "co_mot_cua_dien_tu": True,
        # 2020: 13.742 received, 12.897 returned (93,9 %); 102 of 336 online (30,4 %)
        "ho_so_tiep_nhan": 11835 if late else 13742,
        "ho_so_tra_ket_qua": 11102 if late else 12897,
        "ho_so_tra_dung_han": 10960 if late else 12790,
        "ho_so_qua_mot_cua_dien_tu": 9120 if late else 13742,
        "ho_so_dvc_muc_3_4": 118 if late else 336,
        "ho_so_truc_tuyen": 9 if late else 102,
        "co_trang_ttdt": True,
        "trang_ttdt_dung_quy_dinh": True,
        "so_bai_dang": 845 if late else 1210,
        "co_can_bo_phu_trach_cntt": True,
        "hinh_thuc_phu_trach_cntt": "chuyen_trach",
        "cbcc_tap_huan_cntt": 22 if late else 26,
        "co_ke_hoach_cntt": True,
        "ngay_ban_hanh_ke_hoach_cntt": _date(datetime.date(int(year), 2, 26 if late else 14)),
        "kinh_phi_cntt": 620.0 if late else 845.0,
        "kinh_phi_da_chi": 588.5 if late else 812.3,
        "may_tinh_co_diet_virus": 61 if late else 98,
        "su_co_attt": 2 if late else 1,
        "kho_khan_vuong_mac": (
            "Số TTHC mức độ 3, 4 còn ít, người dân chưa quen nộp hồ sơ trực tuyến; nhiều xã "
            "chưa có chứng thư số nên văn bản gửi xã vẫn kèm bản giấy."
        ),
        "de_xuat_kien_nghi": "Đề nghị tỉnh cấp chứng thư số cho lãnh đạo và văn thư các xã.",
        "nhiem_vu_nam_sau": "Nâng cấp thêm TTHC lên mức độ 3, 4; 100% xã dùng phần mềm QLVB&ĐH.",
    }
    if not late:  # the 2020 plan set targets by sector
        v.update(
            {
                "ho_so_dvc_tu_phap": 120,
                "ho_so_truc_tuyen_tu_phap": 41,
                "ho_so_dvc_dkkd": 96,
                "ho_so_truc_tuyen_dkkd": 38,
                "ho_so_dvc_khac": 120,
                "ho_so_truc_tuyen_khac": 23,
            }
        )
    return {"unit": code, "form": "cntt-huyen", "period": year, "values": v, "comments": {}}


def province_report(year: str) -> dict:
    late = year == "2018"
    v: dict[str, object] = {
        "co_quan_tinh_tong": 20,
        "co_quan_tinh_dung_qlvb": 17 if late else 20,
        "don_vi_su_nghiep_tong": 182,
        "don_vi_su_nghiep_dung_qlvb": 64 if late else 151,
        "hop_thu_cong_vu_da_cap": 4920 if late else 6310,
        "cts_ca_nhan_da_cap": 540 if late else 1165,
        "cts_to_chuc_da_cap": 265 if late else 402,
        "vb_lien_co_quan_tong": 486200 if late else 541900,
        "vb_lien_co_quan_dien_tu": 170100 if late else 352200,
        "tthc_tong": 1905 if late else 1968,
        "tthc_truc_tuyen_tong": 1905 if late else 1968,
        "tthc_muc_1_2": 1612 if late else 1377,
        "tthc_muc_3": 271 if late else 496,
        "tthc_muc_4": 22 if late else 95,
        "tthc_muc_3_4": 293 if late else 591,
        "tthc_nang_cap_ke_hoach": 250 if late else 300,
        "tthc_nang_cap_dat": 214 if late else 298,
        "ho_so_dvc_muc_3_4": 20150 if late else 41380,
        "ho_so_truc_tuyen": 1236 if late else 7460,
        "kho_khan_vuong_mac": "Tỷ lệ hồ sơ trực tuyến còn thấp so với số TTHC mức độ 3, 4.",
        "de_xuat_kien_nghi": "Đề nghị hỗ trợ tỉnh kết nối Cổng dịch vụ công với các hệ thống quốc gia.",
        "nhiem_vu_nam_sau": "Tiếp tục nâng cấp TTHC lên mức độ 3, 4 theo kế hoạch của tỉnh.",
    }
    return {"unit": PROVINCE_CODE, "form": "cntt-tinh", "period": year, "values": v, "comments": {}}


def reports(units: list[tuple[str, str]], district: str, town: str, remote: set[str]):
    """(file name, report) for every legacy sample."""
    for year in YEARS:
        for code, _name in sorted(units):
            yield f"cntt-xa_{year}_{code}.json", commune_report(code, year, town, remote)
        yield f"cntt-huyen_{year}_{district}.json", district_report(district, year)
        yield f"cntt-tinh_{year}_{PROVINCE_CODE}.json", province_report(year)
