"""The suppression rule: small groups are hidden, and so are enough others that no hidden group can be worked
out from a total."""

import itertools
import random

import pytest

from stats.services.suppression import THRESHOLD, hidden_cells


def one_question(*counts: int) -> dict:
    return {(name, 0): count for name, count in zip("ABCDEFGH", counts, strict=False)}


def test_groups_of_five_or_more_are_all_shown_when_none_is_small():
    assert hidden_cells(one_question(5, 40, 12)) == set()


def test_a_small_group_takes_the_smallest_other_group_with_it():
    # With only A hidden, A = total - B - C; hiding B too leaves A + B known but neither alone.
    assert hidden_cells(one_question(3, 40, 12, 90)) == {("A", 0), ("C", 0)}


def test_two_small_groups_that_together_reach_five_are_enough_on_their_own():
    assert hidden_cells(one_question(2, 3, 40, 50)) == {("A", 0), ("B", 0)}


def test_small_groups_that_together_stay_under_five_take_another_group_with_them():
    # 1 + 2 = 3 answers hidden in all: the two could only be 0-3 apiece; hiding C makes the hidden sum 9.
    assert hidden_cells(one_question(1, 2, 6, 50)) == {("A", 0), ("B", 0), ("C", 0)}


def test_when_the_only_other_group_is_large_it_is_hidden_too():
    assert hidden_cells(one_question(3, 200)) == {("A", 0), ("B", 0)}


def test_in_a_two_question_table_every_row_and_column_with_a_hidden_cell_has_another():
    counts = {
        ("title A", "north"): 3, ("title A", "south"): 20, ("title A", "east"): 30,
        ("title B", "north"): 25, ("title B", "south"): 8, ("title B", "east"): 40,
        ("title C", "north"): 9, ("title C", "south"): 15, ("title C", "east"): 11,
    }  # fmt: skip

    hidden = hidden_cells(counts)

    assert_protected(counts, hidden)
    # A rectangle of four cells protects both rows and both columns: A-north's row partner A-south (20), its
    # column partner C-north (9), and C-south (15), which closes the rectangle and so beats the smaller B-south.
    assert hidden == {("title A", "north"), ("title A", "south"), ("title C", "north"), ("title C", "south")}


def assert_protected(counts: dict, hidden: set) -> None:
    for cell, count in counts.items():
        if count < THRESHOLD:
            assert cell in hidden
    for axis in (0, 1):
        for key in {cell[axis] for cell in counts}:
            line = [cell for cell in counts if cell[axis] == key]
            secret = [cell for cell in line if cell in hidden]
            if secret and len(secret) < len(line):
                assert len(secret) >= 2, f"only {secret} hidden in line {key}"
                assert sum(counts[c] for c in secret) >= THRESHOLD


@pytest.mark.parametrize("seed", range(25))
def test_on_random_tables_no_line_ever_has_a_single_hidden_cell(seed):
    rng = random.Random(seed)
    rows, columns = rng.randint(1, 7), rng.randint(1, 6)
    counts = {
        (row, column): rng.choice([1, 2, 3, 4, 5, 6, 8, 12, 30, 80])
        for row, column in itertools.product(range(rows), range(columns))
        if rng.random() > 0.15
    }

    assert_protected(counts, hidden_cells(counts))


def test_the_same_counts_always_hide_the_same_cells():
    counts = one_question(3, 7, 7, 7, 9)

    assert hidden_cells(counts) == hidden_cells(dict(reversed(list(counts.items())))) == {("A", 0), ("B", 0)}
