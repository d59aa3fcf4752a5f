"""``hub demo``: the demo database, the site, and everything that serves them, from one
command in one terminal.

First the preparation, each step a child process with the development settings: migrate,
load the demo content, build the site. Then three child processes run together until
Ctrl+C: the CMS (Django's ``runserver``), the worker (``hub worker``: rebuilds after
publishing, Wagtail's own tasks, scheduled publishing) and the site server (``hub
serve``). Every child gets the CMS's and the site's addresses in its environment
(``WAGTAILADMIN_BASE_URL``, ``HUB_SITE_URL``, read by ``cms.settings``), so the API's own
links and every absolute URL a build writes follow the ports chosen.

Both ports are checked before anything starts: a port in use is one line naming it and
the option that changes it, and nothing runs. Each child runs in a process group of its
own, so Ctrl+C in the terminal reaches ``hub demo`` alone, which then stops every group
(SIGTERM, and SIGKILL after ``GRACE`` seconds or at a second Ctrl+C): the children and
anything they started. A SIGTERM to ``hub demo`` does the same, and so does one child
that stops by itself.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import subprocess
import sys
import time

#: Seconds a child has to stop after SIGTERM before it is killed.
GRACE = 10.0
#: What a port belongs to, and the options that choose it.
PORT_OPTIONS = {"cms": "--port (make demo PORT=…)", "site": "--site-port (make demo SITE_PORT=…)"}


def netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def environment(host: str, port: int, site_port: int) -> dict[str, str]:
    """The children's environment: this one, with the development settings unless another
    module is named, and the two addresses the ports make."""
    env = {**os.environ}
    env.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    env["WAGTAILADMIN_BASE_URL"] = f"http://{netloc(host, port)}"
    env["HUB_SITE_URL"] = f"http://{netloc(host, site_port)}/"
    return env


def port_in_use(host: str, port: int) -> bool:
    """Whether another socket listens on ``host:port`` (bound the way the servers bind, so
    connections that are only closing do not count)."""
    family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def check_ports(host: str, port: int, site_port: int) -> str | None:
    """Why the demo cannot use these ports (one Swedish line), or None."""
    if port == site_port:
        return (
            f"hub demo: CMS:et och webbplatsen kan inte dela port {port}. "
            f"Välj en annan med {PORT_OPTIONS['site']}."
        )
    for what, number in (("cms", port), ("site", site_port)):
        if port_in_use(host, number):
            return (
                f"hub demo: porten {number} används redan. Välj en annan med {PORT_OPTIONS[what]}."
            )
    return None


def prepare(env: dict[str, str]) -> int:
    """Migrate, load the demo content and build the site, each in a child process."""
    py = sys.executable
    steps = [
        ("migrate", [py, "-m", "cms", "migrate", "--no-input", "-v", "0"]),
        ("load_demo", [py, "-m", "cms", "load_demo"]),
        ("build", [py, "-m", "sitebuild", "build"]),
    ]
    for name, command in steps:
        code = subprocess.call(command, env=env)
        if code:
            print(f"hub demo: steget '{name}' misslyckades (kod {code}).", file=sys.stderr)
            return code
    return 0


def servers(host: str, port: int, site_port: int) -> list[tuple[str, list[str]]]:
    """The three children: (Swedish name, command)."""
    py = sys.executable
    return [
        ("CMS:et", [py, "-m", "cms", "runserver", "--noreload", netloc(host, port)]),
        ("workern", [py, "-m", "cms", "hub_worker"]),
        ("webbplatsen", [py, "-m", "sitebuild", "serve", "--host", host, "--port", str(site_port)]),
    ]


def run(host: str, port: int, site_port: int, *, serve: bool = True) -> int:
    """``hub demo``: exit code 0 when stopped with Ctrl+C or SIGTERM."""
    if serve:
        problem = check_ports(host, port, site_port)
        if problem:
            print(problem, file=sys.stderr)
            return 1
    env = environment(host, port, site_port)
    code = _interruptible(prepare, env)
    if code or not serve:
        return code
    problem = check_ports(host, port, site_port)  # taken while the site was built?
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return run_together(servers(host, port, site_port), env, summary(host, port, site_port))


def _interruptible(step, *args) -> int:
    """Run ``step``; Ctrl+C or SIGTERM meanwhile ends it (and the child process it waits
    for) with one line instead of a traceback."""

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        return step(*args)
    except KeyboardInterrupt:
        print("\nhub demo: avbrutet.", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)


def summary(host: str, port: int, site_port: int) -> str:
    return (
        f"\nCMS:        http://{netloc(host, port)}/admin/\n"
        f"Webbplats:  http://{netloc(host, site_port)}/\n"
        "Workern bygger om webbplatsen när något publiceras. "
        "Bygg om för hand: .venv/bin/hub build\n"
        "Avsluta med Ctrl+C.\n"
    )


def run_together(commands: list[tuple[str, list[str]]], env: dict[str, str], banner: str) -> int:
    """Run ``commands`` side by side until SIGINT or SIGTERM (0) or until one of them stops
    by itself (its exit code, at least 1); every one is stopped before this returns."""
    signals: list[int] = []  # the stop signals received, in order

    def on_signal(signum, _frame):
        signals.append(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    children: list[tuple[str, subprocess.Popen]] = []
    try:
        for name, command in commands:
            if signals:
                break
            # A process group of its own: the terminal's Ctrl+C reaches this process only,
            # and stopping the group stops whatever the child started too.
            children.append((name, subprocess.Popen(command, env=env, process_group=0)))
        print(banner, flush=True)
        while not signals:
            for name, child in children:
                code = child.poll()
                if code is not None:
                    print(
                        f"hub demo: {name} avslutades (kod {code}), så allt stoppas.",
                        file=sys.stderr,
                    )
                    return code or 1
            time.sleep(0.2)
        return 0
    finally:
        stop([child for _name, child in children], signals)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def stop(children: list[subprocess.Popen], signals: list[int]) -> None:
    """SIGTERM to each child's process group; SIGKILL to what is left after ``GRACE``
    seconds, or at once when another stop signal arrives meanwhile."""
    asked = len(signals)
    _signal_groups(children, signal.SIGTERM)
    deadline = time.monotonic() + GRACE
    while any(child.poll() is None for child in children):
        if time.monotonic() > deadline or len(signals) > asked:
            break
        time.sleep(0.1)
    _signal_groups(children, signal.SIGKILL)  # the children's own children included
    for child in children:
        child.wait()


def _signal_groups(children: list[subprocess.Popen], sig: int) -> None:
    for child in children:
        try:
            os.killpg(child.pid, sig)
        except (ProcessLookupError, PermissionError):  # the group is gone already
            pass
