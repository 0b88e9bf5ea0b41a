"""Settings for the test suite: Stent's own, plus a test-only app with an Audienced model."""
from core.settings import *  # noqa: F401,F403
from core.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
