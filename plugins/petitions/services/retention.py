"""Retention: signatures of long-closed petitions keep their count but lose their signer."""
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.conf import plugin_setting
from core.privacy.audiences import Audience
from plugins.petitions.models import Petition, Signature, Status

#: What anonymising a signature clears: every link to the person. Its date and region stay, so
#: the count, the daily chart and the counts by region stay right.
ANONYMOUS = {"owner": None, "email_hash": None, "confirmation_hash": "", "comment": "",
             "show_name": False, "show_region": False, "follows": False,
             "audience": Audience.PRIVATE}


def anonymise(signatures, now=None, **also) -> int:
    return signatures.filter(anonymised_at__isnull=True).update(
        **ANONYMOUS, **also, anonymised_at=now or timezone.now())


@transaction.atomic
def anonymise_old_signatures(now=None) -> int:
    """Anonymise the signatures of petitions finished longer than the retention period ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=plugin_setting("petitions", "ANONYMISE_AFTER_DAYS"))
    finished = Petition.objects.filter(
        Q(status__in=[Status.CLOSED, Status.DELIVERED, Status.ANSWERED], closed_at__lte=cutoff)
        | Q(status=Status.WITHDRAWN, withdrawn_at__lte=cutoff)
        | Q(status=Status.PUBLISHED, closes_at__lte=cutoff),
        signatures_anonymised_at__isnull=True)
    petition_ids = list(finished.values_list("pk", flat=True))
    Signature.objects.filter(petition__in=petition_ids, confirmed_at__isnull=True).delete()
    count = anonymise(Signature.objects.filter(petition__in=petition_ids), now)
    Petition.objects.filter(pk__in=petition_ids).update(signatures_anonymised_at=now)
    return count
