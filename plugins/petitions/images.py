"""Cover images are re-encoded with Pillow, so no EXIF (GPS position, camera) is ever stored."""
import io
import uuid

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from rest_framework.exceptions import ValidationError

MAX_BYTES = 8 * 1024 * 1024
MAX_SIDE = 2400
ACCEPTED = {"JPEG", "PNG", "WEBP", "GIF"}


def reencoded(upload) -> ContentFile:
    """A fresh JPEG or PNG of the uploaded picture, without its metadata."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The image is larger than 8 MB."))
    try:
        source = Image.open(upload)
        source.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not an image we can read.")) from None
    if source.format not in ACCEPTED:
        raise ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."))
    picture = ImageOps.exif_transpose(source)  # keep the orientation the EXIF tag gave
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    keeps_alpha = picture.mode in ("RGBA", "LA", "P")
    picture = picture.convert("RGBA" if keeps_alpha else "RGB")
    out = io.BytesIO()
    # A new image from the pixels only: Pillow writes no EXIF unless asked to.
    clean = Image.frombytes(picture.mode, picture.size, picture.tobytes())
    extension = "png" if keeps_alpha else "jpg"
    clean.save(out, format="PNG" if keeps_alpha else "JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
