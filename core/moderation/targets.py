"""Generic targets of moderation: "app_label.model" names, and finding objects by text id."""
from django.apps import apps
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from core.communities.models import Membership
from core.errors import Invalid, NotFound
from core.moderation.roles import is_moderator
from core.privacy.rule import IN_COMMUNITY, UNCONDITIONAL_FOR_MEMBERS, audiences_reached


def moderatable_model(label: str):
    """The model named ``app_label.model`` if it holds member content (has ``visible_to``)."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        model = None
    if model is None or not hasattr(model._default_manager, "visible_to"):
        raise Invalid("type", _("This type of content cannot be reported."))
    return model


def type_label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def get_by_text_id(queryset, object_id):
    """One object of ``queryset`` by its primary key given as text, or ``NotFound``."""
    try:
        found = queryset.filter(pk=object_id).first()
    except (DjangoValidationError, ValueError, TypeError):
        found = None
    if found is None:
        raise NotFound
    return found


def moderatable_by(model, user):
    """What ``user`` may hide or restore: everything site moderators see; for a community's
    moderators, the content of their communities that their community members reach, hidden or
    not (``core.privacy.rule``: what a member of the community reaches, not circles)."""
    if is_moderator(user):
        return model._default_manager.visible_to(user)
    moderated = Membership.objects.moderators().filter(member=user).values("community_id")
    return model._default_manager.filter(
        Q(community__in=moderated)
        & Q(audience__in=audiences_reached(UNCONDITIONAL_FOR_MEMBERS | {IN_COMMUNITY})))
