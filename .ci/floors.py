"""Print the lowest versions pyproject.toml allows, as pip constraints (`name==floor`).

CI installs the project once with these, so a floor that is too low (click 8.1 lacked
result.stderr) fails the build instead of a user's install. Requirements without a `>=`
floor (exact pins, markers only) are left to pip.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)")

project = tomllib.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml").read_text())["project"]
requirements = list(project["dependencies"])
for extra in project.get("optional-dependencies", {}).values():
    requirements += extra
for requirement in requirements:
    found = FLOOR.match(requirement)
    if found:
        print(f"{found.group(1)}=={found.group(2)}")
