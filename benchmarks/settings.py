"""Benchmark settings: the test settings, no throttling, production-like DEBUG off."""
from tests.settings import *  # noqa: F401,F403
from tests.settings import REST_FRAMEWORK

DEBUG = False
ROOT_URLCONF = "benchmarks.urls"
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
