"""Demo communities (French and English) and the demo members' memberships, idempotently."""
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from core.communities.models import Community, Membership
from core.communities.services import create_community
from core.identity.demo import create_conditions
from core.identity.models import Condition

COMMUNITIES = [
    ("type-1-diabetes", "Type 1 diabetes", "en", Community.JoiningPolicy.OPEN,
     "Living with type 1 diabetes day to day: pumps and sensors, sport, school, work, "
     "travelling, and the mental load of counting everything."),
    ("diabete-de-type-1", "Diabète de type 1", "fr", Community.JoiningPolicy.OPEN,
     "Vivre avec un diabète de type 1 au quotidien : pompes et capteurs, sport, école, travail, "
     "voyages, et la charge mentale de tout compter."),
    ("multiple-sclerosis", "Multiple sclerosis", "en", Community.JoiningPolicy.APPROVAL,
     "Relapses, fatigue, treatments and keeping a job: people living with MS and those who "
     "care for them, among themselves."),
    ("sclerose-en-plaques", "Sclérose en plaques", "fr", Community.JoiningPolicy.APPROVAL,
     "Poussées, fatigue, traitements et vie professionnelle : les personnes vivant avec une SEP "
     "et leurs proches, entre elles et eux."),
    ("fibromyalgia", "Fibromyalgia", "en", Community.JoiningPolicy.OPEN,
     "Chronic pain that others do not see: sharing what helps, sleep, pacing, and being "
     "believed."),
    ("fibromyalgie", "Fibromyalgie", "fr", Community.JoiningPolicy.OPEN,
     "Une douleur chronique que les autres ne voient pas : partager ce qui aide, le sommeil, "
     "le rythme, et être cru."),
    ("crohns-disease", "Crohn's disease", "en", Community.JoiningPolicy.OPEN,
     "Flares, diets, surgery and the search for toilets: living with Crohn's disease."),
    ("maladie-de-crohn", "Maladie de Crohn", "fr", Community.JoiningPolicy.APPROVAL,
     "Poussées, alimentation, chirurgie et la quête des toilettes : vivre avec la maladie de "
     "Crohn."),
]

# The curated condition each demo community gathers people around (by its English name).
CONDITIONS = {
    "type-1-diabetes": "Type 1 diabetes", "diabete-de-type-1": "Type 1 diabetes",
    "multiple-sclerosis": "Multiple sclerosis", "sclerose-en-plaques": "Multiple sclerosis",
    "fibromyalgia": "Fibromyalgia", "fibromyalgie": "Fibromyalgia",
    "crohns-disease": "Crohn's disease", "maladie-de-crohn": "Crohn's disease",
}

# (demo member's e-mail, community slug, role, shown on profile); absent members are skipped.
MEMBERSHIPS = [
    ("camille@stent.example", "type-1-diabetes", Membership.Role.MODERATOR, True),
    ("camille@stent.example", "diabete-de-type-1", Membership.Role.MEMBER, False),
    ("sam@stent.example", "type-1-diabetes", Membership.Role.MEMBER, False),
    ("dr.martin@stent.example", "multiple-sclerosis", Membership.Role.MODERATOR, True),
    ("dr.martin@stent.example", "sclerose-en-plaques", Membership.Role.MODERATOR, True),
    ("association@stent.example", "crohns-disease", Membership.Role.MODERATOR, True),
    ("association@stent.example", "maladie-de-crohn", Membership.Role.MODERATOR, True),
]
ASSOCIATIONS = [("association@stent.example", ["crohns-disease", "maladie-de-crohn"])]


def create_demo_communities():
    for slug, name, language, policy, description in COMMUNITIES:
        if not Community.objects.filter(slug=slug).exists():
            create_community(name=name, slug=slug, language=language, joining_policy=policy,
                             description=description)
    create_conditions()
    for slug, condition_name in CONDITIONS.items():
        condition = Condition.objects.get(slug=slugify(condition_name))
        Community.objects.get(slug=slug).conditions.add(condition)
    users = get_user_model().objects
    for email, slug, role, shown in MEMBERSHIPS:
        member = users.filter(email=email).first()
        if member is not None:
            Membership.objects.get_or_create(
                community=Community.objects.get(slug=slug), member=member,
                defaults={"role": role, "shown_on_profile": shown, "joined_at": timezone.now()})
    for email, slugs in ASSOCIATIONS:
        association = users.filter(email=email).first()
        if association is not None:
            association.animated_communities.add(*Community.objects.filter(slug__in=slugs))
