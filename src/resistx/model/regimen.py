"""Drugs and regimens: what a patient can be given."""

from __future__ import annotations

import attrs

from resistx.model.enums import DrugClass

TRIAL_PREFIX = "trial:"


@attrs.frozen(kw_only=True)
class Drug:
    """One drug by its generic name, with its class and the names it also goes by."""

    name: str
    drug_class: DrugClass
    synonyms: tuple[str, ...] = ()
    target: str | None = (
        None  # the antigen of an antibody-drug conjugate, the kinase of an inhibitor
    )


@attrs.frozen(kw_only=True)
class Regimen:
    """A regimen the sequencing engine can rank, under a fixed id that plans and tests refer to."""

    id: str
    name: str
    drugs: tuple[str, ...]
    drug_classes: tuple[DrugClass, ...]

    @property
    def is_trial(self) -> bool:
        return self.id.startswith(TRIAL_PREFIX)

    @property
    def trial_id(self) -> str | None:
        """The NCT id of a ``trial:<NCT id>`` regimen, else None."""
        return self.id.removeprefix(TRIAL_PREFIX) if self.is_trial else None
