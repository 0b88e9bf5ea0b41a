"""The manager calls hooks of throwaway plugins registered for the duration of one test."""
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
