"""The privacy matrix as one call: each audience x each kind of viewer, through visible_to and
the API (detail 200 or 404, presence in the list).

``assert_follows_matrix(make_object, url_of, list_url=...)`` builds a world (an owner in a
community, one viewer of each kind), asks ``make_object(owner, audience, community)`` for one
object per audience, and checks what every viewer gets. With ``participant=True`` (a model
naming ``participant_paths``) the world has one more viewer, a member with no other tie whom
``make_object`` makes take part in each object: they see every audience, and nothing across a
block either way. The models it saw are recorded, so the contract tests can tell when an
Audienced model of a plugin was never put through it.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, Permission
from django.utils import timezone
from rest_framework.test import APIClient

from core.moderation.models import Block
from core.privacy.audiences import Audience
from tests.factories import (CircleMembershipFactory, CommunityFactory, MembershipFactory,
                             UserFactory)

#: The kinds of viewer: the owner; an accepted member of the owner's circle; a member of the
#: object's community; a member with no tie ("stranger"); a member of the community and of the
#: circle whom the owner blocked; a site moderator with no tie; a visitor.
VIEWERS = ["owner", "circle", "community", "stranger", "blocked", "moderator", "anonymous"]
#: The viewer added for a model whose rows members take part in (``participant=True``).
PARTICIPANT = "participant"

#: audience -> the viewers who may see an object of that audience
ALLOWED = {
    Audience.PRIVATE: {"owner"},
    Audience.CIRCLE: {"owner", "circle"},
    Audience.COMMUNITY: {"owner", "community"},
    Audience.MEMBERS: {"owner", "circle", "community", "stranger", "moderator"},
    Audience.PUBLIC: {"owner", "circle", "community", "stranger", "moderator", "anonymous"},
}

#: Every model put through ``assert_follows_matrix`` in this test session.
MATRIX_MODELS: set = set()


@dataclass
class World:
    owner: object
    community: object
    viewers: dict  # viewer kind -> user (AnonymousUser for "anonymous")


def build_world(participant: bool = False) -> World:
    """An owner in a community, and one viewer of each kind in ``VIEWERS`` (and a
    ``participant``, a member with no tie, when asked)."""
    owner = UserFactory()
    community = CommunityFactory()
    MembershipFactory(community=community, member=owner)
    blocked = MembershipFactory(community=community).member
    CircleMembershipFactory(owner=owner, member=blocked)
    Block.objects.create(blocker=owner, blocked=blocked)
    moderator = UserFactory(is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="moderate"))
    viewers = {
        "owner": owner,
        "circle": CircleMembershipFactory(owner=owner).member,
        "community": MembershipFactory(community=community).member,
        "stranger": UserFactory(),
        "blocked": blocked,
        "moderator": moderator,
        "anonymous": AnonymousUser(),
    }
    if participant:
        viewers[PARTICIPANT] = UserFactory()
    return World(owner=owner, community=community, viewers=viewers)


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None and user.is_authenticated:
        client.force_authenticate(user)
    return client


def listed_ids(client, list_url: str, id_field: str) -> set[str]:
    """Every id the list shows the client, following the cursor to the end."""
    ids, url, params = set(), list_url, {"page_size": 100}
    while url:
        response = client.get(url, params)
        assert response.status_code == 200, (list_url, response.status_code, response.content)
        body = response.json()
        ids |= {str(row[id_field]) for row in body["results"]}
        url, params = body.get("next"), None
    return ids


def assert_follows_matrix(make_object, url_of=None, *, list_url=None, id_field="id",
                          id_of=None, allowed=None, participant=False) -> World:
    """Check an Audienced model against the privacy matrix; returns the world it built.

    ``make_object(owner, audience, community)`` returns the object; ``url_of(obj)`` its detail
    URL (None: no detail endpoint); ``list_url`` the list (rows matched by ``row[id_field]``
    against ``id_of(obj)``, default ``str(obj.pk)``). ``allowed`` replaces ``ALLOWED`` for a
    model whose rule is stricter: say why where you pass it. ``participant=True``: the model
    names ``participant_paths``; ``make_object(owner, audience, community, participant=member)``
    makes ``member`` take part in the object.
    """
    allowed = ALLOWED if allowed is None else allowed
    id_of = id_of or (lambda obj: str(obj.pk))
    world = build_world(participant)
    viewers = list(VIEWERS)
    taking_part = {}
    if participant:
        allowed = {audience: seen | {PARTICIPANT} for audience, seen in allowed.items()}
        viewers.append(PARTICIPANT)
        taking_part = {"participant": world.viewers[PARTICIPANT]}
    objects = {audience: make_object(world.owner, audience, world.community, **taking_part)
               for audience in Audience}
    model = type(objects[Audience.PUBLIC])
    MATRIX_MODELS.add(model)
    failures = _matrix_failures(model, objects, world, viewers, allowed, url_of, list_url,
                                id_field, id_of)
    if participant:
        failures += _participant_limit_failures(model, objects, world)
    assert not failures, f"{model._meta.label} breaks the privacy matrix:\n" + "\n".join(failures)
    return world


def _participant_limit_failures(model, objects, world) -> list[str]:
    """A participant reaches nothing across a block with the owner, whoever blocked, nor
    once moderation hid the objects."""
    failures, member = [], world.viewers[PARTICIPANT]
    rows = model.objects.filter(pk__in=[obj.pk for obj in objects.values()])

    def seen():
        return model.objects.visible_to(member).filter(pk__in=rows.values("pk")).count()

    for blocker, blocked in ((world.owner, member), (member, world.owner)):
        block = Block.objects.create(blocker=blocker, blocked=blocked)
        if seen():
            failures.append(f"participant sees {seen()} object(s) across a block by "
                            f"{'the owner' if blocker == world.owner else 'themselves'}")
        block.delete()
    rows.update(hidden_at=timezone.now())
    if seen():
        failures.append(f"participant sees {seen()} hidden object(s)")
    rows.update(hidden_at=None)
    return failures


def _matrix_failures(model, objects, world, viewers, allowed, url_of, list_url, id_field,
                     id_of) -> list[str]:
    failures = []
    for viewer in viewers:
        user = world.viewers[viewer]
        expected = {audience for audience in Audience if viewer in allowed[audience]}
        visible = set(model.objects.visible_to(user).filter(
            pk__in=[obj.pk for obj in objects.values()]).values_list("pk", flat=True))
        seen = {audience for audience, obj in objects.items() if obj.pk in visible}
        if seen != expected:
            failures.append(f"{viewer}: visible_to gives {sorted(seen)}, "
                            f"expected {sorted(expected)}")
        client = client_for(user)
        if url_of is not None:
            for audience, obj in objects.items():
                status = client.get(url_of(obj)).status_code
                if status != (200 if audience in expected else 404):
                    failures.append(f"{viewer}: GET {url_of(obj)} ({audience}) is {status}")
        if list_url is not None:
            shown = listed_ids(client, list_url, id_field)
            listed = {audience for audience, obj in objects.items() if id_of(obj) in shown}
            if listed != expected:
                failures.append(f"{viewer}: {list_url} lists {sorted(listed)}, "
                                f"expected {sorted(expected)}")
    return failures
