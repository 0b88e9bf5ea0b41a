"""Demo listings in French and English (idempotent): offers, a loan and a request."""
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.exchange.models import Category, Kind, Listing, Mode

DEMO = [
    ("offer", "give", "wheelchairs", "Fauteuil roulant manuel pliable",
     "Fauteuil léger, assise 42 cm, utilisé un an, freins révisés en mars.", "good",
     "Île-de-France", "75"),
    ("offer", "lend", "hospital-beds", "Lit médicalisé électrique à prêter",
     "Prêt pour quelques mois pendant une convalescence ; housse de matelas lavable.", "good",
     "Auvergne-Rhône-Alpes", "69"),
    ("offer", "give", "daily-living", "Adapted cutlery set",
     "Four pieces with thick handles, dishwasher safe, like new.", "like_new",
     "Occitanie", "31"),
    ("request", "give", "walkers", "Looking for a rollator with a seat",
     "For my father, who walks short distances; we can pick it up.", "",
     "Nouvelle-Aquitaine", "33"),
]


def create_demo_exchange(seed=None):
    users = get_user_model().objects.filter(is_active=True).order_by("date_joined")[:2]
    categories = {category.slug: category for category in Category.objects.all()}
    if not users or not categories:
        return
    now = timezone.now()
    for index, (kind, mode, slug, title, description, condition, region, prefix) in \
            enumerate(DEMO):
        if Listing.objects.filter(title=title).exists() or slug not in categories:
            continue
        Listing.objects.create(
            owner=users[index % len(users)], kind=kind, mode=mode, title=title,
            description=description, category=categories[slug], condition=condition,
            region=region, postal_prefix=prefix, audience=Audience.MEMBERS,
            cleaning_declared=kind == Kind.OFFER, loan_days=90 if mode == Mode.LEND else None,
            published_at=now - timedelta(days=2), expires_at=now + timedelta(days=58))
