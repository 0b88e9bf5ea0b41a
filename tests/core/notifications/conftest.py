"""A throwaway plugin declaring notification kinds for the duration of a test."""
import pytest

from core.hookspecs import hookimpl
from core.notifications.kinds import NotificationKind
from core.plugins import get_manager


class KindsPlugin:
    @hookimpl
    def stent_notification_kinds(self):
        return [NotificationKind("tests.ping", "A ping"),
                NotificationKind("tests.digest", "A digest", email_by_default=True),
                NotificationKind("tests.security", "A security alert", security=True)]


@pytest.fixture(autouse=True)
def test_kinds():
    plugin = KindsPlugin()
    get_manager().register(plugin, name="tests_kinds")
    yield
    get_manager().unregister(plugin)
