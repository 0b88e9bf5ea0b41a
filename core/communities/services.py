"""The rules of communities: creating one with its pages root, joining, leaving, moderating."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Locale, Page, Site

from core.communities import kinds
from core.communities.models import Community, CommunityBan, Membership
from core.communities.pages import CommunityIndexPage
from core.errors import Conflict, Invalid, NotAllowed, NotFound
from core.notifications.services import in_language_of, notify
from core.privacy.audit import record
from core.privacy.registry import is_moderator, site_moderators

#: What a community's editors may do on its pages subtree. No "publish": their pages go live
#: only when the Medical review workflow approves them (WAGTAIL_FINISH_WORKFLOW_ACTION).
EDITOR_PAGE_PERMISSIONS = ("add", "change")


def is_community_moderator(user, community) -> bool:
    """The community's own moderators, and the site's moderators."""
    if user is None or not user.is_authenticated:
        return False
    return is_moderator(user) or Membership.objects.moderators().filter(
        community=community, member=user).exists()


def _pages_locale(language: str) -> Locale:
    """The Wagtail locale of the community's language (the default one when it has none)."""
    return Locale.objects.filter(language_code=language).first() or Locale.get_default()


def _pages_parent(locale) -> Page:
    """The site's home page in the community's locale (its translation), else the home page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return Page.get_first_root_node()
    return site.root_page.get_translation_or_none(locale) or site.root_page


@transaction.atomic
def create_community(*, name, slug, description="", language="en",
                     visibility=Community.Visibility.LISTED,
                     joining_policy=Community.JoiningPolicy.OPEN, moderator=None) -> Community:
    """A community, the root page of its informational pages, and its editors group."""
    locale = _pages_locale(language)
    root_page = _pages_parent(locale).add_child(
        instance=CommunityIndexPage(title=name, slug=slug, locale=locale))
    editors, _created = Group.objects.get_or_create(name=f"{name} editors"[:150])
    editors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                   codename="access_admin"))
    for permission_type in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors, page=root_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore",
                                              codename=f"{permission_type}_page"))
    community = Community.objects.create(
        name=name, slug=slug, description=description, language=language,
        visibility=visibility, joining_policy=joining_policy, root_page=root_page,
        editors=editors)
    if moderator is not None:
        Membership.objects.create(community=community, member=moderator,
                                  status=Membership.Status.ACTIVE,
                                  role=Membership.Role.MODERATOR, joined_at=timezone.now())
    return community


def join(community, member) -> Membership:
    """Open communities: active at once. Approval: a pending request, moderators notified."""
    refuse_if_banned(community, member)
    is_open = community.joining_policy == Community.JoiningPolicy.OPEN
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                community=community, member=member,
                status=Membership.Status.ACTIVE if is_open else Membership.Status.PENDING,
                joined_at=timezone.now() if is_open else None)
    except IntegrityError:
        existing = Membership.objects.filter(community=community, member=member).first()
        if existing and existing.status == Membership.Status.PENDING:
            raise Conflict(_("Your request to join this community is already waiting.")) from None
        raise Conflict(_("You are already a member of this community.")) from None
    if not is_open:
        for moderator in moderators_to_notify(community):
            with in_language_of(moderator):
                notify(moderator, kinds.JOIN_REQUESTED,
                       title=_("New request to join %(community)s") % {"community": community.name},
                       url=f"/communities/{community.slug}/requests/")
    return membership


def moderators_to_notify(community):
    """The community's moderators; the site's moderators when it has none."""
    users = get_user_model().objects.select_related("profile").filter(
        is_active=True, pk__in=Membership.objects.moderators().filter(community=community)
        .values("member_id"))
    return list(users) or list(site_moderators().select_related("profile"))


def leave(community, member) -> None:
    """Leave, or withdraw a request; `community` content is out of reach at once."""
    deleted, _detail = Membership.objects.filter(community=community, member=member).delete()
    if not deleted:
        raise NotFound(_("You are not a member of this community."))


@transaction.atomic
def set_shown_on_profile(community, member, shown: bool) -> Membership:
    membership = _membership_of(community, member, status=Membership.Status.ACTIVE)
    membership.shown_on_profile = shown
    membership.save(update_fields=["shown_on_profile"])
    return membership


def _membership_of(community, member, *, status=None) -> Membership:
    memberships = Membership.objects.select_for_update().filter(community=community,
                                                                member=member)
    if status:
        memberships = memberships.filter(status=status)
    membership = memberships.first()
    if membership is None:
        raise NotFound(_("No such member or request in this community."))
    return membership


def _require_moderator(actor, community):
    if not is_community_moderator(actor, community):
        raise NotAllowed(_("Only this community's moderators may do this."))


@transaction.atomic
def approve(community, actor, member) -> Membership:
    _require_moderator(actor, community)
    membership = _membership_of(community, member, status=Membership.Status.PENDING)
    refuse_if_banned(community, member)
    membership.status = Membership.Status.ACTIVE
    membership.joined_at = timezone.now()
    membership.save(update_fields=["status", "joined_at"])
    with in_language_of(member):
        notify(member, kinds.REQUEST_APPROVED,
               title=_("Welcome to %(community)s") % {"community": community.name},
               url=f"/communities/{community.slug}/")
    return membership


@transaction.atomic
def reject(community, actor, member) -> None:
    _require_moderator(actor, community)
    _membership_of(community, member, status=Membership.Status.PENDING).delete()
    with in_language_of(member):
        notify(member, kinds.REQUEST_REJECTED,
               title=_("Your request to join %(community)s was declined")
               % {"community": community.name})


@transaction.atomic
def set_role(community, actor, member, role) -> Membership:
    """Appoint (role moderator) or revoke (role member) a community moderator."""
    _require_moderator(actor, community)
    membership = _membership_of(community, member, status=Membership.Status.ACTIVE)
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    record(actor, "communities.moderator_appointed" if role == Membership.Role.MODERATOR
           else "communities.moderator_revoked", subject=member, target=community)
    if role == Membership.Role.MODERATOR:
        with in_language_of(member):
            notify(member, kinds.MODERATOR_APPOINTED,
                   title=_("You are now a moderator of %(community)s")
                   % {"community": community.name}, url=f"/communities/{community.slug}/")
    return membership


@transaction.atomic
def remove_member(community, actor, member) -> None:
    _require_moderator(actor, community)
    if member == actor:
        raise Invalid("member", _("To leave the community yourself, use leave."))
    _membership_of(community, member, status=Membership.Status.ACTIVE).delete()
    record(actor, "communities.member_removed", subject=member, target=community)
    with in_language_of(member):
        notify(member, kinds.MEMBER_REMOVED,
               title=_("You were removed from %(community)s") % {"community": community.name})


# --- Bans --------------------------------------------------------------------------------------
def ban_of(community, member):
    """The ban in force keeping ``member`` out of ``community``, or None."""
    return CommunityBan.objects.in_force().filter(community=community, member=member).first()


def refuse_if_banned(community, member) -> None:
    """Every way into a community (joining, an approved request, an invitation) asks this."""
    ban = ban_of(community, member)
    if ban is None:
        return
    if ban.until is None:
        raise NotAllowed(_("You are banned from this community."))
    raise NotAllowed(_("You are banned from this community until %(date)s.")
                     % {"date": formats.date_format(timezone.localtime(ban.until),
                                                    "DATETIME_FORMAT")})


@transaction.atomic
def ban(community, actor, member, *, until=None, reason="") -> CommunityBan:
    """Ban a member (or someone asking to join): out at once, refused until ``until``."""
    _require_moderator(actor, community)
    if member == actor:
        raise Invalid("handle", _("You cannot ban yourself."))
    if until is not None and until <= timezone.now():
        raise Invalid("until", _("The end of a ban must be in the future."))
    if is_community_moderator(member, community):
        raise Invalid("handle", _("Revoke their moderator role before banning them."))
    Membership.objects.filter(community=community, member=member).delete()
    banned, _created = CommunityBan.objects.update_or_create(
        community=community, member=member,
        defaults={"until": until, "reason": reason, "banned_by": actor})
    record(actor, "communities.member_banned", subject=member, target=community,
           detail=f"until {until.isoformat()}" if until else "no end date")
    with in_language_of(member):
        title = (_("You were banned from %(community)s until %(date)s")
                 % {"community": community.name,
                    "date": formats.date_format(timezone.localtime(until), "DATETIME_FORMAT")}
                 if until else _("You were banned from %(community)s")
                 % {"community": community.name})
        notify(member, kinds.MEMBER_BANNED, title=title, body=reason)
    return banned


@transaction.atomic
def lift_ban(community, actor, member) -> None:
    _require_moderator(actor, community)
    deleted, _rows = CommunityBan.objects.filter(community=community, member=member).delete()
    if not deleted:
        raise NotFound(_("This member is not banned from this community."))
    record(actor, "communities.ban_lifted", subject=member, target=community)
