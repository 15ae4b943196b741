"""The rule files in `rules/`: one per obligation, the duties as data staff can edit.

A file gives the obligation, its kind, its legal basis and a list of rules; a rule gives a
grade, a condition (`when`, see `compliance.conditions`), message templates in Slovenian and
English and, where a letter needs one, the Slovenian paragraph for the letter. Templates
are Jinja2 over `compliance.facts.context`. Every problem in every file is reported at
once, with the file, the line and the rule id.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import jinja2
from jinja2 import nodes
from pydantic import Field, ValidationError

from compliance import cache, conditions, sandbox, yamlfile
from compliance.errors import DataError, Problem
from compliance.facts import FIELDS
from compliance.findings import LegalBasis
from compliance.messages import msg
from compliance.models import Strict
from compliance.vocabulary import LANGUAGES, Grade, Obligation, RuleKind

# Rule files are shared by e-mail: their templates render sandboxed and bounded, and an
# undefined name is an error, so a typo cannot print an empty message.
TEMPLATES = sandbox.environment()


class _Messages(Strict):
    sl: str = Field(min_length=1)
    en: str = Field(min_length=1)


class _RuleSpec(Strict):
    id: str = Field(pattern=r"^[a-z_]+\.[a-z0-9_]+$")
    grade: Grade
    when: dict[str, Any]
    message: _Messages
    letter: Optional[str] = None
    note: Optional[str] = None  # for the rule's authors; not shown to users


class _RuleFile(Strict):
    obligation: Obligation
    kind: RuleKind
    basis: LegalBasis
    rules: list[_RuleSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Rule:
    id: str
    obligation: Obligation
    grade: Grade
    kind: RuleKind
    basis: LegalBasis
    when: dict[str, Any]
    messages: dict[str, str]  # Jinja2 sources by language
    letter: Optional[str]
    file: Path
    line: int
    reads: dict[str, tuple[str, ...]] = field(default_factory=dict)  # names each template reads, by field

    def render_message(self, lang: str, context: dict[str, Any]) -> str:
        return _render(self, "message." + lang, self.messages[lang], context)

    def render_letter(self, context: dict[str, Any]) -> Optional[str]:
        return None if self.letter is None else _render(self, "letter", self.letter, context)


@functools.lru_cache(maxsize=None)
def _template(source: str) -> jinja2.Template:
    # Compiled on first use: compiling all ~60 templates would cost a run ~30 ms for the
    # dozen it renders. Syntax is checked when the file is read (TEMPLATES.parse).
    # The compiled code is kept between runs, by source text and code version (compliance.cache).
    return TEMPLATES.template_class.from_code(TEMPLATES, cache.template_code(TEMPLATES, source), TEMPLATES.make_globals(None))


# Rendered texts by template and the values it reads: across municipalities and years most
# messages come out the same, and Jinja2's per-render set-up is the larger part of judging.
# Rendering is pure (sandboxed, no globals that change), so equal inputs give equal text.
_RENDERED: dict[tuple, str] = {}
_ABSENT = object()


def _comparable(value: Any) -> Any:
    # With its type, so that 1, 1.0 and True (equal in Python) are told apart; a value
    # that cannot be hashed (a list of reasons) by its repr.
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return type(value), value


def _render(rule: Rule, where: str, source: str, context: dict[str, Any]) -> str:
    names = rule.reads.get(where)
    key = None if names is None else (source, *(_comparable(context.get(name, _ABSENT)) for name in names))
    if key is not None and key in _RENDERED:
        return _RENDERED[key]
    try:
        text = " ".join(sandbox.render(_template(source), context).split())
    except sandbox.RenderError as exc:
        message = msg("rules.rule", rule=rule.id, message=msg("rules.render_error", where=where, reason=exc.reason))
        raise DataError([Problem(rule.file, message, line=rule.line, field=where)]) from None
    if key is not None:
        _RENDERED[key] = text
    return text


@dataclass(frozen=True)
class ObligationRules:
    obligation: Obligation
    kind: RuleKind
    basis: LegalBasis
    file: Path
    rules: tuple[Rule, ...]
    fields: tuple[str, ...]  # fact fields the conditions read, in compliance.facts order


@dataclass(frozen=True)
class RuleBook:
    """Every obligation's rules, in the fixed obligation order."""

    obligations: dict[Obligation, ObligationRules]
    files: tuple[Path, ...]
    by_id: dict[str, Rule] = field(default_factory=dict)

    @property
    def rules(self) -> list[Rule]:
        return [rule for group in self.obligations.values() for rule in group.rules]

    @property
    def sha256(self) -> str:
        return sha256_of(self.files)


def sha256_of(paths: list[Path] | tuple[Path, ...]) -> str:
    """sha256 of the files' bytes, concatenated in path order (`cat ... | sha256sum`)."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=str):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def rule_files(rules_dir: Path) -> list[Path]:
    return sorted(Path(rules_dir).glob("*.yaml"))


def _names_read(template: nodes.Template) -> tuple[str, ...]:
    """Every name the template loads: the context values its text can depend on (a loop's
    own variable too, harmlessly; a walk of the tree, where jinja2.meta would compile it)."""
    return tuple(sorted({name.name for name in template.find_all(nodes.Name) if name.ctx == "load"}))


def _compile(path: Path, raw: Any, index: int, spec: _RuleSpec, parsed: _RuleFile) -> tuple[Optional[Rule], list[Problem]]:
    item = raw["rules"][index]
    line: int = getattr(item, "line", 0)  # every mapping read is Located
    found = [
        Problem(path, msg("rules.rule", rule=spec.id, message=message), line=yamlfile.line_at(item, list(where)), field=conditions.place(where))
        for where, message in conditions.problems(spec.when)
    ]
    sources = {**{f"message.{lang}": getattr(spec.message, lang) for lang in LANGUAGES}, "letter": spec.letter}
    reads = {}
    for where, source in sources.items():
        if source is None:
            continue
        try:
            reads[where] = _names_read(TEMPLATES.parse(source))
        except jinja2.TemplateSyntaxError as exc:
            found.append(Problem(path, msg("rules.rule", rule=spec.id, message=msg("rules.template_error", reason=exc.message)), line=yamlfile.line_at(item, where.split(".")), field=where))
    if found:
        return None, found
    rule = Rule(
        id=spec.id, obligation=parsed.obligation, grade=spec.grade, kind=parsed.kind, basis=parsed.basis,
        when=spec.when, messages={lang: sources[f"message.{lang}"] for lang in LANGUAGES},
        letter=spec.letter, file=path, line=line, reads=reads,
    )
    return rule, []


def _name_rule(problem: Problem, ids: list[Any]) -> Problem:
    """`field rules.3.grade` says little to a reader: name the rule the problem is in."""
    parts = (problem.field or "").split(".")
    if len(parts) > 1 and parts[0] == "rules" and parts[1].isdigit() and int(parts[1]) < len(ids):
        return dataclasses.replace(problem, message=msg("rules.rule", rule=ids[int(parts[1])], message=problem.message))
    return problem


def _read_file(path: Path) -> tuple[Optional[ObligationRules], list[Problem]]:
    raw = yamlfile.load(path)
    try:
        parsed = _RuleFile.model_validate(raw)
    except ValidationError as exc:
        ids = [r.get("id") for r in raw.get("rules", []) if isinstance(r, dict)] if isinstance(raw, dict) else []
        return None, [_name_rule(problem, ids) for problem in yamlfile.validation_problems(path, raw, exc)]
    rules, problems = [], []
    for index, spec in enumerate(parsed.rules):
        rule, found = _compile(path, raw, index, spec, parsed)
        problems += found
        if rule:
            rules.append(rule)
    if problems:
        return None, problems
    read = set().union(*(conditions.fields(rule.when) for rule in rules))
    group = ObligationRules(
        obligation=parsed.obligation, kind=parsed.kind, basis=parsed.basis, file=path,
        rules=tuple(rules), fields=tuple(name for name in FIELDS if name in read),
    )
    return group, []


def load_rules(rules_dir: Path) -> RuleBook:
    """Read and check every rule file; any problem in any file raises one DataError."""
    files = rule_files(rules_dir)
    if not files:
        raise DataError([Problem(Path(rules_dir), msg("rules.no_files"))])
    problems: list[Problem] = []
    groups: dict[Obligation, ObligationRules] = {}
    seen: dict[str, Rule] = {}
    for path in files:
        try:
            group, found = _read_file(path)
        except DataError as exc:
            problems += exc.problems
            continue
        problems += found
        if group is None:
            continue
        if group.obligation in groups:
            other = groups[group.obligation].file.name
            problems.append(Problem(path, msg("rules.obligation_twice", obligation=group.obligation.value, other=other), field="obligation"))
            continue
        for rule in group.rules:
            if rule.id in seen:
                first = seen[rule.id]
                problems.append(Problem(path, msg("rules.rule", rule=rule.id, message=msg("rules.duplicate_id", first=f"{first.file.name}:{first.line}")), line=rule.line, field="id"))
            seen[rule.id] = rule
        groups[group.obligation] = group
    if not problems:
        for obligation in Obligation:
            if obligation not in groups:
                problems.append(Problem(Path(rules_dir), msg("rules.no_file_for", obligation=obligation.value)))
    if problems:
        raise DataError(problems)
    ordered = {obligation: groups[obligation] for obligation in Obligation}
    return RuleBook(obligations=ordered, files=tuple(files), by_id=seen)
