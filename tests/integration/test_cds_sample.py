"""The shipped cds-xa sample goes through the CLI as a clerk's file would: a commune of the
current catalogue (its province receives it directly) loads it and validates it without a
problem."""

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli

SAMPLE = PROJECT / "resources" / "samples" / "cds-xa_2026_02020.json"


def test_the_sample_loads_and_validates_clean(tmp_path):
    data = tmp_path / "cho-don"
    described = cli(data, "setup", "--unit", "02020", "--json", check=0).json["described"]
    assert described.endswith("Tỉnh Thái Nguyên")
    cli(data, "values", "load", str(SAMPLE), check=0)
    report = cli(data, "validate", "--form", "cds-xa", "--period", "2026", "--json", check=0).json
    assert report["problems"] == []
