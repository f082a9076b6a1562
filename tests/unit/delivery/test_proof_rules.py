"""What a stop's confirmation must carry as proof of delivery (pure rules)."""
from __future__ import annotations

from nutriplat.delivery.domain.proof import Refusal, by_variant, cold_chain_alarms, fully_refused, problems

CARRIED = {(1, 10): 2, (1, 11): 1, (2, 12): 3}


def test_a_delivered_stop_names_the_receiver_and_every_cold_class_temperature():
    assert problems("delivered", {}, {"chilled", "frozen"}, CARRIED).keys() == {"received_by", "chilled_c", "frozen_c"}
    assert problems("delivered", {"received_by": "Jan", "frozen_c": -18.0}, {"frozen", "ambient"}, CARRIED) == {}
    assert problems("not_home", {}, {"chilled"}, CARRIED) == {}


def test_left_without_a_person_needs_a_photo():
    assert list(problems("delivered", {"left_at": "Garage"}, set(), CARRIED)) == ["photo_ref"]
    assert problems("delivered", {"left_at": "Garage", "photo_ref": "p/1.jpg"}, set(), CARRIED) == {}


def test_refusals_stay_within_what_the_stop_carries_and_only_on_a_delivered_stop():
    proof = {"received_by": "Jan"}
    assert problems("delivered", proof | {"refused": [Refusal(1, 10, 1), Refusal(1, 10, 1)]}, set(), CARRIED) == {}
    assert list(problems("delivered", proof | {"refused": [Refusal(1, 10, 2), Refusal(1, 10, 1)]}, set(), CARRIED)) \
        == ["refused"]
    assert list(problems("delivered", proof | {"refused": [Refusal(1, 12, 1)]}, set(), CARRIED)) == ["refused"]
    assert list(problems("refused", {"refused": [Refusal(1, 10, 1)]}, set(), CARRIED)) == ["refused"]


def test_an_order_refused_to_its_last_unit_is_refused_whole():
    assert fully_refused(CARRIED, [Refusal(1, 10, 2), Refusal(1, 11, 1), Refusal(2, 12, 2)]) == {1}
    assert fully_refused(CARRIED, []) == set()


def test_a_warm_handover_is_flagged_per_storage_class():
    assert cold_chain_alarms(7.0, -15.0) == []
    assert cold_chain_alarms(7.5, -12.0) == ["chilled", "frozen"]
    assert cold_chain_alarms(None, None) == []


TRAYS = {(1, 10, 7): 1, (1, 10, 8): 1}  # order 1 is a ward crate: residents 7 and 8 each a tray of variant 10


def test_a_refusal_may_name_the_resident_whose_tray_it_was():
    proof = {"received_by": "Verpleging"}
    named = [Refusal(1, 10, 1, "not hungry", client_id=7), Refusal(1, 10, 1)]
    assert problems("delivered", proof | {"refused": named}, set(), CARRIED, TRAYS) == {}
    assert problems("delivered", proof | {"refused": [Refusal(1, 10, 1)]}, set(), CARRIED) == {}


def test_a_resident_not_on_the_crate_with_that_dish_is_named_field_by_field():
    proof = {"received_by": "Verpleging"}
    refused = [Refusal(1, 10, 1, client_id=7), Refusal(1, 10, 1, client_id=99), Refusal(1, 11, 1, client_id=8)]
    assert problems("delivered", proof | {"refused": refused}, set(), CARRIED, TRAYS) == {
        "refused.1.client_id": ["Client 99 is not a resident with variant 10 on the crate of order 1."],
        "refused.2.client_id": ["Client 8 is not a resident with variant 11 on the crate of order 1."]}
    twice = [Refusal(1, 10, 1, client_id=7), Refusal(1, 10, 1, client_id=7)]
    assert problems("delivered", proof | {"refused": twice}, set(), CARRIED, TRAYS) == {
        "refused.1.units": ["The tray of client 7 holds 1 units."]}
    # A home order has no trays: a resident named there is not on it.
    assert list(problems("delivered", proof | {"refused": [Refusal(2, 12, 1, client_id=7)]}, set(), CARRIED,
                         TRAYS)) == ["refused.0.client_id"]


def test_refusals_add_up_per_variant():
    assert by_variant([Refusal(1, 10, 1), Refusal(1, 10, 2), Refusal(1, 11, 1)]) == {10: 3, 11: 1}
    assert by_variant([]) == {}
