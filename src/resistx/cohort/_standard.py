"""Cohort readers for the standard formats ``resistx.interop`` converts: a directory of GA4GH
Phenopackets (``*.phenopacket.json``) or of mCODE FHIR bundles (``*.fhir.json``). Each
document becomes its converted profile, or the problems the converter found in it (with paths
in the document); what a conversion could not map is in ``resistx convert``'s report."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from resistx.cohort._readers import InputFormat, Record, json_files, register


def _documents(path: Path, suffix: str) -> list[Path]:
    return [p for p in json_files(path) if p.name.lower().endswith(suffix)]


def _only(suffix: str) -> Callable[[Path], bool]:
    """A directory whose JSON files all end in ``suffix`` (and there is at least one)."""

    def matches(path: Path) -> bool:
        if not path.is_dir():
            return False
        files = [p.name.lower() for p in json_files(path)]
        return bool(files) and all(name.endswith(suffix) for name in files)

    return matches


def _counter(suffix: str) -> Callable[[Path], int]:
    return lambda path: len(_documents(path, suffix))


def _reader(suffix: str, converter: str) -> Callable[[Path], Iterator[Record]]:
    def read(path: Path) -> Iterator[Record]:
        # each document is converted where it is planned (``converted``), not here
        for index, file in enumerate(_documents(path, suffix)):
            yield Record(index=index, where=file.name, source=file, convert=converter)

    return read


for _suffix, _converter, _name in (
    (".phenopacket.json", "from_phenopacket", "a directory of Phenopackets (*.phenopacket.json)"),
    (".fhir.json", "from_fhir", "a directory of mCODE FHIR bundles (*.fhir.json)"),
):
    register(
        InputFormat(
            name=_name,
            matches=_only(_suffix),
            read=_reader(_suffix, _converter),
            count=_counter(_suffix),
        )
    )
