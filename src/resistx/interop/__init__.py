"""Patient data in standard formats to resistx profiles: GA4GH Phenopackets v2 and mCODE FHIR.

``from_phenopacket(doc)`` and ``from_fhir(bundle)`` return a ``Conversion``: the ``Profile``
(built through ``resistx.load_profile``, as a hand-written profile is) and a report of every
element used, every element not mapped (with its path and code) and every assumption made.
Plain JSON is read, so no extra is needed; with ``resistx[interop]`` installed the official
packages (``phenopackets``, ``fhir.resources``) validate the document first.
"""

from resistx.interop.conversion import Conversion, ReportEntry
from resistx.interop.fhir import from_fhir
from resistx.interop.phenopacket import from_phenopacket

__all__ = ["Conversion", "ReportEntry", "from_fhir", "from_phenopacket"]
