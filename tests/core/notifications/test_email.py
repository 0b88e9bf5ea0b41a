"""send_email: one way to send mail, through a task once the transaction has committed."""
import pytest
from django.db import transaction

from core.notifications.email import send_email

pytestmark = pytest.mark.django_db


def test_the_message_leaves_after_commit_with_its_html(mailoutbox,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send_email("someone@example.org", "Your pledge", "Thank you.", html="<p>Thank you.</p>")
        assert mailoutbox == []
    assert len(callbacks) == 1
    (message,) = mailoutbox
    assert (message.to, message.subject, message.body) == (["someone@example.org"],
                                                          "Your pledge", "Thank you.")
    assert message.alternatives[0][0] == "<p>Thank you.</p>"


def test_nothing_leaves_for_a_rolled_back_transaction(mailoutbox,
                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            send_email(["a@example.org"], "Subject", "Body")
            raise RuntimeError("the write failed")
        send_email([], "Nobody", "Body")
    assert mailoutbox == []
