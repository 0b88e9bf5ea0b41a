"""Scaffold a Stent plugin that passes the contract tests: ``manage.py stent_startplugin NAME``.

Django's ``startapp --template`` machinery renders two templates next to this package: the
plugin (``plugin_template``) into ``plugins/NAME`` (or ``DIR/NAME``) and its tests
(``plugin_tests_template``) into ``tests/plugins/NAME`` (or ``--tests-directory``); then the
French catalogue is compiled. Read ``docs/architecture.md`` for what goes where.
"""
import os
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.core.management.templates import TemplateCommand

TEMPLATES = Path(__file__).resolve().parent.parent
PROJECT_ROOT = Path(settings.BASE_DIR)


class Command(TemplateCommand):
    help = __doc__.splitlines()[0]
    rewrite_template_suffixes = ((".py-tpl", ".py"), (".po-tpl", ".po"))

    def add_arguments(self, parser):
        parser.add_argument("name", help="The plugin's label: a Python identifier, e.g. polls.")
        parser.add_argument("--directory", help="Create the plugin in DIR/NAME instead of "
                            "plugins/NAME; outside the project, DIR must be on the Python path "
                            "and the plugin declared as a stent.plugins entry point.")
        parser.add_argument("--tests-directory", help="Where its tests go (default: "
                            "tests/plugins/NAME, or DIR/tests/NAME with --directory).")
        parser.add_argument("--verbose-name", help="Its name for people (default: from NAME).")
        parser.add_argument("--description", default="Describe in one sentence what members "
                            "do with it.", help="One sentence shown in the plugin list.")

    def handle(self, name, directory=None, tests_directory=None, **options):
        if not name.isidentifier() or not name.islower():
            raise CommandError(f"'{name}' is not a valid plugin name: use a lower-case Python "
                               "identifier, such as patient_stories.")
        parent = Path(directory).resolve() if directory else PROJECT_ROOT / "plugins"
        plugin_dir = parent / name
        if tests_directory:
            tests_dir = Path(tests_directory).resolve() / name
        elif directory:
            tests_dir = parent / "tests" / name
        else:
            tests_dir = PROJECT_ROOT / "tests" / "plugins" / name
        for target in (plugin_dir, tests_dir):
            if target.exists():
                raise CommandError(f"'{target}' already exists.")
        context = {
            "package": self._package(parent, name),
            "verbose_name": options.pop("verbose_name") or name.replace("_", " ").capitalize(),
            "upper_name": name.upper(),
            "description": options.pop("description"),
            "tests_package": self._package(tests_dir.parent, name),
        }
        options.update(extensions=["py", "po"], files=[], exclude=[], template=None)
        for template, target in (("plugin_template", plugin_dir),
                                 ("plugin_tests_template", tests_dir)):
            target.mkdir(parents=True)
            options["template"] = str(TEMPLATES / template)
            super().handle("app", name, str(target), **context, **options)
        self._compile_catalogue(plugin_dir)
        self.stdout.write(f"Created {plugin_dir} and {tests_dir}.")

    def validate_name(self, name, name_or_dir="name"):
        """The name was checked in handle(); the target folders are new ones we created."""

    @staticmethod
    def _package(parent: Path, name: str) -> str:
        """The dotted path the plugin imports as: relative to the project inside it, else the
        bare name (a folder on the Python path, as an installed distribution would be)."""
        try:
            relative = parent.relative_to(PROJECT_ROOT)
        except ValueError:
            return name
        return ".".join([*relative.parts, name])

    def _compile_catalogue(self, plugin_dir: Path):
        previous = os.getcwd()
        try:
            os.chdir(plugin_dir)
            call_command("compilemessages", locale=["fr"], verbosity=0)
        except CommandError as error:  # no gettext tools: the .po is there, compile it later
            self.stderr.write(f"The French catalogue was not compiled: {error}")
        finally:
            os.chdir(previous)
