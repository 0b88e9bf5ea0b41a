"""With REDIS_URL, API throttles (and everything else in the cache) are shared through Redis and
sessions are cached_db: in the database, read through the cache."""
import pytest
import redis

from tests.core.runtime.processes import redis_unreachable_reason
from tests.stent_process import manage, request_in_process

REDIS_DB_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def redis_db():
    reason = redis_unreachable_reason()
    if reason:
        pytest.skip(reason)
    client = redis.Redis.from_url(REDIS_DB_URL)
    client.flushdb()
    yield client
    client.flushdb()


def test_api_throttle_counters_live_in_redis(redis_db):
    out = request_in_process(["GET /api/v1/"], REDIS_URL=REDIS_DB_URL)
    assert out["GET /api/v1/"]["status"] == 200
    keys = {key.decode() for key in redis_db.keys("*")}
    assert "stent:1:throttle_anon_127.0.0.1" in keys, keys


def test_sessions_are_cached_db_with_redis_and_plain_db_without(redis_db):
    script = ("from django.conf import settings; "
              "print(settings.SESSION_ENGINE, settings.CACHES['default']['BACKEND'])")
    with_redis = manage("shell", "--no-imports", "-c", script, REDIS_URL=REDIS_DB_URL)
    assert with_redis.stdout.split() == ["django.contrib.sessions.backends.cached_db",
                                         "django.core.cache.backends.redis.RedisCache"]
    without = manage("shell", "--no-imports", "-c", script, REDIS_URL="")
    assert without.stdout.split() == ["django.contrib.sessions.backends.db",
                                      "django.core.cache.backends.locmem.LocMemCache"]
