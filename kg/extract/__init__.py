"""Extractors: entities, dates, quantities and claims from one document."""
