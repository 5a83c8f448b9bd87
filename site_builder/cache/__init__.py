"""Remembering pure results: the memo, the on-disk store and its codec, the fingerprint of
policy-site's own code, and the worker processes that compute what is missing."""
