"""Thank-you updates: photos through the core image pipeline, consent confirmed, no faces by
default; the ward's donors are told."""
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.conf import plugin_setting
from core.errors import Invalid
from core.images import clean_image
from core.privacy.audiences import Audience
from plugins.toys_donation import notifications
from plugins.toys_donation.models import Pledge, PledgeStatus, ThanksPhoto, ThanksUpdate
from plugins.toys_donation.services.institutions import check_manager

MAX_PHOTOS = 6


@transaction.atomic
def publish_thanks(manager, ward, *, text: str, consent_confirmed: bool,
                   faces_shown: bool = False, photos=()) -> ThanksUpdate:
    check_manager(manager, ward)
    if photos and not consent_confirmed:
        raise Invalid("consent_confirmed", _("Confirm that the ward holds the consent it needs "
                                             "for these photos."))
    if faces_shown and not plugin_setting("toys_donation", "ALLOW_FACES"):
        raise Invalid("faces_shown", _("Photos showing faces are not allowed."))
    if len(photos) > MAX_PHOTOS:
        raise Invalid("photos", _("At most %(count)d photos.") % {"count": MAX_PHOTOS})
    cleaned = [clean_image(photo, field="photos", max_side=2000) for photo in photos]
    update = ThanksUpdate.objects.create(owner=manager, audience=Audience.PUBLIC, ward=ward,
                                         text=text, consent_confirmed=consent_confirmed,
                                         faces_shown=faces_shown)
    for position, content in enumerate(cleaned):
        photo = ThanksPhoto(update=update, position=position)
        photo.image.save(content.name, content, save=True)
    notifications.thanks_published(update, ward_donors(ward))
    return update


def ward_donors(ward):
    """Members whose toys the ward received."""
    return get_user_model().objects.filter(
        pk__in=Pledge.objects.filter(item__ward=ward, status=PledgeStatus.RECEIVED)
        .values("owner_id")).order_by("pk")
