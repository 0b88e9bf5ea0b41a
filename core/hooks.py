"""The core's own implementations of the plugin hooks (its demo data, its privacy handler)."""
from core.hookspecs import hookimpl


@hookimpl(tryfirst=True)
def stent_demo_data(seed):
    from core.demo import create_demo_admin

    create_demo_admin()
