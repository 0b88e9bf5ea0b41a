"""Full-text search in each object's own language (PostgreSQL's database backend).

modelsearch indexes everything with one text search configuration (``SEARCH_CONFIG``, the
site's main language), so a French page on an English site lost its French word forms.
Here each page and object is indexed with the configuration of its own language
(``language_of``), and a query is read in every content language's configuration at once
(their ``tsquery`` joined by OR): "soigner" finds a French page saying "soignées", and "cared"
an English one saying "caring", whatever the site's main language.
"""
from functools import reduce

from django.conf import settings
from modelsearch.backends.database.postgres import postgres

#: PostgreSQL's text search configuration of each content language
TEXT_SEARCH_CONFIGS = {"en": "english", "fr": "french"}


def language_of(obj) -> str:
    """The language an object is written in: its ``search_language`` if it says so, a page's
    locale, its own ``language`` field, its owner's language, else the site's main language."""
    language = getattr(obj, "search_language", None)
    if not language and getattr(obj, "locale_id", None):
        language = obj.locale.language_code
    if not language and isinstance(getattr(obj, "language", None), str):
        language = obj.language
    if not language and getattr(obj, "owner_id", None):
        language = getattr(getattr(obj.owner, "profile", None), "language", "")
    return (language or settings.LANGUAGE_CODE).split("-")[0]


def config_of(obj, default: str) -> str:
    return TEXT_SEARCH_CONFIGS.get(language_of(obj), default)


def query_configs(default: str) -> list[str]:
    """The configurations a query is read in: the main one and each content language's."""
    configs = [default] + [TEXT_SEARCH_CONFIGS[code] for code, _name
                           in settings.WAGTAIL_CONTENT_LANGUAGES if code in TEXT_SEARCH_CONFIGS]
    return list(dict.fromkeys(config for config in configs if config))


class ObjectIndexer(postgres.ObjectIndexer):
    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.config = config_of(obj, backend.config)


class SearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def build_tsquery(self, query, config=None):
        parts = [self.build_tsquery_content(query, config=each)
                 for each in query_configs(config)]
        parts = [part for part in parts if part is not None]
        return reduce(lambda left, right: left | right, parts) if parts else None


class SearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = SearchQueryCompiler


def use_per_object_configs() -> None:
    """Index with ``ObjectIndexer`` (modelsearch's index looks the class up in its module)."""
    postgres.ObjectIndexer = ObjectIndexer
