"""Pages to render, in batches for the workers. A batch's bodies are rendered for it and let go
after it (so that only its bodies are in memory at once): a body that jobs on both sides of a
cut need is rendered twice. The cuts fall where the fewest are."""

from __future__ import annotations

from itertools import accumulate

from site_builder.render.pages import PageJob

BATCH_JOBS = 200  # a batch's usual size, at most (half as much again where that cuts better)
MIN_BATCH_JOBS = 16  # below this, a task costs more to send than to do


def batches(jobs: dict[str, PageJob], workers: int) -> list[dict[str, PageJob]]:
    """Jobs in batches small enough that each worker gets several, in the order of the last
    version each shows: a version's pages together, and a compare data file (25 versions'
    texts) after the last of its versions. Each cut is the one, from half to one and a half
    times the size into the batch, that the fewest versions' bodies straddle: cut by count,
    a compare data file lay apart from half its versions and 1,000 versions' bodies were
    rendered 1,323 times."""
    size = max(MIN_BATCH_JOBS, min(BATCH_JOBS, -(-len(jobs) // (workers * 4))))
    paths = sorted(jobs, key=lambda path: (max(_versions(jobs[path]), default=""), path))
    straddling = _straddling(paths, jobs)
    cuts, start = [0], 0
    while len(paths) - start > size + size // 2:
        start = min(range(start + size // 2, start + size + size // 2 + 1),
                    key=lambda cut: (straddling[cut], abs(cut - start - size)))
        cuts.append(start)
    cuts.append(len(paths))
    return [{path: jobs[path] for path in paths[begin:end]}
            for begin, end in zip(cuts, cuts[1:]) if end > begin]


def _straddling(paths: list[str], jobs: dict[str, PageJob]) -> list[int]:
    """For each place to cut (before paths[i]), how many versions jobs on both sides need."""
    first, last = {}, {}
    for place, path in enumerate(paths):
        for version in _versions(jobs[path]):
            first.setdefault(version, place)
            last[version] = place
    change = [0] * (len(paths) + 1)
    for version, place in first.items():
        change[place + 1] += 1
        change[last[version] + 1] -= 1
    return list(accumulate(change))


def _versions(job: PageJob) -> tuple[str, ...]:
    return job.bodies + job.comparisons
