"""The search backend of the site and the admin: Wagtail's database backend (modelsearch) with two repairs.

WAGTAILSEARCH_BACKENDS names this module; modelsearch calls its SearchBackend(params) as it would its own.

1. Any filter Django can write is allowed on a search. modelsearch checks, before searching, that each filter
   of the queryset is a FilterField of the model: Elasticsearch needs that, the database backends do not, for
   they search by filtering that very queryset in SQL. The check failed two of the admin's own listings with a
   server error: the image chooser searched within a tag (`tags__name` is no FilterField of Wagtail's Image) and
   the image and document listings searched with their usage-count filter (an annotation the check cannot read).
2. A quote in the words searched is a quote, not SQLite syntax. The SQLite backend wraps each word in quotes
   for the full-text MATCH without doubling a quote inside one: `"data` was a syntax error ("unterminated
   string") in every search of the site and the admin. (PostgreSQL's backend escapes them itself.)
"""

from functools import cache

from django.db import connection
from modelsearch.backends import database
from modelsearch.query import Phrase, PlainText


class FiltersRunInSQL:
    """A query compiler mixin: the queryset's filters are left to the database, which runs them."""

    def _get_filters_from_queryset(self, check_only=False):
        if check_only:
            return None
        return super()._get_filters_from_queryset(check_only=check_only)


class QuotesAreText:
    """An SQLite query compiler mixin: a quote in a word is doubled, FTS5's escape inside a quoted string."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(query.query_string.replace('"', '""'))
        return super().build_search_query_content(query, config=config)


# Each vendor's module is imported only on its own database: the SQLite one looks up a model that exists only there.
@cache
def postgres_backend_class() -> type:
    from modelsearch.backends.database.postgres import postgres

    class SearchQueryCompiler(FiltersRunInSQL, postgres.PostgresSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(FiltersRunInSQL, postgres.PostgresAutocompleteQueryCompiler):
        pass

    class PostgresSearchBackend(postgres.PostgresSearchBackend):
        query_compiler_class = SearchQueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return PostgresSearchBackend


@cache
def sqlite_backend_class() -> type:
    from modelsearch.backends.database.sqlite import sqlite

    class SearchQueryCompiler(QuotesAreText, FiltersRunInSQL, sqlite.SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(QuotesAreText, FiltersRunInSQL, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        query_compiler_class = SearchQueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return SQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for in a backend module
    """The backend modelsearch's database backend would be, repaired where it is PostgreSQL's or SQLite's full-text
    one; any other (SQLite without FTS5) as modelsearch makes it."""
    if connection.vendor == "postgresql":
        return postgres_backend_class()(params)
    backend = database.SearchBackend(params)
    # Told apart by module, not isinstance: the SQLite module needs its full-text model, made only where FTS5 is.
    if type(backend).__module__ == "modelsearch.backends.database.sqlite.sqlite":
        return sqlite_backend_class()(params)
    return backend
