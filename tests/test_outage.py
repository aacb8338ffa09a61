"""A database outage (scn_portal/outage.py): a translated 503 page with Retry-After, never a
500 or a traceback; /readyz says 503; the site recovers on its own when PostgreSQL is back.

The first tests break the connection in-process (a port nothing listens on). The last one
is the real thing: a throwaway PostgreSQL cluster of its own (never the shared one), a
gunicorn process on it, the cluster stopped and started again under it.
"""

import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from scn_portal import localdb
from tests.conftest import PASSWORD


@contextmanager
def database_down():
    """Every new connection fails as it does with PostgreSQL stopped (refused)."""
    original_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original_port


def logged_in_client(member) -> Client:
    client = Client(raise_request_exception=False)
    assert client.login(email=member.email, password=PASSWORD)
    return client


def assert_outage_page(response, language="en"):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-cache" in response["Cache-Control"]
    assert response["Content-Language"] == language
    body = response.content.decode()
    assert f'<html lang="{language}"' in body
    assert "Traceback" not in body and "OperationalError" not in body


@pytest.mark.django_db(transaction=True)
def test_a_member_gets_the_outage_page_when_the_session_cannot_be_read(member):
    client = logged_in_client(member)
    with database_down():
        response = client.get("/")
    assert_outage_page(response)
    assert "The hub is briefly unavailable" in response.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_outage_page_speaks_the_browsers_language(member, language):
    client = logged_in_client(member)
    with database_down():
        response = client.get("/library/", headers={"accept-language": language})
    assert_outage_page(response, language)
    body = response.content.decode()
    if language == "fr":
        assert "Hub en ligne du SCN" in body
    else:
        assert 'dir="rtl"' in body and "bootstrap.rtl.min.css" in body


@pytest.mark.django_db(transaction=True)
def test_a_database_error_in_a_view_answers_503(member, monkeypatch):
    """Raised by the view itself (process_exception), not by a middleware."""
    from django.db import OperationalError

    from scn_portal import views

    def lose_the_database(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(views, "dashboard_events", lose_the_database)
    response = logged_in_client(member).get("/")
    assert_outage_page(response)


@pytest.mark.django_db(transaction=True)
def test_readyz_says_503_and_healthz_200_during_an_outage(client):
    with database_down():
        assert client.get("/readyz").status_code == 503
        assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_a_bug_is_still_a_500(member, monkeypatch):
    from scn_portal import views

    def bug(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(views, "dashboard_events", bug)
    assert logged_in_client(member).get("/").status_code == 500


def test_other_errors_stay_errors():
    from scn_portal.outage import is_database_outage

    assert not is_database_outage(ValueError("a bug"))
    from django.db import OperationalError

    try:
        try:
            raise OperationalError("server closed the connection")
        except OperationalError as error:
            raise RuntimeError("wrapped") from error
    except RuntimeError as wrapped:
        assert is_database_outage(wrapped)


# --- The real outage: a throwaway cluster, a gunicorn process, pg_ctl stop and start ---


def _server_user_dir() -> Path:
    """A folder the PostgreSQL server user may write (pytest's tmp_path is root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="scn-outage-", dir="/var/tmp"))
    if localdb.IS_ROOT:
        shutil.chown(folder, localdb.SERVER_USER, localdb.SERVER_USER)
    return folder


def _pg_ctl(pgdata: Path, *args: str, port: int | None = None) -> None:
    command = [str(localdb.find_bindir() / "pg_ctl"), *args, "-D", str(pgdata), "-w"]
    if port:
        command += ["-l", str(pgdata / "server.log"), "-o", f"-p {port} -c fsync=off"]
    result = localdb.as_server_user(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str, **headers) -> tuple[int, dict, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        conn.close()


@pytest.fixture
def throwaway_cluster(db):
    """A PostgreSQL cluster of this test's own, with the test database's schema. Yields
    (data folder, port, DATABASE_URL)."""
    folder = _server_user_dir()
    pgdata = folder / "data"
    pgdata.mkdir(mode=0o700)
    if localdb.IS_ROOT:
        shutil.chown(pgdata, localdb.SERVER_USER, localdb.SERVER_USER)
    try:
        localdb.initialise(pgdata)
        secrets = localdb.read_settings(pgdata)
        port = _free_port()
        _pg_ctl(pgdata, "start", port=port)
        url = f"postgresql://{localdb.DB_USER}:{secrets['password']}@127.0.0.1:{port}/postgres"
        source = connection.settings_dict  # the test database, migrated
        dump = subprocess.run(
            [str(localdb.find_bindir() / "pg_dump"), "--schema-only", "--no-owner",
             "--no-privileges", "-h", source["HOST"], "-p", str(source["PORT"]),
             "-U", source["USER"], source["NAME"]],
            env={**os.environ, "PGPASSWORD": source["PASSWORD"]},
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        loaded = subprocess.run(
            [str(localdb.find_bindir() / "psql"), "--quiet", "--set=ON_ERROR_STOP=1", url],
            input=dump,
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert loaded.returncode == 0, loaded.stderr
        yield pgdata, port, url
    finally:
        if (pgdata / "postmaster.pid").exists():
            localdb.as_server_user(
                [str(localdb.find_bindir() / "pg_ctl"), "stop", "-D", str(pgdata), "-m",
                 "immediate", "-w"], capture_output=True,
            )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def live_app(throwaway_cluster):
    """gunicorn serving the hub on the throwaway cluster; yields its port."""
    _pgdata, _db_port, url = throwaway_cluster
    port = _free_port()
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "1",
        "TASKS_BACKEND": "immediate",
        "DB_CONN_MAX_AGE": "60",  # a kept connection: the one the outage breaks
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "scn_portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--threads", "1", "--timeout", "30", "--log-level", "warning"],
        cwd=settings.BASE_DIR, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if _get(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.1)
        yield port, server
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_a_real_outage_answers_503_and_the_site_recovers_without_a_restart(
    throwaway_cluster, live_app
):
    pgdata, db_port, _url = throwaway_cluster
    port, server = live_app
    # A session cookie makes every page read the session table first (an unknown one
    # leaves the visitor anonymous: the hub sends them to the login page).
    session = {"Cookie": "sessionid=unknownsessionkey0123456789abcdef"}

    assert _get(port, "/readyz")[0] == 200
    status, headers, _body = _get(port, "/library/", **session)
    assert status == 302 and "/accounts/login/" in headers["Location"]

    _pg_ctl(pgdata, "stop", "-m", "fast")

    status, headers, body = _get(port, "/library/", **session)
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "Traceback" not in body and "psycopg" not in body
    assert 'lang="en"' in body
    status, headers, body = _get(port, "/", **session, **{"Accept-Language": "fr"})
    assert status == 503
    assert 'lang="fr"' in body and "Hub en ligne du SCN" in body
    assert _get(port, "/readyz")[0] == 503
    assert _get(port, "/healthz")[0] == 200  # the process itself is alive

    _pg_ctl(pgdata, "start", port=db_port)

    assert _get(port, "/readyz")[0] == 200
    status, headers, _body = _get(port, "/library/", **session)
    assert status == 302 and "/accounts/login/" in headers["Location"]
    assert _get(port, "/accounts/login/", **session)[0] == 200
    assert server.poll() is None  # the same process throughout
