"""LeanListMixin lists what the serializer would, from one `.values()` query."""
import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from rest_framework import generics, serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory, force_authenticate

from core.api.lean import LeanListMixin
from core.privacy.audiences import Audience
from tests.factories import UserFactory
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


class NoteSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    title = serializers.CharField()
    audience = serializers.CharField()
    owner = serializers.EmailField(source="owner.email")  # clashes with the model's field name
    created_at = serializers.DateTimeField()


class LeanNotes(LeanListMixin, generics.ListAPIView):
    serializer_class = NoteSerializer

    def get_queryset(self):
        return Note.objects.visible_to(self.request.user)


class PlainNotes(generics.ListAPIView):
    serializer_class = NoteSerializer

    def get_queryset(self):
        return Note.objects.visible_to(self.request.user).select_related("owner")


def as_json(data):
    return json.loads(JSONRenderer().render(data))


def call(view, user, **params):
    request = APIRequestFactory().get("/notes/", params)
    force_authenticate(request, user)
    return view.as_view()(request)


def test_lean_list_equals_the_serializer_output_page_by_page():
    viewer = UserFactory()
    for number in range(5):
        Note.objects.create(owner=viewer, title=f"note {number}", audience=Audience.PRIVATE)
    Note.objects.create(owner=UserFactory(), title="not mine", audience=Audience.PRIVATE)
    lean, plain = call(LeanNotes, viewer, page_size=2), call(PlainNotes, viewer, page_size=2)
    assert lean.status_code == plain.status_code == 200
    assert as_json(lean.data["results"]) == as_json(plain.data["results"])
    assert len(lean.data["results"]) == 2
    assert set(lean.data["results"][0]) == {"id", "title", "audience", "owner", "created_at"}
    second = call(LeanNotes, viewer, page_size=2,
                  cursor=lean.data["next"].split("cursor=")[1].split("&")[0])
    titles = [row["title"] for row in lean.data["results"] + second.data["results"]]
    assert titles == ["note 4", "note 3", "note 2", "note 1"]


def test_lean_list_is_one_query_whatever_the_page_size(django_assert_num_queries):
    viewer = UserFactory()
    Note.objects.bulk_create(Note(owner=viewer, title=str(n)) for n in range(60))
    for size in (1, 50):
        with django_assert_num_queries(1):
            response = call(LeanNotes, viewer, page_size=size)
        assert len(response.data["results"]) == size


def test_a_method_field_is_refused_with_a_clear_message():
    class WithMethod(NoteSerializer):
        shout = serializers.SerializerMethodField()

        def get_shout(self, note):
            return note.title.upper()

    class Refused(LeanNotes):
        serializer_class = WithMethod

    with pytest.raises(ImproperlyConfigured, match="shout cannot be listed leanly"):
        call(Refused, UserFactory())


def test_a_malformed_cursor_is_a_400_naming_the_parameter():
    response = call(LeanNotes, UserFactory(), cursor="garbage")
    assert response.status_code == 400
    assert as_json(response.data) == {
        "cursor": ["This cursor is not valid: use the next or previous link as given."]}

def test_computed_fields_are_set_by_complete_rows_on_raw_values(django_assert_num_queries):
    """complete_rows sees the page's raw values (datetimes, renamed columns) before conversion."""
    class WithComputed(NoteSerializer):
        created_year = serializers.IntegerField()

    class ComputedNotes(LeanNotes):
        serializer_class = WithComputed
        computed_fields = ("created_year",)

        def complete_rows(self, rows):
            for row in rows:
                row["created_year"] = row["created_at"].year
                row["title"] = row["title"].upper()
                assert "_lean_owner" not in row and "@" in row["owner"]

    viewer = UserFactory()
    Note.objects.bulk_create(Note(owner=viewer, title=f"n{n}") for n in range(3))
    with django_assert_num_queries(1):
        response = call(ComputedNotes, viewer, page_size=2)
    plain = as_json(call(PlainNotes, viewer, page_size=2).data["results"])
    for row, expected in zip(as_json(response.data["results"]), plain):
        created = Note.objects.get(pk=row["id"]).created_at
        assert row == {**expected, "title": expected["title"].upper(),
                       "created_year": created.year}


class ManagerNoteSerializer(NoteSerializer):
    """A field only staff see, added per request: its column plan must not be cached."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is None or not request.user.is_staff:
            self.fields.pop("owner")


class ManagerNotes(LeanNotes):
    serializer_class = ManagerNoteSerializer


def test_a_request_dependent_field_is_not_leaked_through_the_plan_cache():
    manager, member = UserFactory(is_staff=True), UserFactory()
    Note.objects.create(owner=manager, title="public", audience=Audience.PUBLIC)
    first = call(ManagerNotes, manager).data["results"]
    assert first[0]["owner"] == manager.email
    for _ in range(2):  # a member after the manager, twice: no owner, ever
        assert "owner" not in call(ManagerNotes, member).data["results"][0]
    assert call(ManagerNotes, manager).data["results"][0]["owner"] == manager.email


def test_a_static_serializer_plan_is_computed_once_per_view_class(monkeypatch):
    from core.api import lean

    viewer = UserFactory()
    Note.objects.create(owner=viewer, title="mine", audience=Audience.PRIVATE)
    built = []
    original = lean._Plan.__init__
    monkeypatch.setattr(lean._Plan, "__init__",
                        lambda self, *args: built.append(1) or original(self, *args))

    class Once(LeanNotes):
        pass

    class Varying(ManagerNotes):
        pass

    for _ in range(3):
        assert call(Once, viewer).data["results"][0]["title"] == "mine"
        assert call(Varying, viewer).data["results"][0]["title"] == "mine"
    assert len(built) == 1 + 3  # Once: the first request only; Varying: every request


def test_datetimes_follow_the_time_zone_of_each_request():
    from django.utils import timezone

    viewer = UserFactory()
    Note.objects.create(owner=viewer, title="mine", audience=Audience.PRIVATE)
    seen = set()
    for zone in ("Europe/Paris", "UTC", "America/New_York"):
        with timezone.override(zone):
            lean = call(LeanNotes, viewer).data["results"][0]["created_at"]
            plain = call(PlainNotes, viewer).data["results"][0]["created_at"]
        assert lean == plain
        seen.add(lean)
    assert len(seen) == 3 and any(text.endswith("Z") for text in seen)
