"""`column = ANY(array)`: one query parameter for any number of values.

`pk__in=[...]` sends one parameter per value; the search page hands thousands of matching
ids to its facet counts, which `pk__any=[...]` sends as a single array."""

from django.db.models import Lookup


class AnyLookup(Lookup):
    lookup_name = "any"
    prepare_rhs = False  # the right-hand side is a list, passed whole as an array

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]
