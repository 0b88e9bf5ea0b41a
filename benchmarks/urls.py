"""The real URLs, plus the raw `.values()` views the benchmark compares against."""
from django.apps import apps
from django.http import JsonResponse
from django.urls import path
from rest_framework import generics, serializers

from benchmarks.cases import CASES
from core.api.lean import LeanListMixin
from core.urls import urlpatterns as real_urlpatterns

PAGE_SIZE = 50


def raw_user(request):
    """The viewer as the raw view sees it: the session cookie's, or the app's session token
    (one lookup of the session, then its user: what any token view must do)."""
    token = request.headers.get("X-Session-Token")
    if not token:
        return request.user
    from allauth.headless.internal.sessionkit import authenticate_by_x_session_token

    result = authenticate_by_x_session_token(token)
    return result.user if result and result.user else request.user


def raw_view(case):
    model = apps.get_model(case.model_label)

    def view(request):
        if case.raw is not None:
            rows = case.raw(raw_user(request), case.params)
            return JsonResponse(list(rows.values(*case.fields)[:PAGE_SIZE]), safe=False)
        filters = {key: value() if callable(value) else value
                   for key, value in case.filters.items()}
        rows = (model.objects.visible_to(raw_user(request)).filter(**filters)
                .order_by(*case.ordering))
        return JsonResponse(list(rows.values(*case.fields)[:PAGE_SIZE]), safe=False)

    return view


class NoteSerializer(serializers.Serializer):
    """The lean serializer style Stent endpoints use: plain fields, no per-row queries."""

    id = serializers.UUIDField()
    title = serializers.CharField()
    audience = serializers.CharField()
    created_at = serializers.DateTimeField()


class NoteList(LeanListMixin, generics.ListAPIView):
    serializer_class = NoteSerializer

    def get_queryset(self):
        from tests.testapp.models import Note

        return Note.objects.visible_to(self.request.user).only("id", "title", "audience",
                                                                 "created_at")


urlpatterns = [
    path("bench/notes/", NoteList.as_view()),
    *[path(f"bench/raw/{index}/", raw_view(case)) for index, case in enumerate(CASES)],
    *real_urlpatterns,
]
