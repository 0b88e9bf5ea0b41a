"""Hook implementations of the crowdfunding plugin: the only module the core loads."""
from core.hookspecs import hookimpl


@hookimpl
def stent_add_hookspecs(pm):
    from plugins.crowdfunding import hookspecs

    pm.add_hookspecs(hookspecs)


@hookimpl
def stent_api_urls():
    from plugins.crowdfunding.api.urls import urlpatterns

    return urlpatterns


@hookimpl
def crowdfunding_payment_providers():
    from plugins.crowdfunding.providers.manual import ManualTransferProvider
    from plugins.crowdfunding.providers.stripe import StripeProvider

    return [ManualTransferProvider(), StripeProvider()]


@hookimpl
def stent_notification_kinds():
    from plugins.crowdfunding.notifications import notification_kinds

    return notification_kinds()


@hookimpl
def stent_privacy_handlers():
    from plugins.crowdfunding.privacy import CrowdfundingPrivacyHandler

    return [CrowdfundingPrivacyHandler]


@hookimpl
def stent_search_models():
    from plugins.crowdfunding.models import Campaign

    return [Campaign]


@hookimpl
def stent_periodic_tasks():
    from datetime import timedelta

    from core.periodic import PeriodicTask
    from plugins.crowdfunding.tasks import end_due_campaigns_task

    return [PeriodicTask(name="crowdfunding.end_due_campaigns", task=end_due_campaigns_task,
                         interval=timedelta(minutes=15),
                         description="End campaigns past their end and grace period.")]


@hookimpl
def stent_demo_data(seed):
    from plugins.crowdfunding.demo import create_demo_campaigns

    create_demo_campaigns(seed)
