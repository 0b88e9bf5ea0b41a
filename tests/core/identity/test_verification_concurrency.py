"""One pending verification request per member, under real parallel requests (PostgreSQL)."""
from django.core.files.base import ContentFile

from core.errors import Conflict
from core.identity import services
from core.identity.models import VerificationRequest
from tests.concurrency import POSTGRESQL_ONLY, run_in_parallel
from tests.factories import UserFactory

pytestmark = POSTGRESQL_ONLY


def test_parallel_requests_leave_one_pending_request_and_one_document(settings, tmp_path):
    settings.STENT_PRIVATE_ROOT = tmp_path
    member = UserFactory()

    def ask():
        return services.request_verification(
            member, registry="rpps", registry_number="10101234567",
            document=ContentFile(b"%PDF-1.4 diploma", name="diploma.pdf"))

    outcomes = run_in_parallel(ask, 6)
    created = [o for o in outcomes if isinstance(o, VerificationRequest)]
    conflicts = [o for o in outcomes if isinstance(o, Conflict)]
    assert (len(created), len(conflicts)) == (1, 5), outcomes
    assert VerificationRequest.objects.filter(member=member, state="pending").count() == 1
    # The refused requests' documents were removed: only the accepted one is stored.
    stored = [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()]
    assert stored == [created[0].document.name]
