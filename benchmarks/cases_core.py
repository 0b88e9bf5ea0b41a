"""Benchmark cases of the core's lists: communities, a community's members, the member's
notifications, the pages API and the site-wide search, each against a raw `.values()` view of
the same columns over the same rows (what the viewer may see, filtered alike)."""
from benchmarks.cases import Case

#: Communities and members are bounded collections: more would only slow the seeding down.
MAX_COMMUNITIES = 300
MAX_MEMBERS = 300
MAX_PAGES = 300


def seed_communities(viewer, rows):
    """Listed communities (a few unlisted), two conditions each, the viewer in some of them;
    one of them ("bench-members") with many members showing their membership."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.communities.models import Community, Membership, TaggedCommunityCondition
    from core.identity.models import Condition

    conditions = [Condition.objects.create(name=f"Bench condition {k}", slug=f"bench-cond-{k}",
                                           name_fr=f"Affection {k}" if k % 2 else "")
                  for k in range(5)]
    visibility = Community.Visibility
    communities = Community.objects.bulk_create(
        Community(name=f"Community {i:04d}", slug=f"bench-community-{i}",
                  description="People living with the same condition, meeting online. " * 3,
                  visibility=visibility.UNLISTED if i % 10 == 9 else visibility.LISTED)
        for i in range(min(rows, MAX_COMMUNITIES)))
    TaggedCommunityCondition.objects.bulk_create(
        TaggedCommunityCondition(content_object=community, tag=conditions[(n + k) % 5])
        for n, community in enumerate(communities) for k in range(2))
    now = timezone.now()
    Membership.objects.bulk_create(
        Membership(community=community, member=viewer, status=Membership.Status.ACTIVE,
                   joined_at=now)
        for community in communities[::3])
    crowded = Community.objects.create(name="Bench members", slug="bench-members")
    Membership.objects.create(community=crowded, member=viewer,
                              status=Membership.Status.ACTIVE, joined_at=now)
    users = get_user_model().objects
    members = [users.create_user(email=f"bench-member-{i}@stent.example", password="x")
               for i in range(min(rows, MAX_MEMBERS))]
    Membership.objects.bulk_create(
        Membership(community=crowded, member=member, status=Membership.Status.ACTIVE,
                   shown_on_profile=bool(i % 4), joined_at=now)
        for i, member in enumerate(members))


def raw_communities(viewer, params):
    from django.db.models import Q

    from core.communities.models import Community

    listed = Q(visibility=Community.Visibility.LISTED)
    if viewer.is_authenticated:
        listed |= Q(memberships__member=viewer)
    return Community.objects.filter(listed).distinct().order_by("name", "id")


def raw_members(viewer, params):
    from django.db.models import Q

    from core.communities.models import Membership

    return (Membership.objects.filter(community__slug="bench-members",
                                      status=Membership.Status.ACTIVE)
            .filter(Q(member=viewer) | Q(shown_on_profile=True)).order_by("-joined_at", "-id"))


def seed_notifications(viewer, rows):
    from django.contrib.contenttypes.models import ContentType

    from core.notifications.models import Notification

    about = ContentType.objects.get_for_model(type(viewer))
    Notification.objects.bulk_create(
        Notification(recipient=viewer, kind="petitions.signed", title=f"Someone signed {i}",
                     body="Your petition has a new signature. " * 3, url=f"/petitions/{i}/",
                     target_type=about if i % 2 else None,
                     target_id=str(viewer.pk) if i % 2 else "")
        for i in range(rows))


def raw_notifications(viewer, params):
    from core.notifications.models import Notification

    return Notification.objects.filter(recipient=viewer).order_by("-created_at", "-id")


def seed_pages(viewer, rows):
    """Published articles under a site tree, as the pages API lists them."""
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from cms.models import ArticleIndexPage, ArticlePage, HomePage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Bench home", slug="bench-home",
                                            locale=Locale.objects.get(language_code="en")))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "hostname": "localhost", "root_page": home, "site_name": "Stent"})
    news = home.add_child(instance=ArticleIndexPage(title="News", slug="news"))
    now = timezone.now()
    for i in range(min(rows, MAX_PAGES)):
        news.add_child(instance=ArticlePage(
            title=f"Article {i}", slug=f"article-{i}", intro="News from the association.",
            live=True, first_published_at=now, last_published_at=now))


def raw_pages(viewer, params):
    from wagtail.models import Page

    return Page.objects.live().public().exclude(depth=1).order_by("path")


def seed_search(viewer, rows):
    """Petitions whose title and text hold the searched word, in the search index too."""
    from wagtail.search.backends import get_search_backend

    from benchmarks.cases import seed_petitions
    from plugins.petitions.models import Petition

    seed_petitions(viewer, rows, author="bench-searched@stent.example")
    get_search_backend().add_bulk(Petition, list(Petition.objects.all()))


def raw_search(viewer, params):
    from django.db.models import Q

    from plugins.petitions.models import Petition

    word = params["q"]
    return (Petition.objects.visible_to(viewer)
            .filter(Q(title__icontains=word) | Q(text__icontains=word)).order_by("-created_at"))


CORE_CASES = [
    # The directory adds each community's conditions, associations, member count and the
    # viewer's membership to these columns.
    Case(name="communities", endpoint="/api/v1/communities/", model_label="communities.Community",
         ordering=("name", "id"),
         fields=("id", "name", "slug", "description", "language", "visibility",
                 "joining_policy", "created_at"),
         seed=seed_communities, raw=raw_communities),
    # The members directory of one community: members only.
    Case(name="community members", endpoint="/api/v1/communities/bench-members/members/",
         model_label="communities.Membership", ordering=("-joined_at", "-id"),
         fields=("member__profile__handle", "member__profile__display_name", "role",
                 "joined_at"),
         seed=None, raw=raw_members, viewers=("token",)),
    Case(name="notifications", endpoint="/api/v1/me/notifications/",
         model_label="notifications.Notification", ordering=("-created_at", "-id"),
         fields=("id", "kind", "title", "body", "url", "target_type__app_label",
                 "target_type__model", "target_id", "read_at", "created_at"),
         seed=seed_notifications, raw=raw_notifications, viewers=("token",)),
    # Wagtail's listing: id, type, URLs, slug, first publication, locale and title.
    Case(name="pages", endpoint="/api/v1/pages/", model_label="wagtailcore.Page",
         ordering=("path",),
         fields=("id", "content_type__app_label", "content_type__model", "url_path", "slug",
                 "first_published_at", "locale__language_code", "title"),
         seed=seed_pages, raw=raw_pages, page_param="limit"),
    # Ranked and merged from the index by the endpoint; the raw view reads the visible
    # petitions holding the word, with the columns a hit is made of.
    Case(name="site search", endpoint="/api/v1/search/", model_label="petitions.Petition",
         ordering=("-created_at",), fields=("id", "title", "text"),
         seed=seed_search, raw=raw_search, params={"q": "treatment"}),
]
