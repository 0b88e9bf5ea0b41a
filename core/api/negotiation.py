"""Content negotiation and OPTIONS metadata that never fail on a view's extra renderers.

An OPTIONS request describes the endpoint in JSON, whatever format the URL asks for (a CSV
renderer cannot render metadata); an unknown ``?format=`` is a 400 naming the formats offered,
not a 404; a view without a serializer (an action taking no body) still answers OPTIONS.
"""
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.metadata import SimpleMetadata
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer

from core.errors import DomainError


class StentContentNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        if request.method == "OPTIONS":
            renderer = JSONRenderer()
            return renderer, renderer.media_type
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except Http404:
            formats = ", ".join(renderer.format for renderer in renderers)
            raise ValidationError({self.settings.URL_FORMAT_OVERRIDE: [
                _("Unknown format. Available formats: %(formats)s.") % {"formats": formats}]})


class StentMetadata(SimpleMetadata):
    def determine_actions(self, request, view):
        # GenericAPIView.get_serializer_class asserts there is a serializer_class. (Imported
        # here: rest_framework.generics reads the API settings, which name this module.)
        from rest_framework.generics import GenericAPIView  # the API settings name us

        no_serializer = getattr(view, "serializer_class", None) is None and (
            type(view).get_serializer_class is GenericAPIView.get_serializer_class)
        if no_serializer:
            return {}
        try:
            return super().determine_actions(request, view)
        except (DomainError, DjangoValidationError, ValueError, AssertionError):
            # DRF probes a PUT by calling get_object() and skips the action on its own errors;
            # a service's domain error (an unknown survey, a malformed id), or a view that reads
            # its object through queries.py instead of get_object(), means the same: the
            # actions are not described, and OPTIONS still answers.
            return {}
