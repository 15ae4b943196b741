"""Reading YAML: values as PyYAML's safe loader gives them, with the line of every mapping and key."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from compliance import yamlfile
from compliance.errors import DataError

TEXT = """\
year: 2019
list:
- - nested: 1
    when: 2019-03-01
  - plain text
- !!str 123
- {flow: [yes, ~, 1.5, 0x1F, 017]}
tagged: !!int "42"
quoted: "multi
  line"
block: |
  kept
  lines
"""


def test_values_are_those_of_pyyamls_safe_loader(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text(TEXT, encoding="utf-8")
    loaded = yamlfile.load(path)
    assert loaded == yaml.safe_load(TEXT)
    assert loaded["list"][0][0]["when"] == dt.date(2019, 3, 1)
    assert loaded["list"][2]["flow"] == [True, None, 1.5, 31, 15]  # YAML 1.1, as PyYAML reads it


def test_every_mapping_knows_its_line_and_its_keys_lines(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text(TEXT, encoding="utf-8")
    loaded = yamlfile.load(path)
    assert (loaded.line, loaded.line_of("tagged"), loaded.line_of("block")) == (1, 8, 11)
    nested = loaded["list"][0][0]
    assert (nested.line, nested.line_of("when")) == (3, 4)
    assert yamlfile.line_at(loaded, ["list", 0, 0, "when"]) == 4


@pytest.mark.parametrize("text, line", [
    # a key twice, or a key that is not text
    ("a: 1\na: 2\n", 2), ("a: 1\n? [x]\n: 2\n", 2), ("a:\n  1: x\n", 2),
    # a tag that does not fit its value, or that is not data (a set's order follows the hash seed)
    ("records: !!seq abc\n", 1), ("a:\n  x: !!str [a]\n", 2), ("a: !!str {b: 1}\n", 1), ("a: !!map abc\n", 1),
    ("evidence: !!set {b, a}\n", 1), ("a: !!binary aGVsbG8=\n", 1), ("a: !!omap [x: 1]\n", 1),
])
def test_what_is_not_plain_data_is_refused_with_its_line(tmp_path, text, line):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        yamlfile.load(path)
    assert caught.value.problems[0].line == line
