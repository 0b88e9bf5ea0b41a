"""Storage of private files (avatars, verification documents): never reachable by a URL.

On disk they live outside MEDIA_ROOT; on S3 in a private bucket or prefix. Either way only code
reads them: the API and the reviewers' admin views stream them after a permission check.
"""
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class NoUrlMixin:
    def url(self, name, *args, **kwargs):
        raise ValueError("Private files have no public URL.")


class PrivateStorage(NoUrlMixin, FileSystemStorage):
    """The folder is ``settings.STENT_PRIVATE_ROOT``, read at each use (not cached at start-up)."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.STENT_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

