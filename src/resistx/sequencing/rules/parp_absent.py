"""Rule 5's PARP inhibitors with no target on record (``molecular.parp_inhibitor``): a wait on
the test that could find one, named gene by gene, or left out."""

from __future__ import annotations

from resistx.model.enums import ExclusionCode
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.hrd import SOMATIC_BRCA
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Effect, left_out
from resistx.sequencing.rules.hrd_tests import waits_on_germline


def no_parp_target(i: MolecularInputs, spec: RegimenSpec) -> Effect:
    """No PARP-inhibitor target on record: a wait on the test that could find one, or left out."""
    unknown = i.palb2_in_tumour == "unknown"
    if i.hrd_untested:
        return _untested(i.hrd_untested, spec, palb2_in_tumour=unknown)
    if i.germline_untested:
        return waits_on_germline(i.germline_untested, spec, palb2_in_tumour=unknown)
    somatic = _SOMATIC_PALB2 * (i.palb2_in_tumour == "somatic")
    if i.somatic_brca_untested and spec.id == "talazoparib":
        return left_out(
            ExclusionCode.BIOMARKER_ABSENT,
            text="No germline BRCA1/2 or PALB2 mutation: talazoparib's evidence is for germline "
            "BRCA1/2 mutations (EMBRACA, not named in the review; its ref 75); the somatic "
            "BRCA1/2 responses of TBCRC "
            f"048 were to olaparib, whose place the plan gives.{somatic}",  # not 'waits': 1674
            trials=spec.key_trials,
        )
    if i.somatic_brca_untested:
        return Effect(
            code="somatic_brca_untested",
            text="No germline BRCA1/2 or PALB2 mutation, and BRCA1/2 tested in the germline "
            "only: TBCRC 048 saw responses to olaparib with somatic BRCA1/2 mutations, which a "
            f"tumour test finds; its place waits on that test.{somatic}",
            waits_on="somatic BRCA1/2",
            trials=spec.key_trials,
        )
    return left_out(
        ExclusionCode.BIOMARKER_ABSENT,
        text="No germline BRCA1/2 or PALB2 and no somatic BRCA1/2 mutation on record: a PARP "
        f"inhibitor needs one (TBCRC 048).{somatic}",
        trials=spec.key_trials,
    )


# rule 17: no biomarker selects it


#: a tumour PALB2 mutation beside a germline negative (8411: it went unsaid)
_SOMATIC_PALB2 = (
    " The tumour's PALB2 mutation, its germline test negative, is a somatic PALB2 mutation: "
    "TBCRC 048's confirmed responses were for germline PALB2 and somatic BRCA1/2 mutations "
    "only (the review), so it opens none."
)


def _untested(
    untested: tuple[str, ...], spec: RegimenSpec, *, palb2_in_tumour: bool = False
) -> Effect:
    """A wait on the HRD genes never tested (and the tumour's BRCA1/2 where they were tested in
    the germline only): each named, and what a mutation in them would open (cases 1123, 1139:
    a germline BRCA1/2 negative on record opens nothing); a tumour PALB2 mutation is named as
    one of unknown origin, not as untested (7243b)."""
    genes = [g for g in untested if g != SOMATIC_BRCA]
    brca, palb2 = any(g != "PALB2" for g in genes), "PALB2" in genes
    somatic = SOMATIC_BRCA in untested
    shown = [g for g in genes if not (palb2_in_tumour and g == "PALB2")]
    named = " or ".join([", ".join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)
    if palb2_in_tumour and palb2:
        named = f"A tumour PALB2 mutation of unknown origin, and {named}"
    if spec.id != "talazoparib":
        germline = " or ".join(["BRCA1/2"] * brca + ["PALB2"] * palb2)
        said = f"a germline {germline} or a somatic BRCA1/2 mutation opens a PARP inhibitor "
        said += "(TBCRC 048)"
    elif brca:
        said = (
            "a germline BRCA1/2 mutation opens talazoparib (EMBRACA, not named in the review; "
            "its ref 75)"
            + ", a germline PALB2 one by class only (TBCRC 048 tested olaparib)"
            * palb2
        )
    else:
        said = "a germline PALB2 mutation supports talazoparib by class only (TBCRC 048 tested "
        said += "olaparib)"
    return Effect(
        code="hrd_untested",
        text=f"{named} not tested"
        + ", and BRCA1/2 tested in the germline only" * somatic
        + f": {said}; its place waits on the test.",
        # a somatic BRCA1/2 mutation opens olaparib (TBCRC 048), not talazoparib (case 1154)
        waits_on=_waits_on(genes, somatic and spec.id != "talazoparib"),
        trials=spec.key_trials,
    )


def _waits_on(genes: list[str], somatic: bool) -> str:
    """The tests a PARP inhibitor waits on: BRCA1 and BRCA2 as one where both are untested."""
    both = {"BRCA1", "BRCA2"}.issubset(genes)
    named = ["BRCA1/2"] * both + [g for g in genes if not (both and g != "PALB2")]
    return " and ".join([*named, *[SOMATIC_BRCA] * somatic])
