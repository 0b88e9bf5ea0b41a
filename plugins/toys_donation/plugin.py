"""Hook implementations of the toys_donation plugin: the only module the core loads."""
from datetime import timedelta

from core.hookspecs import hookimpl


@hookimpl
def stent_api_urls():
    from plugins.toys_donation.api.urls import urlpatterns_now

    return urlpatterns_now()


@hookimpl
def stent_notification_kinds():
    from plugins.toys_donation.notifications import notification_kinds

    return notification_kinds()


@hookimpl
def stent_privacy_handlers():
    from plugins.toys_donation.privacy import ToysDonationPrivacyHandler

    return [ToysDonationPrivacyHandler]


@hookimpl
def stent_search_models():
    from plugins.toys_donation.models import Institution

    return [Institution]


@hookimpl
def stent_periodic_tasks():
    from core.periodic import PeriodicTask
    from plugins.toys_donation.tasks import expire_pledges

    return [PeriodicTask(name="toys_donation.expire_pledges", task=expire_pledges,
                         interval=timedelta(minutes=30),
                         description="Pledges not sent in time expire and free their quantity.")]


@hookimpl
def stent_demo_data(seed):
    from plugins.toys_donation.demo import create_demo_content

    create_demo_content(seed)


@hookimpl(optionalhook=True)
def crowdfunding_reward_kinds():
    """Only called when crowdfunding is enabled (it declares this hook)."""
    from plugins.toys_donation.reward_kinds import ToyDonationRewardKind

    return [ToyDonationRewardKind()]
