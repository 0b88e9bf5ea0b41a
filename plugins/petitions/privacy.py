"""The petitions PrivacyHandler: a member's petitions, promotions, signatures and news."""
from django.utils.translation import gettext_lazy as _

from core.privacy.handlers import PrivacyHandler
from plugins.petitions.models import Petition, PetitionUpdate, Promoter, Signature
from plugins.petitions.services.retention import anonymise


class PetitionsPrivacyHandler(PrivacyHandler):
    identifier = "petitions"
    verbose_name = _("Petitions")
    description = _("The petitions you wrote or promote, your signatures and the news you posted. "
                    "Erasure keeps every count: your signatures stay counted, linked to no one.")
    models = (Petition, Promoter, Signature, PetitionUpdate)

    def export(self, member) -> dict:
        return {
            "petitions": [
                {"id": str(p.pk), "slug": p.slug, "title": p.title, "text": p.text,
                 "target": p.target, "signature_goal": p.signature_goal, "audience": p.audience,
                 "status": p.state, "tags": sorted(link.tag.name for link in p.tagged_items.all()),
                 "cover": p.cover.name or None, "created_at": p.created_at.isoformat(),
                 "answer": p.answer, "delivered_to": p.delivered_to,
                 "delivery_method": p.delivery_method}
                for p in Petition.objects.filter(owner=member).prefetch_related("tagged_items__tag")
            ],
            "promotions": [
                {"petition": str(p.petition_id), "title": p.petition.title, "status": p.status,
                 "invited_at": p.created_at.isoformat(),
                 "accepted_at": p.accepted_at and p.accepted_at.isoformat()}
                for p in Promoter.objects.filter(member=member).select_related("petition")
            ],
            "signatures": [
                {"id": str(s.pk), "petition": str(s.petition_id), "title": s.petition.title,
                 "comment": s.comment, "region": s.region, "show_name": s.show_name,
                 "show_region": s.show_region,
                 "follows": s.follows, "signed_at": s.confirmed_at and s.confirmed_at.isoformat()}
                for s in Signature.objects.filter(owner=member).select_related("petition")
            ],
            "updates": [
                {"id": str(u.pk), "petition": str(u.petition_id), "title": u.title,
                 "body": u.body, "posted_at": u.created_at.isoformat()}
                for u in PetitionUpdate.objects.filter(owner=member)
            ],
        }

    def erase(self, member) -> None:
        # Signatures stay counted, linked to no one; the region goes too (the member's words).
        anonymise(Signature.objects.filter(owner=member), region="")
        PetitionUpdate.objects.filter(owner=member).delete()
        for petition in Petition.objects.filter(owner=member):
            self._hand_over_or_delete(petition, member)
        Promoter.objects.filter(member=member).delete()
        Promoter.objects.filter(invited_by=member).update(invited_by=None)

    @staticmethod
    def _hand_over_or_delete(petition, member):
        """A co-promoter takes over a shared petition; one carried alone goes with its author."""
        heir = (petition.promoters.filter(status=Promoter.Status.ACCEPTED)
                .exclude(member=member).order_by("accepted_at", "pk").first())
        if heir is None:
            if petition.cover:
                petition.cover.delete(save=False)
            petition.delete()
        else:
            Petition.objects.filter(pk=petition.pk).update(owner=heir.member_id)
