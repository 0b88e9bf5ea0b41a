"""Storage of private files (verification documents): on disk outside MEDIA_ROOT, no URL."""
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files only code can read: a moderator's admin view streams them after a permission check."""

    def url(self, name):
        raise ValueError("Private files have no public URL.")
