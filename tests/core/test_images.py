"""The image pipeline: type from the bytes, limits from the caller or the settings, no metadata
kept, renditions that keep the proportions."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.errors import Invalid
from core.images import clean_image, rendition


def upload_of(size=(40, 20), image_format="JPEG", name="photo.jpg", exif=True):
    output = io.BytesIO()
    image = Image.new("RGB", size, "teal")
    extra = {}
    if exif:
        metadata = Image.Exif()
        metadata[0x010F] = "SpyCam"  # camera make
        extra["exif"] = metadata
    image.save(output, format=image_format, **extra)
    return SimpleUploadedFile(name, output.getvalue(), f"image/{image_format.lower()}")


def test_a_clean_copy_without_metadata_and_within_the_side():
    clean = clean_image(upload_of((400, 200)), field="cover", max_side=100)
    with Image.open(clean) as image:
        assert (image.format, image.size) == ("JPEG", (100, 50))
        assert not image.getexif()
    assert clean.name == "upload.jpg"


def test_the_type_comes_from_the_bytes_not_the_name():
    clean = clean_image(upload_of(image_format="PNG", name="photo.jpg", exif=False))
    assert clean.name == "upload.png"


def test_limits_from_the_caller_or_the_settings(settings):
    with pytest.raises(Invalid) as error:
        clean_image(upload_of(), field="cover", max_bytes=10)
    assert error.value.as_data() == {"cover": ["The file is too large (at most 10 bytes)."]}
    settings.STENT_MAX_IMAGE_BYTES = 20
    with pytest.raises(Invalid):
        clean_image(upload_of())
    settings.STENT_MAX_IMAGE_BYTES = 10_000_000
    settings.STENT_MAX_IMAGE_PIXELS = 100
    with pytest.raises(Invalid) as error:
        clean_image(upload_of((20, 20)), field="photo")
    assert error.value.as_data() == {"photo": ["The image has too many pixels."]}


@pytest.mark.parametrize("content, message", [
    (b"not an image", "This file is not an image we can read."),
    (None, "Only JPEG, PNG and WebP images are accepted."),
])
def test_what_is_not_an_accepted_image_is_invalid(content, message):
    if content is None:
        output = io.BytesIO()
        Image.new("P", (10, 10)).save(output, format="GIF")
        content = output.getvalue()
    with pytest.raises(Invalid) as error:
        clean_image(SimpleUploadedFile("x.jpg", content, "image/jpeg"))
    assert error.value.as_data() == {"image": [message]}


def test_a_rendition_keeps_the_format_and_proportions_and_never_enlarges():
    stored = clean_image(upload_of((400, 200)))
    stored.name = "covers/abc.jpg"
    small = rendition(stored, 100)
    with Image.open(small) as image:
        assert (image.format, image.size) == ("JPEG", (100, 50))
    assert small.name == "abc-100.jpg"
    with Image.open(rendition(stored, 1000)) as image:
        assert image.size == (400, 200)
    with pytest.raises(ValueError):
        rendition(stored, 0)
