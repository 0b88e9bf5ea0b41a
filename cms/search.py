"""Site-wide search: pages and plugin objects in one ranked list, each filtered by who may see it.

What a model returned by the ``stent_search_models`` hook provides (the search protocol):

- it is indexed by Wagtail's search (``modelsearch.index.Indexed`` with ``search_fields``);
- its default manager has ``visible_to(user)`` (the core's ``Audienced`` models do): results
  come only from that queryset, so private, circle, community and hidden (moderated) objects
  never reach someone who may not see them;
- ``search_result_title`` and ``search_result_excerpt``: short plain-text strings;
- ``get_api_url()``: the path of the object in the API, e.g. ``/api/v1/petitions/<uuid>/``;
- optionally ``search_result_type``: the type shown to clients (default: ``app_label.model``).

Each backend ranks its own results (a score's scale differs between SQLite, PostgreSQL and
Elasticsearch), so the lists are merged by reciprocal rank fusion into one ranking.
"""
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from modelsearch import index

from cms.search_indexed import ranked_visible_keys, uses_indexed_ranking
from cms.unlisted import without_unlisted
from core.plugins import collect

#: how many of each model's best visible matches are merged
SEARCH_WINDOW = 200
#: the constant of reciprocal rank fusion: higher flattens the weight of the first places
RRF_K = 60
EXCERPT_WORDS = 40
REQUIRED_ATTRIBUTES = ("search_result_title", "search_result_excerpt", "get_api_url")


@dataclass(frozen=True)
class SearchHit:
    type: str
    id: str
    title: str
    excerpt: str
    url: str
    rank: float


def excerpt(text: str) -> str:
    return Truncator(strip_tags(text or "").strip()).words(EXCERPT_WORDS)


def searchable_models() -> list:
    """The plugin models registered for search, checked against the protocol above."""
    models = collect("stent_search_models")
    for model in models:
        missing = [name for name in REQUIRED_ATTRIBUTES if not hasattr(model, name)]
        if not issubclass(model, index.Indexed):
            missing.append("search_fields (modelsearch.index.Indexed)")
        if not hasattr(model._default_manager, "visible_to"):
            missing.append("objects.visible_to(user)")
        if missing:
            raise ImproperlyConfigured(
                f"{model._meta.label} is registered for search but lacks {', '.join(missing)}.")
    return models


def _ranked_ids(query: str, queryset) -> list:
    """The primary keys of the best matches, best first, as the backend ranks them."""
    results = get_search_backend().search(query, queryset)
    return [obj.pk for obj in results[:SEARCH_WINDOW]]


def _page_hits(query: str, request, locale: str | None) -> list[SearchHit]:
    pages = without_unlisted(get_public_pages_queryset(request).exclude(depth=1))
    if locale:
        pages = pages.filter(locale=Locale.objects.filter(language_code=locale).first())
    ids = _ranked_ids(query, pages)
    by_id = Page.objects.filter(pk__in=ids).specific().in_bulk()
    hits = []
    for position, pk in enumerate(ids):
        page = by_id.get(pk)
        if page is None:
            continue
        text = (getattr(page, "search_result_excerpt", "") or page.search_description)
        hits.append(SearchHit(
            type=f"{page._meta.app_label}.{type(page).__name__}", id=str(page.pk),
            title=page.title, excerpt=excerpt(text), url=f"/api/v1/pages/{page.pk}/",
            rank=1 / (RRF_K + position + 1)))
    return hits


def _visible_ranked(query: str, model, user) -> list:
    """The best matches among what ``user`` may see, best first, as objects.

    The search backends filter only on indexed fields, not on ``visible_to``'s subqueries, so
    the ranking of every match is read window after window, each window's visible objects
    kept, until enough are found or the ranking ends: invisible matches never take the place
    of a visible one, and a first partial window (the usual case) costs two queries.
    (PostgreSQL's database backend checks visibility inside its query: ``_indexed_ranked``.)
    """
    visible = model._default_manager.visible_to(user)
    ranking = get_search_backend().search(query, model._default_manager.all())
    found, offset = [], 0
    while len(found) < SEARCH_WINDOW:
        window = [obj.pk for obj in ranking[offset:offset + SEARCH_WINDOW]]
        if not window:
            break
        shown = visible.filter(pk__in=window).in_bulk()
        found += [shown[pk] for pk in window if pk in shown]
        if len(window) < SEARCH_WINDOW:
            break
        offset += SEARCH_WINDOW
    return found[:SEARCH_WINDOW]


def _indexed_ranked(backend, query: str, models, user) -> dict:
    """Each model's best visible matches as objects, best first, from one ranked query
    (``cms.search_indexed``) and one read of the objects per model that has any."""
    visible = {model: model._default_manager.visible_to(user) for model in models}
    keys = ranked_visible_keys(backend, query, visible, SEARCH_WINDOW)
    ranked = {}
    for model, model_keys in keys.items():
        shown = visible[model].in_bulk(model_keys)
        ranked[model] = [shown[pk] for pk in model_keys if pk in shown]
    return ranked


def _model_hits(model, objects) -> list[SearchHit]:
    kind = getattr(model, "search_result_type", model._meta.label_lower)
    return [SearchHit(
        type=kind, id=str(obj.pk), title=str(obj.search_result_title),
        excerpt=excerpt(obj.search_result_excerpt), url=obj.get_api_url(),
        rank=1 / (RRF_K + position + 1))
        for position, obj in enumerate(objects)]


def search_site(query: str, request, locale: str | None = None) -> list[SearchHit]:
    """Pages the requester may read and plugin objects visible to them, best first."""
    hits = _page_hits(query, request, locale)
    models = searchable_models()
    backend = get_search_backend()
    if uses_indexed_ranking(backend):
        ranked = _indexed_ranked(backend, query, models, request.user)
    else:
        ranked = {model: _visible_ranked(query, model, request.user) for model in models}
    for model, objects in ranked.items():
        hits.extend(_model_hits(model, objects))
    return sorted(hits, key=lambda hit: hit.rank, reverse=True)
