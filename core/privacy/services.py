"""The write-side rules of the privacy policy: consents, and a member's export and erasure."""
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import Conflict, NotAllowed
from core.plugins import collect
from core.privacy.audit import record
from core.privacy.models import Consent, PrivacyPolicyVersion
from core.privacy.purposes import consent_purposes
from core.privacy.signals import consent_withdrawn


def privacy_handlers() -> list:
    """One instance of every PrivacyHandler: the core's and each enabled plugin's."""
    return [handler_class() for handler_class in collect("stent_privacy_handlers")]


def export_member(member) -> dict:
    """Everything Stent holds about ``member``: one section per PrivacyHandler, by identifier."""
    sections = {}
    for handler in privacy_handlers():
        sections[handler.identifier] = {
            "identifier": handler.identifier,
            "verbose_name": str(handler.verbose_name),
            "description": str(handler.description),
            "data": handler.export(member),
        }
    return sections


def erase_member(member) -> None:
    """Erase ``member`` in one transaction: every handler's ``erase``, then the account.

    A failing handler rolls everything back: a member is erased completely or not at all.
    """
    with transaction.atomic():
        for handler in privacy_handlers():
            handler.erase(member)
        member.delete()
        record(None, "privacy.member_erased")


def decide_consent(member, purpose: str, granted: bool) -> tuple[Consent, bool]:
    """Record the member's decision about one purpose, under the policy in force.

    Takes effect at once: the latest decision is the one in force. Repeating the decision in
    force (same answer, same policy version) records nothing new. Returns (decision, recorded).
    """
    policy = PrivacyPolicyVersion.objects.current()
    if policy is None:
        raise Conflict("No privacy policy is in force yet; consent cannot be recorded.")
    with transaction.atomic():
        # Lock the member's row so that two simultaneous decisions are recorded in order.
        get_user_model().objects.select_for_update().filter(pk=member.pk).first()
        latest = (Consent.objects.filter(member=member, purpose=purpose)
                  .order_by("-decided_at").first())
        if latest is not None and latest.granted == granted and (
                not granted or latest.policy_version_id == policy.pk):
            return latest, False
        decision = Consent.objects.create(member=member, purpose=purpose, granted=granted,
                                          policy_version=policy, decided_at=timezone.now())
        if not granted:
            consent_withdrawn.send(sender=Consent, member=member, purpose=purpose)
        return decision, True


def consent_state(member) -> dict:
    """The policy version in force and, per purpose, the decision in force (if any), whether it
    needs renewal, and the history."""
    policy = PrivacyPolicyVersion.objects.current()
    purposes = consent_purposes()
    history = {key: [] for key in purposes}
    for consent in (Consent.objects.filter(member=member).select_related("policy_version")
                    .order_by("-decided_at")):
        history.setdefault(consent.purpose, []).append(consent)
    state = []
    for purpose in purposes.values():
        decisions = history[purpose.key]
        latest = decisions[0] if decisions else None
        granted = bool(latest and latest.granted)
        state.append({
            "purpose": purpose.key,
            "label": str(purpose.label),
            "granted": granted,
            "granted_at": latest.decided_at if granted else None,
            "withdrawn_at": latest.decided_at if latest and not latest.granted else None,
            "policy_version": latest.policy_version.version if latest else None,
            "needs_renewal": bool(granted and policy and latest.policy_version_id != policy.pk),
            "covers": purpose.covers_text,
            "on_withdrawal": purpose.on_withdrawal_text,
            "history": decisions,
        })
    return {"policy_version": policy.version if policy else None, "purposes": state}


def has_consent(member, purpose: str) -> bool:
    """Whether the member's decision in force for ``purpose`` is a grant (for plugins)."""
    latest = (Consent.objects.filter(member=member, purpose=purpose)
              .order_by("-decided_at").values_list("granted", flat=True).first())
    return bool(latest)


def require_consent(member, purpose: str) -> None:
    """Refuse (``NotAllowed``) unless the member's decision in force for ``purpose`` is a grant;
    the message names the purpose and where to give it."""
    if has_consent(member, purpose):
        return
    declared = consent_purposes()
    if purpose not in declared:
        raise ValueError(f"No enabled app declares the consent purpose {purpose!r}.")
    label = declared[purpose].label
    raise NotAllowed(
        _("This needs your consent to “%(label)s” (purpose “%(purpose)s”). You can give it at "
          "%(url)s.") % {"label": label, "purpose": purpose, "url": reverse("me-consents")},
        code="consent_required")
