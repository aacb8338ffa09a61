"""The hub served by gunicorn as in production, and a member's HTTP client, for the
benchmarks that go over a socket (test_load.py, test_pages.py).

`start_gunicorn` collects the static files and starts gunicorn with production settings
(DEBUG off, whitenoise serving the collected files, a benchmark-only SECRET_KEY, tasks run
immediately, warnings only in the log) on a free loopback port, waits for /healthz and
stops the server afterwards. `Browser` is one member's keep-alive connection with its
cookies, able to log in through the real login form.
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings

BENCH_DATA = Path(settings.BASE_DIR) / "bench-data"
SECRET_KEY = "benchmark-only-secret-key-not-for-production-0123456789abcdef"
# As test_load.py has always served: 4 processes of 8 threads, connections kept 30 s.
WORKERS = 4
THREADS = 8
STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_database(url: str, name: str) -> str:
    """The same server URL with another database (the path only: the user name may be
    the database's name too)."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def environment(database_url: str, media_root: Path, static_root: Path, *, debug: bool) -> dict:
    """The environment of manage.py or gunicorn against that database and those folders:
    production settings unless `debug` (commands such as load_demo_data refuse to run
    without it)."""
    base = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root),
        "SECRET_KEY": SECRET_KEY,
        "TASKS_BACKEND": "immediate",
    }
    if debug:
        return {**base, "DEBUG": "1"}
    return {
        **base,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_HOST": "localhost",
        # Plain HTTP on loopback: no TLS in front of this gunicorn.
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict, *args: str) -> str:
    """Run manage.py in a process of its own (its settings come from `env`); its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"manage.py {args[0]}: {result.stdout}{result.stderr}"
    return result.stdout


@dataclass
class Server:
    """A running gunicorn: its port and its master process."""

    port: int
    process: subprocess.Popen

    def worker_pids(self) -> list[int]:
        """The workers: the processes whose parent is the master (read from /proc)."""
        workers = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # ended meanwhile
                continue
            # "pid (command) state ppid ...": the command may hold spaces and parentheses.
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == self.process.pid:
                workers.append(int(entry.name))
        return sorted(workers)

    def worker_rss_mb(self) -> dict[int, float]:
        """Resident memory (VmRSS) of each worker, in MB."""
        sizes = {}
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            kilobytes = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))
            sizes[pid] = round(kilobytes / 1024, 1)
        return sizes


@contextmanager
def start_gunicorn(
    database_url: str,
    media_root: Path,
    static_root: Path = BENCH_DATA / "bench-static",
    workers: int = WORKERS,
    threads: int = THREADS,
) -> Iterator[Server]:
    """gunicorn serving the hub in production mode on 127.0.0.1, against `database_url`
    (migrated and filled by the caller), with uploads in `media_root`. The static files
    are collected into `static_root` first (whitenoise serves them from there)."""
    production = environment(database_url, media_root, static_root, debug=False)
    manage(production, "collectstatic", "--noinput", "--verbosity", "0")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "scn_portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
         "--keep-alive", "30", "--log-level", "warning"],
        cwd=settings.BASE_DIR, env=production,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                status, _headers, _body = Browser(port, 1).get("/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, "gunicorn stopped"
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)
        yield Server(port, process)
    finally:
        process.terminate()
        process.wait(20)


class Browser:
    """One member's keep-alive connection, from loopback address 127.0.0.<number>, with
    its cookies (kept by hand: the production cookies are Secure, this is plain HTTP)."""

    def __init__(self, port: int, number: int):
        self.port = port
        self.source = f"127.0.{number // 250}.{number % 250 + 2}"
        self.cookies: dict[str, str] = {}
        self.connection = None

    def _connect(self):
        self.connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.source, 0)
        )

    def request(self, method: str, path: str, body: str | None = None, headers=None):
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in range(2):  # a kept connection the server closed: once more
            if self.connection is None:
                self._connect()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, dict(response.getheaders()), content

    def get(self, path: str, headers=None):
        return self.request("GET", path, headers=headers)

    def log_in(self, email: str, password: str) -> None:
        status, _headers, body = self.get("/accounts/login/")
        assert status == 200, status
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        form = urlencode(
            {"login": email, "password": password, "csrfmiddlewaretoken": token.decode()}
        )
        status, headers, _body = self.request(
            "POST",
            "/accounts/login/",
            body=form,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 302 and headers["Location"] == "/", (status, headers.get("Location"))

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def run_together(tasks, seconds: float) -> float:
    """Run each of `tasks` in a thread of its own, all released at the same moment, for
    `seconds`: a task is called with `keep_going`, a function that says whether time is
    left. Returns how long the run took, in seconds."""
    start_line = threading.Barrier(len(tasks) + 1)
    stop_at = [0.0]

    def keep_going() -> bool:
        return time.monotonic() < stop_at[0]

    def run(task):
        start_line.wait()
        task(keep_going)

    threads = [threading.Thread(target=run, args=(task,), daemon=True) for task in tasks]
    for thread in threads:
        thread.start()
    began = time.monotonic()
    stop_at[0] = began + seconds
    start_line.wait()
    for thread in threads:
        thread.join(seconds + 60)
    return time.monotonic() - began
