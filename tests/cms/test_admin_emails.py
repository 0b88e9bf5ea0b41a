"""No admin screen shows an editor or a moderator the e-mail address of anyone else.

The test seeds the demo content of every enabled plugin, then walks the Wagtail admin as each
of those roles, following every link it is shown (forms and listings included), and looks for
the e-mail address of every other account. A new plugin's admin screens are walked too.
"""
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

pytestmark = pytest.mark.django_db

MAX_PAGES = 120
SKIPPED = re.compile(r"/(logout|delete|unpublish|revisions/\d+/revert|lock|unlock|copy|move|"
                     r"convert_alias|history/export|export)/|\.(csv|xlsx)|/documents/serve/")
LINK = re.compile(r'(?:href|data-url|data-w-swap-src-value)="(/admin/[^"]*)"')


def other_emails(viewer):
    return set(get_user_model().objects.exclude(pk=viewer.pk).values_list("email", flat=True))


def walk_admin(client, viewer):
    """Every admin URL reachable from the dashboard by links, with what it showed."""
    seen, queue, leaks = set(), deque(["/admin/"]), []
    emails = other_emails(viewer)
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen or SKIPPED.search(url):
            continue
        seen.add(url)
        response = client.get(url, follow=False)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        leaks += [(url, email) for email in emails if email.lower() in page.lower()]
        for link in LINK.findall(page):
            link = urldefrag(link.replace("&amp;", "&"))[0]
            if urlsplit(link).query.count("=") > 3:
                continue  # filter combinations: the listing itself is already walked
            if link not in seen:
                queue.append(link)
    return seen, leaks


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("stent_seed", verbosity=0)


def staff_in(group_name, *permissions):
    user = get_user_model().objects.create_user(email=f"{group_name.lower()}-walker@stent.example",
                                                password="x-long-passphrase-1")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                 codename="access_admin"))
    for label in permissions:
        app_label, codename = label.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label,
                                                     codename=codename))
    user.groups.add(group)
    return user


def test_no_editor_or_moderator_reads_anyone_elses_email_in_the_admin(demo, client):
    """One seeding for the three checks: the demo data of every plugin takes a while."""
    from cms.models import ArticlePage

    editor = get_user_model().objects.get(email="editor@stent.example")
    client.force_login(editor)
    seen, leaks = walk_admin(client, editor)
    assert len(seen) > 10 and any("/edit/" in url for url in seen)  # the walk went deep
    assert leaks == []

    # The article's author is chosen by handle among those who may author there.
    article = next(page for page in ArticlePage.objects.filter(author=editor)
                   if page.permissions_for_user(editor).can_edit())
    page = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    select = re.search(r'<select name="author".*?</select>', page, re.S).group(0)
    offered = get_user_model().objects.filter(pk__in=re.findall(r'value="(\d+)"', select))
    assert editor.profile.handle in select and "@" not in select
    parent = article.get_parent()
    assert all(parent.permissions_for_user(user).can_add_subpage() or user == editor
               for user in offered)
    assert get_user_model().objects.count() > offered.count()

    moderator = staff_in("Moderators", "moderation.moderate")
    client.force_login(moderator)
    seen, leaks = walk_admin(client, moderator)
    assert len(seen) > 5
    assert leaks == []
