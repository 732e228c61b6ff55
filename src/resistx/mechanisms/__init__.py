"""The resistance-mechanism catalog: what drives resistance, which genes show it, what targets it."""

from resistx.mechanisms._catalog import catalog, for_gene, mechanisms_for

__all__ = ["catalog", "for_gene", "mechanisms_for"]
