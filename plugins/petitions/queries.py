"""Every read of petitions and what hangs on them, built on ``visible_to(user)``.

Views, reports, notifications and services read through these functions and never filter
``Petition.objects`` themselves: who may see what is decided here and in the core only.
"""
import uuid

from django.core.exceptions import ValidationError
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Subquery, Value
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _
from taggit.models import Tag

from core.api.related import JSONGroupArray
from core.communities.models import Community
from core.errors import NotFound
from plugins.petitions.models import Petition, PetitionUpdate, Promoter, Signature, TaggedPetition


def _tag_links():
    # taggit's own prefetch of "tags" loses UUID-keyed rows: go through the links.
    return Prefetch("tagged_items", queryset=TaggedPetition.objects.select_related("tag"))


def petitions_for(user, *, whole=True):
    """The petitions ``user`` may see, each with the viewer's flags, in one query.

    ``whole=False`` skips the related rows a detail shows: for the lean list (which reads its
    columns itself) and for the views nested under a petition, which need only its identity.
    """
    queryset = Petition.objects.visible_to(user)
    if whole:
        queryset = queryset.select_related("owner__profile", "community").prefetch_related(
            _tag_links())
    if user is None or not user.is_authenticated:
        return queryset.annotate(viewer_has_signed=Value(False), viewer_is_promoter=Value(False))
    return queryset.annotate(
        viewer_has_signed=Exists(Signature.objects.filter(petition=OuterRef("pk"), owner=user)),
        viewer_is_promoter=Exists(Promoter.objects.filter(
            petition=OuterRef("pk"), member=user, status=Promoter.Status.ACCEPTED)),
    )


def _tag_names():
    """The petition's tag names, in the petition's own row: ``ARRAY(subquery)`` on PostgreSQL,
    ``JSON_GROUP_ARRAY`` on SQLite (not sorted there: ``complete_listed_rows`` sorts)."""
    links = TaggedPetition.objects.filter(content_object_id=OuterRef("pk"))
    if connection.vendor == "postgresql":
        return ArraySubquery(links.order_by("tag__name").values("tag__name"))
    return Subquery(links.order_by().values("content_object_id")
                    .annotate(names=JSONGroupArray("tag__name")).values("names"))


def listed_petitions_for(user):
    """The lean list's petitions: their tag names come in the same query (``listed_tags``)."""
    return petitions_for(user, whole=False).annotate(listed_tags=_tag_names())


def petition_for(user, reference, *, whole=True) -> Petition:
    """A petition ``user`` may see, by UUID or slug; ``NotFound`` for anything else."""
    try:
        lookup = {"pk": uuid.UUID(str(reference))}
    except ValueError:
        lookup = {"slug": reference}
    try:
        return petitions_for(user, whole=whole).get(**lookup)
    except (Petition.DoesNotExist, ValidationError):
        raise NotFound() from None


def refresh_tags(petition) -> Petition:
    """Load the petition's tags again after they changed (the detail shows them)."""
    getattr(petition, "_prefetched_objects_cache", {}).pop("tagged_items", None)
    prefetch_related_objects([petition], _tag_links())
    return petition


def community_id_of(slug):
    """The id of the community a list filter names, None when there is none (the list is then
    empty at once: a filter value is resolved before the petitions are read)."""
    return Community.objects.filter(slug=slug).values_list("pk", flat=True).first()


def tag_id_of(slug):
    """The id of the tag a list filter names, None when no tag has that slug."""
    return Tag.objects.filter(slug=slug).values_list("pk", flat=True).first()


def tagged(queryset, tag_id):
    """The petitions carrying the tag (a join on the links: SQLite ran an EXISTS per row)."""
    return queryset.filter(tagged_items__tag_id=tag_id)


def counted_signatures(petition):
    """The signatures that count (confirmed); for aggregates only, never listed as they are."""
    return Signature.objects.filter(petition=petition, confirmed_at__isnull=False)


def named_signers(user, petition):
    """Signers who chose to be named, as ``user`` may see them: unnamed signatures are
    ``private`` so visible_to() keeps them out; the petition's own visibility is the caller's."""
    return (Signature.objects.visible_to(user)
            .filter(petition=petition, show_name=True, confirmed_at__isnull=False,
                    owner__isnull=False)
            .select_related("owner__profile"))


def signature_of(member, petition) -> Signature:
    """The member's own signature of the petition; ``NotFound`` when they have not signed."""
    signature = Signature.objects.visible_to(member).filter(petition=petition,
                                                            owner=member).first()
    if signature is None:
        raise NotFound(_("You have not signed this petition."))
    return signature


def updates_of(user, petition):
    return (PetitionUpdate.objects.visible_to(user).filter(petition=petition)
            .select_related("owner__profile"))


def promoters_of(petition):
    """Accepted promoters are public faces of the petition; invitations show to promoters only
    (``petition`` comes from petition_for, which knows whether the viewer is one)."""
    promoters = (Promoter.objects.filter(petition=petition).select_related("member__profile")
                 .order_by("created_at", "pk"))
    if not getattr(petition, "viewer_is_promoter", False):
        promoters = promoters.filter(status=Promoter.Status.ACCEPTED)
    return promoters

