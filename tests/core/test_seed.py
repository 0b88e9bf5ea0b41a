"""`stent_seed` runs every stent_demo_data hook, once or twice, without duplicates."""
import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=False)


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if not model._meta.label.startswith(("sessions.", "admin."))}


def test_hook_stent_demo_data_seeds_idempotently(settings, capsys):
    settings.DEBUG = True
    call_command("stent_seed", verbosity=1)
    first = row_counts()
    call_command("stent_seed", verbosity=1)
    assert row_counts() == first
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    admin = user_model.objects.get(email=settings.STENT_DEMO_ADMIN_EMAIL)
    assert admin.is_superuser and admin.check_password(settings.STENT_DEMO_PASSWORD)
    assert list(admin.emailaddress_set.values_list("email", "verified", "primary")) == [
        (settings.STENT_DEMO_ADMIN_EMAIL, True, True)]
    captured = capsys.readouterr()
    assert "Seeding demo content" in captured.err  # the progress bar
    assert "Demo content is ready." in captured.out


def test_no_demo_account_outside_development(settings):
    from core.demo import create_demo_admin

    settings.DEBUG = False
    assert create_demo_admin() is None
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    assert not user_model.objects.filter(email=settings.STENT_DEMO_ADMIN_EMAIL).exists()


def test_demo_admin_signs_in_through_the_headless_login(settings, client):
    from core.demo import create_demo_admin

    settings.DEBUG = True
    create_demo_admin()
    create_demo_admin()  # a second seed leaves one verified address
    login = client.post("/api/v1/auth/app/v1/auth/login",
                        {"email": settings.STENT_DEMO_ADMIN_EMAIL,
                         "password": settings.STENT_DEMO_PASSWORD},
                        content_type="application/json")
    assert login.status_code == 200, login.json()
    assert login.json()["meta"]["session_token"]
