"""What may be published: the notice rule, withdrawals, translations, the text rules, the
history rules of ``check --git`` and the public ledger's. Pure functions of the model, the
history and today; ``check`` and ``build`` call the same ones."""
