"""The moderation API: members report and block; moderators review, hide, restore, sanction."""
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.pagination import StentCursorPagination
from core.communities.models import Membership
from core.identity.handles import member_by_handle
from core.moderation import sanctions, services
from core.moderation.models import Block, Report
from core.moderation.permissions import IsAnyModerator, IsModerator
from core.moderation.roles import is_moderator
from core.moderation.serializers import (BlockCreateSerializer, BlockSerializer,
                                         ContentDecisionSerializer, ContentStateSerializer,
                                         DismissSerializer, QueuedReportSerializer,
                                         ReportCreateSerializer, ReportSerializer,
                                         SanctionResultSerializer, SanctionSerializer,
                                         SuspensionSerializer)
from core.moderation.targets import type_label


class ReportCreateView(APIView):
    """Report something you can see to the moderators (once while the report is open)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=ReportCreateSerializer, responses={201: ReportSerializer})
    def post(self, request):
        data = ReportCreateSerializer(data=request.data, context={})
        data.is_valid(raise_exception=True)
        report = services.report(request.user, data.context["model"],
                                 data.validated_data["id"], reason=data.validated_data["reason"],
                                 comment=data.validated_data["comment"])
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)


@extend_schema(parameters=[OpenApiParameter("state", str, enum=Report.State.values)])
class ReportQueueView(generics.ListAPIView):
    """Reports to review: all for site moderators, their communities' for community ones.
    Reporters stay anonymous to moderators."""

    serializer_class = QueuedReportSerializer
    permission_classes = [IsAuthenticated, IsAnyModerator]
    pagination_class = StentCursorPagination

    def get_queryset(self):
        reports = Report.objects.select_related("community")
        if not is_moderator(self.request.user):
            reports = reports.filter(community__in=Membership.objects.moderators().filter(
                member=self.request.user).values("community_id"))
        state = self.request.query_params.get("state")
        return reports.filter(state=state) if state else reports


class ReportDismissView(APIView):
    permission_classes = [IsAuthenticated, IsAnyModerator]

    @extend_schema(request=DismissSerializer, responses=QueuedReportSerializer)
    def post(self, request, pk):
        data = DismissSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.dismiss(request.user, pk, reason=data.validated_data["reason"])
        return Response(QueuedReportSerializer(report).data)


def content_decision_view(decide, doc):
    """A view applying ``decide`` (hide or restore) to a {"type", "id"} target."""

    class ContentDecisionView(APIView):
        __doc__ = doc
        permission_classes = [IsAuthenticated, IsAnyModerator]

        @extend_schema(request=ContentDecisionSerializer, responses=ContentStateSerializer,
                       operation_id=f"moderation_{decide.__name__}")
        def post(self, request):
            data = ContentDecisionSerializer(data=request.data, context={})
            data.is_valid(raise_exception=True)
            model = data.context["model"]
            target = decide(request.user, model, data.validated_data["id"],
                            reason=data.validated_data["reason"])
            return Response({"type": type_label(model), "id": str(target.pk),
                             "hidden": target.hidden_at is not None})

    ContentDecisionView.__name__ = f"{decide.__name__.title()}View"
    return ContentDecisionView.as_view()


def sanction_view(apply, request_serializer, doc):
    """A view applying a sanction (warn, suspend, block, reinstate) to the member ``handle``."""

    class SanctionView(APIView):
        __doc__ = doc
        permission_classes = [IsAuthenticated, IsModerator]

        @extend_schema(request=request_serializer, responses=SanctionResultSerializer,
                       operation_id=f"moderation_{apply.__name__}")
        def post(self, request, handle):
            data = request_serializer(data=request.data)
            data.is_valid(raise_exception=True)
            member = member_by_handle(handle, include_inactive=True)  # reinstating, too
            action = apply(request.user, member, **data.validated_data)
            return Response({"action": action.kind, "handle": handle, "until": action.until,
                             "is_active": member.is_active})

    SanctionView.__name__ = f"{apply.__name__.title()}View"
    return SanctionView.as_view()


hide_view = content_decision_view(
    services.hide, "Hide an object from everyone but its owner and the site's moderators.")
restore_view = content_decision_view(services.restore, "Make a hidden object visible again.")
warn_view = sanction_view(sanctions.warn, SanctionSerializer, "Warn a member.")
suspend_view = sanction_view(sanctions.suspend, SuspensionSerializer,
                             "Suspend a member's account for a number of days.")
block_member_view = sanction_view(sanctions.block_member, SanctionSerializer,
                                  "Block a member's account site-wide, with no end date.")
reinstate_view = sanction_view(sanctions.reinstate, DismissSerializer,
                               "Reactivate a suspended or blocked account.")


class BlockListView(generics.ListCreateAPIView):
    """The members I blocked: they no longer see my content, nor I theirs, nor can they reach
    me."""

    permission_classes = [IsAuthenticated]
    serializer_class = BlockSerializer
    pagination_class = StentCursorPagination

    def get_queryset(self):
        return Block.objects.filter(blocker=self.request.user).select_related("blocked__profile")

    @extend_schema(request=BlockCreateSerializer, responses={201: BlockSerializer})
    def post(self, request):
        data = BlockCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        block = services.block(request.user, data.validated_data["handle"])
        return Response(BlockSerializer(block).data, status=status.HTTP_201_CREATED)


class BlockDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={204: None})
    def delete(self, request, handle):
        services.unblock(request.user, handle)
        return Response(status=status.HTTP_204_NO_CONTENT)
