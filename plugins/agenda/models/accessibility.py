"""Structured accessibility: the features a venue, an event or a member's needs can name."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Feature(models.TextChoices):
    """What a front-end can filter on; each is a boolean column of the same name."""

    STEP_FREE = "step_free", _("Step-free access")
    ACCESSIBLE_TOILETS = "accessible_toilets", _("Accessible toilets")
    SEATING = "seating", _("Seating available")
    REST_AREA = "rest_area", _("Rest area or quiet room")
    SIGN_LANGUAGE = "sign_language", _("Sign language")
    CAPTIONS = "captions", _("Live captions")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    EASY_READ = "easy_read", _("Easy-to-read material")
    ASSISTANCE_ANIMALS = "assistance_animals", _("Assistance animals welcome")
    ACCESSIBLE_PARKING = "accessible_parking", _("Accessible parking")
    ACCESSIBLE_TRANSPORT = "accessible_transport", _("Close to accessible public transport")


FEATURES = tuple(Feature.values)


def features_of(obj) -> list[str]:
    """The features an object (venue, event, needs) has, in declaration order."""
    return [name for name in FEATURES if getattr(obj, name)]


def encode_features(names) -> str:
    """The stored form of a set of features: ``,captions,step_free,`` (searchable with LIKE)."""
    chosen = sorted(set(names))
    return f",{','.join(chosen)}," if chosen else ""


def decode_features(stored: str) -> list[str]:
    chosen = set(filter(None, (stored or "").split(",")))
    return [name for name in FEATURES if name in chosen]


class Accessibility(models.Model):
    """One boolean per feature, plus free text: what a venue or an event offers."""

    step_free = models.BooleanField(Feature.STEP_FREE.label, default=False)
    accessible_toilets = models.BooleanField(Feature.ACCESSIBLE_TOILETS.label, default=False)
    seating = models.BooleanField(Feature.SEATING.label, default=False)
    rest_area = models.BooleanField(Feature.REST_AREA.label, default=False)
    sign_language = models.BooleanField(Feature.SIGN_LANGUAGE.label, default=False)
    captions = models.BooleanField(Feature.CAPTIONS.label, default=False)
    hearing_loop = models.BooleanField(Feature.HEARING_LOOP.label, default=False)
    easy_read = models.BooleanField(Feature.EASY_READ.label, default=False)
    assistance_animals = models.BooleanField(Feature.ASSISTANCE_ANIMALS.label, default=False)
    accessible_parking = models.BooleanField(Feature.ACCESSIBLE_PARKING.label, default=False)
    accessible_transport = models.BooleanField(Feature.ACCESSIBLE_TRANSPORT.label,
                                               default=False)
    accessibility_notes = models.TextField(_("accessibility, in your words"), blank=True,
                                           max_length=2000)

    class Meta:
        abstract = True
