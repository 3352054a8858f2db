"""Which cells of a salary table are hidden: every group with fewer than THRESHOLD answers, and as many more as
it takes so that no hidden group can be worked out by subtracting the shown groups from a total."""

from collections.abc import Hashable

THRESHOLD = 5


def hidden_cells(counts: dict[tuple[Hashable, Hashable], int], threshold: int = THRESHOLD) -> set[tuple]:
    """The cells (row, column) to hide, given each cell's number of answers.

    Primary suppression hides cells under `threshold`. Complementary suppression then works line by line, over
    every row and every column (their totals are published elsewhere: the one-question tables, the total of
    answers): a line with hidden cells must hide at least two, together holding at least `threshold` answers,
    or subtracting the visible cells from the line's total would give the hidden one away. The cell hidden next
    is one whose crossing line already hides a cell (so it protects two lines at once, and the hidden cells
    close into rectangles instead of spreading), then the smallest; ties go by the cell, so the same data always
    hides the same cells. Lines are checked again until nothing changes. A one-question table is a single column.
    """
    hidden = {cell for cell, count in counts.items() if count < threshold}
    lines: dict[tuple, list[tuple]] = {}
    for cell in counts:
        lines.setdefault(("row", cell[0]), []).append(cell)
        lines.setdefault(("column", cell[1]), []).append(cell)

    def crossing(cell, line_key):
        other = ("column", cell[1]) if line_key[0] == "row" else ("row", cell[0])
        return lines[other]

    changed = bool(hidden)
    while changed:
        changed = False
        for line_key in sorted(lines, key=str):
            cells = lines[line_key]
            secret = [cell for cell in cells if cell in hidden]
            while secret and (len(secret) < 2 or sum(counts[cell] for cell in secret) < threshold):
                visible = [cell for cell in cells if cell not in hidden]
                if not visible:
                    break
                cell = min(
                    visible,
                    key=lambda c: (not any(x in hidden for x in crossing(c, line_key)), counts[c], str(c)),
                )
                hidden.add(cell)
                secret.append(cell)
                changed = True
    return hidden
