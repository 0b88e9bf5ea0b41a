"""The communities API: directory, detail, joining and leaving, members, moderation of members."""
from django.utils.translation import get_language
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from core.api.lean import LeanListMixin
from core.api.pagination import StentCursorPagination, StentPageNumberPagination
from core.communities import queries, services
from core.communities.models import Community, Membership
from core.identity.handles import member_by_handle
from core.communities.permissions import IsCommunityMember, IsCommunityModerator
from core.communities.serializers import (BanRequestSerializer, BanSerializer,
                                          CommunityMemberSerializer, CommunitySerializer,
                                          HandleSerializer, JoinRequestSerializer,
                                          MembershipVisibilitySerializer,
                                          OwnMembershipSerializer, shown_member_count,
                                          viewer_membership)

TRUE = {"1", "true", "yes"}


class MemberListPagination(StentCursorPagination):
    ordering = ("-joined_at", "-id")


class RequestListPagination(StentCursorPagination):
    ordering = ("created_at", "id")


@extend_schema(parameters=[
    OpenApiParameter("language", str, description="language code, e.g. fr"),
    OpenApiParameter("condition", str, description="slug of a condition, e.g. type-1-diabetes"),
    OpenApiParameter("member", bool, description="only communities I belong to or asked to join"),
])
class CommunityViewSet(LeanListMixin, viewsets.ReadOnlyModelViewSet):
    """Communities by condition. The directory lists listed ones (and unlisted ones to their
    members); any community is reachable by its slug, which is how unlisted ones are shared."""

    serializer_class = CommunitySerializer
    lookup_field = "slug"
    pagination_class = StentPageNumberPagination
    permission_classes = [AllowAny]
    # The directory is a lean list: these are filled per page by complete_rows.
    computed_fields = ("conditions", "associations", "member_count", "membership")
    source_columns = ("active_member_count", "viewer_status", "viewer_role",
                      "listed_conditions_json", "association_handles_json")

    def get_queryset(self):
        user = self.request.user
        if self.action == "retrieve":
            return queries.communities_for(user)
        if self.action != "list":  # member actions need the community row only
            return Community.objects.all()
        communities = queries.directory_for(user, get_language()).order_by("name", "id")
        params = self.request.query_params
        if params.get("language"):
            communities = communities.filter(language=params["language"])
        if params.get("condition"):
            communities = communities.filter(conditions__slug=params["condition"])
        if params.get("member", "").lower() in TRUE:
            communities = (communities.filter(memberships__member=user)
                           if user.is_authenticated else communities.none())
        return communities

    def complete_rows(self, rows):
        for row in rows:
            row["conditions"] = queries.in_order(row["listed_conditions_json"], "slug", "name")
            row["associations"] = [item["handle"] for item in queries.in_order(
                row["association_handles_json"], "handle")]
            row["member_count"] = shown_member_count(row["active_member_count"])
            row["membership"] = viewer_membership(row["viewer_status"], row["viewer_role"])

    def _community(self):
        return self.get_object()

    @extend_schema(request=None, responses={201: OwnMembershipSerializer})
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def join(self, request, slug=None):
        """Open community: a member at once. Approval: a request its moderators answer."""
        membership = services.join(self._community(), request.user)
        return Response(OwnMembershipSerializer(membership).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def leave(self, request, slug=None):
        """Leave (or withdraw a request); the community's content is out of reach at once."""
        services.leave(self._community(), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=MembershipVisibilitySerializer, responses=OwnMembershipSerializer)
    @action(detail=True, methods=["patch"], permission_classes=[IsAuthenticated])
    def membership(self, request, slug=None):
        """Show or hide my membership (in the member list and on my profile)."""
        choice = MembershipVisibilitySerializer(data=request.data)
        choice.is_valid(raise_exception=True)
        membership = services.set_shown_on_profile(
            self._community(), request.user, choice.validated_data["shown_on_profile"])
        return Response(OwnMembershipSerializer(membership).data)

    @extend_schema(responses=CommunityMemberSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=MemberListPagination,
            permission_classes=[IsAuthenticated, IsCommunityMember])
    def members(self, request, slug=None):
        """Active members who chose to show their membership (moderators see all members)."""
        community = self._community()
        memberships = queries.member_list(
            community, request.user,
            sees_everyone=services.is_community_moderator(request.user, community))
        return self.lean_response(memberships, CommunityMemberSerializer)

    @extend_schema(responses=JoinRequestSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=RequestListPagination,
            permission_classes=[IsAuthenticated, IsCommunityModerator])
    def requests(self, request, slug=None):
        """Requests waiting for approval, oldest first (moderators only)."""
        pending = (self._community().memberships.pending()
                   .select_related("member__profile"))
        return self._paginated(pending, JoinRequestSerializer)

    @extend_schema(request=None, responses=OwnMembershipSerializer)
    @action(detail=True, methods=["post"], url_path=r"requests/(?P<handle>[^/]+)/approve",
            permission_classes=[IsAuthenticated, IsCommunityModerator])
    def approve(self, request, slug=None, handle=None):
        membership = services.approve(self._community(), request.user, member_by_handle(handle))
        return Response(OwnMembershipSerializer(membership).data)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"], url_path=r"requests/(?P<handle>[^/]+)/reject",
            permission_classes=[IsAuthenticated, IsCommunityModerator])
    def reject(self, request, slug=None, handle=None):
        services.reject(self._community(), request.user, member_by_handle(handle))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=HandleSerializer, responses=CommunityMemberSerializer)
    @action(detail=True, methods=["post"], url_path="moderators",
            permission_classes=[IsAuthenticated, IsCommunityModerator])
    def appoint(self, request, slug=None):
        """Appoint an active member as a moderator of the community."""
        target = HandleSerializer(data=request.data)
        target.is_valid(raise_exception=True)
        membership = services.set_role(self._community(), request.user,
                                       target.validated_data["handle"],
                                       Membership.Role.MODERATOR)
        return Response(CommunityMemberSerializer(membership).data)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"moderators/(?P<handle>[^/]+)",
            permission_classes=[IsAuthenticated, IsCommunityModerator])
    def revoke(self, request, slug=None, handle=None):
        services.set_role(self._community(), request.user, member_by_handle(handle),
                          Membership.Role.MEMBER)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"members/(?P<handle>[^/]+)",
            permission_classes=[IsAuthenticated, IsCommunityModerator])
    def remove(self, request, slug=None, handle=None):
        services.remove_member(self._community(), request.user, member_by_handle(handle))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=BanRequestSerializer, responses={201: BanSerializer})
    @action(detail=True, methods=["post"], url_path="bans",
            permission_classes=[IsAuthenticated, IsCommunityModerator])
    def ban(self, request, slug=None):
        """Ban a member, with an end date or none: out at once, unable to rejoin or ask again."""
        body = BanRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        banned = services.ban(self._community(), request.user, body.validated_data["handle"],
                              until=body.validated_data["until"],
                              reason=body.validated_data["reason"])
        return Response(BanSerializer(banned).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"bans/(?P<handle>[^/]+)",
            permission_classes=[IsAuthenticated, IsCommunityModerator])
    def lift_ban(self, request, slug=None, handle=None):
        services.lift_ban(self._community(), request.user, member_by_handle(handle))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _paginated(self, queryset, serializer_class):
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(serializer_class(page, many=True).data)

