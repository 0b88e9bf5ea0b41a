"""The purposes a member consents to, one by one: the one place they are declared."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """Each purpose needs its own explicit consent; none is granted by default."""

    HEALTH_DATA = "health_data", _("Storing and using the health data I enter")
    RESEARCH_SURVEYS = "research_surveys", _("Being invited to research surveys")
    EMAIL_NEWS = "email_news", _("Receiving news by e-mail")
