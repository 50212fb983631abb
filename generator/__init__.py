"""reportgen: draft CPPCC work reports from facts, typeset as GB/T 9704 documents."""

__version__ = "0.1.0"
