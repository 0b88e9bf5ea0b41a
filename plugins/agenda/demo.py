"""Demo agenda in French and English: accessible venues, a weekly support group, adapted sport,
an online conference, an outing with companions and a waiting list, a monthly workshop taking
registrations date by date, RSVPs."""
import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.money import Money
from plugins.agenda.models import Event
from plugins.agenda.services.events import create_event
from plugins.agenda.services.registrations import register
from plugins.agenda.services.rsvp import answer
from plugins.agenda.services.venues import create_venue

MEMBERS = 16

VENUES = [
    {"name": "Maison des usagers de l'hôpital Saint-Louis", "address": "1 avenue Claude-Vellefaux",
     "postcode": "75010", "city": "Paris", "region": "Île-de-France", "country": "FR",
     "step_free": True, "accessible_toilets": True, "seating": True, "rest_area": True,
     "hearing_loop": True, "accessible_transport": True,
     "accessibility_notes": "Entrée de plain-pied par la porte 4 ; salle calme au 1er étage."},
    {"name": "Gymnase Jean-Jaurès", "address": "12 rue des Sports", "postcode": "69007",
     "city": "Lyon", "region": "Auvergne-Rhône-Alpes", "country": "FR", "step_free": True,
     "accessible_toilets": True, "accessible_parking": True, "seating": True},
    {"name": "Community Centre, Meadow Lane", "address": "3 Meadow Lane", "postcode": "EH1 2AB",
     "city": "Edinburgh", "region": "Scotland", "country": "GB", "step_free": True,
     "assistance_animals": True, "easy_read": True, "rest_area": True,
     "accessibility_notes": "Ramp at the side door; quiet room with dimmed lights."},
]


def demo_members():
    users = get_user_model()
    members = []
    for number in range(1, MEMBERS + 1):
        member, created = users.objects.get_or_create(email=f"agenda-member-{number}@stent.example")
        if created:
            member.set_password(settings.STENT_DEMO_PASSWORD)
            member.save(update_fields=["password"])
        members.append(member)
    return members


def _at(days, hour, minute=0, zone="Europe/Paris"):
    day = (timezone.now() + timedelta(days=days)).date()
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


def create_demo_agenda(seed):
    """Create the demo agenda once, through the services (occurrences and counts as in use)."""
    if Event.objects.filter(title__startswith="Groupe de parole SEP").exists():
        return
    rng = random.Random(seed)
    members = demo_members()
    organiser, association = members[0], members[1]
    paris, lyon, edinburgh = (create_venue(organiser, **spec) for spec in VENUES)
    tuesday = _at((1 - timezone.now().weekday()) % 7 + 7, 18, 30)
    support = create_event(
        organiser, title="Groupe de parole SEP du mardi", category="support_group",
        description="Un temps d'échange entre personnes vivant avec une sclérose en plaques, "
                    "animé par une patiente experte. Pauses quand vous voulez.",
        starts_at=tuesday, ends_at=tuesday + timedelta(hours=2), venue=paris,
        recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=20",
        exdates=[(tuesday + timedelta(weeks=3)).date().isoformat()], captions=True)
    sport = create_event(
        association, title="Marche nordique adaptée", category="sport",
        description="Marche douce avec bâtons prêtés, deux allures, retour possible à mi-chemin.",
        starts_at=_at(10, 10), ends_at=_at(10, 12), venue=lyon, registration_required=True,
        capacity=8, max_companions=1, companions_free=True)
    create_event(
        organiser, title="Living well with long COVID: pacing", category="conference",
        description="An online talk by an occupational therapist, with live captions and a "
                    "recording for those who cannot attend.",
        starts_at=_at(5, 19, zone="Europe/London"), ends_at=_at(5, 20, zone="Europe/London"),
        timezone="Europe/London", mode="online", online_url="https://visio.stent.example/pacing",
        captions=True, easy_read=True)
    outing = create_event(
        association, title="Museum outing with carers", category="outing",
        description="A guided visit at a gentle pace, wheelchairs available at the entrance.",
        starts_at=_at(20, 14, zone="Europe/London"), ends_at=_at(20, 17, zone="Europe/London"),
        timezone="Europe/London", venue=edinburgh, registration_required=True, capacity=6,
        max_companions=2, companions_free=True, price=Money(500, "GBP"))
    workshop = create_event(
        association, title="Atelier d'éducation thérapeutique : apprivoiser la fatigue",
        category="workshop",
        description="Un atelier par mois avec une infirmière d'éducation thérapeutique ; "
                    "inscrivez-vous à la séance qui vous convient.",
        starts_at=_at(12, 14), ends_at=_at(12, 16), venue=paris,
        recurrence="FREQ=MONTHLY;COUNT=6", registration_required=True, capacity=6,
        max_companions=1, rest_area=True)  # a recurring event: one registration per date
    first, second = workshop.occurrences.order_by("starts_at")[:2]
    for member in members[2:10]:  # eight for six places: two wait
        register(workshop, member, occurrence=first)
    for member in members[10:13]:
        register(workshop, member, occurrence=second, companions=rng.choice([0, 1]))
    for member in members[2:9]:
        register(sport, member, companions=rng.choice([0, 0, 1]))
    for member in members[9:14]:
        register(outing, member, companions=rng.choice([0, 1, 2]))
    for member in members[2:14]:
        answer(support, member, rng.choice(["going", "going", "maybe", "not_going"]))
