"""Synthetic national-scale data: 212 municipalities x 30 years, in the project's formats.

The 27 municipalities of the bundled registry are repeated (ids `beltinci`, `beltinci-2`,
... with their non-ASCII names numbered) up to 212; each year's records are the 2019
records of the same base municipality with every year in them moved by the difference,
and each year gets a copy of the 2019 source text, so that the evidence cross-check runs
as it does on real data. `python benchmarks/scale.py DIR` writes a data folder to DIR.
"""

from __future__ import annotations

import copy
import shutil
import sys
from pathlib import Path
from typing import Optional

import yaml

from compliance import paths

BUNDLED = paths.BUNDLED / "data"
BASE_YEAR = 2019


def _shift_years(value, delta: int):
    """Every year-like number (1990-2100) moved by `delta`, at any depth."""
    if isinstance(value, dict):
        return {k: _shift_years(v, delta) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift_years(v, delta) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2100:
        return value + delta
    return value


def copy_year(data_dir: Path, base_year: int, year: int, changes: Optional[dict] = None) -> Path:
    """Write `records/<year>.yaml` in `data_dir`: the base year's records with every year
    moved, and `changes` ({municipality: {"programme.status": "adopted", ...}}) applied;
    the source text stays the base year's, so the evidence still validates."""
    base = yaml.safe_load((data_dir / "records" / f"{base_year}.yaml").read_text(encoding="utf-8"))
    document = _shift_years(base, year - base_year)
    for record in document["records"]:
        for dotted, value in (changes or {}).get(record["municipality"], {}).items():
            *parents, last = dotted.split(".")
            target = record
            for key in parents:
                target = target[key]
            target[last] = value
    path = data_dir / "records" / f"{year}.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return path


def generate(folder: Path, municipalities: int = 212, years: range = range(2020, 2050)) -> Path:
    folder = Path(folder)
    (folder / "records").mkdir(parents=True, exist_ok=True)
    (folder / "sources").mkdir(exist_ok=True)
    registry = yaml.safe_load((BUNDLED / "municipalities.yaml").read_text(encoding="utf-8"))
    base = yaml.safe_load((BUNDLED / "records" / f"{BASE_YEAR}.yaml").read_text(encoding="utf-8"))
    source = BUNDLED / base["source"]
    bases = registry["municipalities"]
    by_id = {r["municipality"]: r for r in base["records"]}

    entries, origin = [], {}
    for i in range(municipalities):
        m = copy.deepcopy(bases[i % len(bases)])
        n = i // len(bases) + 1
        if n > 1:
            origin_id = m["id"]
            m["id"] = f"{origin_id}-{n}"
            for key in ("name", "short_name", "dative", "genitive"):
                if key in m:
                    m[key] = f"{m[key]} {n}"
        origin[m["id"]] = bases[i % len(bases)]["id"]
        entries.append(m)
    (folder / "municipalities.yaml").write_text(
        yaml.safe_dump({"municipalities": entries}, allow_unicode=True, sort_keys=False), encoding="utf-8")

    for year in years:
        text_name = f"sources/porocilo-{year}.txt"
        shutil.copyfile(source, folder / text_name)
        records = []
        for m in entries:
            record = _shift_years(copy.deepcopy(by_id[origin[m["id"]]]), year - BASE_YEAR)
            record["municipality"] = m["id"]
            records.append(record)
        document = {"year": year, "source": text_name, "records": records}
        (folder / "records" / f"{year}.yaml").write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return folder


if __name__ == "__main__":
    print(generate(Path(sys.argv[1])))
