"""The real URLconf plus the Note API, for tests marked with
``@pytest.mark.urls("tests.testapp.urls")``."""
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from core.urls import urlpatterns as real_urlpatterns
from tests.testapp.api import KeyedNoteCreateView, NoteCreateView, NoteViewSet

router = SimpleRouter()
router.register("notes", NoteViewSet, basename="note")

urlpatterns = [
    path("api/v1/testapp/new-note/", NoteCreateView.as_view()),
    path("api/v1/testapp/new-keyed-note/", KeyedNoteCreateView.as_view()),
    path("api/v1/testapp/", include(router.urls)),
    *real_urlpatterns,
]
