"""The CMS's implementations of the core hooks: its PrivacyHandler and its demo content."""
from core.hookspecs import hookimpl


@hookimpl
def stent_privacy_handlers():
    from cms.privacy import CmsPrivacyHandler

    return [CmsPrivacyHandler]


@hookimpl
def stent_demo_data(seed):
    from cms.demo import create_demo_pages

    create_demo_pages(seed)
