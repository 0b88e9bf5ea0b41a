"""Private files on an S3-compatible store: private ACL, signed requests, no URL handed out."""
from storages.backends.s3 import S3Storage

from core.identity.storage import NoUrlMixin


class PrivateS3Storage(NoUrlMixin, S3Storage):
    """Class attributes win over the ``AWS_*`` settings, which describe the public media."""

    default_acl = "private"
    querystring_auth = True
    custom_domain = None
    file_overwrite = False
