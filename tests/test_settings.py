"""Production mode: refuses to start without its secrets, passes Django's deploy checks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#kq9!vR2mZ@wL5pT8^nB3&cF6*hJ1$dG4%sA0(eY-uI+oP=rK_tW~zX",
    "ALLOWED_HOSTS": "hub.strongcitiesnetwork.example",
    "EMAIL_HOST": "smtp.example.org",
}
# Test-only variables (make test sets them) would themselves fail the deploy checks.
DEPLOYMENT_VARIABLES = [*PRODUCTION, "STATIC_ROOT", "DJANGO_ALLOW_ASYNC_UNSAFE", "TASKS_BACKEND"]


def manage(*args, **environment):
    """Run manage.py in a fresh process with the given environment over the test one."""
    env = {key: value for key, value in os.environ.items() if key not in DEPLOYMENT_VARIABLES}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_HOST"])
def test_production_refuses_to_start_without(missing):
    environment = {key: value for key, value in PRODUCTION.items() if key != missing}
    result = manage("check", **environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_passes_the_deploy_checks_without_a_single_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_only_postgresql_is_accepted():
    result = manage("check", DATABASE_URL="sqlite:///db.sqlite3", DEBUG="1")
    assert result.returncode != 0
    assert "postgresql://" in result.stderr


def test_production_static_files_collect_with_hashed_names(tmp_path):
    result = manage("collectstatic", "--noinput", STATIC_ROOT=str(tmp_path), **PRODUCTION)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["vendor/bootstrap-5.3.8/css/bootstrap.rtl.min.css"]
    assert hashed != "vendor/bootstrap-5.3.8/css/bootstrap.rtl.min.css"
    assert (tmp_path / (hashed + ".gz")).exists()  # whitenoise serves it compressed


def test_models_and_migrations_agree_from_a_bare_shell():
    # A developer's plain `manage.py`, without make's environment: development mode and
    # the checkout's own cluster are the defaults.
    bare = {key: value for key, value in os.environ.items()
            if key not in ("DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=BASE_DIR, env=bare, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout
