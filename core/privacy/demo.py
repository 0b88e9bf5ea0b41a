"""Demo content of core.privacy: a first version of the privacy policy, in English and French."""
import datetime

from core.privacy.models import PrivacyPolicyVersion

TEXT_EN = """\
Stent is run for people living with a chronic illness or a disability, their relatives and
caregivers, and the professionals around them. Nothing about you is seen by anyone you did not
choose, and no data is ever sold.

What we keep: your account (e-mail address, sign-in dates), your profile, and what you post,
each with the audience you chose. Health data is stored only with your consent for it.

Your rights: you can download everything we hold about you (Settings > Export), withdraw any
consent at once, and erase your account and your data (Settings > Delete my account).
"""

TEXT_FR = """\
Stent est fait pour les personnes vivant avec une maladie chronique ou un handicap, leurs proches
et aidants, et les professionnels qui les entourent. Rien de ce qui vous concerne n'est vu par
quelqu'un que vous n'avez pas choisi, et aucune donnée n'est jamais vendue.

Ce que nous conservons : votre compte (adresse e-mail, dates de connexion), votre profil, et ce
que vous publiez, chacun avec l'audience que vous avez choisie. Les données de santé ne sont
conservées qu'avec votre consentement.

Vos droits : vous pouvez télécharger tout ce que nous détenons sur vous (Réglages > Export),
retirer un consentement à tout moment, et effacer votre compte et vos données (Réglages >
Supprimer mon compte).
"""


def create_demo_privacy_policy():
    policy, _created = PrivacyPolicyVersion.objects.get_or_create(
        version="2026-01",
        defaults={"effective_date": datetime.date(2026, 1, 1), "text_en": TEXT_EN,
                  "text_fr": TEXT_FR},
    )
    return policy
