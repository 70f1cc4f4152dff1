"""A real PostgreSQL for the central service's tests: the machine's cluster, a role and a database of ours.

The cluster is started if it is down (and stopped again at the end only then: a cluster found running is
left running). Each test gets a schema of its own in the session's database, named in the URL's
``search_path``, so tests never see each other's rows and no test pays for a CREATE DATABASE.
"""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

ROLE = "kiosk_central_test"
DATABASE_PREFIX = "kiosk_central_test_"
COMMAND_TIMEOUT_S = 60


class PostgresUnavailable(RuntimeError):
    pass


@dataclass(frozen=True)
class Cluster:
    version: str
    name: str
    port: int
    online: bool


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S, check=False)


def find_cluster() -> Cluster:
    if shutil.which("pg_lsclusters") is None or shutil.which("pg_ctlcluster") is None:
        raise PostgresUnavailable("PostgreSQL is not installed (no pg_lsclusters / pg_ctlcluster)")
    listing = _run("pg_lsclusters", "--no-header")
    for line in listing.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 4:
            return Cluster(fields[0], fields[1], int(fields[2]), fields[3].startswith("online"))
    raise PostgresUnavailable("PostgreSQL is installed but has no cluster")


def _psql(sql: str, database: str = "postgres") -> None:
    if os.geteuid() != 0:
        raise PostgresUnavailable("creating the test role needs root (su postgres)")
    command = f"psql -X -q -v ON_ERROR_STOP=1 -d {database} -c {shlex.quote(sql)}"
    done = subprocess.run(["su", "postgres", "-c", command], capture_output=True, text=True, cwd="/",
                          timeout=COMMAND_TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise PostgresUnavailable(f"psql failed: {done.stderr.strip()}")


@contextmanager
def session_database() -> Iterator[str]:
    """A fresh database owned by a role with a password; yields its SQLAlchemy URL (TCP, 127.0.0.1)."""
    cluster = find_cluster()
    started_here = False
    if not cluster.online:
        start = _run("pg_ctlcluster", cluster.version, cluster.name, "start")
        # Another session (an xdist worker beside this one) may have started it a moment before.
        if start.returncode != 0 and not find_cluster().online:
            raise PostgresUnavailable(f"cannot start PostgreSQL {cluster.version}/{cluster.name}: "
                                      f"{start.stderr.strip()}")
        # Under pytest-xdist a worker leaves it running: the run's controller stops it (tests/conftest.py).
        started_here = start.returncode == 0 and "PYTEST_XDIST_WORKER" not in os.environ
    database = f"{DATABASE_PREFIX}{os.getpid()}"
    # A role per session: test sessions share the machine's cluster, and one session setting a shared
    # role's password would lock the others out mid-run.
    role = f"{ROLE}_{os.getpid()}"
    password = secrets.token_hex(16)
    try:
        _psql(f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN "
              f"CREATE ROLE {role} LOGIN; END IF; END $$; ALTER ROLE {role} PASSWORD '{password}'")
        _psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        _psql(f"CREATE DATABASE {database} OWNER {role}")
        yield f"postgresql+psycopg://{role}:{quote(password)}@127.0.0.1:{cluster.port}/{database}"
    finally:
        try:
            _psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            _psql(f"DROP ROLE IF EXISTS {role}")
        finally:
            # Stopped only if this session started it and no other session's database is still there.
            if started_here and not _other_sessions(cluster):
                _run("pg_ctlcluster", cluster.version, cluster.name, "stop")


def cluster_online() -> bool | None:
    """Whether the machine's cluster runs (None: there is none to run)."""
    try:
        return find_cluster().online
    except PostgresUnavailable:
        return None


def stop_unless_used() -> None:
    """Stop the cluster, unless a test session's database is still on it."""
    cluster = find_cluster()
    if cluster.online and not _other_sessions(cluster):
        _run("pg_ctlcluster", cluster.version, cluster.name, "stop")


def _other_sessions(cluster: Cluster) -> bool:
    """Another test session's database is on the cluster (unknown counts as yes: never stop under one)."""
    sql = f"SELECT count(*) FROM pg_database WHERE datname LIKE '{DATABASE_PREFIX}%'"
    command = f"psql -X -q -tA -p {cluster.port} -d postgres -c {shlex.quote(sql)}"
    done = subprocess.run(["su", "postgres", "-c", command], capture_output=True, text=True, cwd="/",
                          timeout=COMMAND_TIMEOUT_S, check=False)
    return done.returncode != 0 or done.stdout.strip() != "0"


@contextmanager
def schema_of_its_own(database_url: str) -> Iterator[str]:
    """A new schema in the test database; yields a URL whose connections work in it (search_path)."""
    schema = f"t_{secrets.token_hex(6)}"
    engine = create_engine(database_url, poolclass=NullPool)  # no pooled connection to outlive an outage
    try:
        with engine.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        yield f"{database_url}?options={quote(f'-csearch_path={schema}')}"
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    finally:
        engine.dispose()


@contextmanager
def outage(database_url: str) -> Iterator[None]:
    """The database refuses connections and drops the open ones, until the block ends."""
    database = make_url(database_url).database
    _psql(f"ALTER DATABASE {database} ALLOW_CONNECTIONS false")
    try:
        _psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' "
              "AND pid <> pg_backend_pid()")
        yield
    finally:
        _psql(f"ALTER DATABASE {database} ALLOW_CONNECTIONS true")
