"""Cohorts: many profiles planned at once, streamed from files to files, locally or on Dask.

``resistx.sequence_many`` plans an iterable lazily; ``resistx cohort`` runs a file; ``dask_bag``
runs the same pure function (``rows_for``) over a Dask bag. Readers are registered per format
(``register``): a new input format is one function that yields ``Record``s.
"""

from resistx.cohort import _standard  # noqa: F401 - registers the Phenopacket and FHIR readers
from resistx.cohort._concordance import (
    NOT_IN_PLAN,
    Placement,
    Summary,
    place,
    regimen_for,
    summarise,
)
from resistx.cohort._dask import dask_bag, write_partitions
from resistx.cohort._readers import FORMATS, InputFormat, Record, register
from resistx.cohort._result import Result, sequence_many
from resistx.cohort._rows import ERROR_COLUMNS, OPTION_COLUMNS, Settings, rows_for
from resistx.cohort._run import Outcome, run

__all__ = [
    "ERROR_COLUMNS",
    "FORMATS",
    "NOT_IN_PLAN",
    "OPTION_COLUMNS",
    "InputFormat",
    "Outcome",
    "Placement",
    "Record",
    "Result",
    "Settings",
    "Summary",
    "dask_bag",
    "place",
    "regimen_for",
    "register",
    "rows_for",
    "run",
    "sequence_many",
    "summarise",
    "write_partitions",
]
