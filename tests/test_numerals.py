"""Reading numerals, ranges and approximations (analysis.numerals)."""
import pytest

from analysis.numerals import find_numbers, plain_number, read_numeral


@pytest.mark.parametrize("text, value", [
    ("365", 365), ("12.5", 12.5), ("二十", 20), ("一百五十", 150), ("两", 2), ("五", 5), ("二十三", 23),
])
def test_read_numeral(text, value):
    assert read_numeral(text) == value


@pytest.mark.parametrize("text", ["", "abc", "几", "责任"])
def test_read_numeral_rejects_what_is_not_a_number(text):
    assert read_numeral(text) is None


def only(text):
    numbers = find_numbers(text)
    assert len(numbers) == 1, numbers
    number = numbers[0]
    assert text[number.start:number.end] == number.text
    return number


@pytest.mark.parametrize("text, low, high, approx", [
    ("每天处理200到300个工单", 200, 300, False),
    ("有六到七个夜班", 6, 7, False),
    ("在150到180个之间", 150, 180, False),
    ("就是四五个小时", 4, 5, True),
    ("有三四十人", 30, 40, True),
    ("共有150至180个", 150, 180, False),
])
def test_ranges(text, low, high, approx):
    number = only(text)
    assert (number.low, number.high, number.approx, number.value) == (low, high, approx, None)


def test_more_than_leaves_the_top_open():
    number = only("能达到60多个")
    assert (number.value, number.low, number.high, number.approx, number.qualifier) == (60, 60, None, True, "多")


@pytest.mark.parametrize("text, word", [("经过近12小时", "近"), ("大约30人", "大约"), ("大概有六到七个", "大概")])
def test_approximation_words_before_the_number(text, word):
    number = only(text)
    assert number.approx and word in number.qualifier


def test_vague_numbers_say_only_what_the_words_say():
    number = only("全市有几十乃至上百个部门")
    assert (number.low, number.high, number.approx, number.value) == (20, 100, True, None)
    assert number.text == "几十乃至上百"
    teens = only("来了十几个人")
    assert (teens.low, teens.high) == (11, 19)


def test_exact_numbers_are_not_approximate():
    number = only("58名话务员")
    assert (number.value, number.low, number.high, number.approx, number.qualifier) == (58, 58, 58, False, "")


def test_a_range_joins_numbers_of_one_script():
    numbers = find_numbers("300到七个")
    assert [n.text for n in numbers] == ["300", "七"]


def test_plain_number():
    assert plain_number(9.0) == 9 and isinstance(plain_number(9.0), int)
    assert plain_number(12.5) == 12.5 and plain_number(None) is None
