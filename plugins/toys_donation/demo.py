"""Demo institutions, wards and wishlists in French and English, with a few pledges (idempotent:
a second run finds the institutions by name and adds nothing)."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.toys_donation.models import Institution, Ward, WishlistItem
from plugins.toys_donation.services import pledges

INSTITUTIONS = [
    {"name": "CHU de Nantes – Hôpital Femme-Enfant-Adolescent", "city": "Nantes",
     "region": "Pays de la Loire", "ward": "Onco-hématologie pédiatrique",
     "address": "38 boulevard Jean Monnet, 44000 Nantes (accueil du service, 2e étage)",
     "items": [
         {"title": "Jeux de société 6-10 ans", "category": "category", "age_min": 6,
          "age_max": 10, "quantity_needed": 12, "washable": True, "priority": 1,
          "notes": "Neufs et sous blister : le service est en secteur protégé."},
         {"title": "Livres illustrés pour les 3-6 ans", "category": "book", "age_min": 3,
          "age_max": 6, "quantity_needed": 20},
         {"title": "Kits de perles et de dessin", "category": "toy", "age_min": 7,
          "age_max": 14, "quantity_needed": 15, "no_soft_toys": True},
     ]},
    {"name": "Royal Hospital for Children", "city": "Glasgow", "region": "Scotland",
     "ward": "Paediatric Renal Unit",
     "address": "1345 Govan Road, Glasgow G51 4TF (ward reception, level 3)",
     "items": [
         {"title": "LEGO sets for ages 8-12", "category": "toy", "age_min": 8, "age_max": 12,
          "quantity_needed": 10, "priority": 1},
         {"title": "Card games (Uno, Dobble)", "category": "game", "age_min": 6,
          "age_max": 16, "quantity_needed": 8, "washable": True},
     ]},
]


def _member(email):
    member, created = get_user_model().objects.get_or_create(email=email)
    if created:
        member.set_password(settings.STENT_DEMO_PASSWORD)
        member.save(update_fields=["password"])
    return member


def create_demo_content(seed=None):
    donor = _member("toys-donor@stent.example")
    for number, spec in enumerate(INSTITUTIONS, start=1):
        if Institution.objects.filter(name=spec["name"]).exists():
            continue
        manager = _member(f"toys-ward-manager-{number}@stent.example")
        institution = Institution.objects.create(
            owner=manager, audience=Audience.PUBLIC, name=spec["name"], city=spec["city"],
            region=spec["region"], verified_at=timezone.now())
        ward = Ward.objects.create(institution=institution, name=spec["ward"],
                                   delivery_address=spec["address"], impact_public=True)
        ward.managers.add(manager)
        items = [WishlistItem.objects.create(ward=ward, **item) for item in spec["items"]]
        pledges.pledge(donor, items[0], quantity=2, method="shipping", show_handle=True,
                       message="Pour les enfants du service / For the children of the ward")
