"""The line a build ends with: what it made, how long it took, where it went."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_builder.base.messages import say
from site_builder.base.problems import Problem


@dataclass(frozen=True)
class BuildSummary:
    documents: int
    versions: int
    change_pages: int
    feeds: int
    seconds: float
    out: Path
    warnings: list[Problem]
    damaged_cache_entries: int = 0
    translations: int = 0
    unchanged: bool = False  # nothing had changed since the last build (build_record.py)

    def summary(self) -> str:
        damaged = (say(" (ignored {count} damaged cache entries)",
                       count=self.damaged_cache_entries) if self.damaged_cache_entries else "")
        if self.unchanged:
            damaged = say(" (nothing changed since the last build)")
        translated = (say(", {count} translated version(s)", count=self.translations)
                      if self.translations else "")
        return say("built {documents} document(s), {versions} version(s), {changes} change "
                   "page(s), {feeds} feed(s){translated} in {seconds} s -> {out}{damaged}",
                   documents=self.documents, versions=self.versions, changes=self.change_pages,
                   feeds=self.feeds, translated=translated, seconds=f"{self.seconds:.2f}",
                   out=self.out, damaged=damaged)
