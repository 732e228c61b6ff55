"""Before the menopause, the regimens whose trials or US labels are for postmenopausal women
(and men): at best an alternative (rule 40's part: alpelisib, case 631; everolimus, 684;
ribociclib with fulvestrant, 700; palbociclib or abemaciclib with an aromatase inhibitor,
7279), and the trials that gave ovarian suppression with each partner."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.rule import Effect
from resistx.sequencing.rules.endocrine import cdk46i_with_letrozole

#: the trials that gave ovarian suppression before the menopause, by whether the partner is an
#: aromatase inhibitor (MONALEESA-7: goserelin with ribociclib and one) or fulvestrant
SUPPRESSED_IN = {
    True: "MONALEESA-7 gave it with ribociclib and an aromatase inhibitor",
    False: "PALOMA-3 and MONARCH-2 required of premenopausal patients",
}
#: the first-line trials of a CDK4/6 inhibitor with an aromatase inhibitor that enrolled
#: postmenopausal women only, by the drug (their reports; MONALEESA-7 enrolled before it)
_POSTMENOPAUSAL_FIRST_LINE = {"palbociclib": "PALOMA-2", "abemaciclib": "MONARCH-3"}


def postmenopausal_trials(spec: RegimenSpec) -> Iterator[Effect]:
    """Before the menopause, a regimen whose trial and US label are for postmenopausal women
    (and men): at best an alternative (alpelisib, case 631; everolimus, case 684)."""
    if kinds.has_everolimus(spec) and not kinds.is_investigational(spec):
        yield Effect(
            code="everolimus_postmenopausal_trial",
            ceiling=1,
            text="Before the menopause: everolimus's US label is for postmenopausal women (not in "
            "the review): its result may not hold here, at best an alternative.",
            trials=("BOLERO-2",),
        )
    if {"ribociclib", "fulvestrant"} <= set(spec.drugs) and not kinds.is_investigational(spec):
        yield Effect(
            code="ribociclib_fulvestrant_postmenopausal_label",
            ceiling=1,
            text="Before the menopause: ribociclib's US label gives it with fulvestrant to "
            "postmenopausal women and men (not in the review): with ovarian suppression its "
            "result may hold, at best an alternative.",
            trials=spec.key_trials,
        )
    if kinds.has_alpelisib(spec):
        yield Effect(
            code="alpelisib_postmenopausal_trial",
            ceiling=1,
            # its US label covers adults since January 2024 (case 1401): the trial's population,
            # not the label, holds it back
            text="Before the menopause: SOLAR-1 enrolled postmenopausal women and men only "
            "(alpelisib's US label, revised since, covers adults; not in the review): "
            "its result may not hold here, at best an alternative, with ovarian suppression.",
            trials=("SOLAR-1",),
        )
    if cdk46i_with_letrozole(spec) and not kinds.is_investigational(spec):
        trial = next((t for d, t in _POSTMENOPAUSAL_FIRST_LINE.items() if d in spec.drugs), "")
        if trial:
            yield Effect(
                code="first_line_postmenopausal_trial",
                ceiling=1,
                text=f"Before the menopause: {trial} enrolled postmenopausal women only (its "
                "report; not in the review), so its result may not hold here: at best an "
                "alternative, with ovarian suppression (MONALEESA-7 gave ribociclib with an "
                "aromatase inhibitor before the menopause).",
                trials=(trial,),
            )
