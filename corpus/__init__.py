"""The learned schema, installed as generator.corpus."""
