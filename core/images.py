"""The one image pipeline: uploads checked and re-encoded without metadata, and renditions.

Avatars, covers, listing photos and ward updates all go through ``clean_image``: the type is
decided from the decoded bytes (never the name or the declared type), the size and the pixel
count are limited, and a fresh copy is written so that EXIF (GPS!) and other metadata go.
Failures raise ``core.errors.Invalid`` naming the form field.
"""
import io
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import Invalid

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
DEFAULT_MAX_BYTES = 8 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000  # refuse decompression bombs long before Pillow's own limit
READ_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError,
               Image.DecompressionBombError)


def check_size(upload, max_bytes: int, field: str) -> None:
    if upload.size > max_bytes:
        raise Invalid(field, _("The file is too large (at most %(size)d bytes).")
                      % {"size": max_bytes})


def _decoded(upload, field: str):
    """The upload's pixels, turned upright as its EXIF asked, and its format."""
    max_pixels = int(getattr(settings, "STENT_MAX_IMAGE_PIXELS", DEFAULT_MAX_PIXELS))
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            if probe.width * probe.height > max_pixels:
                raise Invalid(field, _("The image has too many pixels."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)  # keep the orientation the EXIF asked for
    except READ_ERRORS:
        raise Invalid(field, _("This file is not an image we can read.")) from None
    if image_format not in ALLOWED_FORMATS:
        raise Invalid(field, _("Only JPEG, PNG and WebP images are accepted."))
    return image, image_format


def _encoded(image, image_format: str, name: str) -> ContentFile:
    if image.mode not in ("RGB", "L", "RGBA", "LA") or (
            image_format == "JPEG" and image.mode not in ("RGB", "L")):
        image = image.convert("RGB" if image_format == "JPEG" else "RGBA")
    output = io.BytesIO()
    # A new image carries no info dict: nothing of the original metadata can be written back.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    clean.save(output, format=image_format, **({"quality": 90} if image_format != "PNG" else {}))
    return ContentFile(output.getvalue(), name=f"{name}.{ALLOWED_FORMATS[image_format]}")


def clean_image(upload, *, field: str = "image", max_bytes: int | None = None,
                max_side: int | None = None) -> ContentFile:
    """A fresh JPEG, PNG or WebP copy of the upload without metadata, at most ``max_side``
    pixels wide and high (unchanged when None). ``max_bytes`` defaults to the setting
    ``STENT_MAX_IMAGE_BYTES``."""
    if max_bytes is None:
        max_bytes = int(getattr(settings, "STENT_MAX_IMAGE_BYTES", DEFAULT_MAX_BYTES))
    check_size(upload, max_bytes, field)
    image, image_format = _decoded(upload, field)
    if max_side:
        image.thumbnail((max_side, max_side))
    return _encoded(image, image_format, "upload")


def rendition(file, width: int) -> ContentFile:
    """A copy of a stored (already cleaned) image at most ``width`` pixels wide, same format
    and proportions; never enlarged."""
    if width < 1:
        raise ValueError("A rendition is at least 1 pixel wide.")
    file.seek(0)
    with Image.open(file) as image:
        image.load()
        image_format = image.format
        if image.width > width:
            height = max(1, round(image.height * width / image.width))
            image = image.resize((width, height), Image.Resampling.LANCZOS)
        else:
            image = image.copy()
    stem = PurePath(getattr(file, "name", "") or "image").stem or "image"
    return _encoded(image, image_format, f"{stem}-{width}")
