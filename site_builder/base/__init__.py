"""What every stage shares: messages and their catalogue, calendar days, problems and their
report formats, paths a user controls, and the digest of what something is made from.

Imports nothing else of policy-site."""
