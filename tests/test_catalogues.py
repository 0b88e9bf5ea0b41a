"""Every French catalogue is complete: no untranslated or fuzzy entry, and every string marked
for translation in the code is in its catalogue (``makemessages`` on a copy finds no new one).

General on purpose: each app and plugin with a ``locale`` folder is walked, future ones too."""
import os
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("core", "cms", "plugins")
CATALOGUES = sorted(path.relative_to(ROOT) for source in SOURCES
                    for path in (ROOT / source).glob("**/locale/fr/LC_MESSAGES/django.po"))


def messages(po_file: Path) -> dict:
    with po_file.open("rb") as handle:
        return {message.id: message for message in read_po(handle) if message.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """A copy of the sources whose catalogues ``makemessages`` updated."""
    copy = tmp_path_factory.mktemp("catalogues")
    for source in SOURCES:
        shutil.copytree(ROOT / source, copy / source,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo"))
    here = os.getcwd()
    os.chdir(copy)
    try:
        with override_settings(LOCALE_PATHS=[]):  # never write into the real catalogues
            call_command("makemessages", locale=["fr"], verbosity=0)
    finally:
        os.chdir(here)
    return copy


def test_catalogues_are_found():
    assert Path("core/locale/fr/LC_MESSAGES/django.po") in CATALOGUES
    assert len(CATALOGUES) >= 10


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=str)
def test_every_french_entry_is_translated(catalogue):
    missing = [message_id for message_id, message in messages(ROOT / catalogue).items()
               if message.fuzzy or not (all(message.string) if isinstance(message.string, tuple)
                                        else message.string)]
    assert missing == [], f"{catalogue}: untranslated or fuzzy"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=str)
def test_every_translatable_string_is_in_its_catalogue(catalogue, extracted):
    committed = messages(ROOT / catalogue)
    found = messages(extracted / catalogue)
    assert sorted(str(message_id) for message_id in found if message_id not in committed) == [], (
        f"{catalogue}: strings marked for translation but missing (make messages)")
