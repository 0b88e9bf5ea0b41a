"""Real parallel signatures on PostgreSQL: the database keeps one per member and an exact count."""
import threading

import pytest
from django.db import connection, connections

from plugins.petitions import services
from plugins.petitions.models import Petition, Signature
from tests.factories import UserFactory
from tests.plugins.petitions.conftest import client_for
from tests.plugins.petitions.factories import make_petition

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="SQLite serialises every writer: real parallel transactions need "
                              "PostgreSQL (set DATABASE_URL)"),
]


def in_parallel(jobs):
    """Run each job in its own thread and DB connection, all released at the same moment."""
    start = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            start.wait()
            results[index] = job()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def sign_request(petition, member):
    return lambda: client_for(member).post(f"/api/v1/petitions/{petition.pk}/signatures/",
                                           {"comment": "with you"}).status_code


def test_fifty_members_signing_at_once_make_exactly_fifty():
    petition = make_petition(signature_goal=200)
    members = [UserFactory() for _ in range(50)]
    statuses = in_parallel([sign_request(petition, member) for member in members])
    assert statuses == [201] * 50
    petition.refresh_from_db()
    assert petition.signature_count == 50
    assert Signature.objects.filter(petition=petition).count() == 50


def test_one_member_signing_twenty_times_at_once_signs_once():
    petition = make_petition()
    member = UserFactory()
    statuses = in_parallel([sign_request(petition, member) for _ in range(20)])
    assert sorted(statuses) == [201] + [409] * 19
    petition.refresh_from_db()
    assert petition.signature_count == 1
    assert Signature.objects.filter(petition=petition).count() == 1


def test_withdrawals_at_once_keep_the_count_exact():
    petition = make_petition()
    members = [UserFactory() for _ in range(20)]
    for member in members:
        services.sign(petition, member)
    # Every member withdraws twice at once, while ten others sign.
    newcomers = [UserFactory() for _ in range(10)]
    jobs = [lambda m=m: services.withdraw_signature(petition, m) for m in members * 2]
    jobs += [lambda m=m: services.sign(petition, m) for m in newcomers]
    results = in_parallel(jobs)
    withdrawn = [r for r in results[:40] if r is None]
    assert len(withdrawn) == 20  # the second withdrawal of each member finds nothing (404)
    petition.refresh_from_db()
    assert petition.signature_count == 10
    assert petition.signature_count == Signature.objects.filter(petition=petition).count()


def test_confirming_one_e_mailed_signature_many_times_at_once_counts_it_once():
    from django.core import mail

    petition = make_petition()
    services.sign_by_email(petition, "someone@example.org")
    token = mail.outbox[0].body.split("token=")[1].split()[0]
    in_parallel([lambda: services.confirm(token) for _ in range(10)])
    petition.refresh_from_db()
    assert petition.signature_count == 1


def test_signing_while_the_petition_closes_counts_only_stored_signatures():
    petition = make_petition()
    members = [UserFactory() for _ in range(30)]
    jobs = [sign_request(petition, member) for member in members]
    jobs.insert(15, lambda: services.close(Petition.objects.get(pk=petition.pk)))
    in_parallel(jobs)
    petition.refresh_from_db()
    assert petition.status == "closed"
    assert petition.signature_count == Signature.objects.filter(petition=petition).count()
