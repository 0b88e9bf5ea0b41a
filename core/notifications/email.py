"""E-mail, the one way: ``send_email`` hands the message to a django-tasks task after commit.

A request never talks to the mail server: the message leaves once the transaction that decided
to send it has committed (never for a rolled-back one), from a worker in production (at once
with the immediate backend in development). ``deliver`` is the sending itself, shared by the
task here and the notifications' own task.
"""
from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django_tasks import task


def deliver(to: list[str], subject: str, body: str, html: str | None = None) -> int:
    """Send one message now (inside a task); returns how many were sent (0 or 1)."""
    message = EmailMultiAlternatives(subject, body, None, list(to))
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


@task()
def deliver_email(to: list[str], subject: str, body: str, html: str | None = None) -> int:
    return deliver(to, subject, body, html)


def send_email(to, subject, body, *, html=None) -> None:
    """E-mail ``to`` (an address or a list of them) once the current transaction commits."""
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    if not recipients:
        return
    # Lazy translations become plain text now, in the language active for this request.
    arguments = (recipients, str(subject), str(body), None if html is None else str(html))
    transaction.on_commit(lambda: deliver_email.enqueue(*arguments))
