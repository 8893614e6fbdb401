"""The one offset paging of the API's lists (tandem.api.paging.page_slice)."""

from __future__ import annotations

import pytest
from ninja.errors import HttpError

from tandem.api.paging import page_slice

pytestmark = pytest.mark.unit


def test_a_page_is_limit_rows_from_offset() -> None:
    assert list(range(10))[page_slice(limit=3, offset=4, most=5)] == [4, 5, 6]


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (6, 0), (1, -1)])
def test_a_page_out_of_bounds_is_refused(limit: int, offset: int) -> None:
    with pytest.raises(HttpError) as refused:
        page_slice(limit=limit, offset=offset, most=5)
    assert refused.value.status_code == 422
    assert str(refused.value) == "limit must be between 1 and 5, offset at least 0."
