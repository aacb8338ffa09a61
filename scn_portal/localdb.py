#!/usr/bin/env python3
"""Project-local PostgreSQL cluster for development and tests.

    python3 scn_portal/localdb.py start   # init on first use, start if stopped, print DATABASE_URL
    python3 scn_portal/localdb.py url     # print DATABASE_URL of the (running) cluster
    python3 scn_portal/localdb.py stop    # stop the cluster, keep its data
    python3 scn_portal/localdb.py status

The cluster lives in `.pgdata/` of the checkout, listens on 127.0.0.1 only, on a
free port chosen at first start and kept in `.pgdata/scn-local.json` with a random
password (scram-sha-256; no trust authentication, even locally). No Unix socket is
used, so a long checkout path cannot exceed the socket path limit.

PostgreSQL refuses to run as root: when run as root, the server runs as the
`postgres` user. If that user cannot reach the checkout, the data lives in
/var/tmp/scn-pgdata-<hash of the checkout path> and `.pgdata` is a symlink to it.
Standard library only: it runs before the virtualenv exists. The settings import
`recorded_database_url` from it, so importing it must have no side effects.
"""

from __future__ import annotations

import functools
import getpass
import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
LINK = CHECKOUT / ".pgdata"
SETTINGS_FILE = "scn-local.json"
DB_USER = "scn"
DB_NAME = "scn"
PORT_RANGE = range(55432, 55532)
IS_ROOT = os.geteuid() == 0
SERVER_USER = "postgres" if IS_ROOT else getpass.getuser()


def fail(message: str) -> None:
    print(f"localdb: {message}", file=sys.stderr)
    sys.exit(1)


@functools.cache
def find_bindir() -> Path:
    """The newest PostgreSQL server binaries on this machine."""
    if os.environ.get("PG_BINDIR"):
        return Path(os.environ["PG_BINDIR"])
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    fail("PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BINDIR)")
    raise AssertionError  # unreachable


def as_server_user(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a PostgreSQL binary as the user that owns the cluster."""
    if IS_ROOT:
        args = ["runuser", "-u", SERVER_USER, "--", *args]
    return subprocess.run(args, check=False, **kwargs)


def server_user_can_reach(path: Path) -> bool:
    if not IS_ROOT:
        return True
    return as_server_user(["test", "-x", str(path)]).returncode == 0


def data_dir() -> Path:
    """Where the cluster's files are (creating the folder, owned by the server user)."""
    if LINK.is_symlink() or LINK.exists():
        return LINK.resolve()
    if server_user_can_reach(CHECKOUT):
        target = LINK
    else:
        key = hashlib.sha256(str(CHECKOUT).encode()).hexdigest()[:12]
        # A fixed, per-checkout name (not mkdtemp): the next run must find the same cluster.
        target = Path("/var/tmp") / f"scn-pgdata-{key}"  # noqa: S108
        LINK.symlink_to(target)
    target.mkdir(mode=0o700, exist_ok=True)
    if IS_ROOT:
        shutil.chown(target, SERVER_USER, SERVER_USER)
    return target


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    for port in PORT_RANGE:
        if port_is_free(port):
            return port
    fail(f"no free port in {PORT_RANGE.start}-{PORT_RANGE.stop - 1}")
    raise AssertionError  # unreachable


def read_settings(pgdata: Path) -> dict:
    return json.loads((pgdata / SETTINGS_FILE).read_text())


def write_settings(pgdata: Path, settings: dict) -> None:
    path = pgdata / SETTINGS_FILE
    path.write_text(json.dumps(settings))
    path.chmod(0o600)


def initialise(pgdata: Path) -> None:
    password = secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory() as tmp:
        pwfile = Path(tmp) / "pw"
        pwfile.write_text(password)
        pwfile.chmod(0o600)
        if IS_ROOT:
            shutil.chown(tmp, SERVER_USER)
            shutil.chown(pwfile, SERVER_USER)
        result = as_server_user(
            [
                str(find_bindir() / "initdb"),
                "--pgdata",
                str(pgdata),
                "--username",
                DB_USER,
                "--pwfile",
                str(pwfile),
                "--auth-local=peer",
                "--auth-host=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
            capture_output=True,
            text=True,
        )
    if result.returncode != 0:
        fail(f"initdb failed:\n{result.stdout}{result.stderr}")
    with (pgdata / "postgresql.conf").open("a") as conf:
        conf.write(
            "\n# Project-local development cluster (scn_portal/localdb.py)\n"
            "listen_addresses = '127.0.0.1'\n"
            "unix_socket_directories = ''\n"
            # Dev data: a crash may lose the last commits, never corrupts the cluster.
            "synchronous_commit = off\n"
        )
    write_settings(pgdata, {"port": free_port(), "password": password})


def is_running(pgdata: Path) -> bool:
    status = as_server_user(
        [str(find_bindir() / "pg_ctl"), "status", "-D", str(pgdata)], capture_output=True
    )
    return status.returncode == 0


def database_url(settings: dict) -> str:
    return f"postgresql://{DB_USER}:{settings['password']}@127.0.0.1:{settings['port']}/{DB_NAME}"


def recorded_database_url() -> str | None:
    """DATABASE_URL of this checkout's cluster if it was ever initialised, else None.

    Reads the settings file only: starts nothing, and works whether the server runs or not.
    """
    try:
        return database_url(read_settings(LINK.resolve()))
    except (OSError, ValueError, KeyError):
        return None


def ensure_database(settings: dict) -> None:
    env = {**os.environ, "PGPASSWORD": settings["password"]}
    connection = ["-h", "127.0.0.1", "-p", str(settings["port"]), "-U", DB_USER]
    exists = subprocess.run(
        [str(find_bindir() / "psql"), *connection, "-d", "postgres", "-tAc",
         f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'"],  # noqa: S608 (a constant)
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if exists.returncode != 0:
        fail(f"cannot query the cluster: {exists.stderr}")
    if exists.stdout.strip() != "1":
        subprocess.run([str(find_bindir() / "createdb"), *connection, DB_NAME], env=env, check=True)


def start() -> str:
    pgdata = data_dir()
    if not (pgdata / "PG_VERSION").exists():
        initialise(pgdata)
    settings = read_settings(pgdata)
    if not is_running(pgdata):
        if not port_is_free(settings["port"]):
            settings["port"] = free_port()
            write_settings(pgdata, settings)
        result = as_server_user(
            [str(find_bindir() / "pg_ctl"), "start", "-D", str(pgdata), "-w", "-t", "60",
             "-l", str(pgdata / "server.log"), "-o", f"-p {settings['port']}"],
            capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            log = (pgdata / "server.log").read_text()[-2000:]
            fail(f"pg_ctl start failed:\n{result.stdout}{result.stderr}\n{log}")
    ensure_database(settings)
    return database_url(settings)


def stop() -> None:
    if not LINK.exists():
        print("localdb: no local cluster in this checkout")
        return
    pgdata = LINK.resolve()
    if is_running(pgdata):
        pg_ctl = str(find_bindir() / "pg_ctl")
        as_server_user([pg_ctl, "stop", "-D", str(pgdata), "-m", "fast", "-w"])
        print("localdb: stopped")
    else:
        print("localdb: not running")


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "start"
    if command == "start":
        print(start())
    elif command == "url":
        if not LINK.exists():
            fail("no local cluster yet: run `python3 scn_portal/localdb.py start`")
        print(database_url(read_settings(LINK.resolve())))
    elif command == "stop":
        stop()
    elif command == "status":
        running = LINK.exists() and is_running(LINK.resolve())
        print("running" if running else "stopped")
        sys.exit(0 if running else 3)
    else:
        fail(f"unknown command {command!r} (start, url, stop, status)")


if __name__ == "__main__":
    main()
