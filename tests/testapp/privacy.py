"""A PrivacyHandler for Note, registered by the tests that need member content erased."""
from core.hookspecs import hookimpl
from core.privacy.handlers import PrivacyHandler
from tests.testapp.models import Note


class NoteHandler(PrivacyHandler):
    identifier = "notes"
    verbose_name = "Notes"
    description = "Your notes."
    models = (Note,)

    def export(self, member) -> dict:
        return {"notes": list(Note.objects.filter(owner=member).order_by("created_at")
                              .values("title", "body", "audience"))}

    def erase(self, member) -> None:
        Note.objects.filter(owner=member).delete()


class NotesPlugin:
    @hookimpl
    def stent_privacy_handlers(self):
        return [NoteHandler]
