"""URL patterns of the petitions API; the core mounts them at /api/v1/petitions/."""
from django.urls import path
from rest_framework.routers import SimpleRouter

from plugins.petitions.api.people import (AcceptInvitationView, DeclineInvitationView,
                                          PromoterListView, UpdateListView)
from plugins.petitions.api.petitions import PetitionViewSet
from plugins.petitions.api.signatures import (ConfirmSignatureView, MySignatureView,
                                              SignatureListView, confirmation_page)

router = SimpleRouter()
router.register("", PetitionViewSet, basename="petition")

urlpatterns = [
    path("signatures/confirm/", ConfirmSignatureView.as_view(), name="signature-confirm"),
    # The e-mailed link's page while no front-end is configured (CONFIRMATION_URL).
    path("confirm/", confirmation_page, name="signature-confirm-page"),
    path("<str:petition>/signatures/", SignatureListView.as_view(), name="signatures"),
    path("<str:petition>/signatures/mine/", MySignatureView.as_view(), name="my-signature"),
    path("<str:petition>/updates/", UpdateListView.as_view(), name="updates"),
    path("<str:petition>/promoters/", PromoterListView.as_view(), name="promoters"),
    path("<str:petition>/promoters/accept/", AcceptInvitationView.as_view(),
         name="promoter-accept"),
    path("<str:petition>/promoters/decline/", DeclineInvitationView.as_view(),
         name="promoter-decline"),
    *router.urls,
]
