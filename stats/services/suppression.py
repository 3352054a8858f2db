"""Which cells of a salary table are hidden: every group with fewer than THRESHOLD answers, and as many more as
it takes so that no hidden group can be worked out by subtracting the shown groups from a total."""

from collections.abc import Hashable

THRESHOLD = 5


def hidden_cells(counts: dict[tuple[Hashable, Hashable], int], threshold: int = THRESHOLD) -> set[tuple]:
    """The cells (row, column) to hide, given each cell's number of answers.

    Primary suppression hides cells under `threshold`. Complementary suppression then works line by line, over
    every row and every column (their totals are published elsewhere: the one-question tables, the total of
    answers): a line with hidden cells must hide at least two, together holding at least `threshold` answers,
    or subtracting the visible cells from the line's total would give the hidden one away. The smallest visible
    cell of the line is hidden next (ties by cell, so the same data always hides the same cells), and lines
    are checked again until nothing changes. A one-question table is the case of a single column.
    """
    hidden = {cell for cell, count in counts.items() if count < threshold}
    lines: dict[tuple, list[tuple]] = {}
    for cell in counts:
        lines.setdefault(("row", cell[0]), []).append(cell)
        lines.setdefault(("column", cell[1]), []).append(cell)
    changed = bool(hidden)
    while changed:
        changed = False
        for cells in lines.values():
            secret = [cell for cell in cells if cell in hidden]
            if not secret:
                continue
            visible = sorted((counts[cell], cell) for cell in cells if cell not in hidden)
            while visible and (len(secret) < 2 or sum(counts[cell] for cell in secret) < threshold):
                _count, cell = visible.pop(0)
                hidden.add(cell)
                secret.append(cell)
                changed = True
    return hidden
