"""Note: the smallest Audienced model, used by the privacy matrix and the search tests."""
import uuid

from django.db import models

from core.privacy.models import Audienced


class Note(Audienced):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)

    def __str__(self):
        return self.title


from tests.testapp.standin_profile import STANDIN  # noqa: E402,F401  (temporary, see module)

if STANDIN:
    from tests.testapp.standin_profile import Profile  # noqa: E402,F401
