"""The municipalities where Roma live: `data/municipalities.yaml`."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from pydantic import ValidationError

from compliance import paths, yamlfile
from compliance.errors import DataError, NotFound, Problem
from compliance.messages import msg
from compliance.models import Municipality
from compliance.suggest import closest


class Registry:
    """Municipalities by id, in the order of the registry file."""

    def __init__(self, municipalities: list[Municipality], path: Path):
        self.path = path
        self._by_id = {m.id: m for m in municipalities}

    def __iter__(self) -> Iterator[Municipality]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, municipality_id: object) -> bool:
        return municipality_id in self._by_id

    @property
    def ids(self) -> list[str]:
        return list(self._by_id)

    def get(self, municipality_id: str) -> Municipality:
        """The municipality with this id; an unknown id raises NotFound with the closest ids."""
        try:
            return self._by_id[municipality_id]
        except KeyError:
            raise NotFound("municipality", municipality_id, closest(municipality_id, self.ids)) from None


def read_registry(data_dir: Path) -> tuple[Registry, list[Problem]]:
    """The registry and every problem in it (invalid entries are left out of the registry)."""
    path = paths.registry_file(data_dir)
    raw = yamlfile.load(path)
    items = raw.get("municipalities") if isinstance(raw, yamlfile.Located) else None
    if not isinstance(items, list):
        return Registry([], path), [Problem(path, msg("registry.shape"))]
    problems: list[Problem] = yamlfile.unknown_keys(path, raw, ("municipalities",))
    municipalities: list[Municipality] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        ident = item.get("id") if isinstance(item, yamlfile.Located) else None
        if not isinstance(item, yamlfile.Located):
            problems.append(Problem(path, msg("registry.not_mapping"), line=yamlfile.line_at(raw, ["municipalities"])))
            continue
        try:
            municipality = Municipality(**item)
        except ValidationError as exc:
            problems += yamlfile.validation_problems(path, item, exc, municipality=ident)
            continue
        if municipality.id in seen:
            problems.append(Problem(path, msg("registry.duplicate"), line=item.line, municipality=ident, field="id"))
            continue
        seen.add(municipality.id)
        municipalities.append(municipality)
    return Registry(municipalities, path), problems


def load_registry(data_dir: Path) -> Registry:
    registry, problems = read_registry(data_dir)
    if problems:
        raise DataError(problems)
    return registry
