"""The purposes a member consents to, one by one: the one place they are declared, with the
data each covers and what withdrawing the consent does."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """Each purpose needs its own explicit consent; none is granted by default."""

    HEALTH_DATA = "health_data", _("Storing and using the health data I enter")
    RESEARCH_SURVEYS = "research_surveys", _("Being invited to research surveys")
    EMAIL_NEWS = "email_news", _("Receiving news by e-mail")


#: purpose -> (the data it covers, what withdrawing the consent does to what is stored)
PURPOSE_DETAILS = {
    Purpose.HEALTH_DATA: (
        _("The conditions on your profile, and any health information a service asks for."),
        _("From the moment you withdraw it, your conditions are shown to no one and you cannot "
          "add new ones. What is stored stays yours: remove it from your profile, or erase "
          "your account (DELETE /api/v1/me/) to remove everything."),
    ),
    Purpose.RESEARCH_SURVEYS: (
        _("Your answers to research surveys."),
        _("From the moment you withdraw it, you cannot answer research surveys. Answers you "
          "already submitted stay counted, linked to no one; withdraw a response from its "
          "survey while it is open, or erase your account, to remove it."),
    ),
    Purpose.EMAIL_NEWS: (
        _("Your e-mail address, for news."),
        _("From the moment you withdraw it, you receive no more news by e-mail."),
    ),
}
