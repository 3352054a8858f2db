"""Instant-runoff against hand-worked examples, ties included (the tie-break rule is in polls/services/runoff.py
and README.md: earlier rounds first, latest first; then the choice listed last in the poll goes out)."""

from polls.services.runoff import instant_runoff


def ballots(*groups):
    """{ranking: count} from (count, "A>B>C") pairs."""
    return {tuple(text.split(">")): count for count, text in groups}


def summary(runoff):
    return [(dict(r.counts), r.eliminated, r.tie_broken) for r in runoff.rounds], runoff.winner


def test_a_majority_of_first_preferences_wins_in_the_first_round():
    rounds, winner = summary(instant_runoff("ABC", ballots((3, "A>B>C"), (1, "B>C>A"), (1, "C>B>A"))))

    assert rounds == [({"A": 3, "B": 1, "C": 1}, None, False)]
    assert winner == "A"


def test_the_last_choice_goes_out_and_its_ballots_move_to_their_next_choice():
    # 9 ballots, a majority is 5. C (2) goes out; its ballots go to B, who then has 5 against A's 4.
    rounds, winner = summary(instant_runoff("ABC", ballots((4, "A>B>C"), (3, "B>C>A"), (2, "C>B>A"))))

    assert rounds == [({"A": 4, "B": 3, "C": 2}, "C", False), ({"A": 4, "B": 5}, None, False)]
    assert winner == "B"


def test_the_leader_of_the_first_round_can_lose():
    # A leads every round but never has a majority: the transfers elect B.
    runoff = instant_runoff("ABCD", ballots((8, "A>D>B>C"), (6, "B>C>A>D"), (5, "C>B>D>A"), (3, "D>C>B>A")))

    assert [dict(r.counts) for r in runoff.rounds] == [
        {"A": 8, "B": 6, "C": 5, "D": 3},
        {"A": 8, "B": 6, "C": 8},  # D's 3 went to C
        {"A": 8, "C": 14},  # B's 6 went to C
    ]
    assert [r.eliminated for r in runoff.rounds] == ["D", "B", None]
    assert runoff.winner == "C"


def test_a_tie_for_fewest_is_broken_by_the_earlier_round():
    # Round 1: A7 B5 C4 D3 -> D out; 1 to B, 2 to C. Round 2: A7 B6 C6: B and C tie; in round 1 C had fewer, so
    # C goes out. Its 4 "C>B" ballots go to B, its 2 "D>C>A" ballots to A: A9 B10 of 19, B has the majority.
    runoff = instant_runoff(
        "ABCD",
        ballots((7, "A>B>C>D"), (5, "B>A>C>D"), (4, "C>B>A>D"), (1, "D>B>C>A"), (2, "D>C>A>B")),
    )

    assert summary(runoff) == (
        [
            ({"A": 7, "B": 5, "C": 4, "D": 3}, "D", False),
            ({"A": 7, "B": 6, "C": 6}, "C", True),
            ({"A": 9, "B": 10}, None, False),
        ],
        "B",
    )
    assert runoff.tie_broken


def test_a_tie_in_every_round_sends_the_choice_listed_last_out():
    votes = ballots((3, "A>B>C"), (2, "B>C>A"), (2, "C>B>A"))

    # B and C tie in the first round, with no earlier round: C is listed last, goes out, and its ballots elect B.
    assert summary(instant_runoff("ABC", votes)) == (
        [({"A": 3, "B": 2, "C": 2}, "C", True), ({"A": 3, "B": 4}, None, False)],
        "B",
    )
    # Listed the other way round, B goes out instead, and its ballots elect C.
    assert summary(instant_runoff("ACB", votes)) == (
        [({"A": 3, "C": 2, "B": 2}, "B", True), ({"A": 3, "C": 4}, None, False)],
        "C",
    )


def test_an_even_final_round_is_decided_by_the_tie_break_and_says_so():
    runoff = instant_runoff("AB", ballots((2, "A>B"), (2, "B>A")))

    assert summary(runoff) == ([({"A": 2, "B": 2}, "B", True), ({"A": 4}, None, False)], "A")
    assert runoff.tie_broken


def test_ballots_with_no_choice_left_stop_counting():
    runoff = instant_runoff("ABC", {("A",): 3, ("B",): 2, ("C",): 2})

    # C goes out (tie with B, listed last); its 2 ballots name nobody else: 5 ballots still count, A has 3.
    rounds = [(dict(r.counts), r.exhausted) for r in runoff.rounds]
    assert rounds == [({"A": 3, "B": 2, "C": 2}, 0), ({"A": 3, "B": 2}, 2)]
    assert runoff.winner == "A"


def test_no_ballots_no_rounds_and_no_winner():
    assert summary(instant_runoff("ABC", {})) == ([], None)
