"""``python -m site_builder`` runs the same CLI as ``policy-site``."""

from site_builder.cli import run

run()
