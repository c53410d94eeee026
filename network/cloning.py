"""Cloning the template schema in time that does not grow with the network.

django-tenants' `clone_schema()` SQL function reads `information_schema`, whose
views cover every schema in the database: with 45 schemas one clone took 5.3 s,
and it keeps growing. A Wagtail tenant schema holds only tables with identity
columns, constraints and indexes, so this cloner reads just the template's own
catalog rows (by namespace oid) and replays them, keeping every constraint and
index name so later migrations find them. The template's data (root page, root
collection, locale, the applied-migrations table) is copied along, so the clone
needs no fake migration run either.
"""

from dataclasses import dataclass

from django.db import connection


class UnsupportedTemplate(Exception):
    """The template holds an object kind this cloner does not copy."""


@dataclass
class TemplateDDL:
    tables: list[str]
    constraints: list[tuple[str, str, str]]  # table, name, definition
    indexes: list[str]
    identities: list[tuple[str, str]]  # table, column


def _fetch(cursor, sql, params):
    cursor.execute(sql, params)
    return cursor.fetchall()


def read_template(template: str) -> TemplateDDL:
    """Read the template's definitions with an empty search_path, so that every
    name comes out schema-qualified and can be re-pointed at the new schema."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('search_path')")
        (search_path,) = cursor.fetchone()
        cursor.execute("SELECT set_config('search_path', '', false)")
        try:
            (namespace,) = _fetch(
                cursor, "SELECT oid FROM pg_namespace WHERE nspname = %s", [template]
            )[0]
            _refuse_unsupported(cursor, namespace)
            tables = [
                name
                for (name,) in _fetch(
                    cursor,
                    "SELECT relname FROM pg_class WHERE relnamespace = %s AND relkind = 'r' "
                    "ORDER BY relname",
                    [namespace],
                )
            ]
            # primary keys, then unique, then checks, then foreign keys
            constraints = _fetch(
                cursor,
                "SELECT c.relname, con.conname, pg_get_constraintdef(con.oid) "
                "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
                "WHERE con.connamespace = %s "
                "ORDER BY position(con.contype::text in 'pucxf'), "
                "c.relname, con.conname",
                [namespace],
            )
            indexes = [
                definition
                for (definition,) in _fetch(
                    cursor,
                    "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    "JOIN pg_class c ON c.oid = i.indrelid "
                    "WHERE c.relnamespace = %s AND NOT EXISTS "
                    "(SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid) "
                    "ORDER BY 1",
                    [namespace],
                )
            ]
            identities = _fetch(
                cursor,
                "SELECT c.relname, a.attname FROM pg_attribute a "
                "JOIN pg_class c ON c.oid = a.attrelid "
                "WHERE c.relnamespace = %s AND c.relkind = 'r' AND a.attidentity <> '' "
                "AND NOT a.attisdropped",
                [namespace],
            )
        finally:
            cursor.execute("SELECT set_config('search_path', %s, false)", [search_path])
    return TemplateDDL(tables, constraints, indexes, identities)


def _refuse_unsupported(cursor, namespace):
    checks = {
        "views, sequences outside identity columns or other relations": (
            "SELECT count(*) FROM pg_class s WHERE s.relnamespace = %(ns)s "
            "AND (s.relkind NOT IN ('r', 'i', 'S') OR (s.relkind = 'S' AND NOT EXISTS "
            "(SELECT 1 FROM pg_depend d WHERE d.objid = s.oid AND d.deptype = 'i')))"
        ),
        "column defaults that use sequences": (
            "SELECT count(*) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid "
            "WHERE c.relnamespace = %(ns)s AND pg_get_expr(d.adbin, d.adrelid) LIKE '%%nextval%%'"
        ),
        "triggers": (
            "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = %(ns)s AND NOT t.tgisinternal"
        ),
        "functions": "SELECT count(*) FROM pg_proc WHERE pronamespace = %(ns)s",
    }
    for kind, sql in checks.items():
        cursor.execute(sql, {"ns": namespace})
        if cursor.fetchone()[0]:
            raise UnsupportedTemplate(f"the template schema has {kind}")


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


def clone_schema(template: str, new: str) -> None:
    """Create schema `new` with the template's tables, data, constraints and indexes."""
    ddl = read_template(template)
    src, dst = _quote(template), _quote(new)
    statements = [f"CREATE SCHEMA {dst}"]
    for table in ddl.tables:
        t = _quote(table)
        statements.append(
            f"CREATE TABLE {dst}.{t} (LIKE {src}.{t} INCLUDING DEFAULTS INCLUDING IDENTITY "
            "INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMMENTS)"
        )
        statements.append(f"INSERT INTO {dst}.{t} OVERRIDING SYSTEM VALUE SELECT * FROM {src}.{t}")
    for table, column in ddl.identities:
        t, c = _quote(table), _quote(column)
        statements.append(
            f"SELECT setval(pg_get_serial_sequence('{dst}.{t}', '{column}'), "
            f"COALESCE((SELECT max({c}) FROM {dst}.{t}), 0) + 1, false)"
        )
    for table, name, definition in ddl.constraints:
        statements.append(
            f"ALTER TABLE {dst}.{_quote(table)} ADD CONSTRAINT {_quote(name)} "
            + _repoint(definition, template, new)
        )
    statements += [_repoint(definition, template, new) for definition in ddl.indexes]
    with connection.cursor() as cursor:
        cursor.execute(";\n".join(statements))


def _repoint(definition: str, template: str, new: str) -> str:
    """Rewrite references to the template's objects to the new schema's."""
    for old in (f"{_quote(template)}.", f"{template}."):
        definition = definition.replace(old, f"{_quote(new)}.")
    return definition
