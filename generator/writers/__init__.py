"""Writers: report tree -> output formats."""

from ..tree import Part, Section

# Which look of the style sheet a heading gets, by its numbering form.
LOOK_BY_FORM = {"cn": "h1", "paren_cn": "h2", "arabic": "h3", "paren_arabic": "h4", "plain": "h1"}


def look_of(node: Section) -> str:
    """The style sheet's look of a heading: a part's own, or its numbering form's."""
    if isinstance(node, Part) and node.form == "plain":
        return "part"
    return LOOK_BY_FORM.get(node.form, "h1")
