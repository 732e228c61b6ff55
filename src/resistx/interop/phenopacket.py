"""``from_phenopacket``: a resistx profile from a GA4GH Phenopacket (schema v2, JSON).

Read as the official package's ``MessageToJson`` writes it (camelCase keys). The schema's
elements are those of phenopacket-schema v2 (phenopacket-schema.readthedocs.io): Individual,
Measurement, Biosample, Interpretation, GenomicInterpretation, VariationDescriptor,
MedicalAction, Treatment, TimeElement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from resistx._errors import ProfileError
from resistx.interop import _markers, _official, codes
from resistx.interop._courses import (
    Course,
    add_treatments,
    agent,
    intent,
    read_as_medication,
    stop_reason,
)
from resistx.interop._genomic import Variant, add_variant
from resistx.interop._labs import LABS
from resistx.interop._source import Source, load_document
from resistx.interop.conversion import Builder, Conversion
from resistx.model._biomarker_checks import GERMLINE_SAMPLES

FORMAT = "GA4GH Phenopacket v2"
_ABOUT_DOCUMENT = "about the document, not the patient"
_NOT_HELD = "not held by a resistx profile"
#: phenopacket sex -> resistx sex
_SEX = {"FEMALE": "female", "MALE": "male"}


_GERMLINE_SAMPLE_NAMES = frozenset(s.value for s in GERMLINE_SAMPLES)


def from_phenopacket(doc: Source) -> Conversion:
    """The resistx profile of a phenopacket (a mapping, JSON text or a file path), with the
    report of what was used, what could not be mapped and what was assumed.

    Raises ``ProfileError`` with paths in the phenopacket for a malformed document, and
    ``OutOfScopeError`` for HR-negative or HER2-positive disease.
    """
    data = load_document(doc, "the phenopacket")
    if (kind := data.get("resourceType")) is not None:  # 8098: a FHIR document
        raise ProfileError(
            [
                (
                    "$.resourceType",
                    f"a FHIR resource ({kind!r}), not a phenopacket: convert an mCODE bundle "
                    "with --from fhir (resistx.interop.from_fhir)",
                )
            ]
        )
    validated = _official.check_phenopacket(data)
    b = Builder(FORMAT)
    subject_id = _subject(b, b.mapping(data.get("subject"), "$.subject"))
    biosamples = {
        str(s.get("id")): (path, s) for path, s in b.items(data.get("biosamples"), "$.biosamples")
    }
    _measurements(b, data.get("measurements"), "$.measurements")
    for path, sample in biosamples.values():
        owner = sample.get("individualId")
        if owner is not None and subject_id is not None and owner != subject_id:
            # another person's sample (case 5869: its ESR1 mutation was read as the patient's)
            b.problem(
                f"{path}.individualId",
                f"the biosample is of individual {owner!r}, not of the subject {subject_id!r}: "
                "a phenopacket holds one patient's samples",
            )
            continue
        _measurements(b, sample.get("measurements"), f"{path}.measurements")
        _markers_of(b, sample.get("diagnosticMarkers"), f"{path}.diagnosticMarkers")
        sample_keys = _SAMPLE_KEYS
        b.rest(sample, path, sample_keys, "biosample detail " + _NOT_HELD)
    for path, interpretation in b.items(data.get("interpretations"), "$.interpretations"):
        _interpretation(b, interpretation, path, subject_id, biosamples)
    referred = {e.path for e in b.used}
    for path, _sample in biosamples.values():
        if path not in referred:
            b.skip(path, None, "a biosample no genomic result refers to")
    courses = [
        c
        for path, action in b.items(data.get("medicalActions"), "$.medicalActions")
        if (c := _medical_action(b, action, path)) is not None
    ]
    _markers.pair_her2(b)
    _markers.latest_ecog(b)
    add_treatments(b, courses)
    for path, disease in b.items(data.get("diseases"), "$.diseases"):
        _disease(b, disease, path)
    for path, feature in b.items(data.get("phenotypicFeatures"), "$.phenotypicFeatures"):
        _feature(b, feature, path)
    for path, item in b.items(data.get("files"), "$.files"):
        term = b.mapping(item.get("type"), f"{path}.type") or {}
        b.skip(path, term.get("id"), f"{term.get('label', 'files')}: {_NOT_HELD}")
    read = ("id", "subject", "biosamples", "measurements", "interpretations", "medicalActions")
    b.rest(data, "$", (*read, "phenotypicFeatures", "diseases", "files"), _ABOUT_DOCUMENT)
    return b.finish(validated)


def _subject(b: Builder, subject: Mapping[str, Any] | None) -> str | None:
    if subject is None:
        return None
    subject_id = b.text(subject.get("id"), "$.subject.id")
    if subject_id is not None:
        b.set("patient_id", subject_id, "$.subject.id")
        b.use("$.subject.id", None, "patient_id")
    sex = b.text(subject.get("sex"), "$.subject.sex")
    if sex in _SEX:
        b.set("sex", _SEX[sex], "$.subject.sex")
        b.use("$.subject.sex", sex, f"sex {_SEX[sex]}")
    elif sex is not None:
        b.skip("$.subject.sex", sex, "sex other than female or male: " + _NOT_HELD)
    b.rest(subject, "$.subject", ("id", "sex"), _NOT_HELD)
    return subject_id


def _disease(b: Builder, disease: Mapping[str, Any], path: str) -> None:
    """A disease coded in SNOMED CT, MONDO or HPO that resistx reads as a comorbidity; any
    other, but the cancer itself, is kept as free text (the plan lists it as not assessed, as
    from a FHIR bundle: case 1963)."""
    code, label = _term(b, disease.get("term"), f"{path}.term")
    entry = _comorbidity(code)
    if disease.get("excluded") is True:
        b.skip(path, code, f"{label or 'disease'}: excluded")
        return
    if entry is None and label and (named := codes.diabetes_named(label)) is not None:
        entry = named  # case 2768: by its label
        b.assume(path, f"{label!r} read by its label as {named}", code)
    if entry is None:
        if _the_cancer(code, label):
            b.skip(path, code, f"{label or 'cancer'}: the diagnosis is not a profile field")
        elif label:
            b.add("other_conditions", label, path)
            b.skip(path, code, f"{label}: kept as free text in other_conditions")
        else:
            b.skip(path, code, "a disease without a code resistx reads or a name")
        return
    name = entry if isinstance(entry, str) else str(entry["name"])
    if "resolution" in disease and name != "interstitial_lung_disease":
        b.skip(path, code, f"{label or name}: resolved, not a current condition")
        return
    if "resolution" in disease:  # a past ILD is history the labels weigh, as from FHIR
        b.assume(path, f"{label or name}: resolved, read as a history of it", code)
    b.add("comorbidities", entry, path)
    b.use(path, code, f"comorbidity {name}")
    b.rest(disease, path, ("term", "excluded", "resolution"), "disease detail " + _NOT_HELD)


def _comorbidity(code: str | None) -> str | dict[str, object] | None:
    """The comorbidity entry of a SNOMED CT, MONDO or HPO code, or None."""
    return codes.comorbidity(_local(code, "SNOMEDCT")) or codes.ONTOLOGY_COMORBIDITY.get(
        (code or "").upper()
    )


#: the breast cancer a phenopacket is about, coded as a disease (NCIt, MONDO, SNOMED CT)
_CANCER_CODES = frozenset({"NCIT:C4872", "MONDO:0007254", "SNOMEDCT:254837009"})


def _the_cancer(code: str | None, label: str | None) -> bool:
    return (code or "").upper() in _CANCER_CODES or "breast" in (label or "").casefold()


def _feature(b: Builder, feature: Mapping[str, Any], path: str) -> None:
    """A phenotypic feature (HPO) resistx reads as a comorbidity; any other is reported."""
    code, label = _term(b, feature.get("type"), f"{path}.type")
    entry = _comorbidity(code)
    name = entry if isinstance(entry, str) or entry is None else str(entry["name"])
    # a resolved ILD is history the labels weigh, as a disease's or a FHIR condition's (p2)
    over = "resolution" in feature and name != "interstitial_lung_disease"
    if entry is None or feature.get("excluded") is True or over:
        why = "excluded" if feature.get("excluded") is True else _NOT_HELD
        b.skip(path, code, f"{label or 'phenotypic feature'}: {why}")
        return
    if "resolution" in feature:
        b.assume(path, f"{label or 'interstitial lung disease'}: resolved, read as a history of it")
    b.add("comorbidities", entry, path)
    b.use(path, code, f"comorbidity {entry if isinstance(entry, str) else entry['name']}")


def _term(b: Builder, value: Any, path: str) -> tuple[str | None, str | None]:
    """The id and label of an OntologyClass."""
    term = b.mapping(value, path) or {}
    return b.text(term.get("id"), f"{path}.id"), b.text(term.get("label"), f"{path}.label")


def _local(curie: str | None, prefix: str) -> str:
    """'LOINC:85337-4' -> '85337-4'; a code of another prefix is kept whole."""
    if curie and curie.upper().startswith(prefix.upper() + ":"):
        return curie.split(":", 1)[1]
    return curie or ""


def _date(b: Builder, time: Any, path: str) -> str | None:
    """The date of a TimeElement given as a timestamp (an age or a range says no date)."""
    element = b.mapping(time, path)
    if element is None:
        return None
    if "timestamp" in element:
        return b.date(element["timestamp"], f"{path}.timestamp")
    b.skip(path, None, "a time that is not a timestamp (an age, a range): no date")
    return None


def _measurements(b: Builder, value: Any, where: str) -> None:
    for path, m in b.items(value, where):
        test_id, test_label = _term(b, m.get("assay"), f"{path}.assay")
        holder = b.mapping(m.get("value"), f"{path}.value") or {}
        answer_id, answer_label = _term(
            b, holder.get("ontologyClass"), f"{path}.value.ontologyClass"
        )
        quantity = b.mapping(holder.get("quantity"), f"{path}.value.quantity") or {}
        number = quantity.get("value")
        unit = b.mapping(quantity.get("unit"), f"{path}.value.quantity.unit") or {}
        value_ = _markers.Value(
            code=_local(answer_id, "LOINC") or None,
            label=answer_label,
            number=_markers.number(number),
            percent=unit.get("id") == "UCUM:%" or unit.get("label") in ("%", "percent"),
        )
        date = _date(b, m.get("timeObserved"), f"{path}.timeObserved")
        if not _markers.read(b, _local(test_id, "LOINC"), value_, date, path):
            if her2 := codes.unmapped_her2(test_id, test_label, value_.code):
                b.problem(f"{path}.assay", her2)
            loinc = _local(test_id, "LOINC")
            if loinc in LABS and value_.number is not None:  # 7478: read once all is
                shown = str(unit.get("label") or unit.get("id") or "")
                b.labs.append((date or "", loinc, value_.number, shown, f"{path}.value"))
                continue
            b.skip(path, test_id, f"{test_label or 'measurement'}: not a test resistx reads")
        else:
            read = ("assay", "value", "timeObserved")
            b.rest(m, path, read, "measurement detail " + _NOT_HELD)


def _interpretation(
    b: Builder,
    interpretation: Mapping[str, Any],
    path: str,
    subject_id: str | None,
    biosamples: dict[str, tuple[str, Mapping[str, Any]]],
) -> None:
    b.rest(interpretation, path, ("id", "diagnosis"), "about the interpretation, not the patient")
    diagnosis = b.mapping(interpretation.get("diagnosis"), f"{path}.diagnosis") or {}
    b.rest(
        diagnosis, f"{path}.diagnosis", ("genomicInterpretations",), "the diagnosis: " + _NOT_HELD
    )
    where = f"{path}.diagnosis.genomicInterpretations"
    for gpath, gi in b.items(diagnosis.get("genomicInterpretations"), where):
        owner = b.text(gi.get("subjectOrBiosampleId"), f"{gpath}.subjectOrBiosampleId")
        variant = Variant(path=gpath, status_word=b.text(gi.get("interpretationStatus"), gpath))
        _origin(b, variant, owner, subject_id, biosamples)
        if "variantInterpretation" in gi:
            _variant(b, variant, gi["variantInterpretation"], f"{gpath}.variantInterpretation")
        elif "gene" in gi:
            variant.gene_id, variant.gene = _gene(b, gi["gene"], f"{gpath}.gene")
        add_variant(b, variant)
        read = ("subjectOrBiosampleId", "interpretationStatus", "variantInterpretation", "gene")
        b.rest(gi, gpath, read, _NOT_HELD)


def _gene(b: Builder, value: Any, path: str) -> tuple[str | None, str | None]:
    gene = b.mapping(value, path) or {}
    return b.text(gene.get("valueId"), f"{path}.valueId"), b.text(
        gene.get("symbol"), f"{path}.symbol"
    )


def _origin(
    b: Builder,
    variant: Variant,
    owner: str | None,
    subject_id: str | None,
    biosamples: dict[str, tuple[str, Mapping[str, Any]]],
) -> None:
    """Germline for a result of the individual, else the biosample's sample and date."""
    if owner is not None and owner == subject_id:
        variant.origin = "germline"
        b.assume(variant.path, "a result of the individual, not of a biosample: germline")
        return
    if owner is not None and owner not in biosamples:  # another person's, or a sample not
        # in the document (5954: another individual's ESR1 mutation was read as the patient's)
        b.problem(
            f"{variant.path}.subjectOrBiosampleId",
            f"{owner!r} is neither the subject ({subject_id!r}) nor a biosample of the "
            "phenopacket: whose result is it?",
        )
        return
    if owner not in biosamples:
        b.assume(variant.path, "no biosample named: the sample and its date are unknown")
        return
    spath, sample = biosamples[owner]
    tissue_id, tissue_label = _term(b, sample.get("sampledTissue"), f"{spath}.sampledTissue")
    variant.sample = codes.UBERON_SAMPLE.get(tissue_id or "")
    if variant.sample is None:
        variant.sample = "tissue"
        b.assume(spath, f"sampled tissue {tissue_label or tissue_id}: read as tissue", tissue_id)
    variant.origin = "germline" if variant.sample in _GERMLINE_SAMPLE_NAMES else "somatic"
    variant.tested_on = _date(b, sample.get("timeOfCollection"), f"{spath}.timeOfCollection")
    b.use(
        spath,
        tissue_id,
        f"{tissue_label or 'biosample'}: sample {variant.sample}, {variant.origin}",
    )


def _variant(b: Builder, variant: Variant, value: Any, path: str) -> None:
    vi = b.mapping(value, path) or {}
    variant.acmg = b.text(
        vi.get("acmgPathogenicityClassification"), f"{path}.acmgPathogenicityClassification"
    )
    vpath = f"{path}.variationDescriptor"
    vd = b.mapping(vi.get("variationDescriptor"), vpath) or {}
    variant.gene_id, variant.gene = _gene(b, vd.get("geneContext"), f"{vpath}.geneContext")
    for epath, expression in b.items(vd.get("expressions"), f"{vpath}.expressions"):
        syntax = b.text(expression.get("syntax"), f"{epath}.syntax")
        text = b.text(expression.get("value"), f"{epath}.value")
        if syntax and text:
            variant.hgvs[syntax.replace("hgvs.", "")] = text
    variant.structural, _ = _term(b, vd.get("structuralType"), f"{vpath}.structuralType")
    state_id, state_label = _term(b, vd.get("allelicState"), f"{vpath}.allelicState")
    if state_id:
        b.skip(f"{vpath}.allelicState", state_id, f"allelic state {state_label}: {_NOT_HELD}")
    read = ("geneContext", "expressions", "structuralType", "allelicState", "id", "moleculeContext")
    b.rest(vd, vpath, read, "variant detail " + _NOT_HELD)
    b.rest(vi, path, ("acmgPathogenicityClassification", "variationDescriptor"), _NOT_HELD)


#: what a biosample holds that a conversion reads
_SAMPLE_KEYS = (
    "id",
    "individualId",
    "measurements",
    "sampledTissue",
    "timeOfCollection",
    "diagnosticMarkers",
)


def _markers_of(b: Builder, value: Any, where: str) -> None:
    """A biosample's diagnostic markers: one of HER2 may be the result that makes the disease
    HER2-positive (case 6520: 'HER2/Neu Positive', NCIT:C68748, the GA4GH example, was left
    unread and the patient planned as HER2-low); the others are said not read."""
    for path, _marker in b.items(value, where):
        code, label = _term(b, _marker, path)
        negative = re.search(r"\bnegative\b", label or "", re.IGNORECASE) is not None
        if codes.her2_named(label) and negative and code != "NCIT:C68748":  # 6720
            b.skip(
                path,
                code,
                f"{label}: a HER2 negative marker without a score: low or 0 "
                "cannot be told from it (give the IHC score as a measurement)",
            )
        elif codes.her2_named(label) or code == "NCIT:C68748":
            b.problem(
                path,
                f"{label} [{code}]: a HER2 marker, which may be the result that makes the disease "
                "HER2-positive (outside the review): give the HER2 IHC score (and ISH) as "
                "measurements, or write the profile's her2_tests by hand",
            )
        else:
            b.skip(path, code, f"{label or 'a diagnostic marker'}: {_NOT_HELD}")


def _medical_action(b: Builder, action: Mapping[str, Any], path: str) -> Course | None:
    if "therapeuticRegimen" in action:  # case 6509: its line was dropped
        regimen = b.mapping(action["therapeuticRegimen"], f"{path}.therapeuticRegimen") or {}
        named = regimen.get("ontologyClass") or regimen.get("externalReference") or {}
        label = (
            named.get("label") or named.get("description") if isinstance(named, Mapping) else None
        )
        b.problem(
            f"{path}.therapeuticRegimen",
            f"a therapeutic regimen ({label or 'unnamed'}): resistx reads drug treatments, one "
            "medical action each; give each drug of the regimen as a treatment (its agent and "
            "dose intervals, with the regimen's termination reason), so the line is not left out",
        )
        return None
    treatment = b.mapping(action.get("treatment"), f"{path}.treatment")
    if treatment is None:
        kind = next(iter(action), "action")
        b.skip(path, None, f"{kind}: only drug treatments are part of a resistx profile")
        return None
    code, label = _term(b, treatment.get("agent"), f"{path}.treatment.agent")
    stop = action.get("treatmentTerminationReason")
    if stop is not None and label is not None and read_as_medication(label):
        # ended, whatever its intervals say (session 65, p-clari-noend: read as taken now)
        _code, why = _term(b, stop, f"{path}.treatmentTerminationReason")
        b.skip(path, code, f"{label}: ended ({why or 'a termination reason'}): not taken now")
        return None
    if (ended := _ended(treatment, label)) is not None and label is not None:
        b.ending.append((label, ended, path, code))  # taken now or not: ``Builder._ending``
        return None
    drug = agent(b, [code] if code else [], label, f"{path}.treatment.agent")
    if drug is None:
        return None
    course = Course(path=path, drug=drug)
    _intervals(b, course, treatment.get("doseIntervals"), f"{path}.treatment.doseIntervals")
    if "treatmentIntent" in action:
        ipath = f"{path}.treatmentIntent"
        code, label = _term(b, action["treatmentIntent"], ipath)
        course.setting = intent(b, _local(code, "SNOMEDCT") or None, label, ipath)
    # the termination reason first: a response says why only where no reason is given
    reasons = []
    for key in ("treatmentTerminationReason", "responseToTreatment"):
        if key in action:
            code, label = _term(b, action[key], f"{path}.{key}")
            reasons.append(stop_reason(b, _local(code, "SNOMEDCT") or None, label, f"{path}.{key}"))
    course.stop_reason = next((r for r in reasons if r is not None), None)
    read = ("treatment", "treatmentIntent", "treatmentTerminationReason", "responseToTreatment")
    b.rest(action, path, read, "treatment detail " + _NOT_HELD)
    b.rest(
        treatment, f"{path}.treatment", ("agent", "doseIntervals"), "dose and route: " + _NOT_HELD
    )
    return course


def _ended(treatment: Mapping[str, Any], label: str | None) -> str | None:
    """The last end of a medication's dose intervals where every one has ended: a phenopacket
    says a drug is still taken only by an open interval (case 2789: rifampicin given in 2014
    was read as taken now). None otherwise."""
    # only a medication the plan reads (``read_as_medication``): a course's history is kept
    # whatever its dates, any other agent is left out as before
    read = label is not None and read_as_medication(label)
    intervals = treatment.get("doseIntervals")
    if not read or not intervals or not isinstance(intervals, list):
        return None
    ends = [
        (d.get("interval") or {}).get("end") if isinstance(d, Mapping) else None for d in intervals
    ]
    if not all(isinstance(e, str) and e for e in ends):
        return None
    return max(str(e)[:10] for e in ends)


def _intervals(b: Builder, course: Course, value: Any, where: str) -> None:
    """The first start and the last end of the dose intervals."""
    starts: list[str] = []
    ends: list[str] = []
    for path, dose in b.items(value, where):
        interval = b.mapping(dose.get("interval"), f"{path}.interval") or {}
        start = b.date(interval.get("start"), f"{path}.interval.start")
        end = b.date(interval.get("end"), f"{path}.interval.end")
        starts += [start] if start else []
        ends += [end] if end else []
        b.use(f"{path}.interval", None, "treatment dates")
    course.started_on = min(starts, default=None)
    course.ended_on = max(ends, default=None)
