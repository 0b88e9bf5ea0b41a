"""Ranked search of one model inside a viewer's ``visible_to``, read from the index's own indexes.

modelsearch's PostgreSQL query ranks every match and joins the index entries to the model on
``model.id::varchar = object_id``: at 200,000 petitions a common word read the whole index (the
``title || body`` vector it searches had no index) and sorted every match, a rare one read every
petition for the join (several seconds either way). Here the match is the same tsquery over the
same ``title || body`` vector, served by a GIN index on that expression (``cms`` migration
0005); each entry reaches its row through the row's primary key (``object_id`` cast to the key's
type), so ``visible_to`` is checked row by row inside the query; the most recently indexed
``CANDIDATES`` visible matches are taken (an index walk that stops early for a common word, a
bitmap scan for a rare one) and ranked with modelsearch's own ranking. Below ``CANDIDATES``
visible matches the ranking is exact; above, it is the ranking of the newest ones.
"""
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db.models import F
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast

#: how many visible matches, the most recently indexed first, are ranked
CANDIDATES = 1000
#: the vector searched, as modelsearch searches it; the GIN index of migration 0005 serves it
DOCUMENT = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())


def uses_indexed_ranking(backend) -> bool:
    """Whether ``backend`` is modelsearch's database backend on PostgreSQL."""
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def compiled(backend, query: str, model):
    """modelsearch's compiler of ``query`` for ``model``, its config and its tsquery."""
    compiler = backend.query_compiler_class(model._default_manager.all(), query)
    config = compiler.get_config(backend)
    return compiler, config, compiler.build_tsquery(compiler.query, config=config)


def _candidates(backend, query: str, model, visible):
    """The query of ``model``'s best ``CANDIDATES`` visible matches: (type, key as text, rank)."""
    index_entry = apps.get_model("wagtailsearch", "IndexEntry")
    compiler, config, tsquery = compiled(backend, query, model)
    rank = (compiler.build_tsrank(F("title"), compiler.query, config=config) * F("title_norm")
            + compiler.build_tsrank(F("body"), compiler.query, config=config))
    return (
        index_entry.objects.filter(content_type=ContentType.objects.get_for_model(model))
        .annotate(document=DOCUMENT)
        .filter(document=tsquery)
        .annotate(object_pk=Cast("object_id", model._meta.pk))
        .filter(object_pk__in=visible.values("pk"))
        .annotate(rank=rank)
        .order_by("-pk")
        .values_list("content_type_id", "object_id", "rank")[:CANDIDATES])


def ranked_visible_keys(backend, query: str, visible_by_model: dict, limit: int) -> dict:
    """For each model, the primary keys of its best ``limit`` matches of ``query`` among its
    ``visible`` queryset, best first: one query (a ``UNION ALL`` of one part per model)."""
    if not visible_by_model:
        return {}
    parts = [_candidates(backend, query, model, visible)
             for model, visible in visible_by_model.items()]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    by_type = {ContentType.objects.get_for_model(model).pk: model for model in visible_by_model}
    ranked = {model: [] for model in visible_by_model}
    for type_id, object_id, rank in rows:
        model = by_type[type_id]
        ranked[model].append((rank, model._meta.pk.to_python(object_id)))
    return {model: [pk for _rank, pk in sorted(found, key=lambda row: row[0],
                                                reverse=True)[:limit]]
            for model, found in ranked.items()}
