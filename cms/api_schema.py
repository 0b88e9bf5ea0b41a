"""OpenAPI descriptions of the Wagtail API v2 endpoints (pages, images, documents).

Wagtail builds its serializers per request (``?fields=``, ``?type=``), so drf-spectacular cannot
infer them: the shapes below are the common part, and each object also carries the fields of its
type (a condition page's ``summary``, ``body``, ``medical_review``...), hence
``additionalProperties``.
"""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema

from core.api.schema import ERROR_REF as ERROR
NULLABLE_DATETIME = {"type": "string", "format": "date-time", "nullable": True}


def _object(properties, required=(), extra=True):
    schema = {"type": "object", "properties": properties, "additionalProperties": extra}
    if required:  # OpenAPI 3.0 refuses an empty list
        schema["required"] = list(required)
    return schema


PAGE_META = _object({
    "type": {"type": "string", "example": "cms.ConditionPage"},
    "detail_url": {"type": "string", "format": "uri"},
    "html_url": {"type": "string", "format": "uri", "nullable": True},
    "slug": {"type": "string"},
    "first_published_at": NULLABLE_DATETIME,
    "locale": {"type": "string", "example": "fr"},
    "search_description": {"type": "string"},
    "parent": {"type": "object", "nullable": True, "description": "detail only"},
}, required=("type", "detail_url"))
PAGE = _object({"id": {"type": "integer"}, "meta": PAGE_META, "title": {"type": "string"}},
               required=("id", "meta"))

FILE_META = _object({
    "type": {"type": "string", "example": "wagtailimages.Image"},
    "detail_url": {"type": "string", "format": "uri"},
    "tags": {"type": "array", "items": {"type": "string"}},
    "download_url": {"type": "string", "format": "uri"},
}, required=("type", "detail_url"))
IMAGE = _object({
    "id": {"type": "integer"}, "meta": FILE_META, "title": {"type": "string"},
    "width": {"type": "integer"}, "height": {"type": "integer"},
    "rendition": _object({"url": {"type": "string"}, "full_url": {"type": "string"},
                          "width": {"type": "integer"}, "height": {"type": "integer"},
                          "alt": {"type": "string"}}, extra=False),
}, required=("id", "meta"))
DOCUMENT = _object({"id": {"type": "integer"}, "meta": FILE_META, "title": {"type": "string"}},
                   required=("id", "meta"))


def _listing(item):
    return _object({"meta": _object({"total_count": {"type": "integer"}}, ("total_count",),
                                    extra=False),
                    "items": {"type": "array", "items": item}}, ("meta", "items"), extra=False)


def _query(name, kind, description, required=False):
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description,
                            required=required)


COMMON_PARAMETERS = [
    _query("fields", str, "Comma-separated fields to add (`body`), remove (`-title`) or all "
                          "(`*`); `_` clears the defaults."),
    _query("search", str, "Full-text search; results are ranked unless `order` is given."),
    _query("search_operator", str, "`and` or `or` between the search terms."),
    _query("order", str, "A field to sort by (`-` for descending), or `random`."),
    _query("limit", int, "Items per page (at most 100)."),
    _query("offset", int, "Items to skip."),
]
PAGE_PARAMETERS = [
    _query("type", str, "Only pages of this type, e.g. `cms.ConditionPage` (required to filter "
                        "or order on the type's own fields)."),
    _query("locale", str, "Only pages in this language: `en` or `fr`."),
    _query("translation_of", int, "Only the translations of this page id."),
    _query("child_of", int, "Only the children of this page id."),
    _query("descendant_of", int, "Only the descendants of this page id."),
    _query("ancestor_of", int, "Only the ancestors of this page id."),
    _query("tags", str, "Only pages with this tag (types with tags)."),
    _query("site", str, "Only pages of the site with this hostname."),
    *COMMON_PARAMETERS,
]
FILE_PARAMETERS = [_query("tags", str, "Only files with this tag."), *COMMON_PARAMETERS]
DETAIL_PARAMETERS = [
    OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH),
    _query("fields", str, "Comma-separated fields to add or remove (`-title`)."),
]
ERRORS = {400: OpenApiResponse(ERROR, description="An unknown or invalid query parameter."),
          404: OpenApiResponse(ERROR, description="No such published, public object.")}


def listing(tag, item, parameters, description):
    """Documents a Wagtail ``listing_view``."""
    return extend_schema(operation_id=f"{tag}_list", tags=[tag], description=description,
                         parameters=parameters, request=None,
                         responses={200: _listing(item), **ERRORS})


def detail(tag, item, description):
    """Documents a Wagtail ``detail_view``."""
    return extend_schema(operation_id=f"{tag}_retrieve", tags=[tag], description=description,
                         parameters=DETAIL_PARAMETERS, request=None,
                         responses={200: item, 404: ERRORS[404]})


excluded = extend_schema(exclude=True)
preview = extend_schema(
    operation_id="pages_preview", tags=["pages"], request=None,
    description="The draft revision a preview token was made for, in the pages API's shape.",
    parameters=[_query("token", str, "A token from `POST /api/v1/pages/preview-tokens/`.",
                       required=True)],
    responses={200: PAGE, 400: ERRORS[400],
               403: OpenApiResponse(ERROR, description="An invalid or expired token.")})


def documented(tag, item, parameters, listing_description, detail_description):
    """A base class for a Wagtail API viewset that puts its listing and detail in the schema
    (drf-spectacular only sees methods defined on the view, not Wagtail's inherited ones)."""

    class Documented:
        @listing(tag, item, parameters, listing_description)
        def listing_view(self, request):
            return super().listing_view(request)

        @detail(tag, item, detail_description)
        def detail_view(self, request, pk):
            return super().detail_view(request, pk)

        @excluded  # a redirect to a detail URL, for Wagtail's own front-end helpers
        def find_view(self, request):
            return super().find_view(request)

    return Documented


PagesSchema = documented(
    "pages", PAGE, PAGE_PARAMETERS,
    "Live, public pages as `{\"meta\": {\"total_count\"}, \"items\": [...]}`; `fields` adds "
    "the fields of the `type` (e.g. `summary`, `medical_review`).",
    "A live, public page with every field of its type.")
ImagesSchema = documented("images", IMAGE, FILE_PARAMETERS, "Images in public collections.",
                          "An image with a rendition and its URL.")
DocumentsSchema = documented("documents", DOCUMENT, FILE_PARAMETERS,
                             "Documents in public collections.", "A document and its download URL.")
