"""Each supervised account's proxy port: given once, never moved by others coming or going."""

from rules.ports import assign_ports


def every_port_usable(port: int) -> bool:
    return True


def test_new_accounts_get_the_lowest_ports_in_their_order() -> None:
    assert assign_ports({}, [1001, 1000], 47101, every_port_usable) == {1000: 47101, 1001: 47102}


def test_a_kept_port_stays_and_a_port_once_given_is_not_given_again() -> None:
    kept = {"S-1-5-21-1-1001": 47101, "S-1-5-21-1-1002": 47102}
    ports = assign_ports(kept, ["S-1-5-21-1-1002", "S-1-5-21-1-1003"], 47101, every_port_usable)
    assert ports == {"S-1-5-21-1-1002": 47102, "S-1-5-21-1-1003": 47103}


def test_a_port_in_use_elsewhere_is_passed_over() -> None:
    assert assign_ports({}, [7, 8], 47101, lambda port: port != 47102) == {7: 47101, 8: 47103}
