"""The orjson renderer writes what DRF's JSONRenderer writes, byte for byte."""
import datetime
import decimal
import uuid
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from core.api.renderers import StentJSONRenderer

PARIS = ZoneInfo("Europe/Paris")


def both(data, media_type=None):
    return (StentJSONRenderer().render(data, media_type, {}),
            JSONRenderer().render(data, media_type, {}))


def test_every_type_an_api_response_holds_is_written_as_drf_writes_it():
    data = ReturnDict({
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "title": "Prise en charge « complète » – ça coûte 30 €",
        "separators": "a\u2028b\u2029c",
        "created_at": datetime.datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=datetime.UTC),
        "paris": datetime.datetime(2026, 3, 1, 9, 30, tzinfo=PARIS),
        "naive": datetime.datetime(2026, 3, 1, 9, 30),
        "day": datetime.date(2026, 3, 1),
        "time": datetime.time(9, 30, 1, 500),
        "duration": datetime.timedelta(hours=1, seconds=3),
        "amount": decimal.Decimal("12.50"),
        "lazy": gettext_lazy("Petitions"),
        "nested": [{"a": 1, "b": [True, False, None]}, (1, 2.5, -3)],
        "counts": {1: "one", 2: "two"},
        "results": ReturnList([{"n": n, "ratio": n / 3} for n in range(5)], serializer=None),
        "empty": {}, "none": None, "quote": 'say "hi" \\ \n\t',
    }, serializer=None)
    ours, drf = both(data)
    assert ours == drf


def test_what_orjson_cannot_write_as_drf_falls_back_to_drf():
    for data, media_type in (({"big": 2 ** 70, "small": -(2 ** 70)}, None),
                             ({"list": [1, 2], "at": datetime.date(2026, 1, 2)},
                              "application/json; indent=4")):
        ours, drf = both(data, media_type)
        assert ours == drf
    assert StentJSONRenderer().render(None) == b""


def test_the_api_answers_through_it(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert type(response.accepted_renderer) is StentJSONRenderer
    assert response.content == JSONRenderer().render(response.data)
