"""The identity PrivacyHandler (export, erasure) and the re-authentication check."""
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (TOTP, format_hotp_value, generate_totp_secret,
                                            hotp_value)
from django.core.files.base import ContentFile

from core.identity.models import Condition, Profile, VerificationRequest
from core.identity.privacy import IdentityPrivacyHandler
from core.errors import Invalid
from core.privacy.reauthentication import check_reauthentication
from core.plugins import collect
from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture
def member(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STENT_PRIVATE_ROOT = tmp_path / "private"
    user = UserFactory(email="export@stent.example")
    profile = user.profile
    profile.real_name, profile.bio = "Jeanne Secret", "Ma vie avec la SEP"
    profile.avatar.save("a.png", ContentFile(b"png"), save=True)
    profile.conditions.set([Condition.objects.create(name="Multiple sclerosis",
                                                     slug="multiple-sclerosis")])
    request = VerificationRequest(member=user, registry="rpps", registry_number="10101234567")
    request.document.save("doc.pdf", ContentFile(b"%PDF-"), save=False)
    request.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP,
                                 data={"secret": "SHOULD-NEVER-BE-EXPORTED"})
    return user


def test_hook_stent_privacy_handlers_lists_the_identity_handler():
    assert IdentityPrivacyHandler in collect("stent_privacy_handlers")
    assert {Profile, VerificationRequest, EmailAddress, Authenticator} <= set(
        IdentityPrivacyHandler.models)


@pytest.mark.django_db
def test_export_has_every_field_and_no_secret(member):
    export = IdentityPrivacyHandler().export(member)
    assert export["account"]["email"] == "export@stent.example"
    assert export["profile"]["real_name"] == "Jeanne Secret"
    assert export["profile"]["conditions"] == ["Multiple sclerosis"]
    assert set(export["profile"]) >= {f.name for f in Profile._meta.concrete_fields} - {"id",
                                                                                           "user"}
    assert export["verification_requests"][0]["registry_number"] == "10101234567"
    assert export["email_addresses"] == [{"email": "export@stent.example", "verified": True,
                                          "primary": True}]
    assert [a["type"] for a in export["authenticators"]] == ["totp"]
    assert "SHOULD-NEVER-BE-EXPORTED" not in repr(export)
    import json

    json.dumps(export)  # the export is plain JSON


@pytest.mark.django_db(transaction=True)
def test_erase_removes_rows_and_files(member, tmp_path):
    from django.db import transaction

    files = [member.profile.avatar.path,
             VerificationRequest.objects.get().document.path]
    with transaction.atomic():
        IdentityPrivacyHandler().erase(member)
    for model, lookup in ((Profile, "user"), (VerificationRequest, "member"),
                          (EmailAddress, "user"), (Authenticator, "user")):
        assert not model.objects.filter(**{lookup: member}).exists()
    assert not any(__import__("os").path.exists(path) for path in files)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_erasure_keeps_the_files(member):
    from django.db import transaction

    path = member.profile.avatar.path
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            IdentityPrivacyHandler().erase(member)
            raise RuntimeError("another handler failed")
    assert __import__("os").path.exists(path) and Profile.objects.filter(user=member).exists()


@pytest.mark.django_db
def test_reauthentication_with_password_only():
    user = UserFactory()
    check_reauthentication(user, PASSWORD)
    for wrong in ("", None, "nope"):
        with pytest.raises(Invalid) as error:
            check_reauthentication(user, wrong)
        assert "password" in error.value.as_data()


@pytest.mark.django_db
def test_reauthentication_asks_for_the_totp_code_when_enabled(rf):
    from allauth.core import context

    user = UserFactory()
    secret = generate_totp_secret()
    with context.request_context(rf.get("/")):
        TOTP.activate(user, secret)
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    for wrong in (None, "000000" if code != "000000" else "111111"):
        with pytest.raises(Invalid) as error:
            check_reauthentication(user, PASSWORD, wrong)
        assert "totp_code" in error.value.as_data()
    with pytest.raises(Invalid):
        check_reauthentication(user, "nope", code)
    check_reauthentication(user, PASSWORD, code)
    with pytest.raises(Invalid):  # a code is single-use
        check_reauthentication(user, PASSWORD, code)
