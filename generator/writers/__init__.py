"""Writers: report tree -> output formats."""
