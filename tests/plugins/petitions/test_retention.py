"""Export, erasure and anonymisation: counts stay right, nothing points back to a person."""
from datetime import timedelta

import pytest
from django.utils import timezone

from core.periodic import periodic_tasks

from plugins.petitions import reports, services
from plugins.petitions.models import Petition, PetitionUpdate, Promoter, Signature, Status
from plugins.petitions.privacy import PetitionsPrivacyHandler
from tests.factories import UserFactory
from tests.plugins.petitions.factories import make_petition

pytestmark = pytest.mark.django_db


def run_periodic(name):
    """Run one of the plugin's periodic tasks as stent_periodic would (immediate backend)."""
    job = periodic_tasks()[name]
    return job.task.enqueue(**job.kwargs).return_value


def strings_of(member):
    return [member.email, member.profile.handle]


def every_row_as_text():
    return str([list(model.objects.values()) for model in (Petition, Signature, Promoter,
                                                            PetitionUpdate)])


def test_export_returns_everything_the_member_put_in():
    member = UserFactory()
    mine = services.create_petition(member, title="My petition", text="My words",
                                    target="Ministry", signature_goal=5, tags=["care"])
    other = make_petition()
    services.sign(other, member, comment="My comment", region="Bretagne", show_name=True)
    Promoter.objects.create(petition=other, member=member)
    services.post_update(other, member, title="My news", body="My news body")
    export = PetitionsPrivacyHandler().export(member)
    assert export["petitions"][0]["title"] == "My petition"
    assert export["petitions"][0]["tags"] == ["care"]
    assert [(s["comment"], s["region"], s["show_name"]) for s in export["signatures"]] == [
        ("My comment", "Bretagne", True)]
    assert {p["petition"] for p in export["promotions"]} == {str(mine.pk), str(other.pk)}
    assert export["updates"][0]["body"] == "My news body"


def test_erasure_keeps_counts_and_leaves_nothing_of_the_signer():
    petition = make_petition()
    signer, other = UserFactory(), UserFactory()
    services.sign(petition, signer, comment="Words only I wrote", region="Corsica",
                  show_name=True, follows=True)
    services.sign(petition, other)
    handle = signer.profile.handle
    PetitionsPrivacyHandler().erase(signer)
    petition.refresh_from_db()
    assert petition.signature_count == 2
    assert Signature.objects.filter(petition=petition).count() == 2
    assert not Signature.objects.filter(owner=signer).exists()
    text = every_row_as_text()
    assert "Words only I wrote" not in text and "Corsica" not in text
    assert reports.delivery(petition)["named_signers"] == []
    assert handle not in str(reports.delivery(petition))
    # Deleting the account afterwards (erase_member does) keeps the count too.
    signer.delete()
    petition.refresh_from_db()
    assert petition.signature_count == 2


def test_erasure_hands_a_shared_petition_over_and_deletes_a_lone_one():
    author, co_promoter = UserFactory(), UserFactory()
    shared = make_petition(owner=author)
    Promoter.objects.create(petition=shared, member=co_promoter, status="accepted",
                            accepted_at=timezone.now())
    alone = make_petition(owner=author, title="Carried alone")
    services.post_update(shared, author, title="Author news", body="Author words")
    PetitionsPrivacyHandler().erase(author)
    shared.refresh_from_db()
    assert shared.owner == co_promoter
    assert not Petition.objects.filter(pk=alone.pk).exists()
    assert not Promoter.objects.filter(member=author).exists()
    assert "Author words" not in every_row_as_text()


def test_signatures_of_long_closed_petitions_are_anonymised(settings):
    settings.PETITIONS_ANONYMISE_AFTER_DAYS = 180
    settings.STENT_MIN_GROUP_SIZE = 1  # the daily chart shows every day: its sum is checked
    old = make_petition()
    recent = make_petition()
    signers = [UserFactory() for _ in range(3)]
    for signer in signers:
        services.sign(old, signer, comment=f"comment of {signer.pk}", show_name=True,
                      region="Bretagne")
        services.sign(recent, signer, show_name=True)
    services.close(old)
    services.close(recent)
    Petition.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=181))
    Petition.objects.filter(pk=recent.pk).update(closed_at=timezone.now() - timedelta(days=179))

    run_periodic("petitions.anonymise_old")

    old.refresh_from_db()
    assert old.signature_count == 3 and old.signatures.count() == 3
    assert not old.signatures.filter(owner__isnull=False).exists()
    assert not old.signatures.exclude(comment="").exists()
    assert reports.delivery(old)["named_signers"] == []
    assert sum(day["count"] for day in reports.daily_counts(old)) == 3
    assert recent.signatures.filter(owner__isnull=False).count() == 3
    for signer in signers:
        assert not Signature.objects.filter(petition=old, owner=signer).exists()


def test_hook_stent_periodic_tasks_petitions_close_expired_stores_the_lazy_closing():
    expired = make_petition(opens_at=timezone.now() - timedelta(days=10),
                            closes_at=timezone.now() - timedelta(minutes=1))
    open_one = make_petition()
    assert expired.state == Status.CLOSED and expired.status == Status.PUBLISHED
    assert run_periodic("petitions.close_expired") == 1
    expired.refresh_from_db()
    open_one.refresh_from_db()
    assert expired.status == Status.CLOSED and expired.closed_at == expired.closes_at
    assert open_one.status == Status.PUBLISHED


def test_tasks_enqueue_through_django_tasks():
    from plugins.petitions.tasks import close_expired_petitions

    make_petition(opens_at=timezone.now() - timedelta(days=10),
                  closes_at=timezone.now() - timedelta(minutes=1))
    result = close_expired_petitions.enqueue()  # the immediate backend runs it at once
    assert result.return_value == 1
