"""How pages show the people behind them, and who may vouch for a page as its medical reviewer."""
from django.db.models import Q

from cms.workflow import MEDICAL_REVIEWERS_GROUP


def public_handle(user):
    """The member's public handle, or None when they have none (or no account any more)."""
    if user is None:
        return None
    profile = getattr(user, "profile", None)
    return getattr(profile, "handle", None) or None


def medical_reviewer_choices():
    """Members who may be named as a page's medical reviewer: active verified health
    professionals in the "Medical reviewers" group (a group alone is not a diploma)."""
    return Q(groups__name=MEDICAL_REVIEWERS_GROUP, profile__verified_at__isnull=False,
             is_active=True)


def is_medical_reviewer(user):
    """Whether ``user`` may be named as a page's medical reviewer (see medical_reviewer_choices)."""
    if user is None:
        return False
    return type(user)._default_manager.filter(medical_reviewer_choices(), pk=user.pk).exists()
