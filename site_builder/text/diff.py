"""Aligning two sequences with a guaranteed bound: Myers' diff with a work budget.

The work allowed grows linearly with the input (``WORK_PER_ITEM`` steps per item, plus
``WORK_BASE``); a pair of sequences that would need more is aligned coarsely instead: what is
not a common prefix or suffix becomes one changed run. That is git's answer (xdiff's cost cap)
to inputs that would otherwise take minutes, and it is deterministic: no clock decides anything.

themes/default/static/compare.js implements the same steps, in the same order, so that the
browser's comparison of two versions gives exactly the marks of the build's changes pages;
tests run shared fixtures through both.
"""

from __future__ import annotations

from typing import Sequence

WORK_PER_ITEM = 64
WORK_BASE = 20_000

Run = tuple[bool, int, int, int, int]  # (same, a_start, a_end, b_start, b_end)


def align(a: Sequence, b: Sequence) -> list[Run]:
    """Runs covering both sequences in order, each either equal on both sides or changed."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    middle = _myers(a[start:end_a], b[start:end_b], WORK_BASE + WORK_PER_ITEM * (len(a) + len(b)))
    runs: list[list] = []
    _add(runs, True, 0, start, 0, start)
    for same, i1, i2, j1, j2 in middle:
        _add(runs, same, start + i1, start + i2, start + j1, start + j2)
    _add(runs, True, end_a, len(a), end_b, len(b))
    return [tuple(run) for run in runs]


def _add(runs: list[list], same: bool, i1: int, i2: int, j1: int, j2: int) -> None:
    """Append a run, merging it into the last one when both are equal or both changed."""
    if i1 == i2 and j1 == j2:
        return
    if runs and runs[-1][0] == same:
        runs[-1][2], runs[-1][4] = i2, j2
    else:
        runs.append([same, i1, i2, j1, j2])


def _myers(a: Sequence, b: Sequence, budget: int) -> list[Run]:
    """The shortest edit script as runs; one changed run when it costs more than ``budget``."""
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return [(False, 0, n, 0, m)] if n or m else []
    offset = n + m + 1
    furthest = [0] * (2 * offset + 1)
    trace = []
    work = 0
    for d in range(n + m + 1):
        trace.append(furthest[offset - d - 1:offset + d + 2])
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and furthest[offset + k - 1] < furthest[offset + k + 1]):
                x = furthest[offset + k + 1]
            else:
                x = furthest[offset + k - 1] + 1
            y = x - k
            while x < n and y < m and a[x] == b[y]:
                x += 1
                y += 1
                work += 1
            furthest[offset + k] = x
            work += 1
            if x >= n and y >= m:
                return _backtrack(trace, n, m, d)
        if work > budget:
            return [(False, 0, n, 0, m)]
    raise AssertionError("unreachable: n + m edits always suffice")


def _backtrack(trace: list[list[int]], n: int, m: int, distance: int) -> list[Run]:
    """Walk the saved frontiers back from (n, m); the runs from the start."""
    steps = []  # (a_step, b_step) per move, last first: (1, 1) equal, (1, 0) deleted, (0, 1) added
    x, y = n, m
    for d in range(distance, 0, -1):
        frontier = trace[d]  # the frontier before step d: frontier[k + d + 1] is furthest[k]
        k = x - y
        down = k == -d or (k != d and frontier[k - 1 + d + 1] < frontier[k + 1 + d + 1])
        previous_k = k + 1 if down else k - 1
        previous_x = frontier[previous_k + d + 1]
        previous_y = previous_x - previous_k
        edited_x = previous_x if down else previous_x + 1  # where the edit ends, the snake starts
        steps.extend([(1, 1)] * (x - edited_x))
        steps.append((0, 1) if down else (1, 0))
        x, y = previous_x, previous_y
    steps.extend([(1, 1)] * x)
    runs: list[list] = []
    ax = by = 0
    for step_a, step_b in reversed(steps):
        _add(runs, step_a == step_b, ax, ax + step_a, by, by + step_b)
        ax, by = ax + step_a, by + step_b
    return [tuple(run) for run in runs]
