"""Storage of private files (verification documents): on disk outside MEDIA_ROOT, no URL."""
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files only code can read: a reviewer's admin view streams them after a permission check.

    The folder is ``settings.STENT_PRIVATE_ROOT``, read at each use (not cached at start-up).
    """

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.STENT_PRIVATE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL.")
