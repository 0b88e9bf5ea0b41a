"""Hook implementations of the exchange plugin: the only module the core loads."""
from datetime import timedelta

from core.hookspecs import hookimpl


@hookimpl
def stent_api_urls():
    from plugins.exchange.api.urls import urlpatterns

    return urlpatterns


@hookimpl
def stent_notification_kinds():
    from plugins.exchange.notifications import notification_kinds

    return notification_kinds()


@hookimpl
def stent_privacy_handlers():
    from plugins.exchange.privacy import ExchangePrivacyHandler

    return [ExchangePrivacyHandler]


@hookimpl
def stent_search_models():
    from plugins.exchange.models import Listing

    return [Listing]


@hookimpl
def stent_periodic_tasks():
    from core.periodic import PeriodicTask
    from plugins.exchange.tasks import expire_listings, remind_loan_returns

    return [
        PeriodicTask(name="exchange.expire_listings", task=expire_listings,
                     interval=timedelta(minutes=15),
                     description="Listings past their date leave lists and search."),
        PeriodicTask(name="exchange.remind_loan_returns", task=remind_loan_returns,
                     interval=timedelta(hours=6),
                     description="Borrowers hear once before a loan's return date."),
    ]


@hookimpl
def stent_demo_data(seed):
    from plugins.exchange.demo import create_demo_exchange

    create_demo_exchange(seed)
