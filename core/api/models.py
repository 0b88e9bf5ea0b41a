"""The API foundation's own records: idempotency keys of retried writes, periodic jobs' runs."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework.utils.encoders import JSONEncoder


class IdempotencyRecord(models.Model):
    """One write a member sent with an ``Idempotency-Key``: what it was, and what it answered.

    ``status_code`` stays null while the first request runs; the unique constraint makes a
    concurrent twin fail to claim the key instead of running the write a second time.
    """

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    scope = models.CharField(_("scope"), max_length=100)
    key = models.CharField(_("key"), max_length=255)
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("path"), max_length=2000)
    body_hash = models.CharField(_("hash of the body"), max_length=64)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    response_body = models.JSONField(_("response body"), null=True, blank=True,
                                     encoder=JSONEncoder)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("idempotency record")
        verbose_name_plural = _("idempotency records")
        constraints = [models.UniqueConstraint(fields=["member", "scope", "key"],
                                               name="idempotency_key_once_per_member_scope")]

    def __str__(self):
        return f"{self.scope}: {self.key}"


class PeriodicRun(models.Model):
    """When a periodic job (``core.periodic``) was last enqueued: one row per job name."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    last_run_at = models.DateTimeField(_("last enqueued at"))

    class Meta:
        verbose_name = _("periodic run")
        verbose_name_plural = _("periodic runs")

    def __str__(self):
        return self.name
