"""One module per command (build, check, serve, verify, new, init) and the helpers only a
command uses. A command calls the stages in order; no command imports another."""
