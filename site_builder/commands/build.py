"""``policy-site build``: the output folder made from the sources, or left as it is when
nothing it was made from has changed.

The folder is resolved and locked once. Inside the lock, the build record (build_record.py)
answers first, before any template or Markdown library is loaded; only a build with work to
do loads the pipeline (build_steps.py).
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from site_builder.base.paths import policies_dir
from site_builder.commands import build_record
from site_builder.commands.build_summary import BuildSummary
from site_builder.base.problems import sorted_problems
from site_builder.output.state import state_warnings
from site_builder.cache.workers import default_workers
from site_builder.output.foreign import foreign_files_refused
from site_builder.output.writer import output_lock, real_output, recover_output


def build(root: Path, out: Path, today: date, use_cache: bool = True,
          workers: int | None = None, ledger: str | None = None, pdf: bool = False) -> BuildSummary:
    """``ledger`` is the live site's ledger to continue (a URL or a path); without it the
    ledger starts anew from the sources, and the build record may say nothing changed (a live
    ledger may have moved, so it is never trusted then). ``pdf``: a PDF of every version and
    every 신구대비표 too (WeasyPrint, checked before anything else happens)."""
    started = time.perf_counter()
    policies_dir(root)  # a mistyped --root must not create folders before it is refused
    if pdf:
        from site_builder.render.pdf import require_weasyprint
        require_weasyprint()  # what to install, before any work
    real_out = real_output(root, out)
    with output_lock(real_out):
        record = build_record.last_record(root) if use_cache and not ledger else None
        # State files that will be ignored: planted, or not of the shape this package writes.
        planted = state_warnings(root, real_out, build_record.recorded_manifest(record))
        # What the build is made from, read before the sources are: a file changed during the
        # build makes the record it writes stale, never wrong.
        inputs = (build_record.read_inputs(root, (record or {}).get("inputs"))
                  if use_cache and not ledger else None)
        if record and not planted:
            found = build_record.unchanged(root, real_out, today, record,  # proves it is ours
                                           {"pdf": pdf}, inputs)
            if found:
                return replace(found, out=out, seconds=time.perf_counter() - started)
        workers = workers or default_workers()
        with foreign_files_refused(real_out, workers) as refuse_foreign:
            recover_output(real_out)  # a killed build's leftovers: the reuse below trusts them
            from site_builder.commands import build_steps  # the libraries only a build needs

            summary = build_steps.build_site(root, real_out, today, use_cache, workers, ledger,
                                             inputs, pdf, refuse_foreign)
    return replace(summary, out=out, seconds=time.perf_counter() - started,
                   warnings=sorted_problems([*summary.warnings, *planted]))
