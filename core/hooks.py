"""The core's own implementations of the plugin hooks (its demo data, its periodic jobs)."""
from datetime import timedelta

from core.api.tasks import purge_idempotency_records
from core.demo import create_demo_admin
from core.hookspecs import hookimpl
from core.periodic import PeriodicTask


@hookimpl(tryfirst=True)
def stent_demo_data(seed):
    create_demo_admin()


@hookimpl
def stent_periodic_tasks():
    return [PeriodicTask(name="core.purge_idempotency_records", task=purge_idempotency_records,
                         interval=timedelta(hours=1),
                         description="Forget Idempotency-Key records past their retention.")]
