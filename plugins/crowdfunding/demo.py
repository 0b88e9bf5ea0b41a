"""Demo campaigns in French and English: one live with tiers and pledges, one ended, one draft."""
import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.crowdfunding.models import Campaign, CampaignStatus, Pledge, PledgeStatus, Tier
from plugins.crowdfunding.services.campaigns import create_campaign
from plugins.crowdfunding.services.payments import transition

BACKERS = 14

USE_OF_FUNDS = [{"label": "Développement", "percent": 45},
                {"label": "Hébergement et sécurité", "percent": 20},
                {"label": "Communication", "percent": 10},
                {"label": "Fonctionnalités choisies par les membres", "percent": 15},
                {"label": "Traduction", "percent": 10}]

CAMPAIGNS = [
    {"slug": "reseau-independant-2026", "status": CampaignStatus.LIVE, "backed": 12,
     "title": "Un réseau indépendant, financé par ses membres",
     "story": "Pour rester indépendants de l'industrie, nous finançons le développement du "
              "réseau avec nos membres et nos proches, du 17 septembre au 17 décembre.",
     "goal": 30_000_000, "currency": "EUR", "vat_note": "Objectif hors TVA",
     "use_of_funds": USE_OF_FUNDS,
     "stretch_goals": [{"amount": 35_000_000, "title": "Application mobile accessible",
                        "description": "Lecteurs d'écran et contrastes élevés dès la v1."}],
     "tiers": [("Merci !", "Votre nom (si vous le souhaitez) sur la page des soutiens.", 1000,
                None, False),
               ("T-shirt du réseau", "Coton bio, tailles S à XXL.", 3500, 50, True),
               ("Atelier avec l'équipe", "Une heure pour choisir la prochaine fonctionnalité.",
                15000, 10, False)]},
    {"slug": "wheelchair-accessible-minibus", "status": CampaignStatus.SUCCESSFUL, "backed": 14,
     "title": "A wheelchair-accessible minibus for our outings",
     "story": "Our association's members living with MS or a spinal cord injury want to go "
              "out together again. A second-hand accessible minibus makes it possible.",
     "goal": 30_000, "currency": "GBP", "funding_model": "keep_what_you_raise",
     "use_of_funds": [{"label": "Minibus", "percent": 80}, {"label": "Insurance", "percent": 20}],
     "tiers": [("Postcard from an outing", "Signed by everyone on board.", 1500, None, True)]},
    {"slug": "guide-aidants-draft", "status": CampaignStatus.DRAFT, "backed": 0,
     "title": "Un guide pratique pour les aidants",
     "story": "Un guide écrit par et pour les proches aidants, imprimé et gratuit.",
     "goal": 800_000, "currency": "EUR", "use_of_funds": [{"label": "Impression",
                                                            "percent": 100}], "tiers": []},
]


def _backers(count):
    users = get_user_model()
    members = []
    for number in range(1, count + 1):
        member, created = users.objects.get_or_create(
            email=f"crowdfunding-backer-{number}@stent.example")
        if created:
            member.set_password(settings.STENT_DEMO_PASSWORD)
            member.save(update_fields=["password"])
        members.append(member)
    return members


def create_demo_campaigns(seed):
    """Create the demo campaigns once; pledges go through the payment transitions (counted)."""
    if Campaign.objects.filter(slug=CAMPAIGNS[0]["slug"]).exists():
        return
    rng = random.Random(seed)
    members = _backers(BACKERS + 1)
    owner, backers = members[0], members[1:]
    now = timezone.now()
    for spec in CAMPAIGNS:
        spec = dict(spec)
        slug, status, backed = spec.pop("slug"), spec.pop("status"), spec.pop("backed")
        tiers = spec.pop("tiers")
        ended = status == CampaignStatus.SUCCESSFUL
        campaign = create_campaign(owner, starts_at=now - timedelta(days=100 if ended else 20),
                                   ends_at=now - timedelta(days=10) if ended
                                   else now + timedelta(days=70), **spec)
        created = [Tier.objects.create(campaign=campaign, title=title, description=text,
                                       minimum_amount=minimum, quantity=quantity,
                                       needs_shipping=shipped, position=n)
                   for n, (title, text, minimum, quantity, shipped) in enumerate(tiers)]
        for backer in backers[:backed]:
            tier = rng.choice(created) if created and rng.random() < 0.7 else None
            amount = (tier.minimum_amount if tier else 500) + rng.randrange(0, 5) * 500
            pledge = Pledge.objects.create(
                owner=backer, campaign=campaign, tier=tier, amount=amount,
                currency=campaign.currency, provider="manual",
                payment_reference=f"DEMO-{slug}-{backer.pk}",
                audience=Audience.PUBLIC if rng.random() < 0.3 else Audience.PRIVATE,
                shipping_name="Demo backer" if tier and tier.needs_shipping else "",
                shipping_address="1 rue de la Démo, Paris" if tier and tier.needs_shipping
                else "")
            if tier:
                Tier.objects.filter(pk=tier.pk).update(taken=F("taken") + 1)
            transition(pledge, PledgeStatus.PAID, paid_at=now - timedelta(days=rng.randrange(1, 9)))
        Campaign.objects.filter(pk=campaign.pk).update(
            slug=slug, status=status, approved_at=None if status == CampaignStatus.DRAFT else now,
            ended_at=now - timedelta(days=3) if ended else None)
