"""A site larger than memory (issue 24): the build writes its pages into the staging tree as
they pass a size, and the result is the same tree, swapped in as one step or not at all."""

from __future__ import annotations

import os
import shutil
import time
from functools import partial

import pytest

from tests.sitekit import BODY, SiteKit
from tests.test_cache import plain, with_versions

DAY = "2026-11-28"


@pytest.fixture
def site(kit) -> SiteKit:
    with_versions(kit, 12)
    kit.version("2015-01-01", slug="terms")
    return kit


@pytest.fixture
def spilling(monkeypatch):
    """Every page past the first few kilobytes goes to the staging tree at once."""
    monkeypatch.setattr("site_builder.output.staged.SPILL_BYTES", 4096)


def leftovers(kit: SiteKit) -> list[str]:
    return sorted(p.name for p in kit.root.glob(".output.*-*"))


@pytest.mark.parametrize("flags", [("--no-cache", "--jobs", "1"), ("--jobs", "2")])
def test_a_build_that_writes_as_it_goes_makes_the_same_tree(site, monkeypatch, flags):
    from site_builder.output.staged import StagedFiles

    reference = plain(site, "plain")
    monkeypatch.setattr("site_builder.output.staged.SPILL_BYTES", 4096)
    monkeypatch.setattr("site_builder.render.batches.MIN_BATCH_JOBS", 4)  # workers, and batches
    spills = []
    spill = StagedFiles.spill
    monkeypatch.setattr(StagedFiles, "spill", lambda self: spills.append(1) or spill(self))
    assert site.build(DAY, *flags).code == 0
    assert len(spills) > 10
    assert site.tree() == reference and not leftovers(site)
    shutil.rmtree(site.out)  # a deploy: pages from the cache, spilled with the rest
    assert site.build(DAY, *flags).code == 0
    assert site.tree() == reference and not leftovers(site)


def test_after_a_large_build_a_small_change_is_still_applied_in_place(site, spilling):
    assert site.build(DAY).code == 0
    untouched = site.out / "privacy/2016-01-01/index.html"
    inode = os.stat(untouched).st_ino
    path = site.root / "policies/privacy/2026-01-01.md"
    path.write_text(path.read_text().replace("아이디 11", "아이디 열하나"))
    assert site.build(DAY).code == 0
    assert "아이디 열하나" in site.read("privacy/2026-01-01/index.html")
    assert os.stat(untouched).st_ino == inode  # not a new tree: the journal's update in place
    assert not leftovers(site)


def test_a_build_refused_after_writing_pages_leaves_the_site_and_no_staging_tree(site, spilling):
    """The ledger is checked after the pages are made: a refusal then must still leave the
    live site as it was and nothing half-written beside it."""
    assert site.build(DAY).code == 0
    live = site.root.parent / "live-ledger.json"
    shutil.copy(site.out / "ledger.json", live)
    before = site.tree()
    site.version("2026-12-01", announced="2026-11-01", summary="늦은 공지",
                 body=BODY.replace("아이디", "계정"))  # never deployed: the public never saw it
    result = site.build(DAY, "--ledger", str(live))
    assert result.code == 1, result.text
    assert "2026-12-01" in result.err
    assert site.tree() == before and not leftovers(site)


def test_each_batch_of_pages_comes_back_alone(tmp_path):
    """A worker sends each batch's pages back as soon as it is done, not with the next few
    (the default for many small jobs): a batch waits here for the one before it to arrive,
    which it never would if both travelled in one message."""
    from site_builder.cache.memo import Memo

    def batch(number: int, memo) -> str:
        before = tmp_path / str(number - 1)
        waited = 0.0
        while number and not before.exists() and waited < 3:
            time.sleep(0.05)
            waited += 0.05
        return "late" if number and not before.exists() else "on time"

    arrived = []
    for number, result in enumerate(Memo(None, workers=2).map_forked(
            [partial(batch, number) for number in range(32)])):
        (tmp_path / str(number)).touch()
        arrived.append(result)
    assert arrived == ["on time"] * 32


def test_batches_are_cut_where_fewest_bodies_are_needed_on_both_sides(kit, monkeypatch):
    """Each batch renders the bodies its pages need: a compare data file (25 versions' texts)
    cut off from its versions had them all rendered again in the next batch."""
    from site_builder.cache import bodies
    from site_builder.render import batches

    kit.version("2015-01-01")
    for month in range(1, 60):  # three compare data files: 25, 25 and 10 versions
        year, month = divmod(month, 12)
        day = f"{2015 + year}-{month + 1:02}"
        kit.version(f"{day}-20", announced=f"{day}-01", summary="개정",
                    body=BODY.replace("아이디", f"아이디 {year} {month}"))
    made, cut = [], []
    render = bodies.render_or_refuse
    monkeypatch.setattr(bodies, "render_or_refuse", lambda text: made.append(text) or render(text))
    split = batches.batches
    monkeypatch.setattr(batches, "MIN_BATCH_JOBS", 120)  # about a compare data file's versions
    monkeypatch.setattr("site_builder.render.site.page_batches",
                        lambda jobs, workers: cut.append(split(jobs, workers)) or cut[-1])
    reference = plain(kit, "plain")
    assert len(cut[0]) >= 2
    # A body again at most at each cut: the previous version a 신구대비표 compares with.
    assert len(made) <= len(set(made)) + len(cut[0]) - 1
    monkeypatch.setattr(batches, "MIN_BATCH_JOBS", 10_000)  # one batch: the same pages
    assert plain(kit, "whole") == reference and len(cut[-1]) == 1
