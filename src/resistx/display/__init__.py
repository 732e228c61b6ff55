"""How resistx objects show themselves to people: text, Markdown, HTML, data frames.

Nothing here is imported by the model, the evidence or the sequencing at import time; the
model's ``_repr_html_`` / ``_repr_markdown_`` / ``to_frame`` call in here when asked.
"""
