"""The schema cloner must reproduce the template exactly, names included."""

import pytest
from django.db import connection

from network.cloning import UnsupportedTemplate, clone_schema

pytestmark = pytest.mark.django_db

TEMPLATE = "xf_template"


def catalog(schema):
    """Tables and columns, constraints and indexes, with the schema's name taken out."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('search_path', '', true)")
        cursor.execute(
            """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   a.attidentity, pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = %s AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """,
            [schema],
        )
        columns = set(cursor.fetchall())
        cursor.execute(
            """
            SELECT c.relname, con.conname, con.contype, con.condeferrable, con.condeferred,
                   pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = con.connamespace WHERE n.nspname = %s
            """,
            [schema],
        )
        constraints = {(*row[:-1], row[-1].replace(f"{schema}.", "S.")) for row in cursor}
        # A partial index's predicate is re-printed in an equivalent but different
        # form after a round trip (ARRAY[...]::text[] vs ARRAY[x::text, ...]), so
        # predicates are compared by presence, the rest of the definition exactly.
        cursor.execute(
            "SELECT indexname, split_part(indexdef, ' WHERE ', 1), indexdef LIKE '%% WHERE %%' "
            "FROM pg_indexes WHERE schemaname = %s",
            [schema],
        )
        indexes = {
            (name, sql.replace(f"{schema}.", "S."), partial) for name, sql, partial in cursor
        }
        cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations')
        migrations = set(cursor.fetchall())
    return columns, constraints, indexes, migrations


def test_a_backbone_schema_is_an_exact_copy_of_the_template(net):
    template, clone = catalog(TEMPLATE), catalog(net.county1.tenant.schema_name)
    for part, (expected, actual) in zip(
        ("columns", "constraints", "indexes", "migrations"),
        zip(template, clone, strict=True),
        strict=True,
    ):
        assert expected, part
        assert expected == actual, part


def test_identity_columns_continue_after_the_copied_rows(net):
    clone_schema(TEMPLATE, "zz_clone_probe")
    with connection.cursor() as cursor:
        cursor.execute('SELECT max(id) FROM "zz_clone_probe".wagtailcore_page')
        (highest,) = cursor.fetchone()
        cursor.execute(
            'INSERT INTO "zz_clone_probe".wagtailcore_locale (language_code) VALUES (%s) '
            "RETURNING id",
            ["en"],
        )
        assert cursor.fetchone()[0] > 1
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('\"zz_clone_probe\".wagtailcore_page', 'id'))"
        )
        assert cursor.fetchone()[0] == highest + 1


def test_a_template_with_objects_the_cloner_cannot_copy_is_refused(net):
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA zz_odd; CREATE TABLE zz_odd.t (id int)")
        cursor.execute("CREATE VIEW zz_odd.v AS SELECT id FROM zz_odd.t")
    with pytest.raises(UnsupportedTemplate, match="views"):
        clone_schema("zz_odd", "zz_odd_copy")
