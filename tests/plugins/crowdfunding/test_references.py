"""Structured references: ISO 11649 RF and Belgian +++xxx/xxxx/xxxxx+++, with check digits."""
import pytest

from plugins.crowdfunding.providers.references import (is_valid_belgian_reference,
                                                       is_valid_rf_reference,
                                                       make_belgian_reference,
                                                       make_rf_reference, normalise)


def test_rf_reference_of_the_standard_example():
    assert make_rf_reference("539007547034") == "RF18 5390 0754 7034"
    assert is_valid_rf_reference("RF18539007547034")
    assert is_valid_rf_reference("rf18 5390 0754 7034")


@pytest.mark.parametrize("wrong", ["RF19 5390 0754 7034", "RF18 5390 0754 7043", "RF18",
                                   "XX18539007547034", "RF18" + "1" * 22])
def test_rf_reference_with_a_wrong_check_or_shape(wrong):
    assert not is_valid_rf_reference(wrong)


def test_random_references_are_valid_and_differ():
    drawn = {make_rf_reference() for _ in range(50)} | {make_belgian_reference()
                                                       for _ in range(50)}
    assert len(drawn) == 100
    assert all(normalise(reference) == reference for reference in drawn)


def test_belgian_structured_communication():
    assert make_belgian_reference("0909337554") == "+++090/9337/55493+++"
    # Remainder 0 is written 97.
    assert make_belgian_reference("0000000097") == "+++000/0000/09797+++"
    assert is_valid_belgian_reference("***090/9337/55493***")
    assert not is_valid_belgian_reference("+++090/9337/55494+++")
    assert not is_valid_belgian_reference("+++090/9337/5549+++")


def test_normalise_reads_what_a_manager_types():
    assert normalise(" 090/9337/55493 ") == "+++090/9337/55493+++"
    assert normalise("rf18539007547034") == "RF18 5390 0754 7034"
    assert normalise("RF18 5390 0754 7035") is None
    assert normalise("hello") is None
