#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")
    # manage.py is the developer's tool: development mode unless DEBUG is set. The
    # production entry points set DEBUG=0 themselves (Dockerfile, docker-compose.yml),
    # and gunicorn (scn_portal/wsgi.py) keeps the settings' production default.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
