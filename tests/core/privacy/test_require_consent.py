"""require_consent: special-category features refuse members who have not consented."""
import pytest
from django.utils import translation

from core.errors import NotAllowed
from core.privacy.purposes import Purpose
from core.privacy.services import decide_consent, require_consent
from tests.core.privacy.test_consents import make_policy
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_refused_without_consent_with_a_message_naming_the_purpose_and_where():
    member = UserFactory()
    with pytest.raises(NotAllowed) as error:
        require_consent(member, Purpose.EMAIL_NEWS)
    assert error.value.as_data() == {"detail": (
        "This needs your consent to “Receiving news by e-mail” (purpose "
        "“email_news”). You can give it at /api/v1/me/consents/.")}
    assert error.value.code == "consent_required"


def test_allowed_once_granted_and_refused_again_once_withdrawn():
    member = UserFactory()
    make_policy()
    decide_consent(member, Purpose.HEALTH_DATA, True)
    require_consent(member, Purpose.HEALTH_DATA)
    with pytest.raises(NotAllowed):
        require_consent(member, Purpose.EMAIL_NEWS)
    decide_consent(member, Purpose.HEALTH_DATA, False)
    with pytest.raises(NotAllowed):
        require_consent(member, Purpose.HEALTH_DATA)


def test_the_message_speaks_french():
    with translation.override("fr"), pytest.raises(NotAllowed) as error:
        require_consent(UserFactory(), Purpose.HEALTH_DATA)
    assert "/api/v1/me/consents/" in error.value.message
    assert "consentement" in error.value.message
