"""``STORAGES`` from the environment: the local disk by default, any S3-compatible store with
``AWS_STORAGE_BUCKET_NAME``; private files (avatars, verification documents) never get a URL."""
import os

LOCAL_PRIVATE = "core.identity.storage.PrivateStorage"
S3_PUBLIC = "storages.backends.s3.S3Storage"
S3_PRIVATE = "core.identity.s3_storage.PrivateS3Storage"


def storages_settings(env=os.environ, *, debug: bool) -> dict:
    """``STORAGES``, plus the ``AWS_*`` settings django-storages reads when S3 is chosen."""
    # Compressed, not hashed: a manifest would make any page fail before collectstatic has run.
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if debug
              else "whitenoise.storage.CompressedStaticFilesStorage"}
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {"STORAGES": {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {"BACKEND": LOCAL_PRIVATE},
            "staticfiles": static,
        }}
    private_bucket = env.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "") or bucket
    return {
        "STORAGES": {
            "default": {"BACKEND": S3_PUBLIC},
            # A separate bucket (or at least prefix) that no bucket policy makes public.
            "private": {"BACKEND": S3_PRIVATE, "OPTIONS": {
                "bucket_name": private_bucket,
                "location": env.get("AWS_PRIVATE_LOCATION", "private"),
            }},
            "staticfiles": static,
        },
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": env.get("AWS_S3_ENDPOINT_URL") or None,
        "AWS_S3_REGION_NAME": env.get("AWS_S3_REGION_NAME") or None,
        "AWS_ACCESS_KEY_ID": env.get("AWS_ACCESS_KEY_ID") or None,
        "AWS_SECRET_ACCESS_KEY": env.get("AWS_SECRET_ACCESS_KEY") or None,
        "AWS_S3_CUSTOM_DOMAIN": env.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "AWS_LOCATION": env.get("AWS_LOCATION", ""),
        # Public media (editors' images and documents) are read by anyone: plain URLs, no ACL
        # set per object so that the bucket's own policy decides.
        "AWS_QUERYSTRING_AUTH": env.get("AWS_QUERYSTRING_AUTH", "0").lower() in {"1", "true"},
        "AWS_DEFAULT_ACL": None,
        "AWS_S3_FILE_OVERWRITE": False,
    }
