"""Closed vocabularies: drugs with their classes and brand names, genes and their aliases,
comorbidities, and the fixed regimen ids."""
