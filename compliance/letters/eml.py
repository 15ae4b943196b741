"""The letter as an e-mail draft (`<id>.eml`): a short cover note with the PDF attached.

From the Office, To the municipality's confirmed addresses (those the registry flags as
doubtful are left out), Subject the letter's Zadeva, a plain-text cover note
(`letter-email.txt.j2`) and the letter as PDF/A under a name the recipient understands
(file number and municipality, ASCII only). `X-Unsent: 1` makes classic Outlook open the
file as an unsent draft (Thunderbird: Message > Edit as New Message).

Date and the MIME boundaries are derived from the letter, not from the clock or a random
number, so that a re-run gives the same bytes. The Message-ID carries a hash of what is
sent, so a corrected letter gets a new one and is not dropped as a duplicate.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from compliance.errors import ComplianceError
from compliance.messages import msg
from compliance.letters import TEMPLATES_DIR, templating
from compliance.letters.compose import Letter
from compliance.letters.typography import plain

# RFC 5322 line endings; header values with a line break are refused (no header injection).
POLICY = policy.SMTP.clone(raise_on_defect=True)
TEMPLATE = "letter-email.txt.j2"


def _address(display_name: str, addr_spec: str) -> Address:
    """A validated address: a value that could add a header or a recipient is refused."""
    if any(c in display_name + addr_spec for c in "\r\n\0"):
        raise ComplianceError(msg("letters.address_line_break", address=addr_spec))
    try:
        username, domain = addr_spec.split("@")
        return Address(display_name=display_name, username=username, domain=domain)
    except (ValueError, TypeError) as exc:
        raise ComplianceError(msg("letters.address_invalid", address=addr_spec, reason=exc)) from None


def attachment_name(letter: Letter) -> str:
    """`54201-1-2020-UN-19_Obcina-Turnisce.pdf`: file number and municipality, ASCII-safe."""
    from slugify import slugify

    return f"{slugify(letter.number, lowercase=False)}_{slugify(letter.municipality.name, lowercase=False)}.pdf"


def message_id(letter: Letter, content: bytes) -> str:
    """Per year, municipality and date, plus a hash of the content: a changed letter gets a new one."""
    domain = letter.office.office.email.split("@")[1]
    digest = hashlib.sha256(content).hexdigest()[:16]
    return f"<letter.{letter.year}.{letter.municipality.id}.{letter.date:%Y%m%d}.{digest}@{domain}>"


def cover_note(letter: Letter, templates_dir: Path = TEMPLATES_DIR) -> str:
    return plain(templating.render(templates_dir, TEMPLATE, letter.context(), autoescape=False))


def render(letter: Letter, pdf: bytes, templates_dir: Path = TEMPLATES_DIR) -> bytes:
    office = letter.office.office
    note = cover_note(letter, templates_dir)
    recipients = letter.recipients
    message = EmailMessage(policy=POLICY)
    message["From"] = _address(office.name, office.email)
    if recipients:
        message["To"] = [_address(letter.municipality.name, email) for email in recipients]
    message["Subject"] = plain(letter.subject)
    # Noon UTC: the letter's date in every European time zone.
    message["Date"] = format_datetime(dt.datetime.combine(letter.date, dt.time(12, 0), tzinfo=dt.timezone.utc))
    ident = message_id(letter, "\n".join([note, *recipients]).encode("utf-8") + pdf)
    message["Message-ID"] = ident
    message["X-Unsent"] = "1"
    message.set_content(note, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_attachment(pdf, "application", "pdf", filename=attachment_name(letter))
    message["Content-Language"] = "sl"  # after the parts: set_content would drop a Content-* header
    for index, part in enumerate(message.walk()):
        if part.is_multipart():
            digest = hashlib.sha256(f"{ident}/{index}".encode()).hexdigest()[:32]
            part.set_boundary(f"=_letter_{digest}")
    return message.as_bytes(policy=POLICY)
