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
