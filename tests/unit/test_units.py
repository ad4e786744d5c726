import json
import unicodedata

import pytest

from desktop_app.core.bundle import resource_path
from desktop_app.core.collation import vi_sort_key
from desktop_app.core.messages import AppError
from desktop_app.core.units import CATALOGUES, Catalogue, Unit


@pytest.fixture(scope="module")
def legacy() -> Catalogue:
    return Catalogue.load("legacy")


@pytest.fixture(scope="module")
def current() -> Catalogue:
    return Catalogue.load("current")


class TestData:
    @pytest.mark.parametrize("name", CATALOGUES)
    def test_files_have_a_header_and_well_formed_rows(self, name):
        lines = resource_path("units", f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        header = json.loads(lines[0])
        assert header["catalogue"] == name
        assert header["source"].startswith("vietnam-provinces ")
        assert header["data_version"]
        assert header["count"] == len(lines) - 1
        widths = {"province": 2, "district": 3, "commune": 5}
        for line in lines[1:]:
            code, unit_name, level, parent = json.loads(line)
            assert code.isdigit() and len(code) == widths[level], line
            assert unit_name == unicodedata.normalize("NFC", unit_name)
            assert unit_name == " ".join(unit_name.split()), line
            assert (parent is None) == (level == "province"), line

    def test_sources(self, legacy, current):
        assert legacy.source == "vietnam-provinces 0.6.0"
        assert current.source == "vietnam-provinces 2025.10.1"

    def test_every_name_carries_its_type_word(self, legacy, current):
        for catalogue in (legacy, current):
            for unit in catalogue.units():
                assert unit.type_word is not None, unit
                assert unit.proper_name[0].isupper() or unit.proper_name[0].isdigit(), unit

    def test_current_province_names_are_full_official_names(self, current):
        assert current.require("19").name == "Tỉnh Thái Nguyên"
        assert current.require("01").name == "Thành phố Hà Nội"
        assert current.require("79").name == "Thành phố Hồ Chí Minh"


class TestBinhTrung:
    def test_commune_district_province(self, legacy):
        commune = legacy.require("02080")
        assert commune == Unit("02080", "Xã Bình Trung", "commune", "064", "legacy")
        district, province = legacy.ancestors("02080")
        assert (district.code, district.name, district.level) == (
            "064",
            "Huyện Chợ Đồn",
            "district",
        )
        assert district.parent_code == "06"
        assert (province.code, province.name, province.level) == ("06", "Tỉnh Bắc Kạn", "province")
        assert province.parent_code is None

    def test_describe(self, legacy):
        assert legacy.describe("02080") == "Xã Bình Trung, Huyện Chợ Đồn, Tỉnh Bắc Kạn"
        assert legacy.describe("064") == "Huyện Chợ Đồn, Tỉnh Bắc Kạn"
        assert legacy.describe("06") == "Tỉnh Bắc Kạn"

    def test_cho_don_has_twenty_communes_in_vietnamese_order(self, legacy):
        children = legacy.children("064")
        assert len(children) == 20
        assert {u.level for u in children} == {"commune"}
        assert {u.parent_code for u in children} == {"064"}
        names = [u.name for u in children]
        assert names == sorted(names, key=vi_sort_key)
        assert "Xã Bình Trung" in names
        # Đ sorts after D and before E, not after every other letter as sorted() puts it.
        assert names.index("Xã Đồng Lạc") < names.index("Xã Lương Bằng")

    def test_children_of_none_are_the_provinces(self, legacy, current):
        assert len(legacy.children(None)) == 63
        assert len(current.children(None)) == 34

    def test_ancestors_of_a_province_are_empty(self, legacy):
        assert legacy.ancestors("06") == []

    def test_unit_proper_name(self, legacy):
        assert legacy.require("02080").proper_name == "Bình Trung"
        assert legacy.require("02080").type_word == "Xã"
        assert legacy.require("01").proper_name == "Hà Nội"


class TestCurrentStructure:
    def test_34_provinces_and_no_district_level(self, current):
        assert len(list(current.units("province"))) == 34
        assert list(current.units("district")) == []
        assert current.levels == ("province", "commune")

    def test_communes_hang_directly_under_provinces(self, current):
        for unit in current.units("commune"):
            assert current.require(unit.parent_code).level == "province"
        assert current.describe("00004") == "Phường Ba Đình, Thành phố Hà Nội"

    def test_legacy_has_three_levels(self, legacy):
        assert legacy.levels == ("province", "district", "commune")
        assert len(list(legacy.units("province"))) == 63
        assert len(legacy) == sum(1 for _ in legacy.units())

    def test_units_carry_their_catalogue(self, legacy, current):
        assert legacy.require("01").catalogue == "legacy"
        assert current.require("01").catalogue == "current"


class TestCodes:
    @pytest.mark.parametrize("typed", ["02080", "2080", 2080, " 02080 ", "002080"])
    def test_leading_zeros_optional_when_unambiguous(self, legacy, typed):
        assert legacy.require(typed).code == "02080"

    def test_code_as_written_wins(self, legacy):
        assert legacy.require("64").name == "Tỉnh Gia Lai"
        assert legacy.require("064").name == "Huyện Chợ Đồn"

    def test_ambiguous_short_code_finds_nothing(self, legacy):
        # 06 (a province), 006 (a district) and 00006 (a commune) all exist.
        assert legacy.get("6") is None
        assert "6" not in legacy
        assert "06" in legacy

    @pytest.mark.parametrize("typed", ["99999", "abc", "", "0", "02080x"])
    def test_unknown_code(self, legacy, typed):
        assert legacy.get(typed) is None
        with pytest.raises(AppError) as caught:
            legacy.require(typed)
        assert caught.value.code == "unit.unknown"
        assert f"“{typed}”" in caught.value.message.vi
        assert f"“{typed}”" in caught.value.message.en

    def test_unknown_code_in_children_ancestors_describe(self, legacy):
        for method in (legacy.children, legacy.ancestors, legacy.describe):
            with pytest.raises(AppError, match="99999"):
                method("99999")

    def test_legacy_code_not_in_current(self, current):
        # Bắc Kạn merged into Thái Nguyên on 1 July 2025.
        assert current.get("06") is None
        assert current.get("02080") is None


class TestLoad:
    def test_unknown_catalogue(self):
        with pytest.raises(AppError) as caught:
            Catalogue.load("2019")
        assert caught.value.code == "catalogue.unknown"
        assert "2019" in caught.value.message.en

    def test_cached_per_process(self, legacy):
        assert Catalogue.load("legacy") is legacy


class TestSearch:
    @pytest.mark.parametrize("query", ["binh trung", "Bình Trung", "BINH TRUNG", "bình  TRUNG"])
    def test_accent_and_case_insensitive(self, legacy, query):
        results = legacy.search(query)
        assert legacy.require("02080") in results
        top = results[0]
        assert top.name == "Xã Bình Trung"

    def test_nfd_query(self, legacy):
        query = unicodedata.normalize("NFD", "Bình Trung")
        assert legacy.search(query)[0].name == "Xã Bình Trung"

    def test_equal_names_come_first_in_vietnamese_order(self, legacy):
        results = legacy.search("binh trung")
        equal = [u for u in results if u.proper_name == "Bình Trung"]
        assert results[: len(equal)] == equal
        assert len(equal) >= 2  # the name repeats: callers show describe()
        keys = [vi_sort_key(u.name) for u in equal]
        assert keys == sorted(keys)

    def test_query_accents_break_ties(self, legacy):
        assert legacy.search("Bình Trưng")[0].name == "Xã Bình Trưng"
        assert legacy.search("Bình Trung")[0].name == "Xã Bình Trung"

    def test_every_token_must_appear_in_the_name_or_its_parents(self, legacy):
        from desktop_app.core.collation import fold

        found = legacy.search("trung binh", limit=200)
        for unit in found:
            described = fold(legacy.describe(unit.code))
            assert "trung" in described and "binh" in described
        # names that hold every word come before those matched through a parent
        own = [fold(u.name) for u in found]
        first_parent_match = next(
            i for i, name in enumerate(own) if not ("trung" in name and "binh" in name)
        )
        assert all("trung" in n and "binh" in n for n in own[:first_parent_match])

    def test_words_may_come_from_the_parent_names(self, legacy):
        assert legacy.search("binh trung cho don")[0].code == "02080"

    def test_exact_code_first(self, legacy):
        assert legacy.search("02080")[0].code == "02080"
        assert legacy.search("2080")[0].code == "02080"
        assert legacy.search("064")[0].code == "064"

    def test_code_prefix(self, legacy):
        results = legacy.search("0208", limit=50)
        assert results
        # A typed leading zero means "the code as written", so not 00208.
        assert sorted(u.code for u in results) == ["02080", "02083", "02086", "02089"]

    def test_starts_with_ranks_before_contains(self, legacy):
        results = legacy.search("cho don", limit=50)
        assert results[0].name == "Huyện Chợ Đồn"

    def test_level_filter(self, legacy):
        assert [u.code for u in legacy.search("cho don", level="district")] == ["064"]
        in_cho_don = legacy.search("cho don", level="commune", limit=100)
        assert {u.code for u in legacy.children("064")} <= {u.code for u in in_cho_don}
        results = legacy.search("bang lung", level="commune")
        assert results[0].name == "Thị trấn Bằng Lũng"
        assert all(u.level == "commune" for u in results)
        with pytest.raises(ValueError):
            legacy.search("cho don", level="hamlet")

    def test_limit(self, legacy):
        assert len(legacy.search("xa", limit=7)) == 7
        assert legacy.search("xa", limit=0) == []

    def test_empty_and_nonsense(self, legacy):
        assert legacy.search("") == []
        assert legacy.search("   ") == []
        assert legacy.search("zzzqqq") == []

    def test_apostrophes_need_not_be_typed(self, legacy, current):
        assert "Xã Ea H'leo" in [u.name for u in legacy.search("ea hleo")]
        assert "Xã Ea H'leo" in [u.name for u in current.search("Ea H’leo")]

    def test_current_catalogue(self, current):
        results = current.search("thai nguyen", level="province")
        assert [u.name for u in results] == ["Tỉnh Thái Nguyên"]
