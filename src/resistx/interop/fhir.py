"""``from_fhir``: a resistx profile from an mCODE (STU3 or later) FHIR R4 Bundle.

Read per the mCODE implementation guide (hl7.org/fhir/us/mcode): CancerPatient (Patient),
TumorMarkerTest and GenomicVariant Observations, ECOGPerformanceStatus, CancerRelatedMedication-
Request and -Administration with the procedure-intent and treatment-termination-reason
extensions, and Conditions (comorbidities by SNOMED CT code). Resources of other types are
reported, not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from resistx._errors import ProfileError
from resistx.interop import _genomic, _markers, _official, codes, drugs
from resistx.interop._courses import (
    Course,
    add_treatments,
    agent,
    doses_joined,
    intent,
    read_as_medication,
    stop_reason,
)
from resistx.interop._fhirtypes import Coded, coded, codings, first_code, genomic_variant
from resistx.interop._labs import LABS
from resistx.interop._source import Source, load_document
from resistx.interop.conversion import Builder, Conversion
from resistx.vocab.drugs import named_in
from resistx.vocab.medication_names import OTHER_USES

FORMAT = "mCODE FHIR R4 Bundle"
_NOT_HELD = "not held by a resistx profile"
#: elements every resource has that say nothing about the patient (status is read where it does)
_STRUCTURE = ("resourceType", "id", "meta", "text", "status", "subject", "identifier", "category")
_SEX = {"female": "female", "male": "male"}
_NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl#"
#: the addresses NCIt codes come under: the OWL one, and FHIR's (terminology.hl7.org lists
#: ncithesaurus-stage; case 5855)
_NCIT_SYSTEMS = frozenset(
    {
        _NCIT,
        _NCIT.rstrip("#"),  # as HL7's terminology lists it (case 6070)
        "http://ncithesaurus-stage.nci.nih.gov",
        "http://ncit.nci.nih.gov",
    }
)
#: statuses that say a resource records no result or treatment (FHIR R4 value sets)
_NOT_RECORDS = {
    "Observation": ("registered", "cancelled", "entered-in-error"),
    "MedicationRequest": ("cancelled", "entered-in-error", "draft"),
    "MedicationAdministration": ("not-done", "entered-in-error"),
    # a medication not taken now: stopped, completed, not taken, only intended, or in error
    "MedicationStatement": ("stopped", "completed", "not-taken", "intended", "entered-in-error"),
    # ... but of a cancer drug, a course, whether it goes on or ended (case 2360b)
    "MedicationStatement of a cancer drug": ("not-taken", "intended", "entered-in-error"),
    "Condition": (),
}
_CANCER_PROFILES = ("mcode-primary-cancer-condition", "mcode-secondary-cancer-condition")


#: top-level keys of a phenopacket (schema v2), none of a FHIR resource's
_PHENOPACKET_KEYS = frozenset({"subject", "metaData", "phenotypicFeatures", "biosamples"})


def from_fhir(bundle: Source) -> Conversion:
    """The resistx profile of an mCODE FHIR R4 Bundle (a mapping, JSON text or a file path),
    with the report of what was used, what could not be mapped and what was assumed.

    Raises ``ProfileError`` with paths in the bundle for a malformed document, and
    ``OutOfScopeError`` for HR-negative or HER2-positive disease.
    """
    data = load_document(bundle, "the FHIR bundle")
    b = Builder(FORMAT)
    if data.get("resourceType") != "Bundle":
        # 8098: a phenopacket has no resourceType, and its own top-level keys
        packet = "resourceType" not in data and bool(_PHENOPACKET_KEYS & set(data))
        hint = ": it looks like a phenopacket, converted with --from phenopacket" * packet
        b.problem("$.resourceType", f"expected 'Bundle', got {data.get('resourceType')!r}{hint}")
        raise ProfileError(b.problems)
    validated = _official.check_fhir_bundle(data)
    resources = [
        (f"{path}.resource", r)
        for path, entry in b.items(data.get("entry"), "$.entry")
        if (r := b.mapping(entry.get("resource"), f"{path}.resource")) is not None
    ]
    specimens = {
        f"Specimen/{r.get('id')}": (path, r)
        for path, r in resources
        if r.get("resourceType") == "Specimen"
    }
    meds = _medications(data)
    patients = [path for path, r in resources if r.get("resourceType") == "Patient"]
    if len(patients) > 1:
        b.problem(", ".join(patients), "a bundle of one patient is read; this one has several")
    else:
        if not patients:  # 7826: nothing said of it
            b.assume(
                "$.entry",
                "no Patient resource: the profile has no patient_id and no sex; the resources' "
                "subjects are read as one patient",
            )
        _one_subject(b, data, resources)
    courses: list[Course] = []
    for path, resource in resources:
        course = _resource(b, resource, path, (specimens, meds))
        courses += [course] if course else []
    referred = {e.text.removeprefix(_AT) for e in b.used if e.text.startswith(_AT)}
    for path, r in resources:
        if r.get("resourceType") == "Medication" and path not in referred:
            b.skip(path, "Medication", "a Medication no order or statement refers to")
    used = {e.path for e in b.used} | {e.path.rsplit(".", 1)[0] for e in b.unmapped}
    for path, _specimen in specimens.values():
        if path not in used:
            b.skip(path, "Specimen", "a specimen no result refers to")
    _markers.pair_her2(b)
    _markers.latest_ecog(b)
    stamp = data.get("timestamp")
    add_treatments(b, doses_joined(b, courses, stamp[:10] if isinstance(stamp, str) else None))
    b.rest(data, "$", ("resourceType", "id", "type", "entry", "meta", "timestamp"), _NOT_HELD)
    return b.finish(validated)


def _one_subject(b: Builder, data: Mapping[str, Any], resources: list[tuple[str, Any]]) -> None:
    """Every resource's subject is the bundle's patient (case 1945: an ESR1 result of
    'Patient/someone-else' was read as this patient's, and elacestrant preferred on it); with
    no Patient resource, the subjects name one patient."""
    urls = {
        f"{path}.resource": entry.get("fullUrl")
        for path, entry in b.items(data.get("entry"), "$.entry")
    }
    own = {
        ref
        for path, r in resources
        if r.get("resourceType") == "Patient"
        for ref in (f"Patient/{r.get('id')}", urls.get(path))
        if isinstance(ref, str)
    }
    subjects = [
        (path, ref)
        for path, r in resources
        if isinstance(subject := r.get("subject"), Mapping)
        and isinstance(ref := subject.get("reference"), str)
    ]
    if not own:
        own = {subjects[0][1]} if subjects else set()
    for path, ref in subjects:
        if not any(ref == o or ref.endswith(f"/{o}") for o in own):
            shown = " or ".join(sorted(own))
            b.problem(
                f"{path}.subject",
                f"refers to {ref!r}, not this bundle's patient ({shown}): a bundle of one "
                "patient is read",
            )


def _resource(
    b: Builder,
    resource: Mapping[str, Any],
    path: str,
    found: tuple[dict[str, tuple[str, Any]], Medications],
) -> Course | None:
    """Read one resource of the bundle; a medication gives a treatment course. ``found``: the
    bundle's specimens and medications by reference."""
    specimens, meds = found
    kind = resource.get("resourceType")
    status = resource.get("status")
    if kind in _MEDICATIONS and (other := _another_condition(resource, path, meds)):
        b.assume(f"{path}.reasonCode", f"{other}: a medication for it, not a cancer course")
        kind = "MedicationStatement"  # case 3086: methotrexate for rheumatoid arthritis
    elif kind == "MedicationStatement" and _cancer_drug(resource, path, meds):
        kind = "MedicationStatement of a cancer drug"  # a course, taken or not now (case 2360b)
    if status in _NOT_RECORDS.get(str(kind), ()):
        b.skip(
            f"{path}.status", status, f"a {kind} with status {status}: not a result or a treatment"
        )
    elif kind == "Patient":
        _patient(b, resource, path)
    elif kind == "Observation":
        if status == "preliminary":  # case 4934: read as final, nothing said
            b.assume(
                f"{path}.status", "a preliminary result, read as reported: check the final one"
            )
        _observation(b, resource, path, specimens)
    elif kind == "Condition":
        _condition(b, resource, path)
    elif kind in (
        "MedicationRequest",
        "MedicationAdministration",
        "MedicationStatement of a cancer drug",
    ):
        return _medication(b, resource, path, meds)
    elif kind == "MedicationStatement":
        _statement(b, resource, path, meds)
    elif kind == "Medication":
        pass  # read through the references to it (``_concept``); reported where none
    elif kind != "Specimen":
        b.skip(path, str(kind), f"a {kind} resource: not read by resistx")
    return None


def _patient(b: Builder, patient: Mapping[str, Any], path: str) -> None:
    patient_id = b.text(patient.get("id"), f"{path}.id")
    if patient_id is not None:
        b.set("patient_id", patient_id, f"{path}.id")
        b.use(f"{path}.id", None, "patient_id")
    gender = b.text(patient.get("gender"), f"{path}.gender")
    if gender in _SEX:
        b.set("sex", _SEX[gender], f"{path}.gender")
        b.use(f"{path}.gender", gender, f"sex {_SEX[gender]}")
    elif gender in ("other", "unknown"):
        b.skip(f"{path}.gender", gender, "gender other than female or male: " + _NOT_HELD)
    elif gender is not None:  # case 2368b: 'M' was dropped, and a man read as a woman
        b.problem(
            f"{path}.gender",
            f"{gender!r} is not a FHIR gender (male, female, other or unknown)",
        )
    b.rest(patient, path, (*_STRUCTURE, "gender"), _NOT_HELD)


def _value(b: Builder, obs: Mapping[str, Any], path: str) -> _markers.Value:
    if "valueCodeableConcept" in obs:
        answer = first_code(b, obs["valueCodeableConcept"], f"{path}.valueCodeableConcept")
        return _markers.Value(code=answer.code, label=answer.label)
    if isinstance(text := obs.get("valueString"), str):  # read for its words (case 5853)
        return _markers.Value(label=text)
    if "valueInteger" in obs:
        number = obs["valueInteger"]
    else:
        quantity = b.mapping(obs.get("valueQuantity"), f"{path}.valueQuantity") or {}
        number = quantity.get("value")
        percent = "%" in (quantity.get("code"), quantity.get("unit"))
        return _markers.Value(number=_markers.number(number), percent=percent)
    return _markers.Value(number=_markers.number(number))


def _observation(
    b: Builder, obs: Mapping[str, Any], path: str, specimens: dict[str, tuple[str, Any]]
) -> None:
    test = coded(b, obs.get("code"), f"{path}.code", codes.LOINC)
    date = _effective(b, obs, path)
    if test.code == codes.VARIANT:
        variant = genomic_variant(b, obs, path, specimens)
        variant.tested_on = date
        _genomic.add_variant(b, variant)
        read: tuple[str, ...] = ("code", *_DATED_BY, "valueCodeableConcept")
        b.rest(obs, path, (*_STRUCTURE, *read, "component", "specimen", "method"), _NOT_HELD)
        return
    specimen = _her2_specimen(b, obs, test.code, specimens)
    value = _value(b, obs, path)
    if not _markers.read(b, test.code or "", value, date, path, specimen):
        if her2 := codes.unmapped_her2(test.code, test.label, value.code):
            b.problem(f"{path}.code", her2)
        if test.code in LABS and value.number is not None:  # 7478: read once all is
            quantity = obs.get("valueQuantity")
            unit = (
                str(quantity.get("code") or quantity.get("unit") or "")
                if isinstance(quantity, Mapping)
                else ""
            )
            b.labs.append((date or "", test.code, value.number, unit, f"{path}.valueQuantity"))
            return
        b.skip(path, test.code, f"{test.label or 'observation'}: not a test resistx reads")
        return
    for cpath, component in b.items(obs.get("component"), f"{path}.component"):
        # an ER percentage beside the coded result (case 1272); any other part is reported
        part = coded(b, component.get("code"), f"{cpath}.code", codes.LOINC)
        read_it = part.code in codes.ER_PERCENT
        if not (
            read_it and _markers.read(b, part.code or "", _value(b, component, cpath), date, cpath)
        ):
            b.skip(cpath, part.code, f"{part.label or 'component'}: not a part resistx reads")
    value_keys = ("valueCodeableConcept", "valueInteger", "valueQuantity", "component")
    read = ("code", *_DATED_BY, *value_keys, *(("specimen",) if specimen else ()))
    b.rest(obs, path, (*_STRUCTURE, *read), _NOT_HELD)


#: the keys an Observation is dated by, read in this order (``_effective``)
_DATED_BY = ("effectiveDateTime", "effectivePeriod", "effectiveInstant", "issued")


def _effective(b: Builder, obs: Mapping[str, Any], path: str) -> str | None:
    """An Observation's date: effectiveDateTime; else its effectivePeriod's end (or start);
    else effectiveInstant; else the date it was issued, said as an assumption (case 6508: an
    ECOG 3 dated by its period read as older than an ECOG 0 of two years before)."""
    if "effectiveDateTime" in obs:
        return b.date(obs["effectiveDateTime"], f"{path}.effectiveDateTime")
    period = b.mapping(obs.get("effectivePeriod"), f"{path}.effectivePeriod")
    if period is not None:
        key = "end" if period.get("end") else "start"
        return b.date(period.get(key), f"{path}.effectivePeriod.{key}")
    if "effectiveInstant" in obs:
        return b.date(obs["effectiveInstant"], f"{path}.effectiveInstant")
    if "issued" in obs and (day := b.date(obs["issued"], f"{path}.issued")):
        b.assume(f"{path}.issued", f"no effective date: dated by its issue ({day})")
        return day
    return None


def _her2_specimen(
    b: Builder, obs: Mapping[str, Any], test: str | None, specimens: dict[str, tuple[str, Any]]
) -> str | None:
    """The specimen a HER2 IHC or ISH result names, where the bundle holds it: an ISH goes with
    the IHC 2+ of its specimen (case 1803)."""
    if test not in (*codes.HER2_IHC_CODES, codes.HER2_ISH):
        return None
    ref = obs.get("specimen")
    reference = str(ref.get("reference", "")) if isinstance(ref, Mapping) else ""
    if (found := specimens.get(reference)) is None:
        return None
    b.use(found[0], "Specimen", "the specimen of a HER2 result (an ISH goes with its IHC 2+)")
    return reference


_UNCONFIRMED = ("provisional", "differential", "unconfirmed")


def _condition(b: Builder, condition: Mapping[str, Any], path: str) -> None:
    meta = b.mapping(condition.get("meta"), f"{path}.meta") or {}
    profiles = " ".join(p for p in meta.get("profile", []) if isinstance(p, str))
    found = codings(b, condition.get("code"), f"{path}.code")
    code = next((c for s, c in found if s == codes.SNOMED), found[0][1])
    icd = next((c.code for s, c in found if s in codes.ICD10 and c.code), None)
    entry = codes.comorbidity(code.code or "") or (codes.icd10_comorbidity(icd) if icd else None)
    name = entry if isinstance(entry, str) or entry is None else str(entry["name"])
    if icd is not None and codes.comorbidity(code.code or "") is None:
        code = Coded(code=icd, label=code.label)  # the ICD-10 code is the one read
    metastasis = _metastasis(b, condition, path, code.code)
    if metastasis or "mcode-secondary-cancer-condition" in profiles:
        _onset(b, condition, path)  # the relapse date, after early treatment (case 2366b)
    if metastasis:
        return
    if any(p in profiles for p in _CANCER_PROFILES):
        b.skip(path, code.code, f"{code.label or 'cancer'}: the diagnosis is not a profile field")
        return
    clinical = first_code(b, condition.get("clinicalStatus"), f"{path}.clinicalStatus")
    verified = first_code(b, condition.get("verificationStatus"), f"{path}.verificationStatus")
    # an end (abatement[x]) is over, whatever status it states beside it (the recheck of
    # session 64, 7244r: a pregnancy that ended in 2025 was read as current)
    ended = next((k for k in condition if k.startswith("abatement")), None)
    if ended is not None and name != "interstitial_lung_disease":
        b.skip(f"{path}.{ended}", code.code, f"{code.label}: ended, not a current condition")
        return
    for status in (clinical, verified):
        past = status.code in ("inactive", "resolved")
        if status.code == "remission":  # still the patient's, its cautions too (session 65, f2)
            b.assume(
                path, f"{code.label}: status remission, read as a current condition", code.code
            )
        if past and name == "interstitial_lung_disease":
            # a past ILD or pneumonitis is history the labels weigh (case 1261's variant)
            b.assume(
                path, f"{code.label}: status {status.code}, read as a history of it", code.code
            )
        elif past or status.code in ("refuted", "entered-in-error"):
            b.skip(path, code.code, f"{code.label}: status {status.code}, not a current condition")
            return
    read = ("code", "clinicalStatus", "verificationStatus")
    b.rest(condition, path, (*_STRUCTURE, *read), "condition detail " + _NOT_HELD)
    if name is None and code.label and (named := codes.diabetes_named(code.label)) is not None:
        b.add("comorbidities", named, path)  # case 2768: by its label
        b.assume(path, f"{code.label!r} read by its label as {named}", code.code)
    elif name is not None:
        b.add("comorbidities", entry, path)
        b.use(path, code.code, f"comorbidity {name}")
    elif code.label:
        b.add("other_conditions", code.label, path)
        b.skip(path, code.code, f"{code.label}: kept as free text in other_conditions")
    else:
        b.skip(path, code.code, "a condition without a code resistx reads or a name")
        return
    if verified.code in _UNCONFIRMED:
        # a suspected condition still calls for its cautions; the reader is told it is one
        b.assume(
            path,
            f"{name or code.label}: verification status {verified.code}, read as a current "
            "condition",
            code.code,
        )


def _metastasis(b: Builder, condition: Mapping[str, Any], path: str, code: str | None) -> bool:
    """A metastasis whose site the code or the body site names: a metastatic site."""
    sites = [codes.METASTASIS_SITES.get(code or "")] + [
        codes.METASTASIS_SITES.get(coded(b, site, where, codes.SNOMED).code or "")
        for where, site in b.items(condition.get("bodySite"), f"{path}.bodySite")
    ]
    found = next((s for s in sites if s), None)
    if found is None:
        return False
    if found not in b.lists["metastatic_sites"]:
        b.add("metastatic_sites", found, path)
    b.use(path, code, f"metastatic site {found}")
    return True


def _onset(b: Builder, condition: Mapping[str, Any], path: str) -> None:
    """A metastasis's onset: onsetDateTime, or its onsetPeriod's start, is a relapse date; one
    given as a text, an age or a range is said not read (case 6519: they were dropped)."""
    if "onsetDateTime" in condition:
        where = f"{path}.onsetDateTime"
        onset = b.date(condition["onsetDateTime"], where)
    elif (period := b.mapping(condition.get("onsetPeriod"), f"{path}.onsetPeriod")) is not None:
        where = f"{path}.onsetPeriod.start"
        onset = b.date(period.get("start"), where) if period.get("start") else None
        if onset is None:  # the second recheck, 6725: dropped silently
            b.skip(f"{path}.onsetPeriod", None, "an onset period without its start: not read")
    else:
        onset = None
        for key in ("onsetString", "onsetAge", "onsetRange"):
            if key in condition:
                b.skip(f"{path}.{key}", None, "an onset not given as a date: not read")
    if onset:
        b.relapse_onsets.append((onset, where))
        b.use(where, None, f"the metastasis's onset, {onset}")


#: the bundle's Medication resources by reference ("Medication/id", fullUrl): (path, resource)
Medications = dict[str, tuple[str, Mapping[str, Any]]]
#: how the report says a reference was resolved (and how unreferenced ones are found)
_AT = "the Medication at "


def _medications(data: Mapping[str, Any]) -> Medications:
    raw = data.get("entry")
    entries: list[Any] = raw if isinstance(raw, list) else []
    found: Medications = {}
    for i, entry in enumerate(entries):
        r = entry.get("resource") if isinstance(entry, Mapping) else None
        if isinstance(r, Mapping) and r.get("resourceType") == "Medication":
            path = f"$.entry[{i}].resource"
            found[f"Medication/{r.get('id')}"] = (path, r)
            if isinstance(entry.get("fullUrl"), str):
                found[entry["fullUrl"]] = (path, r)
    return found


def _concept(
    b: Builder, resource: Mapping[str, Any], path: str, meds: Medications
) -> tuple[Any, str]:
    """The medication's CodeableConcept and its path: medication[x] as a concept, or a
    reference resolved to the bundle's Medication (its code), else its display (case 1275)."""
    if "medicationReference" not in resource:
        return resource.get("medicationCodeableConcept"), f"{path}.medicationCodeableConcept"
    rpath = f"{path}.medicationReference"
    ref = b.mapping(resource.get("medicationReference"), rpath) or {}
    target = meds.get(str(ref.get("reference"))) or _contained(resource, ref, path)
    if target is not None:
        b.use(rpath, None, f"{_AT}{target[0]}")
        return target[1].get("code"), f"{target[0]}.code"
    display = ref.get("display")
    if isinstance(display, str) and display.strip():
        b.assume(rpath, f"a Medication not in the bundle, read by its display {display!r}")
        return {"text": display}, rpath
    return None, rpath


def _contained(
    resource: Mapping[str, Any], ref: Mapping[str, Any], path: str
) -> tuple[str, Mapping[str, Any]] | None:
    """The Medication a '#id' reference names among the resource's contained ones (case 6515:
    a contained palbociclib was never resolved, and the course was dropped)."""
    reference = str(ref.get("reference", ""))
    held = resource.get("contained")
    if not reference.startswith("#") or not isinstance(held, list):
        return None
    return next(
        (
            (f"{path}.contained[{i}]", r)
            for i, r in enumerate(held)
            if isinstance(r, Mapping)
            and r.get("resourceType") == "Medication"
            and f"#{r.get('id')}" == reference
        ),
        None,
    )


def _medication_codes(
    b: Builder, resource: Mapping[str, Any], path: str, meds: Medications
) -> Coded:
    return _coded_medication(b, resource, path, meds)[0]


def _coded_medication(
    b: Builder, resource: Mapping[str, Any], path: str, meds: Medications
) -> tuple[Coded, str]:
    """The medication's codes and label, and the path of its concept or reference."""
    value, cpath = _concept(b, resource, path, meds)
    every = codings(b, value, cpath)
    found = [
        (c.code if system == codes.RXNORM else f"NCIT:{c.code}", c)
        for system, c in every
        if (system == codes.RXNORM or system in _NCIT_SYSTEMS) and c.code
    ]
    # the label: the concept's text, a read code's display, else any coding's (an NDC's, a
    # hospital's own: case 5856, where a display naming the drug was left unread)
    label = next((c.label for _, c in found if c.label), None)
    label = label or next((c.label for _, c in every if c.label), None)
    concept = b.mapping(value, cpath) or {}
    where = f"{path}.medicationReference" if "medicationReference" in resource else cpath
    coded_med = Coded(
        code=" ".join(k for k, _ in found) or None, label=concept.get("text") or label
    )
    return coded_med, where


#: mCODE's profiles of a cancer-related medication (request, administration, statement)
_CANCER_RELATED = "mcode-cancer-related-medication"

#: the states of an order or an administration that say it is over
_OVER = ("completed", "stopped")


def _read_medication(med: Coded) -> str | None:
    """The label of a medication the plan reads, not a course (``read_as_medication``; a
    course's history is kept whatever its dates), or None."""
    if med.label is None or not read_as_medication(med.label):
        return None
    return None if any(drugs.by_code(c) for c in (med.code or "").split()) else med.label


def _last_end(resource: Mapping[str, Any]) -> str | None:
    """The last end of the periods a medication's doses were given for, where every one has
    an end (``Builder._ending`` weighs it against the record's latest date; session 54, as
    case 2789 for a phenopacket), else None."""
    periods = [resource.get("effectivePeriod")] if "effectivePeriod" in resource else []
    dosage = resource.get("dosageInstruction")
    for d in dosage if isinstance(dosage, list) else ():
        timing = d.get("timing") if isinstance(d, Mapping) else None
        repeat = timing.get("repeat") if isinstance(timing, Mapping) else None
        periods.append(repeat.get("boundsPeriod") if isinstance(repeat, Mapping) else None)
    ends = [p.get("end") if isinstance(p, Mapping) else None for p in periods]
    if not ends or not all(isinstance(e, str) and e for e in ends):
        return None
    return max(str(e)[:10] for e in ends)


#: the intents of a request that say nothing was given yet (case 6503: a fulvestrant 'plan'
#: was read as an ongoing course)
_NOT_GIVEN = ("proposal", "plan", "directive", "option")
#: FHIR R4's request intents (a code in another case is read as FHIR's)
_INTENTS = (
    *_NOT_GIVEN,
    "order",
    "original-order",
    "reflex-order",
    "filler-order",
    "instance-order",
)


def _medication(
    b: Builder, resource: Mapping[str, Any], path: str, meds: Medications
) -> Course | None:
    said = resource.get("intent")
    intent_code = said.strip().casefold() if isinstance(said, str) else said
    if resource.get("resourceType") == "MedicationRequest" and intent_code in _NOT_GIVEN:
        b.skip(
            f"{path}.intent",
            str(said),
            f"a request of intent {intent_code}: planned or proposed, not a treatment given",
        )
        return None
    if resource.get("resourceType") == "MedicationRequest" and intent_code not in _INTENTS:
        b.problem(  # the second recheck, 6707: 'planned' was read as an order
            f"{path}.intent",
            f"{said!r} is not a FHIR request intent ({', '.join(_INTENTS)}): whether the drug "
            "was given or only planned cannot be told",
        )
        return None
    med, where = _coded_medication(b, resource, path, meds)
    if (label := _read_medication(med)) is not None:
        status = resource.get("status")
        if status in _OVER:  # an order or administration that is over: not taken now
            b.skip(path, med.code, f"{label}: status {status}, not taken now")
            return None
        if (end := _last_end(resource)) is not None:  # taken now or not: ``Builder._ending``
            b.ending.append((label, end, path, med.code))
            return None
    cancer = any(_CANCER_RELATED in str(p) for p in (resource.get("meta") or {}).get("profile", ()))
    drug = agent(b, (med.code or "").split(), med.label, where, cancer=cancer)
    if drug is None:
        return None
    course = Course(path=path, drug=drug)
    _period(b, course, resource, path)
    read = [
        "contained",  # its Medication, where the reference names one (``_contained``)
        "medicationCodeableConcept",
        "medicationReference",
        "effectivePeriod",
        "effectiveDateTime",
        "dosageInstruction",
    ]
    read += ["intent", "reasonReference", "reasonCode"]  # an order, for the cancer
    for epath, ext in b.items(resource.get("extension"), f"{path}.extension"):
        value = coded(
            b, ext.get("valueCodeableConcept"), f"{epath}.valueCodeableConcept", codes.SNOMED
        )
        if ext.get("url") == codes.INTENT_EXTENSION:
            course.setting = intent(b, value.code, value.label, epath)
        elif ext.get("url") == codes.TERMINATION_EXTENSION:
            course.stop_reason = stop_reason(b, value.code, value.label, epath)
        else:
            b.skip(epath, str(ext.get("url")), "an extension resistx does not read")
    read.append("extension")
    if course.stop_reason is None and "statusReason" in resource:
        reason = coded(b, _first(resource["statusReason"]), f"{path}.statusReason", codes.SNOMED)
        course.stop_reason = stop_reason(b, reason.code, reason.label, f"{path}.statusReason")
        read.append("statusReason")
    if course.stop_reason is None and resource.get("status") in ("active", "in-progress"):
        course.stop_reason = "ongoing"
        b.use(f"{path}.status", resource.get("status"), "stop_reason ongoing")
    b.rest(resource, path, (*_STRUCTURE, *read), "medication detail " + _NOT_HELD)
    return course


_MEDICATIONS = ("MedicationStatement", "MedicationRequest", "MedicationAdministration")
#: words of a reason that name the cancer (or its treatment's setting)
_CANCER_WORDS = re.compile(r"breast|cancer|carcinom|neoplas|malignan|metasta|tumou?r|oncolog")


def _another_condition(resource: Mapping[str, Any], path: str, meds: Medications) -> str | None:
    """The reason a medication with uses outside cancer (``OTHER_USES``: methotrexate,
    cyclophosphamide, estradiol, bevacizumab) is given, where the record names one and it is no
    cancer: a medication then, not a course (case 3086). Read on a builder of its own, as
    ``_cancer_drug`` does."""
    med = _medication_codes(Builder(FORMAT), resource, path, meds)
    named = [d for c in (med.code or "").split() if (d := drugs.by_code(c))]
    named += list(named_in(med.label)) if med.label else []
    if not named or not set(named) <= OTHER_USES:
        return None
    reasons = [
        str(text)
        for concept in resource.get("reasonCode") or ()
        if isinstance(concept, Mapping)
        for text in (
            concept.get("text"),
            *(c.get("display") for c in concept.get("coding") or () if isinstance(c, Mapping)),
        )
        if isinstance(text, str) and text.strip()
    ]
    if not reasons or any(_CANCER_WORDS.search(r.casefold()) for r in reasons):
        return None
    return reasons[0]


def _cancer_drug(resource: Mapping[str, Any], path: str, meds: Medications) -> bool:
    """A MedicationStatement of a drug resistx knows (a cancer treatment or its partner): a
    treatment course as a request's is, not a medication (case 2360b: letrozole and tamoxifen
    recorded so were lost, and elacestrant left out as 'no endocrine therapy on record').
    Read on a builder of its own: the statement is reported once, where it is read."""
    med = _medication_codes(Builder(FORMAT), resource, path, meds)
    return any(map(drugs.by_code, (med.code or "").split())) or bool(
        med.label and (drugs.by_label(med.label) or named_in(med.label))
    )


def _statement(b: Builder, resource: Mapping[str, Any], path: str, meds: Medications) -> None:
    """A medication the patient takes (not a cancer treatment: those are read as courses,
    ``_cancer_drug``) goes to the profile's medications by its text (cases 1210, 1259)."""
    med = _medication_codes(b, resource, path, meds)
    label = _read_medication(med)
    if label is not None and (end := _last_end(resource)) is not None:
        # its period's end weighed against the record's latest date, as a request's (session
        # 65, f1: clarithromycin 'active' until 2025-11-10 was read as taken now)
        b.ending.append((label, end, path, med.code))
        return
    concept = b.mapping(resource.get("medicationCodeableConcept"), path) or {}
    shown = med.label or next(
        (c.get("display") for c in concept.get("coding") or () if isinstance(c, Mapping)), None
    )
    if not isinstance(shown, str) or not shown.strip():
        # refused, not skipped (7482a: itraconazole coded only by RxNorm went unread beside
        # capivasertib preferred): the interactions are read by name
        code = med.code or next(  # any system's (7528b: a SNOMED code read '(no code)')
            (c.get("code") for c in concept.get("coding") or () if isinstance(c, Mapping)), None
        )
        b.problem(
            path,
            f"a medication {f'coded {code} ' if code else ''}with no name (display or text): "
            "resistx reads a medication's interactions by its name; give it",
        )
        return
    b.add("medications", shown.strip(), path)
    b.use(path, med.code, f"medication {shown.strip()!r}")
    b.rest(
        resource, path, (*_STRUCTURE, "medicationCodeableConcept"), "medication detail " + _NOT_HELD
    )


def _first(value: Any) -> Any:
    """MedicationAdministration.statusReason is a list, MedicationRequest's a single concept."""
    return value[0] if isinstance(value, list) and value else value


def _period(b: Builder, course: Course, resource: Mapping[str, Any], path: str) -> None:
    """effectivePeriod (or effectiveDateTime) of an administration, the bounds of a request's
    dosage timing."""
    period_path = f"{path}.effectivePeriod"
    period = resource.get("effectivePeriod")
    if period is None:
        for dpath, dosage in b.items(
            resource.get("dosageInstruction"), f"{path}.dosageInstruction"
        ):
            timing = b.mapping(dosage.get("timing"), f"{dpath}.timing") or {}
            repeat = b.mapping(timing.get("repeat"), f"{dpath}.timing.repeat") or {}
            if "boundsPeriod" in repeat:
                period, period_path = repeat["boundsPeriod"], f"{dpath}.timing.repeat.boundsPeriod"
                break
    if period is None and "effectiveDateTime" in resource:
        course.started_on = b.date(resource["effectiveDateTime"], f"{path}.effectiveDateTime")
        course.dose = resource.get("resourceType") == "MedicationAdministration"  # case 2377
        return
    bounds = b.mapping(period, period_path) or {}
    course.started_on = b.date(bounds.get("start"), f"{period_path}.start")
    course.ended_on = b.date(bounds.get("end"), f"{period_path}.end")
    course.dose = resource.get("resourceType") == "MedicationAdministration" and (
        course.ended_on in (None, course.started_on)
    )
    if bounds:
        b.use(period_path, None, "treatment dates")
