"""create_community: the community, the root of its pages and its editors group, together."""
import pytest
from wagtail.models import Page

from core.communities.models import Membership
from core.communities.pages import CommunityIndexPage
from core.communities.services import create_community
from core.hookspecs import hookimpl
from core.plugins import get_manager
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_community_comes_with_its_pages_root_and_editors_group():
    founder = UserFactory()
    community = create_community(name="Type 1 diabetes", slug="type-1-diabetes",
                                 language="fr", moderator=founder)
    root = community.root_page
    assert isinstance(root, CommunityIndexPage) and root.title == "Type 1 diabetes"
    assert root.community == community
    assert community.editors.name == "Type 1 diabetes editors"
    assert sorted(p.permission.codename for p in community.editors.page_permissions.all()) == [
        "add_page", "change_page"]  # publishing is the medical review's approval
    assert {p.page_id for p in community.editors.page_permissions.all()} == {root.pk}
    assert community.editors.permissions.filter(codename="access_admin").exists()
    assert Membership.objects.get(community=community).role == Membership.Role.MODERATOR


def test_editors_may_edit_their_community_subtree_only():
    first = create_community(name="Crohn's disease", slug="crohn")
    second = create_community(name="Fibromyalgia", slug="fibromyalgia")
    editor = UserFactory(is_staff=False)
    editor.groups.add(first.editors)
    from wagtail.permission_policies.pages import PagePermissionPolicy

    policy = PagePermissionPolicy()
    editable = set(policy.instances_user_has_permission_for(editor, "change"))
    assert first.root_page.page_ptr in editable
    assert second.root_page.page_ptr not in editable


def test_the_same_slug_twice_is_refused_and_nothing_is_left_behind():
    from django.core.exceptions import ValidationError

    create_community(name="Crohn's disease", slug="crohn")
    pages_before = Page.objects.count()
    with pytest.raises(ValidationError):
        create_community(name="Crohn again", slug="crohn")
    assert Page.objects.count() == pages_before


def test_community_roots_accept_plugins_page_types():
    class Plugin:
        @hookimpl
        def stent_page_types(self):
            return [CommunityIndexPage]

    plugin = Plugin()
    get_manager().register(plugin, name="page_types_test")
    try:
        assert CommunityIndexPage in CommunityIndexPage.clean_subpage_models()
    finally:
        get_manager().unregister(plugin)
    assert CommunityIndexPage not in CommunityIndexPage.clean_subpage_models()
