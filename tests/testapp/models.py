"""Note: the smallest Audienced model, used by the privacy matrix, the audience rule's agreement
test (its ``guest`` takes part in it) and the search tests; JobRun:
a counter that periodic jobs started by the scheduler tests increment."""
import uuid

from django.conf import settings
from django.db import models
from modelsearch import index

from core.privacy.models import Audienced


class Note(index.Indexed, Audienced):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    guest = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")

    participant_paths = ("guest",)

    # The search protocol of cms.search (a plugin model registered in stent_search_models).
    search_fields = [index.SearchField("title", boost=2), index.SearchField("body")]

    def __str__(self):
        return self.title

    @property
    def search_result_title(self):
        return self.title

    @property
    def search_result_excerpt(self):
        return self.body

    def get_api_url(self):
        return f"/api/v1/notes/{self.pk}/"


class JobRun(models.Model):
    """How many times a periodic job really ran: the scheduler tests' counter."""

    name = models.CharField(max_length=100, unique=True)
    runs = models.PositiveIntegerField(default=0)
