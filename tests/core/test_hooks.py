"""The manager calls hooks of throwaway plugins registered for the duration of one test."""
from django.utils import translation

from core.hookspecs import hookimpl
from core.plugins import call_each, collect, get_manager


class Marker:
    """Stands for a model or class a plugin would return."""


def test_hook_stent_page_types_are_collected_from_every_plugin(register):
    class PagesPlugin:
        @hookimpl
        def stent_page_types(self):
            return [Marker]

    register(PagesPlugin(), "pages_plugin")
    assert Marker in collect("stent_page_types")


def test_hook_stent_search_models_are_collected_from_every_plugin(register):
    class SearchPlugin:
        @hookimpl
        def stent_search_models(self):
            return [Marker]

    register(SearchPlugin(), "search_plugin")
    assert collect("stent_search_models").count(Marker) == 1


def test_hook_stent_privacy_handlers_are_collected_from_every_plugin(register):
    class PrivacyPlugin:
        @hookimpl
        def stent_privacy_handlers(self):
            return [Marker]

    register(PrivacyPlugin(), "privacy_plugin")
    assert Marker in collect("stent_privacy_handlers")


def test_hook_stent_add_hookspecs_lets_plugins_extend_each_other(register):
    import pluggy

    spec = pluggy.HookspecMarker("stent")

    class ThrowawaySpecs:
        @spec
        def throwaway_reward_kinds(self):
            """Return reward kinds."""

    class Crowdfunding:
        @hookimpl
        def stent_add_hookspecs(self, pm):
            pm.add_hookspecs(ThrowawaySpecs)

    class Toys:
        @hookimpl(optionalhook=True)
        def throwaway_reward_kinds(self):
            return ["toy"]

    register(Crowdfunding(), "crowdfunding_test")
    register(Toys(), "toys_test")
    assert get_manager().hook.throwaway_reward_kinds() == [["toy"]]


def test_call_each_tells_which_plugin_answered(register):
    class Answering:
        @hookimpl
        def stent_search_models(self):
            return [Marker]

    register(Answering(), "answering")
    assert ("answering", [Marker]) in list(call_each("stent_search_models"))


def test_hook_stent_consent_purposes_declares_and_extends_purposes(register):
    from core.privacy.purposes import ConsentPurpose, consent_purposes

    class JournalPlugin:
        @hookimpl
        def stent_consent_purposes(self):
            return [ConsentPurpose("journal_test", label="Keeping a health journal",
                                   covers="Your journal entries."),
                    ConsentPurpose("health_data", covers="Your journal's symptoms.",
                                   on_withdrawal="The journal stops charting them.")]

    register(JournalPlugin(), "journal_plugin")
    with translation.override("en"):
        purposes = consent_purposes()
        assert purposes["journal_test"].label == "Keeping a health journal"
        assert purposes["health_data"].covers_text.endswith("Your journal's symptoms.")
        assert "The journal stops charting them." in purposes["health_data"].on_withdrawal_text
        assert "The conditions on your profile." in purposes["health_data"].covers_text


def test_a_consent_purpose_declared_twice_or_extended_undeclared_is_refused(register):
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from core.privacy.purposes import ConsentPurpose, consent_purposes

    class Twice:
        @hookimpl
        def stent_consent_purposes(self):
            return [ConsentPurpose("email_news", label="Again", covers="x")]

    register(Twice(), "twice_plugin")
    with pytest.raises(ImproperlyConfigured, match="declared twice"):
        consent_purposes()


def test_a_consent_purpose_extended_but_never_declared_is_refused(register):
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from core.privacy.purposes import ConsentPurpose, consent_purposes

    class Orphan:
        @hookimpl
        def stent_consent_purposes(self):
            return [ConsentPurpose("nobody_declares_it", covers="x")]

    register(Orphan(), "orphan_plugin")
    with pytest.raises(ImproperlyConfigured, match="declared by no enabled app"):
        consent_purposes()
