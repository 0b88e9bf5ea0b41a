"""Pages under an unlisted community's root stay out of listings and search: by link only."""
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page


def unlisted_page_ids() -> list:
    """Ids of the root pages of unlisted communities and of every page under them."""
    from core.communities.models import Community  # the core never depends on cms, nor at import

    paths = (Community.objects.exclude(visibility=Community.Visibility.LISTED)
             .filter(root_page__isnull=False).values_list("root_page__path", flat=True))
    if not paths:
        return []
    under_any = reduce(or_, (Q(path__startswith=path) for path in paths))
    return list(Page.objects.filter(under_any).values_list("pk", flat=True))


def without_unlisted(pages):
    """``pages`` without those of unlisted communities (a list of ids: search backends filter
    on ``pk__in`` but not on path prefixes)."""
    hidden = unlisted_page_ids()
    return pages.exclude(pk__in=hidden) if hidden else pages
