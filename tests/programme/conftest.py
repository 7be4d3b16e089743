import time

import pytest

from home.forms import TIMESTAMP_FIELD, start_token


@pytest.fixture
def form_started():
    """A start time that passes the spam check (the form was on screen long enough)."""
    return {TIMESTAMP_FIELD: start_token(time.time() - 30)}
