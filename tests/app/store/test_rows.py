"""Timestamps as text: the text sorts as the times do, and reads back as the same instant."""

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from app.store.rows import moment, timestamp

# Years Qorgan can meet: at the ends of datetime's range an offset pushes UTC out of it.
EARLIEST, LATEST = datetime(1970, 1, 1), datetime(2200, 1, 1)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
local_times = st.datetimes(min_value=EARLIEST, max_value=LATEST)
aware_times = st.datetimes(min_value=EARLIEST, max_value=LATEST, timezones=offsets)


@given(local_times, local_times)
def test_local_times_sort_as_text(first: datetime, second: datetime) -> None:
    assert (timestamp(first) < timestamp(second)) == (first < second)
    assert moment(timestamp(first)) == first


@given(aware_times, aware_times)
def test_aware_times_sort_as_text_whatever_their_offset(first: datetime, second: datetime) -> None:
    assert (timestamp(first) < timestamp(second)) == (first < second)
    assert moment(timestamp(first)) == first
    assert moment(timestamp(first)).tzinfo == UTC
