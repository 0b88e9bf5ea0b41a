"""``HandleField``: a serializer field taking a member's handle and giving back the member."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.errors import NotFound
from core.identity.handles import member_by_handle

#: Longer than any handle (30): a longer input is refused before any query.
MAX_INPUT_LENGTH = 64


class HandleField(serializers.CharField):
    """Handle in, active member out (case-insensitive); member out as their handle.

    An unknown handle is a 400 on the field. ``missing_is_404=True`` keeps a 404 instead, for
    the endpoints whose published contract says so (the handle names the target of the action).
    """

    default_error_messages = {"unknown": _("No member has this handle.")}

    def __init__(self, *, missing_is_404: bool = False, **kwargs):
        self.missing_is_404 = missing_is_404
        kwargs.setdefault("max_length", MAX_INPUT_LENGTH)
        super().__init__(**kwargs)

    def run_validation(self, data=serializers.empty):
        # The text is checked first (type, length), as a CharField; then the member is found.
        handle = super().run_validation(data)
        if handle in (None, "") or handle is serializers.empty:
            return handle
        try:
            return member_by_handle(handle)
        except NotFound:
            if self.missing_is_404:
                raise
            self.fail("unknown")

    def to_representation(self, member):
        return member.profile.handle
