"""Small-count suppression in the dashboards: every figure passes the rule before anyone sees
it, in the dashboard, the charts, CSV and JSON exports and the API alike, because all of them
render values that went through `suppress()` (figures.base.assemble()) and nothing else.

The rule itself (the threshold, the text shown instead, the function) is accounts.suppression,
which the survey's figures use too; it is re-exported here for the insights modules.
"""

from accounts.suppression import MIN_PEOPLE, SUPPRESSED, Shown, is_suppressed, suppress

__all__ = ["MIN_PEOPLE", "SUPPRESSED", "Shown", "is_suppressed", "suppress"]
