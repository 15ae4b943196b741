"""The catalog of user-facing text: message ids with their Slovenian and English wording.

Diagnostics and the words of every output (headings, table headers, "da"/"ne") live here,
each phrase once; enum labels are in compliance.vocabulary. Problems and errors carry a `Message` (an id and its parameters) and are worded only when
printed, in the command's language. The CLI keeps the language in the click context
(`ctx.meta`), so each invocation starts afresh; outside a command (the library, its
tests) messages read in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional

DEFAULT = "sl"  # the CLI's default, as for every other output
LIBRARY = "en"  # outside a command: the library's own language
_META_KEY = "compliance.lang"

CATALOG: dict[str, dict[str, str]] = {
    # How the CLI presents problems.
    "cli.error": {"sl": "napaka", "en": "error"},
    "cli.problems_found": {"sl": "Najdenih težav: {n}.", "en": "{n} problem(s) found."},
    "where.municipality": {"sl": "občina {id}", "en": "municipality {id}"},
    "where.field": {"sl": "polje {field}", "en": "field {field}"},
    # Unknown names (compliance.errors.NotFound).
    "notfound.year": {"sl": "neznano leto: {value}", "en": "unknown year: {value}"},
    "notfound.municipality": {"sl": "neznana občina: {value}", "en": "unknown municipality: {value}"},
    "hint.did_you_mean": {"sl": "{text} (ste mislili: {names})", "en": "{text} (did you mean: {names})"},
    "hint.years_with_data": {"sl": "{text} (leta s podatki: {names})", "en": "{text} (years with data: {names})"},
    # Files and YAML.
    "file.not_found": {"sl": "datoteka ne obstaja", "en": "file not found"},
    "file.unreadable": {"sl": "datoteke ni mogoče prebrati: {reason}", "en": "cannot read file: {reason}"},
    "yaml.malformed": {"sl": "napačen zapis YAML: {reason}", "en": "malformed YAML: {reason}"},
    "yaml.duplicate_key": {"sl": "podvojen ključ {key!r}", "en": "duplicate key {key!r}"},
    # Hostile or broken input (issue 14: yamlfile, atomic, sandbox, names, dates).
    "yaml.alias": {
        "sl": "sklici YAML (*ime) niso dovoljeni; vrednost zapišite izrecno",
        "en": "YAML aliases (*name) are not allowed; write the value out",
    },
    "yaml.key_not_text": {
        "sl": "ključ mora biti besedilo (ne seznam, preslikava ali število)",
        "en": "a key must be text (not a list, mapping or number)",
    },
    "yaml.tag": {
        "sl": "oznaka {tag} tu ni dovoljena (podatki so besedilo, števila, datumi, seznami in preslikave)",
        "en": "the tag {tag} is not allowed here (data are text, numbers, dates, lists and mappings)",
    },
    "yaml.unknown_key": {
        "sl": "neznan ključ {key!r} (dovoljeni: {known})",
        "en": "unknown key {key!r} (allowed: {known})",
    },
    "sandbox.too_long": {
        "sl": "predloga bi dala več kot {limit} znakov",
        "en": "the template would produce more than {limit} characters",
    },
    "sandbox.exponent": {"sl": "eksponent je večji od {limit}", "en": "an exponent larger than {limit}"},
    "sandbox.width": {
        "sl": "širina ali število večje od {limit} v besedilni metodi",
        "en": "a width or count larger than {limit} in a text method",
    },
    "sandbox.unsafe": {"sl": "v predlogi ni dovoljeno: {reason}", "en": "not allowed in a template: {reason}"},
    "sandbox.attribute": {
        "sl": "dostop do atributa {name!r} (predmeta vrste {kind!r})",
        "en": "access to the attribute {name!r} (of a {kind!r} object)",
    },
    "sandbox.recursion": {"sl": "neskončna rekurzija v predlogi", "en": "endless recursion in the template"},
    "sandbox.memory": {"sl": "predloga porabi preveč pomnilnika", "en": "the template uses too much memory"},
    "sandbox.failed": {"sl": "predloge ni mogoče izpolniti: {reason}", "en": "the template cannot be rendered: {reason}"},
    "sandbox.operations": {
        "sl": "predloga dela predolgo: več kot {limit} ponovitev zank in klicev",
        "en": "the template works too long: more than {limit} loop iterations and calls",
    },
    "write.failed": {"sl": "{path} ni mogoče zapisati: {reason}", "en": "cannot write {path}: {reason}"},
    "write.permission": {"sl": "ni dovoljenja za pisanje", "en": "permission denied"},
    "write.no_space": {"sl": "na disku ni dovolj prostora", "en": "no space left on the disk"},
    "write.read_only": {"sl": "datotečni sistem je samo za branje", "en": "read-only file system"},
    "write.no_folder": {"sl": "mapa ne obstaja", "en": "the folder does not exist"},
    "write.is_folder": {"sl": "to je mapa, ne datoteka", "en": "it is a folder, not a file"},
    "write.exists": {
        "sl": "{path} že obstaja; za prepis dodajte --force",
        "en": "{path} already exists; add --force to overwrite it",
    },
    "write.busy": {
        "sl": "v {path} piše drug zagon programa; po {seconds} s čakanja odneham, poskusite znova",
        "en": "another run is writing into {path}; gave up after waiting {seconds} s, try again",
    },
    "write.stdout": {"sl": "izpisa ni mogoče zapisati: {reason}", "en": "cannot write the output: {reason}"},
    "extract.over_records": {
        "sl": "{path} so pregledani zapisi v mapi s podatki; osnutka ne zapišem čeznje (izberite drugo ime, nato primerjajte z --diff)",
        "en": "{path} holds the reviewed records in the data folder; a draft is never written over them (choose another name, then compare with --diff)",
    },
    "text.control": {
        "sl": "nedovoljen (kontrolni ali neviden) znak {code} na mestu {position}",
        "en": "a control or invisible character {code} at position {position} is not allowed",
    },
    "text.blank": {"sl": "ne sme biti prazno", "en": "must not be blank"},
    "model.empty_id": {
        "sl": "kratko ime {short_name!r} ne da oznake (id): potrebna je vsaj ena črka ali številka",
        "en": "the short name {short_name!r} gives no id: it needs at least one letter or digit",
    },
    "letters.date_range": {
        "sl": "datum dopisov {date} ni med letoma {first} in {last}",
        "en": "the letters' date {date} is not between {first} and {last}",
    },
    "letters.deadline_overflow": {
        "sl": "rok za odgovor ({days} dni po {date}) je zunaj koledarja",
        "en": "the reply deadline ({days} days after {date}) is beyond the calendar",
    },
    "sources.too_large": {
        "sl": "datoteka je večja od {limit} MB in ni poročilo",
        "en": "the file is larger than {limit} MB and is not a report",
    },
    "file.not_regular": {"sl": "ni navadna datoteka", "en": "not a regular file"},
    "file.too_large": {"sl": "datoteka je večja od {limit} MB", "en": "the file is larger than {limit} MB"},
    # Places in a report text (compliance.sources).
    "place.line": {"sl": "vrstica {n}", "en": "line {n}"},
    "place.paragraph": {"sl": "odstavek {n}", "en": "paragraph {n}"},
    "place.page": {"sl": "stran {n}", "en": "page {n}"},
    # Reviewer decisions (compliance.decisions).
    "decisions.shape": {
        "sl": "datoteka odločitev mora biti seznam odločitev (- municipality: ..., obligation: ..., note: ...)",
        "en": "a decisions file must be a list of decisions (- municipality: ..., obligation: ..., note: ...)",
    },
    "decisions.not_mapping": {
        "sl": "odločitev mora biti preslikava (municipality, obligation, note, decided_by, decided_on)",
        "en": "a decision must be a mapping (municipality, obligation, note, decided_by, decided_on)",
    },
    "decisions.unknown_municipality": {"sl": "občine ni v registru", "en": "municipality not in the registry"},
    "decisions.duplicate": {
        "sl": "druga odločitev za obveznost {obligation} te občine (prva v vrstici {first})",
        "en": "a second decision for obligation {obligation} of this municipality (the first on line {first})",
    },
    "decisions.expired": {
        "sl": "odločitev za {obligation} je potekla {expires} (pred {on}); ni upoštevana",
        "en": "the decision on {obligation} expired on {expires} (before {on}); it is ignored",
    },
    # Records and registry.
    "records.shape": {
        "sl": "pričakovana je preslikava z 'year', 'source' in seznamom 'records'",
        "en": "expected a mapping with 'year', 'source' and a list 'records'",
    },
    "records.year_mismatch": {
        "sl": "zapisi so za leto {got!r}, pričakovano je leto {year}",
        "en": "the records are for {got!r}, expected {year}",
    },
    "records.source_missing": {
        "sl": "'source' mora navesti besedilo poročila, relativno na mapo s podatki",
        "en": "'source' must name the report text, relative to the data folder",
    },
    "records.source_not_found": {"sl": "izvorne datoteke ni: {source}", "en": "source file not found: {source}"},
    "records.not_mapping": {"sl": "zapis mora biti preslikava", "en": "a record must be a mapping"},
    "records.duplicate": {"sl": "podvojen zapis (prvi v vrstici {first})", "en": "duplicate record (first at line {first})"},
    "registry.shape": {
        "sl": "pričakovana je preslikava s seznamom 'municipalities'",
        "en": "expected a mapping with a list 'municipalities'",
    },
    "registry.not_mapping": {"sl": "pričakovana je preslikava", "en": "expected a mapping"},
    "registry.duplicate": {"sl": "podvojena občina", "en": "duplicate municipality"},
    "validate.not_in_registry": {"sl": "ni v registru", "en": "not in the registry"},
    "validate.no_evidence": {
        "sl": "navedeno dejstvo potrebuje dokazni stavek",
        "en": "a stated fact needs its evidence sentence",
    },
    "validate.evidence_not_found": {
        "sl": "dokaznega stavka ni v {source}: {sentence!r}",
        "en": "evidence not found in {source}: {sentence!r}",
    },
    "validate.no_record": {"sl": "ni zapisa za leto {year}", "en": "no record for {year}"},
    "validate.ok": {"sl": "V redu: {path} (register; zapisi {years}{office})", "en": "OK: {path} (registry; records {years}{office})"},
    "validate.no_years": {"sl": "nobenih", "en": "none"},
    # Report texts (compliance.sources).
    "sources.not_utf8": {
        "sl": "ni besedilo UTF-8 (bajt {byte}); pričakovano je navadno besedilo UTF-8, .docx ali PDF",
        "en": "not UTF-8 text (byte {byte}); expected plain UTF-8 text, a .docx or a PDF",
    },
    "sources.docx_unreadable": {
        "sl": "datoteke Word ni mogoče prebrati: {reason}", "en": "cannot read the Word file: {reason}",
    },
    "sources.pdf_encrypted": {
        "sl": "PDF je šifriran; shranite nezaščiteno kopijo", "en": "the PDF is encrypted; save an unprotected copy",
    },
    "sources.pdf_unreadable": {"sl": "PDF-ja ni mogoče prebrati: {reason}", "en": "cannot read the PDF: {reason}"},
    "sources.old_doc": {
        "sl": "stara datoteka Word .doc; najprej jo shranite kot .docx (ali kot besedilo)",
        "en": "an old Word .doc file; save it as .docx (or as text) first",
    },
    "sources.no_text": {"sl": "datoteka nima besedila", "en": "the file has no text"},
    "sources.no_text_pdf": {
        "sl": "datoteka nima besedila (skeniran PDF nima besedilne plasti: najprej zaženite OCR)",
        "en": "the file has no text (a scanned PDF has no text layer: run OCR first)",
    },
    # The models' own checks (pydantic value_error).
    "model.slug_mismatch": {
        "sl": "id mora biti slug kratkega imena (short_name) {short_name!r}: {expected!r}",
        "en": "id must be the slug of short_name {short_name!r}: {expected!r}",
    },
    "model.period_order": {
        "sl": "obdobje se konča ({end}) pred začetkom ({start})",
        "en": "period ends ({end}) before it starts ({start})",
    },
    "model.wb_not_established_met": {
        "sl": "delovno telo, ki ni ustanovljeno, se ne more sestati",
        "en": "a working body that is not established cannot have met",
    },
    "model.wb_not_established_active": {
        "sl": "delovno telo, ki ni ustanovljeno, ne more biti dejavno",
        "en": "a working body that is not established cannot be active",
    },
    "model.wb_met_inactive": {
        "sl": "delovno telo, ki se je sestalo, ni nedejavno",
        "en": "a working body that met is not inactive",
    },
    "basis.quote_needs_gazette": {
        "sl": "dobesedno navedena določba (form: quote) potrebuje sklic na Uradni list (gazette)",
        "en": "a verbatim provision (form: quote) needs its Official Gazette reference (gazette)",
    },
    "finding.grade_not_final": {
        "sl": "ocena {grade} ni končna ocena (pravila: {rule_grade}, ob upoštevanju odločitve)",
        "en": "grade {grade} is not the final grade (rules: {rule_grade}, after any decision)",
    },
    "model.fact_year_after": {
        "sl": "{field} {value} je za letom poročila {year}",
        "en": "{field} {value} is after the report year {year}",
    },
    "model.reported_years": {
        "sl": "občina, ki je poročala, ima stated_in in describes enaka letu poročila",
        "en": "a municipality that reported has stated_in and describes equal to the year",
    },
    "model.not_in_overview_facts": {
        "sl": "občina, ki je ni v pregledu (in_overview: false), ni poročala in nima navedenih dejstev",
        "en": "a municipality not in the overview (in_overview: false) did not report and has no stated facts",
    },
    "model.unconfirmed_email": {
        "sl": "{email} je v 'unconfirmed_emails', ni pa med 'emails'",
        "en": "{email} is in 'unconfirmed_emails' but not in 'emails'",
    },
    "model.email": {"sl": "neveljaven e-poštni naslov: {reason}", "en": "value is not a valid email address: {reason}"},
    # Office configuration (compliance.letters.office).
    "office.shape": {
        "sl": "pričakovana je preslikava z office, signatory, file_number, reply_days, wording",
        "en": "expected a mapping with office, signatory, file_number, reply_days, wording",
    },
    "office.one_line": {
        "sl": "mora biti ena vrstica besedila (brez prelomov vrstic ali kontrolnih znakov)",
        "en": "must be one line of text (no line breaks or control characters)",
    },
    "office.malformed_placeholder": {
        "sl": "napačno oblikovano polje v {template!r}: {reason}",
        "en": "malformed placeholder in {template!r}: {reason}",
    },
    "office.format_spec": {
        "sl": "oblika polja {{{name}:{spec}}} ni dovoljena (širina največ {width}, brez gnezdenih polj)",
        "en": "the format of {{{name}:{spec}}} is not allowed (width at most {width}, no nested fields)",
    },
    "office.unknown_placeholder": {
        "sl": "neznano polje {{{name}}} (znana: {known})",
        "en": "unknown placeholder {{{name}}} (known: {known})",
    },
    "office.unknown_unconfirmed": {
        "sl": "neznana vrednost za potrditev {name!r} (znane: {known})",
        "en": "unknown value to confirm {name!r} (known: {known})",
    },
    # What each `unconfirmed:` entry of office.yaml stands for.
    "office.confirm.header": {"sl": "glava dopisa (office.header)", "en": "letterhead (office.header)"},
    "office.confirm.address": {"sl": "poštni naslov urada (office.address)", "en": "the Office's postal address (office.address)"},
    "office.confirm.phone": {"sl": "telefonska številka urada (office.phone)", "en": "the Office's phone number (office.phone)"},
    "office.confirm.email": {"sl": "e-poštni naslov urada (office.email)", "en": "the Office's e-mail address (office.email)"},
    "office.confirm.contact": {
        "sl": "kontaktna oseba: ime, telefon, e-pošta (contact)",
        "en": "contact person: name, phone, e-mail (contact)",
    },
    "office.confirm.signatory": {"sl": "podpisnik (signatory)", "en": "signatory (signatory)"},
    "office.confirm.file_number": {"sl": "številka zadeve (file_number)", "en": "file number (file_number)"},
    "office.confirm.requests": {
        "sl": "dopis s prošnjo za prispevke za »Zveza:« (requests)",
        "en": "the request for contributions cited as \"Zveza:\" (requests)",
    },
    # Rule files (compliance.rules, conditions, engine, judge).
    "rules.rule": {"sl": "pravilo {rule}: {message}", "en": "rule {rule}: {message}"},
    "rules.render_error": {"sl": "{where}: {reason}", "en": "{where}: {reason}"},
    "rules.template_error": {"sl": "napaka v predlogi: {reason}", "en": "template error: {reason}"},
    "rules.no_files": {
        "sl": "v mapi s pravili ni datotek s pravili (*.yaml)",
        "en": "no rule files (*.yaml) in the rules folder",
    },
    "rules.obligation_twice": {
        "sl": "obveznost {obligation} je že določena v {other}",
        "en": "obligation {obligation} is already defined in {other}",
    },
    "rules.duplicate_id": {"sl": "podvojen id pravila (prvi v {first})", "en": "duplicate rule id (first in {first})"},
    "rules.no_file_for": {
        "sl": "ni datoteke s pravili za obveznost {obligation}",
        "en": "no rule file for obligation {obligation}",
    },
    "cond.unknown_field": {
        "sl": "neznano polje {field!r} (znana polja: {known})",
        "en": "unknown field {field!r} (known fields: {known})",
    },
    "cond.unknown_field_hint": {
        "sl": "neznano polje {field!r} (ste mislili: {hint})",
        "en": "unknown field {field!r} (did you mean: {hint})",
    },
    "cond.value_shape": {
        "sl": "{field}: vrednost je skalar ali {{$m: polje}}, ne {value!r}",
        "en": "{field}: a value is a scalar or {{$m: field}}, not {value!r}",
    },
    "cond.null": {
        "sl": "{field}: null se ne ujema nikoli; da ni navedeno, preverite z {{$nex: {{{field}: 1}}}}",
        "en": "{field}: null never matches; to test that it is not stated, use {{$nex: {{{field}: 1}}}}",
    },
    "cond.category_ordering": {
        "sl": "{field} je kategorija: preverite jo z enakostjo, ne z urejenostjo",
        "en": "{field} is a category: test it with equality, not an ordering",
    },
    "cond.unknown_value": {
        "sl": "{field}: neznana vrednost {value!r} (dovoljene: {allowed})",
        "en": "{field}: unknown value {value!r} (allowed: {allowed})",
    },
    "cond.unknown_value_hint": {
        "sl": "{field}: neznana vrednost {value!r} (dovoljene: {allowed}); ste mislili {hint!r}?",
        "en": "{field}: unknown value {value!r} (allowed: {allowed}); did you mean {hint!r}?",
    },
    "cond.expected_bool": {
        "sl": "{field}: pričakovano true ali false, vneseno {value!r}",
        "en": "{field}: expected true or false, got {value!r}",
    },
    "cond.expected_int": {
        "sl": "{field}: pričakovano celo število, vneseno {value!r}",
        "en": "{field}: expected a whole number, got {value!r}",
    },
    "cond.shape": {
        "sl": "pogoj je preslikava z natanko enim ključem (polje ali eden od {operators}); teste združite z $and / $or",
        "en": "a condition is a mapping with exactly one key (a field or one of {operators}); "
        "combine tests with $and / $or",
    },
    "cond.logical_list": {"sl": "{key} zahteva neprazen seznam pogojev", "en": "{key} takes a non-empty list of conditions"},
    "cond.comparison_shape": {
        "sl": "{key} zahteva preslikavo z enim poljem, npr. {{{key}: {{wb_meetings: 1}}}}",
        "en": "{key} takes a mapping with one field, e.g. {{{key}: {{wb_meetings: 1}}}}",
    },
    "cond.existence": {"sl": "{key} zahteva {{polje: 1}}", "en": "{key} takes {{field: 1}}"},
    "cond.unknown_operator": {
        "sl": "neznan operator {key!r} (znani: {operators})",
        "en": "unknown operator {key!r} (known: {operators})",
    },
    "cond.inverted": {
        "sl": "pišite {{op: {{{key}: vrednost}}}}, ne {{{key}: {{op: vrednost}}}} (durable-rules slednjega ne sprejme)",
        "en": "write {{op: {{{key}: value}}}}, not {{{key}: {{op: value}}}} (durable-rules rejects the latter)",
    },
    "engine.rule_condition": {
        "sl": "durable-rules ne more prevesti pogoja ({reason})",
        "en": "durable-rules cannot compile the condition ({reason})",
    },
    "engine.rules": {
        "sl": "durable-rules ne more prevesti pravil ({reason})",
        "en": "durable-rules cannot compile the rules ({reason})",
    },
    "engine.facts_failed": {
        "sl": "durable-rules ni uspel pri dejstvih {start}–{end}: {reason}",
        "en": "durable-rules failed on facts {start}–{end}: {reason}",
    },
    "engine.action_failed": {"sl": "dejanje pravila ni uspelo: {failure}", "en": "a rule action failed: {failure}"},
    "judge.no_rule": {"sl": "nobeno pravilo ne da ocene", "en": "no rule gives a grade"},
    "judge.several_rules": {"sl": "več pravil da oceno ({rules})", "en": "several rules give a grade ({rules})"},
    "judge.not_one_grade": {
        "sl": "{what} za {obligation}, {municipality} {year} (dejstva {facts}); zaženite `compliance rules lint`",
        "en": "{what} for {obligation} of {municipality} {year} (facts {facts}); run `compliance rules lint`",
    },
    "lint.needs_letter": {
        "sl": "{place}: pravilo {rule}: ocena {grade} potrebuje odstavek pisma (letter:)",
        "en": "{place}: rule {rule}: grade {grade} needs a letter paragraph (letter:)",
    },
    # Engines and folders (compliance.engines, compliance.paths; issue 11).
    "engines.unknown": {
        "sl": "neznan pogon: {name} (možni: {names}; preverite --engine ali {env})",
        "en": "unknown engine: {name} (choices: {names}; check --engine or {env})",
    },
    "engines.durable_missing": {
        "sl": "pogon durable ni na voljo: durable-rules tu ni nameščen ali se ne naloži ({reason}); "
              "deluje na CPython 3.10–3.12 s prevajalnikom C; uporabite --engine python",
        "en": "the durable engine is not available: durable-rules is not installed here or does not import "
              "({reason}); it works on CPython 3.10–3.12 with a C compiler; use --engine python",
    },
    "engines.auto_durable": {
        "sl": "samodejno: durable-rules je nameščen", "en": "automatic: durable-rules is installed",
    },
    "engines.auto_python": {
        "sl": "samodejno: durable-rules ni na voljo ({reason}), zato vgrajeni ocenjevalnik istih pravil",
        "en": "automatic: durable-rules is not available ({reason}), so the built-in evaluator of the same rules",
    },
    "engines.chosen_option": {"sl": "izbran z --engine", "en": "chosen with --engine"},
    "engines.chosen_env": {"sl": "izbran s COMPLIANCE_ENGINE", "en": "chosen with COMPLIANCE_ENGINE"},
    "paths.missing": {
        "sl": "mapa ne obstaja: {path} ({kind}; {origin})",
        "en": "folder not found: {path} ({kind}; {origin})",
    },
    "paths.folder_read": {
        "sl": "{text}; prebrana mapa: {folder}",
        "en": "{text}; folder read: {folder}",
    },
    "paths.init_not_empty": {
        "sl": "mapa {path} ni prazna; delovno mapo ustvarite v novi ali prazni mapi",
        "en": "the folder {path} is not empty; create the working folder in a new or empty folder",
    },
    # Rule test cases (compliance.ruletests, compliance.facts).
    "ruletests.expected_kind": {
        "sl": "{obligation}: pričakovana vrsta {kind}, dobljena {got}",
        "en": "{obligation}: expected kind {kind}, got {got}",
    },
    "ruletests.expected_message": {
        "sl": "{obligation}: sporočilo ne vsebuje »{part}«: {got}",
        "en": "{obligation}: the message does not contain \"{part}\": {got}",
    },
    "ruletests.unknown_rule": {
        "sl": "{obligation}: pravila {rule!r} ni v datotekah s pravili",
        "en": "{obligation}: no rule {rule!r} in the rule files",
    },
    "ruletests.expected": {
        "sl": "{obligation}: pričakovano {grade} po pravilu {rule}, dobljeno {got}",
        "en": "{obligation}: expected {grade} by {rule}, got {got}",
    },
    "ruletests.got_several": {"sl": "več pravil: {rules}", "en": "several rules: {rules}"},
    "ruletests.got_rule": {"sl": "{grade} po pravilu {rule}", "en": "{grade} by {rule}"},
    "ruletests.no_files": {"sl": "ni datotek s primeri za pravila (*.yaml)", "en": "no rule test files (*.yaml)"},
    "ruletests.case": {"sl": "primer {case!r}: {reason}", "en": "case {case!r}: {reason}"},
    "ruletests.no_valid_record": {
        "sl": "noben veljaven zapis nima teh dejstev: {errors}",
        "en": "no valid record has these facts: {errors}",
    },
    "facts.unknown_field": {"sl": "neznano polje dejstev {name!r}", "en": "unknown fact field {name!r}"},
    "facts.unknown_field_hint": {
        "sl": "neznano polje dejstev {name!r} (ste mislili: {hint})",
        "en": "unknown fact field {name!r} (did you mean: {hint})",
    },
    # Letters.
    "letters.template_not_found": {"sl": "{path}: predloge pisma ni", "en": "{path}: letter template not found"},
    "letters.template_error": {"sl": "{path}: napaka v predlogi: {reason}", "en": "{path}: template error: {reason}"},
    "letters.not_folder": {"sl": "{path}: ni mapa", "en": "{path}: not a folder"},
    "letters.not_batch": {
        "sl": "{path} vsebuje datoteke, ki niso del paketa dopisov ({shown}); paket nadomesti celotno mapo, zato izberite prazno ali novo mapo",
        "en": "{path} holds files that are not part of a batch of letters ({shown}); a batch replaces the whole folder, so choose an empty or new folder",
    },
    "letters.exist": {
        "sl": "{path}: datoteke že obstajajo ({n}: {shown}); pisma se brez --force ne prepišejo",
        "en": "{path}: {n} file(s) already exist ({shown}); letters are not overwritten without --force",
    },
    "letters.and_more": {"sl": "{names} in še {n}", "en": "{names} and {n} more"},
    "letters.no_paragraph": {
        "sl": "pravilo {rule} ne da odstavka pisma za {obligation} {grade} ({municipality}): pravilu dodajte 'letter'",
        "en": "rule {rule} gives no letter paragraph for {obligation} {grade} ({municipality}): add 'letter' to the rule",
    },
    "letters.address_line_break": {
        "sl": "e-poštni naslov s prelomom vrstice zavrnjen: {address!r}",
        "en": "e-mail address with a line break refused: {address!r}",
    },
    "letters.address_invalid": {
        "sl": "neveljaven e-poštni naslov {address!r}: {reason}",
        "en": "invalid e-mail address {address!r}: {reason}",
    },
    "letters.format_choice": {"sl": "{value}: izberite med {choices}", "en": "{value}: choose from {choices}"},
    # Extraction and the check command.
    "extract.no_sections": {
        "sl": "{path}: ni razdelka za nobeno občino (naslovi, kot sta 'Občina Beltinci' in "
        "'Mestna občina Novo mesto', ki imenujejo občino iz registra)",
        "en": "{path}: no municipality section found (headings such as 'Občina Beltinci' or "
        "'Mestna občina Novo mesto' naming a municipality of the registry)",
    },
    "extract.inconsistent": {
        "sl": "osnutek za {municipality} ni skladen: {reason}",
        "en": "the draft for {municipality} is inconsistent: {reason}",
    },
    "extract.unknown_section": {
        "sl": "razdelek »{heading}« ne ustreza nobeni občini v registru; izpuščen",
        "en": "section '{heading}' names no municipality in the registry; left out",
    },
    "extract.unknown_section_hint": {
        "sl": "razdelek »{heading}« ne ustreza nobeni občini v registru (ste mislili: {hint}); izpuščen",
        "en": "section '{heading}' names no municipality in the registry (did you mean: {hint}); left out",
    },
    "extract.second_section": {
        "sl": "drugi razdelek za občino {municipality} (prvi: {first}); združen s prvim",
        "en": "a second section for {municipality} (first: {first}); merged with the first",
    },
    "check.binary_needs_out": {
        "sl": "--format {fmt} zapiše binarno datoteko: navedite --out DATOTEKA",
        "en": "--format {fmt} writes a binary file: give --out FILE",
    },
    # ---- The follow-up register (compliance.register, cli/register.py, send.py, status.py,
    # reminders.py, compare.py): diagnostics.
    "register.missing": {
        "sl": "register {path} še ne obstaja: ustvari ga ukaz »compliance letters«",
        "en": "the register {path} does not exist yet: `compliance letters` creates it",
    },
    "register.packaged_data": {
        "sl": "register vodi podatke v mapi s podatki, ne v vzorčnih podatkih programa ({path}); "
        "navedite --data-dir ali delajte v mapi s podmapo data/",
        "en": "the register lives in the data folder, not in the tool's sample data ({path}); give "
        "--data-dir or work in a folder with a data/ subfolder",
    },
    "register.not_recorded": {
        "sl": "dopisi niso zapisani v register (vzorčni podatki programa); za zapis navedite --data-dir",
        "en": "the letters are not recorded in a register (the tool's sample data); give --data-dir to record them",
    },
    "register.unusable": {
        "sl": "registra {path} ni mogoče uporabiti: {reason}",
        "en": "cannot use the register {path}: {reason}",
    },
    "register.locked": {
        "sl": "register {path} je zaklenjen (ga spreminja drug ukaz ali uporabnik); poskusite znova čez nekaj trenutkov",
        "en": "the register {path} is locked (another command or user is changing it); try again in a moment",
    },
    "register.newer": {
        "sl": "register {path} je iz novejše različice programa (shema {version}, ta različica pozna "
        "do {known}); posodobite program, registra ne spreminjam",
        "en": "the register {path} comes from a newer release (schema {version}, this one knows up "
        "to {known}); upgrade the tool; the register is left unchanged",
    },
    "register.already_sent": {
        "sl": "občina {municipality}: dopis št. {number} z dne {date} je bil že poslan ({sent}); "
        "ne nadomeščam ga (za predogled uporabite --no-register, za nov dopis ukaz »compliance reminders«)",
        "en": "municipality {municipality}: letter {number} of {date} was already sent ({sent}); it is "
        "not replaced (use --no-register for a preview, `compliance reminders` for a new letter)",
    },
    "register.no_year": {
        "sl": "v registru ni dopisov za leto {year} (leta v registru: {years})",
        "en": "the register holds no letters for {year} (years in the register: {years})",
    },
    "register.no_case": {
        "sl": "občini {municipality} za leto {year} ni bil zapisan noben dopis",
        "en": "no letter to {municipality} is recorded for {year}",
    },
    "register.reply_before_letter": {
        "sl": "odgovor z dne {date} je starejši od dopisa št. {number} z dne {letter_date}",
        "en": "the reply of {date} is older than letter {number} of {letter_date}",
    },
    "register.duplicate_reply": {
        "sl": "ta odgovor občine {municipality} z dne {date} je že zapisan",
        "en": "this reply from {municipality} of {date} is already recorded",
    },
    "register.reply_file": {
        "sl": "datoteke odgovora ni mogoče prebrati: {path} ({reason})",
        "en": "cannot read the reply file: {path} ({reason})",
    },
    "register.reply_empty": {
        "sl": "odgovor potrebuje --file ali --note", "en": "a reply needs --file or --note",
    },
    "register.sent_before_letter": {
        "sl": "občina {municipality}: datum pošiljanja {date} je pred datumom dopisa št. {number} ({letter_date})",
        "en": "municipality {municipality}: the sending date {date} is before letter {number}'s date ({letter_date})",
    },
    "register.already_marked": {
        "sl": "občina {municipality}: dopis št. {number} je že zapisan kot poslan ({sent})",
        "en": "municipality {municipality}: letter {number} is already recorded as sent ({sent})",
    },
    "register.in_future": {
        "sl": "datum {date} je v prihodnosti", "en": "the date {date} is in the future",
    },
    "send.running": {
        "sl": "pošiljanje za ta register že teče ({path}); počakajte, da se konča",
        "en": "a send for this register is already running ({path}); wait for it to finish",
    },
    "send.file_changed": {
        "sl": "občina {municipality}: datoteka {path} se je spremenila, odkar je bila zapisana "
        "(kontrolna vsota se ne ujema); nič ni bilo poslano",
        "en": "municipality {municipality}: the file {path} changed since it was written (checksum "
        "differs); nothing was sent",
    },
    "send.file_unreadable": {
        "sl": "občina {municipality}: datoteke dopisa št. {number} ni mogoče prebrati: {path} ({reason}); "
        "nič ni bilo poslano (dopis napišite znova ali ga vrnite v to mapo)",
        "en": "municipality {municipality}: cannot read the file of letter {number}: {path} ({reason}); "
        "nothing was sent (write the letter again or put it back in that folder)",
    },
    "send.draft": {
        "sl": "občina {municipality}: dopis št. {number} je OSNUTEK (napisan z nepotrjenimi vrednostmi v "
        "office.yaml); potrdite jih, dopise napišite znova z »compliance letters« in jih nato pošljite; nič ni bilo poslano",
        "en": "municipality {municipality}: letter {number} is a DRAFT (written with unconfirmed values in "
        "office.yaml); confirm them, write the letters again with `compliance letters`, then send; nothing was sent",
    },
    "send.no_eml": {
        "sl": "občina {municipality}: dopis št. {number} nima e-poštne datoteke (.eml); zapišite ga z --format, ki vključuje eml",
        "en": "municipality {municipality}: letter {number} has no e-mail file (.eml); write it with a --format that includes eml",
    },
    "send.no_host": {
        "sl": "strežnik SMTP ni nastavljen: navedite --smtp-host ali »smtp: host:« v {path}",
        "en": "no SMTP server configured: give --smtp-host or `smtp: host:` in {path}",
    },
    "send.unreachable": {
        "sl": "strežnik SMTP {host}:{port} ni dosegljiv ({reason}); nič ni bilo poslano",
        "en": "the SMTP server {host}:{port} cannot be reached ({reason}); nothing was sent",
    },
    "send.login_failed": {
        "sl": "prijava na strežnik SMTP {host}:{port} kot {user} ni uspela ({reason}); nič ni bilo poslano",
        "en": "login to the SMTP server {host}:{port} as {user} failed ({reason}); nothing was sent",
    },
    "send.failed_some": {
        "sl": "neposlanih dopisov: {n} (zapisano v registru; ponovni zagon jih poskusi znova)",
        "en": "{n} letter(s) not sent (recorded in the register; a re-run tries them again)",
    },
    "send.resend_needs_reason": {
        "sl": "--resend potrebuje razlog: --reason BESEDILO", "en": "--resend needs a reason: --reason TEXT",
    },
    "send.resend_not_sent": {
        "sl": "občina {municipality}: dopis št. {number} še ni bil poslan; --resend ni potreben",
        "en": "municipality {municipality}: letter {number} has not been sent; --resend is not needed",
    },
    "send.cancelled": {"sl": "Prekinjeno; nič ni bilo poslano.", "en": "Cancelled; nothing was sent."},
    "reminders.none_due": {
        "sl": "noben rok za odgovor ni potekel do {date} (najzgodnejši rok: {earliest}); opomnikov ni",
        "en": "no reply deadline has passed by {date} (the earliest: {earliest}); no reminders",
    },
    "reminders.not_due": {
        "sl": "občina {municipality}: rok za odgovor ({deadline}) še ni potekel na dan {date}",
        "en": "municipality {municipality}: the reply deadline ({deadline}) has not passed on {date}",
    },
    "reminders.not_sent": {
        "sl": "občina {municipality}: dopis št. {number} še ni bil poslan; opomnik ni mogoč",
        "en": "municipality {municipality}: letter {number} has not been sent; no reminder is possible",
    },
    "reminders.answered": {
        "sl": "občina {municipality}: stanje zadeve: {state}; opomnik ni potreben",
        "en": "municipality {municipality}: case state: {state}; no reminder is needed",
    },
    "check.years_range": {
        "sl": "--years pričakuje razpon LETO-LETO (npr. 1990-2019), vneseno: {value}",
        "en": "--years expects a range YEAR-YEAR (e.g. 1990-2019), got {value}",
    },
    "check.one_year_format": {
        "sl": "--format {fmt} zapiše eno leto; za več let hkrati uporabite {formats}",
        "en": "--format {fmt} holds one year; for several years use {formats}",
    },
    "check.needs_year": {
        "sl": "navedite --year ali --years", "en": "give --year or --years",
    },
    "check.compare_html_only": {
        "sl": "--compare-with velja za --format html za eno leto",
        "en": "--compare-with goes with --format html for one year",
    },
    "compare.same_year": {
        "sl": "leti za primerjavo sta enaki ({year})", "en": "both years are the same ({year})",
    },
    # ---- User-facing text (not diagnostics): headings, table headers, words of the outputs.
    # Words several outputs share.
    "common.yes": {"sl": "da", "en": "yes"},
    "common.warning": {"sl": "opozorilo", "en": "warning"},
    "common.no": {"sl": "ne", "en": "no"},
    "common.unstated": {"sl": "ni navedeno", "en": "not stated"},
    # Where a municipality's facts come from (compliance.facts.provenance_text): said as the
    # source says it, never "for" or "from" a year the text does not give.
    "provenance.current": {"sl": "podatki za leto {year}", "en": "information for {year}"},
    "provenance.stated_in": {"sl": "sporočeno v letu {year}", "en": "stated in {year}"},
    "provenance.last_contribution": {"sl": "iz zadnjega prispevka", "en": "from its last contribution"},
    "provenance.nothing_carried": {"sl": "starejših podatkov v pregledu ni", "en": "the overview repeats no earlier facts"},
    "provenance.not_in_overview": {"sl": "občine ni v pregledu", "en": "not in the overview"},
    # The judged facts (compliance.facts.TABLE), as explain and lint name them.
    "fact.year": {"sl": "leto poročila", "en": "report year"},
    "fact.in_overview": {"sl": "občina je v pregledu za leto", "en": "in the year's overview"},
    "fact.reported": {"sl": "poslala podatke za leto", "en": "sent information for the year"},
    "fact.stated_in": {"sl": "leto, v katerem so bili podatki sporočeni", "en": "year the facts were stated"},
    "fact.roma_seat": {
        "sl": "voli predstavnika romske skupnosti v občinski svet (ZLS)",
        "en": "elects a Roma representative to the council (Local Self-Government Act)",
    },
    "fact.programme_status": {"sl": "program ukrepov", "en": "programme of measures"},
    "fact.programme_end": {"sl": "program velja do leta", "en": "programme runs until"},
    "fact.wb_established": {"sl": "delovno telo je ustanovljeno", "en": "working body established"},
    "fact.wb_active": {"sl": "delovno telo deluje", "en": "working body active"},
    "fact.wb_meetings": {"sl": "število sej v letu", "en": "meetings in the year"},
    "fact.wb_meetings_in_mandate": {"sl": "število sej v mandatu do poročila", "en": "meetings so far in the term"},
    "fact.cooperation_form": {"sl": "oblika sodelovanja", "en": "form of cooperation"},
    "common.no_rule": {"sl": "nobeno pravilo", "en": "no rule"},
    "common.id": {"sl": "id", "en": "id"},
    "common.municipality": {"sl": "občina", "en": "municipality"},
    "common.grade": {"sl": "ocena", "en": "grade"},
    "common.email": {"sl": "e-pošta", "en": "e-mail"},
    # Column headings of the page and the spreadsheet (compliance.render.html, .xlsx).
    "column.id": {"sl": "ID", "en": "ID"},
    "column.municipality": {"sl": "Občina", "en": "Municipality"},
    "column.region": {"sl": "Regija", "en": "Region"},
    "column.councillor": {"sl": "Voli romskega svetnika", "en": "Elects a Roma councillor"},
    "column.provenance": {"sl": "Izvor podatkov", "en": "Where the facts come from"},
    "column.obligation": {"sl": "Obveznost", "en": "Obligation"},
    "column.grade": {"sl": "Ocena", "en": "Grade"},
    "column.kind": {"sl": "Vrsta", "en": "Kind"},
    "column.rule": {"sl": "Pravilo", "en": "Rule"},
    "column.basis": {"sl": "Pravna podlaga", "en": "Legal basis"},
    "column.basis_text": {"sl": "Vsebina določbe", "en": "Provision"},
    "column.finding": {"sl": "Ugotovitev", "en": "Finding"},
    "column.evidence": {"sl": "Dokazi iz poročila", "en": "Evidence from the report"},
    "column.decision": {"sl": "Odločitev pregledovalca", "en": "Reviewer's decision"},
    "column.reasons": {"sl": "Kaj navaja občina", "en": "What the municipality says"},
    # The review outputs together (compliance.render.review, csv_, xlsx, table, markdown).
    "review.generated": {"sl": "pripravljeno {date}", "en": "generated {date}"},
    "review.slovenian_text": {"sl": "{text}", "en": "(Slovenian text) {text}"},
    "review.sheet_matrix": {"sl": "Pregled", "en": "Overview"},
    "review.sheet_findings": {"sl": "Ugotovitve", "en": "Findings"},
    "review.title": {
        "sl": "Izvajanje ZRomS-1 v občinah, leto {year}",
        "en": "ZRomS-1 in the municipalities, {year}",
    },
    "review.page": {"sl": "stran &P od &N", "en": "page &P of &N"},
    "review.short_of_duty": {
        "sl": "Prejmejo pismo (prispevka za leto ni v pregledu ali zakonska obveznost ni izpolnjena; {n}): {names}",
        "en": "Get a letter (no contribution for the year in the overview, or a statutory duty not met; {n}): {names}",
    },
    "review.short_of_duty_none": {
        "sl": "Vse občine so poročale in nobena nima neizpolnjene zakonske obveznosti.",
        "en": "Every municipality reported and none falls short of a statutory duty.",
    },
    "review.kinds": {"sl": "Vrste obveznosti", "en": "Kinds of obligation"},
    # What each grade means per obligation: the legend of the HTML report (the rule files'
    # grading, in words; tests/test_html.py checks it against the grades the rules give).
    "legend.reporting.compliant": {
        "sl": "Občina je za leto poslala podatke.", "en": "The municipality sent information for the year.",
    },
    "legend.reporting.non_compliant": {
        "sl": "Občina za leto ni poslala podatkov; Urad jo prosi, naj jih pošlje.",
        "en": "The municipality sent no information for the year; the Office asks it to send it.",
    },
    "legend.reporting.no_data": {
        "sl": "Občine v pregledu za leto ni; ali je bila zaprošena za prispevek in ali ga je poslala, iz pregleda ni razvidno.",
        "en": "The municipality is not in the year's overview; it does not show whether it was asked for a contribution or sent one.",
    },
    "legend.programme.compliant": {
        "sl": "Občina ima sprejet program ukrepov za Rome, ki v letu velja.",
        "en": "The municipality has adopted a programme of measures for the Roma that is in force in the year.",
    },
    "legend.programme.partial": {
        "sl": "Program je v pripravi, ukrepi so del splošnega ali regionalnega strateškega dokumenta ali pa "
        "občina izvaja le posamezne ukrepe. Zakon govori o »programih oziroma ukrepih«; da naj bo to poseben "
        "program, je pričakovanje Urada.",
        "en": "A programme is being prepared, the measures sit in a general or regional strategy, or the "
        "municipality only carries out individual measures. The Act speaks of \"programmes or measures\"; "
        "that there should be a dedicated programme is the Office's expectation.",
    },
    "legend.programme.non_compliant": {
        "sl": "Program je potekel brez naslednika, programa ni ali ga občina ne namerava sprejeti.",
        "en": "The programme expired without a successor, there is none, or the municipality will not adopt one.",
    },
    "legend.programme.no_data": {
        "sl": "Poročilo o programu ne pove ničesar.", "en": "The report says nothing about a programme.",
    },
    "legend.working_body.compliant": {
        "sl": "Delovno telo je ustanovljeno in dejavno (se je v letu sestalo ali je opisano kot dejavno).",
        "en": "The working body is set up and active (it met in the year or is described as active).",
    },
    "legend.working_body.partial": {
        "sl": "Delovno telo je ustanovljeno, a ni dejavno, se ne sestaja redno ali o njegovem delu ni navedb. "
        "Zakon ne določa, kako pogosto se sestaja; da vsaj enkrat na leto, je pričakovanje Urada.",
        "en": "The working body is set up but not active, meets irregularly, or nothing is said of its work. "
        "The Act sets no frequency of meetings; at least once a year is the Office's expectation.",
    },
    "legend.working_body.non_compliant": {
        "sl": "Delovno telo ni ustanovljeno.", "en": "The working body has not been set up.",
    },
    "legend.working_body.no_data": {
        "sl": "Poročilo o delovnem telesu ne pove ničesar.", "en": "The report says nothing about a working body.",
    },
    "legend.working_body.not_applicable": {
        "sl": "Občina po zakonu o lokalni samoupravi ne voli predstavnika romske skupnosti v občinski svet, "
        "zato ji 7. člen ZRomS-1 delovnega telesa ne nalaga (ustanovi ga lahko prostovoljno).",
        "en": "The municipality does not elect a Roma representative to its council under the Local "
        "Self-Government Act, so Art. 7 of ZRomS-1 does not require the body (it may set one up).",
    },
    "legend.cooperation.compliant": {
        "sl": "Občina ima stalen ali imenovan medinstitucionalni (multidisciplinarni) tim.",
        "en": "The municipality has a standing or named inter-institutional (multidisciplinary) team.",
    },
    "legend.cooperation.partial": {
        "sl": "Vlogo foruma opravlja drugo telo (delovno telo, varnostni sosvet) ali pa se institucije sestajajo "
        "po potrebi.",
        "en": "Another body (the working body, a security council) serves as the forum, or the institutions "
        "meet case by case.",
    },
    "legend.cooperation.non_compliant": {
        "sl": "Medinstitucionalnega sodelovanja ni.", "en": "There is no inter-institutional cooperation.",
    },
    "legend.cooperation.no_data": {
        "sl": "Poročilo o sodelovanju ne pove ničesar.", "en": "The report says nothing about cooperation.",
    },
    # `check --format table` and markdown (compliance.render.table).
    "table.title": {"sl": "Skladnost z ZRomS-1, leto {year}", "en": "ZRomS-1 compliance, {year}"},
    "table.counts": {"sl": "Število ocen po obveznostih", "en": "Grades per obligation"},
    # `check --format html` (compliance.render.html): handed whole to findings.html.j2 as `t`,
    # with the column headings, common.yes/no and the no_data grade label; the template fills
    # the placeholders.
    "html.title": {
        "sl": "Izvajanje ZRomS-1 v občinah: ugotovitve za leto {year}",
        "en": "ZRomS-1 in the municipalities: findings for {year}",
    },
    "html.intro": {
        "sl": "Ocene občin, v katerih živijo Romi, po obveznostih iz Zakona o romski skupnosti "
        "v Republiki Sloveniji (ZRomS-1) in priporočilih Vlade.",
        "en": "Grades of the municipalities where Roma live, for each duty under the Roma "
        "Community Act (ZRomS-1) and each Government recommendation.",
    },
    "html.summary": {"sl": "Povzetek", "en": "Summary"},
    "html.summary_caption": {
        "sl": "Število občin po ocenah za vsako obveznost (leto {year})",
        "en": "Number of municipalities per grade for each obligation ({year})",
    },
    "html.chart_title": {"sl": "Ocene po obveznostih", "en": "Grades by obligation"},
    "html.total": {"sl": "Skupaj", "en": "Total"},
    "html.filter_by": {
        "sl": "Prikaži v pregledu samo občine z oceno {grade} za {obligation}",
        "en": "Show only municipalities graded {grade} for {obligation}",
    },
    "html.matrix": {"sl": "Pregled po občinah", "en": "Municipalities"},
    "html.matrix_caption": {
        "sl": "Ocene občin po obveznostih za leto {year}, občine po abecedi.",
        "en": "Grades of the municipalities by obligation for {year}, municipalities in alphabetical order.",
    },
    "html.sort_hint": {"sl": "Razvrstite s klikom na naslov stolpca.", "en": "Sort by clicking a column heading."},
    "html.filters": {"sl": "Filtri", "en": "Filters"},
    "html.in_obligation": {"sl": "pri obveznosti", "en": "in obligation"},
    "html.any_grade": {"sl": "vse ocene", "en": "any grade"},
    "html.any_obligation": {"sl": "katerikoli", "en": "any"},
    "html.any_region": {"sl": "vse regije", "en": "all regions"},
    "html.any_councillor": {"sl": "vse občine", "en": "all municipalities"},
    "html.with_councillor": {
        "sl": "ki volijo predstavnika romske skupnosti v občinski svet",
        "en": "electing a Roma representative to the council",
    },
    "html.without_councillor": {
        "sl": "ki ne volijo predstavnika romske skupnosti",
        "en": "not electing a Roma representative",
    },
    "html.search": {"sl": "Iskanje občine", "en": "Find a municipality"},
    "html.search_placeholder": {"sl": "npr. Krško", "en": "e.g. Krško"},
    "html.reset": {"sl": "Počisti filtre", "en": "Clear filters"},
    "html.shown": {"sl": "Prikazanih občin: {shown} od {total}", "en": "Municipalities shown: {shown} of {total}"},
    "html.no_rows": {"sl": "Nobena občina ne ustreza filtrom.", "en": "No municipality matches the filters."},
    "html.stale_key": {
        "sl": "* Ocena ne temelji na prispevku občine za leto {year}; pri občini je navedeno, od kod so podatki.",
        "en": "* The grade does not rest on the municipality's contribution for {year}; its entry says where the facts come from.",
    },
    "html.details": {"sl": "Podrobnosti po občinah", "en": "Details by municipality"},
    "html.details_hint": {
        "sl": "Kliknite ime občine ali oceno v pregledu, da se odprejo podrobnosti.",
        "en": "Click a municipality's name or a grade in the table to open its details.",
    },
    "html.no_evidence": {"sl": "Poročilo tega ne navaja.", "en": "The report does not say."},
    "html.back": {"sl": "Nazaj na pregled", "en": "Back to the table"},
    "html.legend": {"sl": "Legenda", "en": "Legend"},
    "html.noscript": {
        "sl": "Za razvrščanje in filtriranje omogočite JavaScript; prikazane so vse občine in vse ugotovitve.",
        "en": "Enable JavaScript to sort and filter; every municipality and every finding is shown.",
    },
    "html.skip_matrix": {"sl": "Na pregled po občinah", "en": "To the municipalities"},
    "html.skip_details": {"sl": "Na podrobnosti", "en": "To the details"},
    "html.statutory": {"sl": "samo zakonske obveznosti", "en": "statutory duties only"},
    "html.statutory_hint": {
        "sl": "in občine, katerih prispevka za leto ni v pregledu; tem občinam Urad piše",
        "en": "and municipalities with no contribution for the year in the overview; the Office writes to them",
    },
    "html.letters": {
        "sl": "Prispevka za leto ni v pregledu ali zakonska obveznost ni izpolnjena (prejmejo pismo):",
        "en": "No contribution for the year in the overview, or a statutory duty not met (they get a letter):",
    },
    "html.letters_show": {"sl": "prikaži samo te", "en": "show only these"},
    "html.letter_mark": {"sl": "prejme pismo", "en": "gets a letter"},
    "html.summary_shown": {
        "sl": "Povzetek velja za prikazane občine ({shown} od {total}).",
        "en": "The summary counts the municipalities shown ({shown} of {total}).",
    },
    "html.filter_none": {"sl": "Brez filtrov: vse občine.", "en": "No filters: every municipality."},
    "html.filter_active": {"sl": "Filtri: {filters}.", "en": "Filters: {filters}."},
    "html.filter_grade": {"sl": "ocena »{grade}« pri obveznosti »{obligation}«", "en": "grade \"{grade}\" in \"{obligation}\""},
    "html.filter_search": {"sl": "iskanje »{query}«", "en": "search \"{query}\""},
    "html.open_all": {"sl": "Odpri vse", "en": "Open all"},
    "html.close_all": {"sl": "Zapri vse", "en": "Close all"},
    "html.legend_heading": {"sl": "Kaj pomenijo ocene", "en": "What the grades mean"},
    "html.legend_intro": {
        "sl": "Za vsako obveznost: njena vrsta, pravna podlaga in merila za ocene.",
        "en": "For each obligation: its kind, its legal basis and what each grade means.",
    },
    "html.kinds_key": {
        "sl": "Zakonska obveznost izhaja iz ZRomS-1; prošnja je to, kar Urad prosi občine (npr. prispevek za "
        "letno poročilo); priporočilo je priporočilo Vlade, ki ne zavezuje.",
        "en": "A statutory duty comes from ZRomS-1; a request is what the Office asks of the municipalities "
        "(such as their contribution to the yearly report); a recommendation is the Government's and does not bind.",
    },
    "html.footer": {
        "sl": "Leto poročila {year}. Različica podatkov {data} in pravil {rules} (za primerjavo dveh izpisov).",
        "en": "Report year {year}. Data version {data}, rules version {rules} (to compare two printouts).",
    },
    "html.print": {"sl": "Natisni", "en": "Print"},
    "html.page": {"sl": "stran", "en": "page"},
    "html.decided": {"sl": "odločitev pregledovalca", "en": "reviewer's decision"},
    "html.page_of": {"sl": "od", "en": "of"},
    # `check --format html` with a register (the status of each case) and with --compare-with
    # (compliance.compare): also handed to findings.html.j2 as `t`.
    "html.follow_up": {
        "sl": "Dopis in odziv (po registru, stanje na dan {date})",
        "en": "Letter and reply (from the register, as of {date})",
    },
    "html.no_case": {
        "sl": "V registru za leto {year} ni dopisa tej občini.",
        "en": "The register holds no letter to this municipality for {year}.",
    },
    "html.case_mark": {"sl": "zadeva: {state}", "en": "case: {state}"},
    "html.case_overdue": {"sl": "zadeva: {state}; zamuda (dni): {days}", "en": "case: {state}; overdue (days): {days}"},
    "html.compared": {"sl": "V primerjavi z letom {other}", "en": "Compared with {other}"},
    "html.compared_value": {
        "sl": "ocena v letu {other}: {grade}; sprememba: {change}",
        "en": "grade in {other}: {grade}; change: {change}",
    },
    "html.no_grade": {"sl": "brez ocene", "en": "no grade"},
    # `compliance explain` (compliance.explain).
    "explain.heading": {"sl": "{name} ({id}), leto {year}", "en": "{name} ({id}), {year}"},
    "explain.provenance.stated_in": {
        "sl": "Občina informacij za leto {year} ni posredovala; v pregledu so povzeti podatki, ki jih je sporočila v letu {stated_in}.",
        "en": "The municipality sent no information for {year}; the overview repeats what it stated in {stated_in}.",
    },
    "explain.provenance.last_contribution": {
        "sl": "Občina informacij za leto {year} ni posredovala; v pregledu so povzeti podatki iz njenega zadnjega prispevka (leto ni navedeno).",
        "en": "The municipality sent no information for {year}; the overview repeats facts from its last contribution (no year given).",
    },
    "explain.provenance.nothing_carried": {
        "sl": "Občina informacij za leto {year} ni posredovala; starejših podatkov pregled ne navaja.",
        "en": "The municipality sent no information for {year}; the overview repeats no earlier facts.",
    },
    "explain.provenance.not_in_overview": {
        "sl": "Občine v pregledu po občinah za leto {year} ni.",
        "en": "The municipality is not in the overview by municipality for {year}.",
    },
    "explain.kind": {"sl": "vrsta obveznosti", "en": "kind of obligation"},
    "explain.decision": {"sl": "odločitev pregledovalca ({by}, {on})", "en": "reviewer's decision ({by}, {on})"},
    "explain.rule_grade": {"sl": "ocena po pravilih", "en": "grade by the rules"},
    "explain.grade_kept": {"sl": "ocena po pravilih ostaja", "en": "the rules' grade stands"},
    "explain.expectation": {
        "sl": "pričakovanje Urada (ni besedilo predpisa)", "en": "the Office's expectation (not the text of the law)",
    },
    "explain.reasons": {"sl": "kar navaja občina", "en": "what the municipality states"},
    "explain.rule": {"sl": "pravilo", "en": "rule"},
    "explain.basis": {"sl": "pravna podlaga", "en": "legal basis"},
    "explain.basis_other": {"sl": "podlaga", "en": "basis"},
    "explain.reason": {"sl": "utemeljitev", "en": "reason"},
    "explain.facts": {"sl": "upoštevana dejstva", "en": "facts judged"},
    "explain.evidence": {"sl": "dokazi iz vira", "en": "evidence from the source"},
    "explain.no_evidence": {"sl": "v viru ni stavka o tem", "en": "the source says nothing on this"},
    # `compliance municipalities` (compliance.cli.data).
    "municipalities.name": {"sl": "ime", "en": "name"},
    "municipalities.kind": {"sl": "vrsta", "en": "kind"},
    "municipalities.region": {"sl": "regija", "en": "region"},
    "municipalities.councillor": {"sl": "voli romskega svetnika", "en": "elects a Roma councillor"},
    # `compliance rules lint` and `compliance rules test` (compliance.cli.rules).
    "lint.checked": {
        "sl": "{obligation}: preverjenih kombinacij: {n}; vsaka dobi natanko eno oceno",
        "en": "{obligation}: {n} combinations, each gets exactly one grade",
    },
    "lint.gap": {"sl": "vrzel", "en": "gap"},
    "lint.overlap": {"sl": "prekrivanje", "en": "overlap"},
    "lint.defects": {"sl": "{obligation}: napake: {n}", "en": "{obligation}: {n} problems"},
    "lint.failed": {"sl": "Lint: napake: {n}.", "en": "Lint: {n} problems."},
    "lint.ok": {"sl": "Lint: v redu.", "en": "Lint: OK."},
    "ruletests.case_ok": {"sl": "ok", "en": "ok"},
    "ruletests.case_fail": {"sl": "NAPAKA", "en": "FAIL"},
    "ruletests.uncovered": {
        "sl": "pravilo {rule} ni preizkušeno v nobenem primeru", "en": "rule {rule} is not exercised by any case",
    },
    "ruletests.summary": {
        "sl": "Uspešni primeri: {passed} od {total}; nepreizkušena pravila: {uncovered}.",
        "en": "{passed} of {total} cases passed; rules without a case: {uncovered}.",
    },
    # `compliance info` and `compliance init` (compliance.cli.setup).
    "origin.option": {"sl": "možnost {option}", "en": "option {option}"},
    "origin.env": {"sl": "spremenljivka okolja {env}", "en": "environment variable {env}"},
    "origin.workdir": {"sl": "delovna mapa {workdir}", "en": "working folder {workdir}"},
    "origin.packaged": {"sl": "privzeto, priloženo paketu", "en": "default, shipped with the package"},
    "origin.packaged_missing": {
        "sl": "privzeto, priloženo paketu (delovna mapa {workdir} nima mape {name}/)",
        "en": "default, shipped with the package (the working folder {workdir} has no {name}/ folder)",
    },
    "folder.data": {"sl": "podatki", "en": "data"},
    "folder.rules": {"sl": "pravila", "en": "rules"},
    "folder.templates": {"sl": "predloge", "en": "templates"},
    "info.version": {"sl": "compliance {version}, Python {python} ({platform})", "en": "compliance {version}, Python {python} ({platform})"},
    "info.workdir": {"sl": "delovna mapa: {path}", "en": "working folder: {path}"},
    "info.no_workdir": {
        "sl": "delovna mapa: ni je (v {cwd} in nad njo ni datoteke {marker}; ustvarite jo s `compliance init MAPA`)",
        "en": "working folder: none ({marker} not found in {cwd} or above; create one with `compliance init DIR`)",
    },
    "info.folder": {"sl": "{kind}: {path}  [{origin}]", "en": "{kind}: {path}  [{origin}]"},
    "info.engine": {"sl": "pogon pravil: {name}  [{why}]", "en": "rule engine: {name}  [{why}]"},
    "info.engine_durable": {"sl": "durable-rules {version}", "en": "durable-rules {version}"},
    "info.engine_python": {"sl": "vgrajeni ocenjevalnik (python)", "en": "built-in evaluator (python)"},
    "info.years": {"sl": "leta s podatki: {years}", "en": "years with data: {years}"},
    "init.done": {
        "sl": "Delovna mapa ustvarjena: {path} (podatki, pravila in predloge iz paketa; oznaka {marker}). "
              "Ukazi, zagnani v tej mapi ali njenih podmapah, odslej berejo njene podatke, pravila in predloge.",
        "en": "Working folder created: {path} (data, rules and templates from the package; marker {marker}). "
              "Commands run in it or below it now read it.",
    },
    # `compliance letters` (compliance.cli.letters).
    "letters.reasons": {"sl": "razlogi", "en": "reasons"},
    "letters.reply_by": {"sl": "rok za odgovor", "en": "reply by"},
    "letters.written": {
        "sl": "Dopisov: {n} v {out} ({formats}); seznam za odpremo: {clerk}, manifest: {manifest}.",
        "en": "{n} letter(s) in {out} ({formats}); clerk's list: {clerk}, manifest: {manifest}.",
    },
    "letters.none": {
        "sl": "Nobena občina ne potrebuje pisma (prazen seznam v {manifest}).",
        "en": "No municipality needs a letter (empty list in {manifest}).",
    },
    "letters.no_letter": {
        "sl": "Brez pisma (vse zakonske obveznosti izpolnjene ali delno izpolnjene): {ids}",
        "en": "No letter (every statutory duty met or partly met): {ids}",
    },
    "letters.note": {"sl": "opomba", "en": "note"},
    "letters.draft": {
        "sl": "OSNUTEK: dopisi so označeni kot osnutki, ker {path} ima nepotrjene vrednosti. Potrdite jih, "
              "nato jih odstranite s seznama 'unconfirmed':",
        "en": "DRAFT: the letters are marked as drafts because {path} has unconfirmed values. Confirm them, "
              "then remove them from the 'unconfirmed' list:",
    },
    "letters.weekend": {
        "sl": "opozorilo: datum dopisov {date} je {day}; rok za odgovor ({deadline}) je štet od tega dne.",
        "en": "warning: the letters' date {date} is a {day}; the reply deadline ({deadline}) counts from that day.",
    },
    "letters.day.saturday": {"sl": "sobota", "en": "Saturday"},
    "letters.day.sunday": {"sl": "nedelja", "en": "Sunday"},
    "letters.day.holiday": {"sl": "dela prost praznik ({name})", "en": "work-free holiday ({name})"},
    "letters.unconfirmed_email": {
        "sl": "opozorilo: {name}: naslov {email} je v registru označen kot dvomljiv; v osnutek e-pošte "
              "(Za:) ni vpisan, dokler ga ne potrdite v municipalities.yaml.",
        "en": "warning: {name}: the address {email} is flagged as doubtful in the registry; it is left out "
              "of the e-mail draft's To: until you confirm it in municipalities.yaml.",
    },
    "letters.no_recipient": {
        "sl": "opozorilo: {name}: osnutek e-pošte nima naslovnika (vsi naslovi so nepotrjeni).",
        "en": "warning: {name}: the e-mail draft has no recipient (every address is unconfirmed).",
    },
    # The clerk's list (seznam-dopisov.xlsx / .csv): written in Slovenian, as the letters.
    "letters.list.number": {"sl": "Številka", "en": "File number"},
    "letters.list.pdf": {"sl": "dopis (PDF)", "en": "letter (PDF)"},
    "letters.list.remarks": {"sl": "opombe", "en": "remarks"},
    "letters.list.replied": {"sl": "odgovor prejet", "en": "reply received"},
    "letters.list.unconfirmed_email": {
        "sl": "naslov {email} ni potrjen (v registru označen kot dvomljiv); ni vpisan v e-pošto",
        "en": "address {email} not confirmed (flagged as doubtful in the registry); left out of the e-mail",
    },
    "letters.list.draft": {"sl": "OSNUTEK: nepotrjene vrednosti v office.yaml", "en": "DRAFT: unconfirmed values in office.yaml"},
    # ---- The follow-up register: words of the outputs.
    "register.recorded": {"sl": "Zapisano v register {path}.", "en": "Recorded in the register {path}."},
    "register.sent_marked": {
        "sl": "Zapisano kot poslano dne {date}: {ids}.", "en": "Recorded as sent on {date}: {ids}.",
    },
    "register.reply_recorded": {
        "sl": "Odgovor občine {municipality} z dne {date} zapisan; stanje zadeve: {state}.",
        "en": "Reply from {municipality} of {date} recorded; case state: {state}.",
    },
    "state.open": {"sl": "odprta", "en": "open"},
    "state.answered": {"sl": "odgovorjeno", "en": "answered"},
    "state.closed": {"sl": "zaprta", "en": "closed"},
    "kind.first": {"sl": "dopis", "en": "letter"},
    "kind.reminder": {"sl": "opomnik", "en": "reminder"},
    "delivery.unsent": {"sl": "ni poslano", "en": "not sent"},
    "delivery.sending": {"sl": "pošiljanje prekinjeno", "en": "sending interrupted"},
    "delivery.uncertain": {"sl": "ni znano, ali je prispelo", "en": "arrival unknown"},
    "delivery.failed": {"sl": "pošiljanje ni uspelo", "en": "sending failed"},
    "delivery.sent": {"sl": "poslano", "en": "sent"},
    "send.plan": {"sl": "Za pošiljanje ({n}) prek {host}:{port}:", "en": "To send ({n}) via {host}:{port}:"},
    "send.nothing": {"sl": "Ni česa poslati: vsi zapisani dopisi za leto {year} so poslani.",
                     "en": "Nothing to send: every recorded letter for {year} has been sent."},
    "send.confirm": {"sl": "Pošljem te dopise?", "en": "Send these letters?"},
    "send.dry_run": {"sl": "Poskusni zagon: nič ni bilo poslano.", "en": "Dry run: nothing was sent."},
    "send.sent": {"sl": "poslano: {municipality} ({number}) {mid}", "en": "sent: {municipality} ({number}) {mid}"},
    "send.failed": {"sl": "NI POSLANO: {municipality} ({number}): {reason}", "en": "NOT SENT: {municipality} ({number}): {reason}"},
    "send.done": {"sl": "Poslanih dopisov: {n}.", "en": "{n} letter(s) sent."},
    "send.uncertain": {
        "sl": "NEGOTOVO: {municipality} ({number}): pošiljanje {mid} je bilo prekinjeno, preden "
        "je strežnik potrdil prejem. Ne pošiljam ga znova samodejno. V poslani pošti ali dnevniku "
        "strežnika poiščite to oznako Message-ID; če je dopis prispel, zapišite »compliance register "
        "sent --year {year} {municipality} --date DATUM«, sicer »compliance send --year {year} "
        "--resend {municipality} --reason BESEDILO«.",
        "en": "UNCERTAIN: {municipality} ({number}): sending {mid} was interrupted before the "
        "server confirmed it. It is not sent again automatically. Look for this Message-ID in the "
        "sent mail or the server's log; if it arrived, run `compliance register sent --year {year} "
        "{municipality} --date DATE`, otherwise `compliance send --year {year} --resend "
        "{municipality} --reason TEXT`.",
    },
    "send.password": {"sl": "Geslo za {user} na {host}", "en": "Password for {user} at {host}"},
    "reminders.written": {
        "sl": "Opomnikov: {n} v {out}.", "en": "{n} reminder(s) in {out}.",
    },
    "reminders.skipped": {"sl": "Brez opomnika: {items}", "en": "No reminder: {items}"},
    "reminders.skip_answered": {"sl": "{id} (odgovorjeno)", "en": "{id} (answered)"},
    "reminders.skip_closed": {"sl": "{id} (zaprto)", "en": "{id} (closed)"},
    "reminders.skip_not_due": {"sl": "{id} (rok {deadline})", "en": "{id} (deadline {deadline})"},
    "reminders.skip_unsent": {"sl": "{id} (dopis ni poslan)", "en": "{id} (letter not sent)"},
    "status.title": {"sl": "Stanje zadev za leto {year} na dan {date}", "en": "Cases for {year} as of {date}"},
    "status.letter_date": {"sl": "datum", "en": "date"},
    "status.deadline": {"sl": "rok", "en": "deadline"},
    "status.reply": {"sl": "odgovor", "en": "reply"},
    "status.state": {"sl": "stanje", "en": "state"},
    "status.overdue": {"sl": "zamuda (dni)", "en": "overdue (days)"},
    "status.none": {"sl": "Za leto {year} v registru ni dopisov.", "en": "No letters recorded for {year}."},
    "status.counts": {
        "sl": "Zadev: {n}; odprtih {open}, odgovorjenih {answered}, zaprtih {closed}; rok potekel: {overdue}.",
        "en": "Cases: {n}; open {open}, answered {answered}, closed {closed}; overdue: {overdue}.",
    },
    "compare.title": {"sl": "Leto {year} v primerjavi z letom {other}", "en": "{year} compared with {other}"},
    "compare.change": {"sl": "Sprememba", "en": "Change"},
    "compare.better": {"sl": "boljše", "en": "better"},
    "compare.worse": {"sl": "slabše", "en": "worse"},
    "compare.same": {"sl": "enako", "en": "same"},
    "compare.new": {"sl": "novo", "en": "new"},
    "compare.counts": {
        "sl": "Boljše: {better}, slabše: {worse}, enako: {same}, novo: {new}.",
        "en": "Better: {better}, worse: {worse}, same: {same}, new: {new}.",
    },
    # `compliance extract` (compliance.cli.extract).
    "extract.written": {
        "sl": "Osnutek zapisan: {path} ({count} zapisov, {reported} občin je poročalo).",
        "en": "Draft written: {path} ({count} records, {reported} municipalities reported).",
    },
    "extract.field": {"sl": "polje", "en": "field"},
    "extract.draft": {"sl": "osnutek", "en": "draft"},
    "extract.curated": {"sl": "pregledano", "en": "curated"},
    "extract.no_differences": {"sl": "Ni razlik.", "en": "No differences."},
    "extract.only_in_draft": {"sl": "Samo v osnutku: {ids}", "en": "Only in the draft: {ids}"},
    "extract.only_in_curated": {"sl": "Samo v pregledanih zapisih: {ids}", "en": "Only in the curated records: {ids}"},
    "extract.per_fact": {"sl": "Ujemanje po dejstvih:", "en": "Matching facts by field:"},
    "extract.accuracy": {
        "sl": "Ujemanje dejstev: {matching}/{compared} ({percent})",
        "en": "Facts matching: {matching}/{compared} ({percent})",
    },
    "extract.not_counted": {"sl": "(ni šteto)", "en": "(not counted)"},
}

# pydantic's error types in Slovenian, worded from the error's ctx (pydantic's "Customize
# error messages" recipe). English keeps pydantic's own text; unknown types fall back to it.
PYDANTIC_SL: dict[str, str] = {
    "missing": "obvezno polje manjka",
    "extra_forbidden": "neznano polje (ni dovoljeno)",
    "enum": "vrednost mora biti {expected}",
    "literal_error": "vrednost mora biti {expected}",
    "bool_parsing": "vrednost mora biti true ali false",
    "bool_type": "vrednost mora biti true ali false",
    "int_parsing": "vrednost mora biti celo število",
    "int_type": "vrednost mora biti celo število",
    "int_from_float": "vrednost mora biti celo število (brez decimalk)",
    "float_parsing": "vrednost mora biti število",
    "float_type": "vrednost mora biti število",
    "string_type": "vrednost mora biti besedilo",
    "string_too_short": "besedilo mora imeti najmanj {min_length} znakov",
    "string_too_long": "besedilo ima lahko največ {max_length} znakov",
    "string_pattern_mismatch": "besedilo se ne ujema z vzorcem {pattern!r}",
    "too_short": "najmanj {min_length} elementov, vneseno {actual_length}",
    "too_long": "največ {max_length} elementov, vneseno {actual_length}",
    "list_type": "vrednost mora biti seznam",
    "dict_type": "vrednost mora biti preslikava (ključ: vrednost)",
    "model_type": "vrednost mora biti preslikava (ključ: vrednost)",
    "model_attributes_type": "vrednost mora biti preslikava (ključ: vrednost)",
    "greater_than_equal": "vrednost mora biti najmanj {ge}",
    "less_than_equal": "vrednost je lahko največ {le}",
    "greater_than": "vrednost mora biti večja od {gt}",
    "less_than": "vrednost mora biti manjša od {lt}",
    "date_parsing": "vrednost mora biti datum v obliki LLLL-MM-DD",
    "date_from_datetime_parsing": "vrednost mora biti datum v obliki LLLL-MM-DD",
    "date_from_datetime_inexact": "vrednost mora biti datum brez ure",
    "date_type": "vrednost mora biti datum v obliki LLLL-MM-DD",
}
# Types whose input is worth showing back (the user typed a wrong value, not a wrong shape).
_SHOW_INPUT = {
    "sl": ("enum", "literal_error", "bool_parsing", "bool_type", "int_parsing", "int_type", "int_from_float",
           "float_parsing", "date_parsing", "date_from_datetime_parsing", "greater_than_equal",
           "less_than_equal", "greater_than", "less_than"),
    "en": ("enum",),  # as before: pydantic's text names the wrong value for the others
}
_GOT = {"sl": " (vneseno: {input})", "en": " (got {input})"}


def current() -> str:
    """The language of the running command (default Slovenian); outside one, English."""
    import click

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return LIBRARY
    return ctx.meta.get(_META_KEY, DEFAULT)


def use(ctx: Any, lang: str) -> str:
    """Set the language for this invocation (the `--lang` option's callback)."""
    ctx.meta[_META_KEY] = lang
    return lang


def render(value: Any, lang: Optional[str] = None) -> str:
    """Anything that may be a message, as text in `lang` (default: the current language)."""
    lang = lang or current()
    return value.render(lang) if hasattr(value, "render") else str(value)


@dataclass(frozen=True, eq=True)
class Message:
    """A catalog message: its id and the parameters of its templates."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: Optional[str] = None) -> str:
        lang = lang or current()
        values = {key: _param(value, lang) for key, value in self.params.items()}
        return CATALOG[self.id][lang].format(**values)

    def __str__(self) -> str:
        return self.render()

    def __hash__(self) -> int:
        return hash(self.id)


def msg(message_id: str, **params: Any) -> Message:
    if message_id not in CATALOG:
        raise KeyError(f"no message {message_id!r} in the catalog")
    return Message(message_id, params)


def text(message_id: str, lang: str, **params: Any) -> str:
    """One catalog entry worded in `lang`: `msg(message_id, **params).render(lang)`."""
    return msg(message_id, **params).render(lang)


def texts(prefix: str, lang: str) -> dict[str, str]:
    """The templates under `prefix.`, keyed by the rest of their id, unformatted (e.g. for a
    Jinja template that fills them itself)."""
    start = prefix + "."
    return {key[len(start):]: wording[lang] for key, wording in CATALOG.items() if key.startswith(start)}


@dataclass(frozen=True)
class Joined:
    """Several messages shown as one, e.g. a list of reasons."""

    parts: tuple
    separator: str = "; "

    def render(self, lang: Optional[str] = None) -> str:
        return self.separator.join(render(part, lang) for part in self.parts)

    def __str__(self) -> str:
        return self.render()


def _param(value: Any, lang: str) -> Any:
    # Nested messages are worded in the same language; other values keep their type for !r.
    return value.render(lang) if hasattr(value, "render") else value


class Invalid(ValueError):
    """A model validator's complaint: pydantic shows the English text, the CLI the catalog's."""

    def __init__(self, message_id: str, **params: Any):
        self.message = msg(message_id, **params)
        super().__init__(self.message.render(LIBRARY))

    def __reduce__(self) -> tuple:
        # By its catalog message: pickling by the English text would not find it again
        # (problems come back pickled from compliance.parallel's helper process).
        return (_invalid, (self.message,))


def _invalid(message: Any) -> Invalid:
    invalid = Invalid.__new__(Invalid)
    invalid.message = message
    ValueError.__init__(invalid, message.render(LIBRARY))
    return invalid


def _shown(value: Any) -> str:
    # Cut before repr: a huge value must not be copied whole to show 80 characters of it.
    if isinstance(value, (str, bytes)):
        text = repr(value[:100])
    else:
        import reprlib

        shortener = reprlib.Repr()
        shortener.maxstring = shortener.maxother = 100
        text = shortener.repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@dataclass(frozen=True)
class PydanticMessage:
    """One pydantic error, worded in the language it is printed in."""

    type: str
    text: str  # pydantic's English message
    ctx: Mapping[str, Any] = field(default_factory=dict)
    input: Any = None

    @classmethod
    def of(cls, error: Mapping[str, Any]) -> "PydanticMessage":
        return cls(error["type"], error["msg"], dict(error.get("ctx") or {}), error.get("input"))

    def render(self, lang: Optional[str] = None) -> str:
        lang = lang or current()
        text = self._worded(lang)
        if self.type in _SHOW_INPUT[lang]:
            text += _GOT[lang].format(input=_shown(self.input))
        return text

    def _worded(self, lang: str) -> str:
        error = self.ctx.get("error")
        if self.type == "value_error" and isinstance(error, Invalid):
            return error.message.render(lang) if lang != LIBRARY else self.text
        if lang == LIBRARY:
            return self.text
        if self.type == "value_error" and "reason" in self.ctx:  # EmailStr
            return msg("model.email", reason=self.ctx["reason"]).render(lang)
        template = PYDANTIC_SL.get(self.type)
        if template is None:
            return self.text
        ctx = dict(self.ctx)
        if "expected" in ctx:  # "'a', 'b' or 'c'"
            ctx["expected"] = str(ctx["expected"]).replace(" or ", " ali ")
        try:
            return template.format(**ctx)
        except (KeyError, IndexError, ValueError):
            return self.text

    def __str__(self) -> str:
        return self.render()


def joined(parts: Iterable[Any], separator: str = "; ") -> Joined:
    return Joined(tuple(parts), separator)
