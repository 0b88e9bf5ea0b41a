"""Migration 0003 keeps every request, message and thanks with its member as the owner, and
makes the existing rows private."""
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory

BEFORE = [("exchange", "0002_default_categories_and_words")]
AFTER = [("exchange", "0003_requests_messages_thanks_audienced")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_rows_keep_their_members_as_owners_and_become_private():
    giver, taker = UserFactory(), UserFactory()
    old = migrate(BEFORE)
    try:
        category = old.get_model("exchange", "Category").objects.get_or_create(
            slug="wheelchairs", defaults={"name_en": "W", "name_fr": "F"})[0]
        listing = old.get_model("exchange", "Listing").objects.create(
            owner_id=giver.pk, kind="offer", title="Chair", description="d",
            category=category, region="Bretagne", postal_prefix="35",
            expires_at="2099-01-01T00:00:00Z")
        request = old.get_model("exchange", "ExchangeRequest").objects.create(
            listing=listing, member_id=taker.pk, message="Hello", status="received")
        old.get_model("exchange", "Message").objects.create(request=request,
                                                            author_id=giver.pk, body="Hi")
        old.get_model("exchange", "Thanks").objects.create(request=request,
                                                           author_id=taker.pk, body="Merci")
    finally:
        new = migrate(AFTER)
    assert list(new.get_model("exchange", "ExchangeRequest").objects.values_list(
        "owner_id", "audience")) == [(taker.pk, "private")]
    assert list(new.get_model("exchange", "Message").objects.values_list(
        "owner_id", "audience")) == [(giver.pk, "private")]
    assert list(new.get_model("exchange", "Thanks").objects.values_list(
        "owner_id", "audience")) == [(taker.pk, "private")]
