"""Small-count suppression in the dashboards: every figure passes the rule before anyone sees
it, in the dashboard, the charts, CSV and JSON exports and the API alike, because all of them
render values that went through `suppress()` (figures.base.assemble()) and nothing else.

The rule itself (the threshold, the text shown instead, the function) is accounts.suppression,
which the survey's figures use too; it is re-exported here for the insights modules.

Tables whose cells add up to published totals (the effect figures: a street's answers per
category add up to its respondents, a wijk's streets add up to the wijk) need more: hiding a
small cell is not enough when its row total minus the other cells gives it back. `protect()`
adds complementary suppression, and `audit()` is the attacker that tries to get a hidden cell
back (used by the tests; pure Python, no Django).
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

from accounts.suppression import MIN_PEOPLE, SUPPRESSED, Shown, is_suppressed, suppress

__all__ = [
    "HIDDEN",
    "MIN_PEOPLE",
    "SUPPRESSED",
    "Line",
    "Shown",
    "audit",
    "is_suppressed",
    "protect",
    "suppress",
]

# What a cell hidden only to protect a small one shows: not "< 5", which would be untrue
# (and, being untrue, would itself tell the reader something).
HIDDEN = "×"


@dataclass(frozen=True)
class Line:
    """An additive relation a reader can see: `total` is the sum of `parts`."""

    total: Hashable
    parts: tuple[Hashable, ...]

    @property
    def cells(self) -> tuple[Hashable, ...]:
        return (self.total, *self.parts)


@dataclass(frozen=True)
class Protection:
    primary: frozenset
    complementary: frozenset

    @property
    def hidden(self) -> frozenset:
        return self.primary | self.complementary

    def shown(self, key: Hashable, value) -> Shown:
        if key in self.primary:
            return SUPPRESSED
        if key in self.complementary:
            return HIDDEN
        return value


def protect(counts: dict[Hashable, int], lines: Iterable[Line]) -> Protection:
    """Which cells to hide so that no line gives a small group back.

    `counts` are counts of people; a cell below MIN_PEOPLE (zero included) is hidden
    (primary). Then, until nothing changes, every line is made safe: a line with hidden cells
    has at least two of them, and when its total is shown, the hidden parts together hold at
    least MIN_PEOPLE people (so "total minus the shown parts" is never a small group). The
    cell added is the line's smallest shown part (the least information lost), else its total.
    """
    lines = list(lines)
    primary = {key for key, value in counts.items() if value < MIN_PEOPLE}
    hidden = set(primary)
    changed = True
    while changed:
        changed = False
        for line in lines:
            while _needs_more(line, counts, hidden):
                shown_parts = sorted(
                    (p for p in line.parts if p not in hidden), key=lambda p: (counts[p], str(p))
                )
                extra = shown_parts[0] if shown_parts else line.total
                if extra in hidden:
                    break  # Everything in this line is hidden: nothing more to give away.
                hidden.add(extra)
                changed = True
    return Protection(frozenset(primary), frozenset(hidden - primary))


def _needs_more(line: Line, counts, hidden) -> bool:
    hidden_cells = [cell for cell in line.cells if cell in hidden]
    if not hidden_cells:
        return False
    if len(hidden_cells) == 1:
        return True
    if line.total in hidden:
        return False
    return sum(counts[p] for p in line.parts if p in hidden) < MIN_PEOPLE


@dataclass(frozen=True)
class Leak:
    cells: frozenset
    value: int
    how: str


def audit(counts: dict[Hashable, int], lines: Iterable[Line], hidden: Iterable) -> list[Leak]:
    """Every way the attacker found to a hidden cell or to a hidden group below MIN_PEOPLE.

    The attacker knows every shown cell and every line. Tried: each line on its own (a total
    minus its shown parts), every sum and difference of two lines (one report's total minus
    an overlapping report's), and finally all lines at once by exact elimination, which finds
    any hidden cell that some linear combination of published figures pins down.
    """
    lines, hidden = list(lines), set(hidden)
    equations = [_equation(line, counts, hidden) for line in lines]
    leaks = []
    candidates = [(eq, f"{lines[i].total}") for i, eq in enumerate(equations)]
    for (i, a), (j, b) in combinations(enumerate(equations), 2):
        for sign, word in ((1, "+"), (-1, "-")):
            combined = _combine(a, b, sign)
            candidates.append((combined, f"{lines[i].total} {word} {lines[j].total}"))
    for (coefficients, constant), how in candidates:
        if not coefficients:
            continue
        signs = set(coefficients.values())
        if signs in ({1}, {-1}):
            value = constant if signs == {1} else -constant
            if value < MIN_PEOPLE:
                leaks.append(Leak(frozenset(coefficients), int(value), how))
    for cell, value in _determined(equations).items():
        leaks.append(Leak(frozenset([cell]), int(value), "elimination"))
    return leaks


def _equation(line: Line, counts, hidden):
    """total - Σ parts = 0, with the shown cells moved to the constant: Σ c·x = constant."""
    coefficients: dict = {}
    constant = 0
    for cell, factor in ((line.total, 1), *((p, -1) for p in line.parts)):
        if cell in hidden:
            coefficients[cell] = coefficients.get(cell, 0) + factor
        else:
            constant -= factor * counts[cell]
    return {k: v for k, v in coefficients.items() if v}, constant


def _combine(a, b, sign):
    coefficients = dict(a[0])
    for key, value in b[0].items():
        coefficients[key] = coefficients.get(key, 0) + sign * value
    return {k: v for k, v in coefficients.items() if v}, a[1] + sign * b[1]


def _determined(equations) -> dict:
    """The hidden cells that the system of equations fixes, by Gauss-Jordan over fractions."""
    cells = sorted({cell for coefficients, _c in equations for cell in coefficients}, key=str)
    index = {cell: i for i, cell in enumerate(cells)}
    rows = []
    for coefficients, constant in equations:
        if coefficients:
            row = [Fraction(0)] * (len(cells) + 1)
            for cell, value in coefficients.items():
                row[index[cell]] = Fraction(value)
            row[-1] = Fraction(constant)
            rows.append(row)
    pivot_row = 0
    for column in range(len(cells)):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][column] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        pivot = rows[pivot_row][column]
        rows[pivot_row] = [value / pivot for value in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [v - factor * p for v, p in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1
    determined = {}
    for row in rows[:pivot_row]:
        nonzero = [i for i, value in enumerate(row[:-1]) if value != 0]
        if len(nonzero) == 1:
            determined[cells[nonzero[0]]] = row[-1]
    return determined
