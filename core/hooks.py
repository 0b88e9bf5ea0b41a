"""The core's own implementations of the plugin hooks (its demo data, its privacy handler)."""
from core.demo import create_demo_admin
from core.hookspecs import hookimpl


@hookimpl(tryfirst=True)
def stent_demo_data(seed):
    create_demo_admin()
