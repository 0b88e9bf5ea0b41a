"""The purposes a member consents to, one by one: declared through ``stent_consent_purposes``
(the core's own through the same hook), with the data each covers and what withdrawing the
consent does."""
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured


class Purpose:
    """The keys of the core's own purposes (plugins keep theirs next to their code)."""

    HEALTH_DATA = "health_data"
    EMAIL_NEWS = "email_news"


@dataclass(frozen=True)
class ConsentPurpose:
    """One declaration returned by ``stent_consent_purposes()``.

    With a ``label`` it declares the purpose (one app only declares a key); without one it adds
    the data it ``covers`` (and what withdrawal does to it) to a purpose declared elsewhere, so
    that a plugin storing health data says so under ``health_data``.
    """

    key: str
    covers: str
    label: str = ""
    on_withdrawal: str = ""


@dataclass
class DeclaredPurpose:
    """A purpose with everything the enabled apps said it covers."""

    key: str
    label: str
    covers: list = field(default_factory=list)
    on_withdrawal: list = field(default_factory=list)

    @property
    def covers_text(self) -> str:
        return " ".join(str(text) for text in self.covers)

    @property
    def on_withdrawal_text(self) -> str:
        return " ".join(str(text) for text in self.on_withdrawal)


def consent_purposes() -> dict[str, DeclaredPurpose]:
    """Every purpose the enabled apps declare, by key, in declaration order."""
    from core.plugins import collect  # the plugin manager imports the hook modules, then this

    declarations = collect("stent_consent_purposes")
    declared: dict[str, DeclaredPurpose] = {}
    for item in declarations:
        if not item.label:
            continue
        if item.key in declared:
            raise ImproperlyConfigured(f"Consent purpose {item.key!r} is declared twice.")
        declared[item.key] = DeclaredPurpose(item.key, item.label)
    for item in declarations:
        purpose = declared.get(item.key)
        if purpose is None:
            raise ImproperlyConfigured(
                f"Consent purpose {item.key!r} is extended but declared by no enabled app.")
        purpose.covers.append(item.covers)
        if item.on_withdrawal:
            purpose.on_withdrawal.append(item.on_withdrawal)
    return declared


def purpose_choices() -> list[tuple[str, str]]:
    """The declared purposes as choices (model fields and serializers call it)."""
    return [(key, purpose.label) for key, purpose in consent_purposes().items()]
