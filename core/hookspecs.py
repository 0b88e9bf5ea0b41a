"""The plugin contract: every hook a Stent plugin may implement, declared in one place."""
import pluggy

hookspec = pluggy.HookspecMarker("stent")
hookimpl = pluggy.HookimplMarker("stent")


@hookspec
def stent_api_urls():
    """Called once when the URLconf loads; return a list of URL patterns.

    The core mounts them at ``/api/v1/<plugin label>/`` under the namespace of the label.
    """


@hookspec
def stent_page_types():
    """Called when the content tree is built; return the Wagtail page models the plugin
    allows under community sections."""


@hookspec
def stent_privacy_handlers():
    """Called for a member's export or erasure; return a list of PrivacyHandler classes."""


@hookspec
def stent_search_models():
    """Called by the site-wide search; return the models whose objects it indexes."""


@hookspec
def stent_notification_kinds():
    """Called when a notification is sent or preferences are listed; return a list of
    ``core.notifications.kinds.NotificationKind`` (keys "<app>.<event>", unique site-wide)."""


@hookspec
def stent_demo_data(seed):
    """Called by ``manage.py stent_seed``; create realistic demo content (idempotent), return
    nothing. ``seed`` makes the random choices repeatable."""


@hookspec(historic=True)
def stent_add_hookspecs(pm):
    """Called once for each plugin as it is registered; a plugin adds its own hookspecs with
    ``pm.add_hookspecs(module)`` so that other plugins can implement them."""


@hookspec
def stent_periodic_tasks():
    """Called by ``manage.py stent_periodic`` (and the scheduler); return a list of
    ``core.periodic.PeriodicTask``: a django-tasks task, its unique name and its interval."""


@hookspec
def stent_consent_purposes():
    """Called whenever consents are listed, given or checked; return a list of
    ``core.privacy.purposes.ConsentPurpose``: a purpose the app declares (with a label), or the
    data it stores under a purpose declared elsewhere (without one)."""
