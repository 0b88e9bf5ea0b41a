"""Demo petitions in French and English, at every stage of their life, signed by demo members."""
import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from plugins.petitions.models import MILESTONES, Petition, Promoter, Signature, Status
from plugins.petitions.services import create_petition, email_hash

SIGNERS = 24
REGIONS = ["Île-de-France", "Auvergne-Rhône-Alpes", "Occitanie", "Bretagne", "Scotland",
           "Wales", ""]

PETITIONS = [
    {"slug": "remboursement-capteurs-glycemie", "status": Status.PUBLISHED, "signed": 18,
     "title": "Remboursement des capteurs de glycémie pour tous les diabétiques",
     "text": "Les capteurs de glycémie en continu changent la vie des personnes vivant avec un "
             "diabète de type 1 ou 2. Nous demandons leur remboursement intégral, sans condition "
             "de nombre d'injections.",
     "target": "Assurance Maladie", "signature_goal": 40, "tags": ["diabète", "remboursement"]},
    {"slug": "accessible-buses-everywhere", "status": Status.PUBLISHED, "signed": 12,
     "title": "Step-free access on every city bus",
     "text": "Wheelchair users and people with chronic fatigue are still left at the stop when "
             "the ramp is broken. We ask for ramps checked daily and a fine when they fail.",
     "target": "Department for Transport", "signature_goal": 100,
     "tags": ["accessibility", "transport"]},
    {"slug": "reconnaissance-endometriose-ald", "status": Status.ANSWERED, "signed": 20,
     "title": "Reconnaissance de l'endométriose en affection de longue durée",
     "text": "L'endométriose touche une femme sur dix. Nous demandons son inscription sur la "
             "liste des affections de longue durée (ALD 30).",
     "target": "Ministère de la Santé", "signature_goal": 20, "tags": ["endométriose"],
     "answer": "Le ministère annonce une concertation avec les associations de patientes."},
    {"slug": "long-covid-clinics", "status": Status.SUBMITTED, "signed": 0,
     "title": "Specialist long COVID clinics in every region",
     "text": "People living with long COVID wait months for an appointment. We ask for a "
             "specialist clinic in every region, staffed and funded for five years.",
     "target": "NHS England", "signature_goal": 500, "tags": ["long covid"]},
    {"slug": "aidants-droit-au-repit", "status": Status.DRAFT, "signed": 0,
     "title": "Un vrai droit au répit pour les aidants",
     "text": "Les proches aidants doivent pouvoir souffler : nous demandons dix jours de répit "
             "financés par an.",
     "target": "Caisse nationale de solidarité pour l'autonomie", "signature_goal": 1000,
     "tags": ["aidants"]},
]


def demo_members(count):
    users = get_user_model()
    members = []
    for number in range(1, count + 1):
        member, created = users.objects.get_or_create(
            email=f"petitions-signer-{number}@stent.example")
        if created:
            member.set_password(settings.STENT_DEMO_PASSWORD)
            member.save(update_fields=["password"])
        members.append(member)
    return members


def _sign(petition, members, rng, when):
    for member in members:
        named = rng.random() < 0.3
        Signature.objects.create(
            petition=petition, owner=member, email_hash=email_hash(member.email),
            audience="public" if named else "private", show_name=named,
            region=rng.choice(REGIONS), follows=rng.random() < 0.5,
            confirmed_at=when - timedelta(days=rng.randrange(0, 10)))
    reached = [m for m in MILESTONES if len(members) * 100 >= petition.signature_goal * m]
    Petition.objects.filter(pk=petition.pk).update(signature_count=len(members),
                                                   milestone_reached=max(reached, default=0))


def create_demo_petitions(seed):
    """Create the demo petitions once; their signatures are written directly (already counted)."""
    if Petition.objects.filter(slug=PETITIONS[0]["slug"]).exists():
        return
    rng = random.Random(seed)
    members = demo_members(SIGNERS)
    author, co_promoter = members[0], members[1]
    now = timezone.now()
    for spec in PETITIONS:
        spec = dict(spec)
        slug, state, signed = spec.pop("slug"), spec.pop("status"), spec.pop("signed")
        answer = spec.pop("answer", "")
        petition = create_petition(author, **spec)
        Promoter.objects.create(petition=petition, member=co_promoter, invited_by=author,
                                status=Promoter.Status.ACCEPTED, accepted_at=now)
        finished = state == Status.ANSWERED
        Petition.objects.filter(pk=petition.pk).update(
            slug=slug, status=state, answer=answer,
            opens_at=now - timedelta(days=40 if finished else 10),
            closes_at=now - timedelta(days=5) if finished else now + timedelta(days=50),
            closed_at=now - timedelta(days=5) if finished else None,
            answered_at=now - timedelta(days=1) if finished else None,
            published_at=now - timedelta(days=40 if finished else 10)
            if state != Status.DRAFT and state != Status.SUBMITTED else None)
        if signed:
            _sign(petition, members[2:2 + signed], rng, now - timedelta(days=6 if finished else 0))
