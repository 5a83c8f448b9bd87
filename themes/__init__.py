"""Themes shipped inside the policy-site package (installed as ``site_builder.themes``)."""
