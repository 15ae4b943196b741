"""Drafting a year's records from the Government's narrative report (`compliance extract`).

read -> sections -> language -> match (lexicon) -> classify -> draft; diff compares a draft
with curated records. The wording rules are data in `lexicon`; no code names a municipality.
"""
