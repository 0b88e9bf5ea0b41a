"""Accounts, member profiles, the conditions vocabulary, circles and professional verification."""
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.files.storage import storages
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from core.identity.validators import validate_handle, validate_registry_number
from core.privacy.audiences import DEFAULT_AUDIENCE, Audience


class StentUserManager(UserManager):
    """Creates users keyed by e-mail (there is no username)."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account. Its e-mail is returned to its owner only; members appear by handle."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = StentUserManager()

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self):
        # Admin screens (choosers, histories, listings) name people this way: by handle, so
        # that an editor or a moderator never reads another member's e-mail address.
        return self.get_full_name()

    def get_full_name(self):
        """The handle: the one name everyone may see (Wagtail's admin shows this for a user).
        The display name has its own audience, so it is not used here."""
        try:
            profile = self.profile
        except ObjectDoesNotExist:
            return _("account %(id)s") % {"id": self.pk}
        return profile.handle

    def get_short_name(self):
        return self.get_full_name()


class CircleMembership(models.Model):
    """The owner invited a relative, caregiver or professional into their circle."""

    class Relation(models.TextChoices):
        RELATIVE = "relative", _("Relative")
        CAREGIVER = "caregiver", _("Caregiver")
        PROFESSIONAL = "professional", _("Health professional")

    class Status(models.TextChoices):
        PENDING = "pending", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    owner = models.ForeignKey("identity.User", on_delete=models.CASCADE,
                              related_name="circle_invitations_sent")
    member = models.ForeignKey("identity.User", on_delete=models.CASCADE,
                               related_name="circle_invitations_received")
    relation = models.CharField(_("relation"), max_length=16, choices=Relation.choices)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.PENDING)
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("circle membership")
        verbose_name_plural = _("circle memberships")
        constraints = [
            models.UniqueConstraint(fields=["owner", "member"], name="one_circle_link_per_pair"),
            models.CheckConstraint(condition=~models.Q(owner=models.F("member")),
                                   name="no_self_circle"),
        ]

    @classmethod
    def owners_sharing_with(cls, user):
        """Subquery of the members whose `circle` content the user may see."""
        return cls.objects.filter(member=user, status=cls.Status.ACCEPTED).values("owner_id")


class Condition(TagBase):
    """A condition from the curated vocabulary editors manage; members pick from it only.

    ``name`` is its English name; each other content language has a field of its own
    (``TRANSLATED_NAMES``), left blank where the English name is shown instead.
    """

    TRANSLATED_NAMES = {"fr": "name_fr"}

    name_fr = models.CharField(_("French name"), max_length=100, blank=True,
                               help_text=_("Shown to readers in French; blank: the name."))

    def name_in(self, language: str | None) -> str:
        """Its name for a reader of ``language`` (a code such as "fr" or "fr-ca")."""
        field = self.TRANSLATED_NAMES.get((language or "").split("-")[0])
        return (getattr(self, field) if field else "") or self.name

    @classmethod
    def name_in_sql(cls, language: str | None):
        """``name_in`` as a database expression, to order by it."""
        field = cls.TRANSLATED_NAMES.get((language or "").split("-")[0])
        if field is None:
            return models.F("name")
        return Coalesce(NullIf(models.F(field), models.Value("")), models.F("name"))

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        ordering = ["name"]


class TaggedCondition(TaggedItemBase):
    """Links a profile to one of the conditions it lists."""

    tag = models.ForeignKey(Condition, on_delete=models.CASCADE, related_name="tagged_profiles")
    content_object = models.ForeignKey("identity.Profile", on_delete=models.CASCADE,
                                       related_name="tagged_conditions")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"],
                                               name="one_tag_per_profile_condition")]


def private_storage():
    return storages["private"]


def avatar_path(profile, filename):
    """A random name: an avatar URL reveals neither its owner nor how many members there are."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"avatars/{uuid.uuid4().hex}.{extension}"


class MemberKind(models.TextChoices):
    PATIENT = "patient", _("Patient")
    RELATIVE = "relative", _("Relative or caregiver")
    PROFESSIONAL = "professional", _("Health professional")
    ASSOCIATION = "association", _("Association")


class Profile(models.Model):
    """What a member shows of themself; each field has its own audience.

    The profile's ``audience`` says who may see it at all; a field's audience narrows that further
    (a field can never be seen by someone who may not see the profile). The rule deciding what a
    viewer sees lives in ``core.identity.visibility``.
    """

    Kind = MemberKind

    #: Fields that have their own audience, with its default (health-sensitive ones private).
    AUDIENCED_FIELDS = {
        "display_name": Audience.MEMBERS,
        "real_name": Audience.PRIVATE,
        "bio": Audience.MEMBERS,
        "avatar": Audience.MEMBERS,
        "kind": Audience.PRIVATE,
        "conditions": Audience.PRIVATE,
        "language": Audience.PRIVATE,
        "region": Audience.PRIVATE,
    }

    user = models.OneToOneField("identity.User", on_delete=models.CASCADE,
                                related_name="profile", verbose_name=_("account"))
    handle = models.CharField(_("handle"), max_length=30,
                              validators=[validate_handle],
                              help_text=_("Your pseudonym: what other members see."))
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    real_name = models.CharField(_("real name"), max_length=150, blank=True)
    bio = models.TextField(_("about me"), max_length=2000, blank=True)
    # Private storage: the avatar is only served by the API after checking its audience.
    avatar = models.ImageField(_("avatar"), storage=private_storage, upload_to=avatar_path,
                               blank=True)
    kind = models.CharField(_("member kind"), max_length=16, choices=Kind.choices, blank=True)
    conditions = TaggableManager(through=TaggedCondition, blank=True,
                                 verbose_name=_("conditions"))
    language = models.CharField(_("preferred language"), max_length=8,
                                choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
    region = models.CharField(
        _("region"), max_length=120, blank=True,
        help_text=_("Where you live (a region or a county, as you name it). Never shown unless "
                    "you choose so; surveys count it only in groups large enough."))
    verified_at = models.DateTimeField(_("professional verified at"), null=True, blank=True,
                                       editable=False)
    audience = models.CharField(_("who may see my profile"), max_length=16,
                                choices=Audience.choices, default=Audience.MEMBERS)
    default_audience = models.CharField(_("default audience of what I post"), max_length=16,
                                        choices=Audience.choices, default=DEFAULT_AUDIENCE)
    display_name_audience = models.CharField(max_length=16, choices=Audience.choices,
                                             default=AUDIENCED_FIELDS["display_name"])
    real_name_audience = models.CharField(max_length=16, choices=Audience.choices,
                                          default=AUDIENCED_FIELDS["real_name"])
    bio_audience = models.CharField(max_length=16, choices=Audience.choices,
                                    default=AUDIENCED_FIELDS["bio"])
    avatar_audience = models.CharField(max_length=16, choices=Audience.choices,
                                       default=AUDIENCED_FIELDS["avatar"])
    kind_audience = models.CharField(max_length=16, choices=Audience.choices,
                                     default=AUDIENCED_FIELDS["kind"])
    conditions_audience = models.CharField(max_length=16, choices=Audience.choices,
                                           default=AUDIENCED_FIELDS["conditions"])
    language_audience = models.CharField(max_length=16, choices=Audience.choices,
                                         default=AUDIENCED_FIELDS["language"])
    region_audience = models.CharField(max_length=16, choices=Audience.choices,
                                       default=AUDIENCED_FIELDS["region"])
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [models.UniqueConstraint(Lower("handle"), name="handle_unique_ignoring_case")]

    def __str__(self):
        return self.handle

    def field_audience(self, field: str) -> str:
        return getattr(self, f"{field}_audience")

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


def verification_document_path(request, filename):
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"verification/{uuid.uuid4().hex}.{extension}"


class VerificationRequest(models.Model):
    """A health professional asks to be verified with their registry number and a document."""

    class Registry(models.TextChoices):
        RPPS = "rpps", _("RPPS (France)")
        INAMI = "inami", _("INAMI/RIZIV (Belgium)")

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey("identity.User", on_delete=models.CASCADE,
                               related_name="verification_requests", verbose_name=_("member"))
    registry = models.CharField(_("registry"), max_length=8, choices=Registry.choices)
    registry_number = models.CharField(_("registry number"), max_length=11,
                                       validators=[validate_registry_number])
    document = models.FileField(_("document"), storage=private_storage,
                                upload_to=verification_document_path)
    state = models.CharField(_("state"), max_length=16, choices=State.choices,
                             default=State.PENDING, db_index=True)
    reason = models.TextField(_("reason of the decision"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey("identity.User", on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("reviewed by"))

    class Meta:
        verbose_name = _("professional verification")
        verbose_name_plural = _("professional verifications")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(
            fields=["member"], condition=models.Q(state="pending"),
            name="one_pending_verification_per_member")]

    def __str__(self):
        return f"{self.get_registry_display()} {self.registry_number}"

    @property
    def member_handle(self) -> str:
        """Reviewers see the member's handle, not their e-mail."""
        return self.member.profile.handle


class ErasedHandle(models.Model):
    """The keyed hash of an erased member's handle: nobody may take it while it is reserved
    (``STENT_ERASED_HANDLE_DAYS``, default forever), so old mentions and named signatures never
    point to someone else. The handle itself is not kept (``core.identity.handles``)."""

    digest = models.CharField(max_length=64, unique=True, editable=False)
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("erased handle")
        verbose_name_plural = _("erased handles")

    def __str__(self):
        return self.digest[:12]
