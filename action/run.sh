#!/usr/bin/env bash
# The steps of action.yml after policy-site is installed: check on pull requests (as if merged
# into the base branch today), check and build otherwise. With the live ledger (input ledger),
# the check judges by it too, so a pull request learns before merge what the deploy would
# refuse. tests/test_action.py runs this file with the environment a GitHub runner gives it.
set -euo pipefail
cd "${ROOT:-.}"
as_of=()
if [ -n "${AS_OF:-}" ]; then as_of=(--as-of "$AS_OF"); fi
ledger=()
if [ -n "${LEDGER:-}" ]; then ledger=(--ledger "$LEDGER"); fi
command="${COMMAND:-}"
if [ -z "$command" ]; then
  if [ "${EVENT:-}" = pull_request ]; then command=check; else command=build; fi
fi
if [ "${EVENT:-}" = pull_request ]; then
  policy-site check --git --base "origin/${BASE_REF:?no base branch: is this a pull request?}" "${ledger[@]}" --format github "${as_of[@]}"
else
  policy-site check --git "${ledger[@]}" --format github "${as_of[@]}"
fi
if [ "$command" = build ]; then
  policy-site build "${ledger[@]}" "${as_of[@]}"
fi
