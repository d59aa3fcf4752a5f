"""Swedish order in the database: a–z, then å, ä, ö (ü as y).

SQLite compares text byte for byte ("Zon" before "Åtgärd" only by luck, "Ö" before "ä"), so
every SQLite connection gets a collation named ``swedish`` that compares with
``swedish.swedish_sort_key`` (registered in ``CoreConfig.ready``). PostgreSQL has ICU's
Swedish collation built in. ``Swedish("title")`` names the right one for either database,
so a listing can be sorted, and paged, by the database:
``CaseRecord.objects.order_by(Swedish("title"))``.
"""

from django.db.models import F
from django.db.models.functions import Collate

from swedish import swedish_sort_key

#: The collation registered on every SQLite connection.
SQLITE_COLLATION = "swedish"
#: ICU's Swedish collation, which PostgreSQL creates with every database (built with ICU,
#: as Debian's and the official images are).
POSTGRESQL_COLLATION = "sv-x-icu"


class Swedish(Collate):
    """A text expression (or a field name) compared in Swedish order."""

    def __init__(self, expression):
        if isinstance(expression, str):
            expression = F(expression)
        super().__init__(expression, SQLITE_COLLATION)

    def as_postgresql(self, compiler, connection, **extra_context):
        extra_context["collation"] = connection.ops.quote_name(POSTGRESQL_COLLATION)
        return self.as_sql(compiler, connection, **extra_context)


def compare(a: str, b: str) -> int:
    """SQLite's collation function: negative, zero or positive as ``a`` sorts before, with
    or after ``b`` in Swedish."""
    key_a, key_b = swedish_sort_key(a), swedish_sort_key(b)
    return (key_a > key_b) - (key_a < key_b)


def add_sqlite_collation(sender, connection, **kwargs):
    """``connection_created`` receiver: teach a new SQLite connection the Swedish order."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, compare)
