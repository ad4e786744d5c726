from desktop_app.core.targets import evaluate_targets
from desktop_app.core.validation import validate


def test_achieved_not_achieved_and_unknown(mini_form):
    full = validate(mini_form, {"cbcc_tong": 20, "cbcc_co_may_tinh": 20}).values
    short = validate(mini_form, {"cbcc_tong": 20, "cbcc_co_may_tinh": 19}).values
    blank = validate(mini_form, {"cbcc_tong": 20}).values
    assert [r.achieved for r in evaluate_targets(mini_form, full)] == [True]
    assert [r.achieved for r in evaluate_targets(mini_form, short)] == [False]
    [unknown] = evaluate_targets(mini_form, blank)
    assert unknown.achieved is None
    assert unknown.as_dict()["label"]["vi"] == "100% cán bộ có máy tính"
