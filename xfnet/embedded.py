"""An embedded PostgreSQL for machines that have no database server.

With DATABASE_URL unset, settings call `embedded_database_url()`; the pgserver package
ships PostgreSQL binaries and starts (or re-attaches to) a server whose data lives in
a local folder, reached over a Unix socket. The server stops when the last process
that attached to it exits.
"""

from pathlib import Path


def embedded_database_url(data_dir: Path, database: str = "xfnet") -> str:
    import warnings

    # platformdirs warns about an unset XDG_RUNTIME_DIR on headless machines; harmless.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver
    import psycopg2

    pgdata = data_dir / "pgdata"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    pgserver.get_server(pgdata)
    conn = psycopg2.connect(dbname="postgres", user="postgres", host=str(pgdata))
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{database}"')
    conn.close()
    return f"postgresql://postgres:@/{database}?host={pgdata}"
