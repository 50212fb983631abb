"""Bundled Jinja templates and fact categories (installed as generator.templates)."""
