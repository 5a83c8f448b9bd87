"""policy-site: publish legal policies with every version kept and the notice window enforced."""

__version__ = "0.1.0"
