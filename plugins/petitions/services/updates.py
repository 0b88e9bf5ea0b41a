"""Promoters' news on a petition; followers hear of it."""
from django.utils.translation import gettext as _

from core.errors import Conflict
from plugins.petitions import notifications
from plugins.petitions.models import PetitionUpdate
from plugins.petitions.state import Status

POSTING_STATES = (Status.PUBLISHED, Status.CLOSED, Status.DELIVERED, Status.ANSWERED,
                  Status.WITHDRAWN)


def post_update(petition, author, *, title: str, body: str) -> PetitionUpdate:
    if petition.state not in POSTING_STATES:
        raise Conflict(_("News can be posted once the petition is published."))
    update = PetitionUpdate.objects.create(petition=petition, owner=author, title=title, body=body,
                                           audience=petition.audience,
                                           community=petition.community)
    notifications.update_posted(update)
    return update
