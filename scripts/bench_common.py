"""Helpers shared by the benchmark scripts (scripts/bench_*.py).

Each benchmark runs in its own database, created by Odoo's own command line
(`odoo-bin -i ... --stop-after-init`), then timed in-process through the ORM.
Run them with `make bench` (see scripts/bench.sh), never as tests.
"""

import contextlib
import os
import platform
import subprocess
import sys
import time

ODOO_SRC = os.environ.get("ODOO_SRC", "/opt/odoo-18.0")
ODOO_RC = os.environ["ODOO_RC"]
PY = os.environ.get("IT_ASSET_PY", sys.executable)


def machine():
    """One line describing this machine, for docs/BENCHMARKS.md."""
    mem = ""
    with contextlib.suppress(OSError), open("/proc/meminfo") as f:
        mem = f.readline().split()[1]
        mem = f", {int(mem) // 1024 // 1024} GiB"
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}"


def run_pg_client(program, *args):
    """Run one of PostgreSQL's client programs (dropdb, vacuumdb) against the
    bench cluster."""
    from odoo.tools import config  # noqa: PLC0415

    if not config.get("db_host"):
        config.parse_config(["-c", ODOO_RC])
    subprocess.run(
        [
            program,
            "-h",
            config["db_host"],
            "-p",
            str(config["db_port"]),
            "-U",
            "odoo",
            *args,
        ],
        check=True,
        env=dict(os.environ, PATH="/usr/lib/postgresql/15/bin:" + os.environ["PATH"]),
    )


def create_database(name, modules, demo=False):
    """Drop ``name`` and create it with ``modules`` installed (no demo data)."""
    run_pg_client("dropdb", "--if-exists", "--force", name)
    install_modules(name, modules, demo=demo, new=True)


def install_modules(name, modules, demo=False, new=False):
    """Install ``modules`` on the database ``name`` (``new``: just dropped,
    created by Odoo); no demo data unless ``demo``. The database is then
    vacuumed and analysed, as autovacuum would within a minute or two:
    otherwise its worker goes through the hundreds of tables the install
    wrote while the first timed steps run, on one of the two cores."""
    cmd = [
        PY,
        os.path.join(ODOO_SRC, "odoo-bin"),
        "-c",
        ODOO_RC,
        "-d",
        name,
        "-i",
        ",".join(modules),
        "--stop-after-init",
    ]
    if not demo and new:
        cmd.append("--without-demo=all")
    subprocess.run(cmd, check=True)
    run_pg_client("vacuumdb", "--analyze", "--quiet", name)


@contextlib.contextmanager
def environment(dbname, reload=False):
    """Yield a superuser env on ``dbname``; the caller commits when it wants.
    ``reload``: a new registry (modules were installed meanwhile)."""
    import odoo  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    if not config.get("db_host"):
        # parsed once per process (Odoo's parser refuses a second pass)
        config.parse_config(["-c", ODOO_RC])
    Registry = odoo.modules.registry.Registry
    registry = Registry.new(dbname) if reload else Registry(dbname)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        yield env


@contextlib.contextmanager
def timer(results, key):
    """Measure the wall time of the block into ``results[key]`` (seconds)."""
    start = time.perf_counter()
    yield
    results[key] = time.perf_counter() - start
