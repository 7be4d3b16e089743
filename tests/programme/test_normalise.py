import pytest

from programme.normalise import street_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gerrit van der Veenstraat", "gerrit van der veenstr."),
        ("Bloemkweekstraat", "  BLOEMKWEEKSTRAAT "),
        ("Rosé-laan", "rose laan"),
        ("Kerk ln", "Kerk laan"),
    ],
)
def test_two_spellings_of_one_street_give_one_key(a, b):
    assert street_key(a) == street_key(b)


def test_different_streets_keep_different_keys():
    assert street_key("Zwaanshals") != street_key("Zwaanstraat")


def test_a_name_without_letters_or_digits_has_no_key():
    assert street_key(" -- ") == ""
