"""Uploaded images: checked (type, size, really an image) and re-encoded without metadata."""
import io

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import Invalid

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000  # refuse decompression bombs long before Pillow's own limit


def check_size(upload, max_bytes: int, field: str) -> None:
    if upload.size > max_bytes:
        raise Invalid(field, _("The file is too large (at most %(size)d bytes).")
                      % {"size": max_bytes})


def reencoded_image(upload, *, field: str, max_side: int | None = None) -> ContentFile:
    """Decode the upload with Pillow and save a fresh copy: EXIF (GPS!) and other metadata go.

    The type is decided from the decoded bytes, never from the name or the declared type.
    """
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            if probe.width * probe.height > MAX_PIXELS:
                raise Invalid(field, _("The image has too many pixels."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)  # keep the orientation the EXIF asked for
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise Invalid(field, _("This file is not an image we can read.")) from None
    if image_format not in ALLOWED_FORMATS:
        raise Invalid(field, _("Only JPEG, PNG and WebP images are accepted."))
    if max_side:
        image.thumbnail((max_side, max_side))
    if image.mode not in ("RGB", "L", "RGBA", "LA") or (
            image_format == "JPEG" and image.mode not in ("RGB", "L")):
        image = image.convert("RGB" if image_format == "JPEG" else "RGBA")
    output = io.BytesIO()
    # A new image carries no info dict: nothing of the original metadata can be written back.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    clean.save(output, format=image_format, **({"quality": 90} if image_format != "PNG" else {}))
    return ContentFile(output.getvalue(), name=f"upload.{ALLOWED_FORMATS[image_format]}")
