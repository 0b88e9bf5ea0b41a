"""Pages under an unlisted community's root stay out of listings and search: by link only."""
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page


def unlisted_pages():
    """The root pages of unlisted communities and every page under them, as a subquery."""
    from core.communities.models import Community  # the core never depends on cms

    unlisted = Community.objects.exclude(visibility=Community.Visibility.LISTED)
    # A page is under a root when the root's tree path starts its own.
    under_one = unlisted.filter(
        root_page__path=Substr(OuterRef("path"), 1, Length("root_page__path")))
    return Page.objects.filter(Exists(under_one)).values("pk")


def without_unlisted(pages):
    """``pages`` without those of unlisted communities, in the same query (by ``pk``, which
    every search backend filters on)."""
    return pages.exclude(pk__in=unlisted_pages())
