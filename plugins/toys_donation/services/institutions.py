"""Registering institutions and wards, verifying them, and managing wishlists."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import Conflict, Invalid, NotAllowed
from core.privacy.audiences import Audience
from plugins.toys_donation import notifications
from plugins.toys_donation.models import Institution, Ward, WishlistItem


@transaction.atomic
def register_institution(member, **fields) -> Institution:
    """A member registers an institution: public once a moderator verifies it."""
    return Institution.objects.create(owner=member, audience=Audience.PUBLIC, **fields)


@transaction.atomic
def verify_institution(institution) -> Institution:
    locked = Institution.objects.select_for_update().get(pk=institution.pk)
    if locked.verified_at is not None:
        raise Conflict(_("This institution is already verified."))
    locked.verified_at = timezone.now()
    locked.save(update_fields=["verified_at", "updated_at"])
    notifications.institution_verified(locked)
    return locked


def check_may_manage_institution(member, institution) -> None:
    if institution.owner_id != member.pk and not institution.wards.filter(
            managers=member).exists():
        raise NotAllowed(_("Only the institution's registrant or its wards' managers may do "
                           "this."))


@transaction.atomic
def add_ward(member, institution, **fields) -> Ward:
    """A ward of the institution, managed by the member who adds it."""
    check_may_manage_institution(member, institution)
    if not (fields.get("accepts_dropoff", True) or fields.get("accepts_shipping", True)):
        raise Invalid("accepts_shipping", _("A ward accepts drop-off, shipping or both."))
    ward = Ward.objects.create(institution=institution, **fields)
    ward.managers.add(member)
    return ward


def check_manager(member, ward) -> None:
    if not ward.managers.filter(pk=member.pk).exists():
        raise NotAllowed(_("Only the ward's managers may do this."))


@transaction.atomic
def add_manager(member, ward, new_manager) -> Ward:
    check_manager(member, ward)
    ward.managers.add(new_manager)
    return ward


@transaction.atomic
def update_ward(member, ward, **fields) -> Ward:
    check_manager(member, ward)
    for name, value in fields.items():
        setattr(ward, name, value)
    if not (ward.accepts_dropoff or ward.accepts_shipping):
        raise Invalid("accepts_shipping", _("A ward accepts drop-off, shipping or both."))
    ward.save()
    return ward


def _check_ages(age_min, age_max) -> None:
    if age_min > age_max:
        raise Invalid("age_max", _("The maximum age is below the minimum age."))


@transaction.atomic
def add_item(member, ward, **fields) -> WishlistItem:
    check_manager(member, ward)
    _check_ages(fields.get("age_min", 0), fields.get("age_max", 18))
    return WishlistItem.objects.create(ward=ward, **fields)


@transaction.atomic
def update_item(member, item, **fields) -> WishlistItem:
    """Change an item; its need never drops below what donors already pledged."""
    check_manager(member, item.ward)
    locked = WishlistItem.objects.select_for_update().get(pk=item.pk)
    for name, value in fields.items():
        setattr(locked, name, value)
    _check_ages(locked.age_min, locked.age_max)
    if locked.quantity_needed < locked.quantity_pledged:
        raise Invalid("quantity_needed", _("Donors already pledged %(count)d: the need cannot "
                                           "be lower.") % {"count": locked.quantity_pledged})
    locked.save()
    return locked
