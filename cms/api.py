"""The headless pages API: Wagtail API v2 endpoints for pages, images and documents.

Only live, public pages are listed (Wagtail's base queryset); a draft is readable with a
preview token only. Errors use the API's ``{"detail": ...}`` shape.
"""
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import serializers, status
from rest_framework.exceptions import ParseError, PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from drf_spectacular.utils import extend_schema, inline_serializer
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cms import api_schema as doc
from cms.preview import PreviewTokenError, draft_for_token, make_preview_token
from cms.unlisted import without_unlisted


#: query parameters holding a page or file id, or a count: integers Wagtail passes to SQL
INTEGER_PARAMETERS = ("limit", "offset", "child_of", "descendant_of", "ancestor_of",
                      "translation_of", "id")
#: the largest value any of them may take (PostgreSQL's integer and bigint stay in range)
INTEGER_MAX = 2**31 - 1
SEARCH_OPERATORS = ("and", "or")


class StentErrorsMixin:
    """Wagtail's API errors in Stent's shape (``{"detail": "..."}``, same status), and its
    query parameters checked before Wagtail reads them, so that a bad one is a 400, never a
    500 (a huge offset overflowing the database's integers, an unknown search operator)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return  # DRF answers 405 next
        for name in INTEGER_PARAMETERS:
            value = request.GET.get(name)
            # Wagtail refuses what is not a whole number itself; not what overflows SQL.
            if value is not None and value.isascii() and value.isdigit() and (
                    int(value) > INTEGER_MAX):
                raise BadRequestError(
                    _("%(name)s must be a whole number from 0 to %(max)d.")
                    % {"name": name, "max": INTEGER_MAX})
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator must be \"and\" or \"or\"."))

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"detail": _("Not found.")}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, (BadRequestError, ValueError, OverflowError)):
            # Wagtail signals some invalid parameters with a bare ValueError (a filter value
            # of the wrong type): the request is at fault, not the server.
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)


class StentPagesAPIViewSet(StentErrorsMixin, doc.PagesSchema, PagesAPIViewSet):
    """/api/v1/pages/: live, public pages; ``preview/?token=`` reads one draft revision."""

    def get_base_queryset(self):
        # Wagtail rebuilds it (view restrictions, site, translations) several times a request.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_queryset(self):
        pages = super().get_queryset().select_related("locale")
        # An unlisted community's pages are read by link (detail), never listed.
        return without_unlisted(pages) if self.action == "listing_view" else pages

    def get_object(self):
        if self.action == "preview_view":
            return self._preview_object
        return super().get_object()

    @doc.preview
    def preview_view(self, request):
        token = request.GET.get("token")
        if not token:
            raise BadRequestError("token is required")
        try:
            self._preview_object = draft_for_token(token)
        except PreviewTokenError as error:
            raise PermissionDenied(str(error)) from error
        return Response(self.get_serializer(self._preview_object).data)

    @classmethod
    def get_urlpatterns(cls):
        from django.urls import path

        return [path("preview/", cls.as_view({"get": "preview_view"}), name="preview"),
                *super().get_urlpatterns()]


class StentImagesAPIViewSet(StentErrorsMixin, doc.ImagesSchema, ImagesAPIViewSet):
    """/api/v1/images/: images in public collections, with a rendition and its URL."""

    body_fields = ImagesAPIViewSet.body_fields + [
        APIField("rendition", serializer=ImageRenditionField("max-1600x1200", source="*")),
    ]


class StentDocumentsAPIViewSet(StentErrorsMixin, doc.DocumentsSchema, DocumentsAPIViewSet):
    """/api/v1/documents/: documents in public collections."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", StentPagesAPIViewSet)
api_router.register_endpoint("images", StentImagesAPIViewSet)
api_router.register_endpoint("documents", StentDocumentsAPIViewSet)


class PreviewTokenRequestSerializer(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, help_text="id of the page to preview")


class PreviewTokenView(APIView):
    """POST /api/v1/pages/preview-tokens/: an editor gets a short-lived token for the page's
    latest draft, for a headless front-end to show it."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=PreviewTokenRequestSerializer,
        responses={201: inline_serializer("PreviewToken", {
            "token": serializers.CharField(), "expires_at": serializers.DateTimeField(),
            "url": serializers.URLField()})},
    )
    def post(self, request):
        data = PreviewTokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        page = Page.objects.filter(pk=data.validated_data["page"]).first()
        if page is None or not page.permissions_for_user(request.user).can_edit():
            # Someone who may not edit the page learns nothing about whether it exists.
            raise Http404
        revision = page.get_latest_revision()
        if revision is None:
            raise ParseError("This page has no saved draft to preview.")
        token, expires_at = make_preview_token(revision)
        url = request.build_absolute_uri(f"/api/v1/pages/preview/?token={token}")
        return Response({"token": token, "expires_at": expires_at, "url": url},
                        status=status.HTTP_201_CREATED)
