#!/usr/bin/env python
"""Django's command-line utility for Stent."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A configuration mistake (unknown plugin, missing SECRET_KEY): say it plainly.
        sys.stderr.write(f"Stent cannot start: {error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
