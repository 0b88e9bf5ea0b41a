"""Demo members and the conditions vocabulary (development mode only, idempotent)."""
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from core.identity.models import Condition, MemberKind, Profile
from core.privacy.audiences import Audience

# The curated vocabulary: English name, French name.
CONDITIONS = {
    "Type 1 diabetes": "Diabète de type 1", "Multiple sclerosis": "Sclérose en plaques",
    "Crohn's disease": "Maladie de Crohn", "Cystic fibrosis": "Mucoviscidose",
    "Epilepsy": "Épilepsie", "Rheumatoid arthritis": "Polyarthrite rhumatoïde",
    "Sickle cell disease": "Drépanocytose", "Parkinson's disease": "Maladie de Parkinson",
    "Fibromyalgia": "Fibromyalgie",
}

DEMO_MEMBERS = [
    {"email": "camille@stent.example", "handle": "camille-t1d", "kind": MemberKind.PATIENT,
     "language": "fr", "display_name": "Camille",
     "bio": "Diabétique de type 1 depuis 15 ans, j'aime partager mes astuces de tous les jours.",
     "conditions": ["Type 1 diabetes"], "kind_audience": Audience.MEMBERS,
     "conditions_audience": Audience.COMMUNITY},
    {"email": "sam@stent.example", "handle": "sam-cares", "kind": MemberKind.RELATIVE,
     "language": "en", "display_name": "Sam",
     "bio": "Caring for my daughter, who lives with cystic fibrosis.",
     "conditions": ["Cystic fibrosis"], "kind_audience": Audience.MEMBERS},
    {"email": "dr.martin@stent.example", "handle": "dr-martin", "kind": MemberKind.PROFESSIONAL,
     "language": "fr", "display_name": "Dr Martin", "real_name": "Claire Martin",
     "bio": "Neurologue à Lyon, je réponds aux questions générales sur la sclérose en plaques.",
     "conditions": [], "kind_audience": Audience.PUBLIC, "real_name_audience": Audience.MEMBERS,
     "verified": True, "audience": Audience.PUBLIC},
    {"email": "association@stent.example", "handle": "crohn-together",
     "kind": MemberKind.ASSOCIATION, "language": "en", "display_name": "Crohn Together",
     "bio": "A patient association supporting people with Crohn's disease and their families.",
     "conditions": ["Crohn's disease"], "kind_audience": Audience.PUBLIC,
     "conditions_audience": Audience.PUBLIC, "audience": Audience.PUBLIC},
]


#: The staff roles' demo accounts, created by the apps owning the roles (moderation, cms).
EDITOR_EMAIL = "editor@stent.example"
REVIEWER_EMAIL = "reviewer@stent.example"
MODERATOR_EMAIL = "moderator@stent.example"
STAFF_LOGINS = [
    ("editor", EDITOR_EMAIL, "Wagtail editor: pages, images, conditions under Snippets"),
    ("reviewer", REVIEWER_EMAIL, "medical reviewer: approves pages in review"),
    ("moderator", MODERATOR_EMAIL, "site moderator: reports, petitions and campaigns in review"),
]


def demo_logins() -> list[str]:
    """One line per role: the members', then the staff's (the administrator's is printed by
    ``stent_welcome`` from its setting)."""
    password = settings.STENT_DEMO_PASSWORD
    members = [f"{member['kind'].label.lower():<21} {member['email']} / {password} "
               f"(@{member['handle']})" for member in DEMO_MEMBERS]
    staff = [f"{role:<21} {email} / {password} ({what})" for role, email, what in STAFF_LOGINS]
    return members + staff


def demo_account(email, *groups, is_staff=False):
    """A demo account with a verified primary e-mail (the headless login refuses others)."""
    user, created = get_user_model().objects.get_or_create(email=email)
    if created:
        user.set_password(settings.STENT_DEMO_PASSWORD)
        user.is_staff = is_staff
        user.save(update_fields=["password", "is_staff"])
    EmailAddress.objects.update_or_create(user=user, email=email,
                                          defaults={"verified": True, "primary": True})
    user.groups.add(*groups)
    return user


def create_conditions() -> None:
    """The demo vocabulary, named in English and French (a blank French name is filled in)."""
    for name, name_fr in CONDITIONS.items():
        condition, _created = Condition.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "name_fr": name_fr})
        if not condition.name_fr:
            condition.name_fr = name_fr
            condition.save(update_fields=["name_fr"])


def create_demo_members() -> None:
    """Create each demo member once, with a verified e-mail; never outside development mode."""
    if not settings.DEBUG:
        return
    create_conditions()
    for spec in DEMO_MEMBERS:
        spec = dict(spec)
        email, conditions = spec.pop("email"), spec.pop("conditions")
        verified = spec.pop("verified", False)
        user, created = get_user_model().objects.get_or_create(email=email)
        if not created:
            continue
        user.set_password(settings.STENT_DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        Profile.objects.filter(user=user).update(
            **spec, verified_at=timezone.now() if verified else None)
        user.profile.refresh_from_db()
        user.profile.conditions.set(list(Condition.objects.filter(name__in=conditions)))
