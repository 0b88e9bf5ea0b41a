"""The account model: members sign in with their e-mail; others only ever see a handle."""
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


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
        return self.email


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
