"""The letter as an e-mail draft (`<id>.eml`) that Outlook and Thunderbird open ready to send.

From the Office, To the municipality, Subject the letter's Zadeva, a text and an HTML part,
the .docx attached, and `X-Unsent: 1` (Outlook opens the file as an unsent draft).
Message-ID, Date and the MIME boundaries are derived from the letter, not from the clock
or a random number, so that a re-run gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from compliance.errors import ComplianceError
from compliance.messages import msg
from compliance.letters.compose import Letter

# RFC 5322 line endings; header values with a line break are refused (no header injection).
POLICY = policy.SMTP.clone(raise_on_defect=True)
DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def _address(display_name: str, addr_spec: str) -> Address:
    """A validated address: a value that could add a header or a recipient is refused."""
    if any(c in display_name + addr_spec for c in "\r\n\0"):
        raise ComplianceError(msg("letters.address_line_break", address=addr_spec))
    try:
        username, domain = addr_spec.split("@")
        return Address(display_name=display_name, username=username, domain=domain)
    except (ValueError, TypeError) as exc:
        raise ComplianceError(msg("letters.address_invalid", address=addr_spec, reason=exc)) from None


def message_id(letter: Letter) -> str:
    """Stable per year, municipality and date: the same letter keeps its Message-ID."""
    domain = letter.office.office.email.split("@")[1]
    return f"<letter.{letter.year}.{letter.municipality.id}.{letter.date:%Y%m%d}@{domain}>"


def render(letter: Letter, text: str, html: str, docx: bytes) -> bytes:
    office = letter.office.office
    msg = EmailMessage(policy=POLICY)
    msg["From"] = _address(office.name, office.email)
    msg["To"] = [_address(letter.municipality.name, email) for email in letter.municipality.emails]
    msg["Subject"] = letter.subject
    # Noon UTC: the letter's date in every European time zone.
    msg["Date"] = format_datetime(dt.datetime.combine(letter.date, dt.time(12, 0), tzinfo=dt.timezone.utc))
    msg["Message-ID"] = message_id(letter)
    msg["X-Unsent"] = "1"
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    msg.add_attachment(docx, *DOCX_TYPE, filename=f"{letter.municipality.id}.docx")
    msg["Content-Language"] = "sl"  # after the parts: set_content would drop a Content-* header
    seed = message_id(letter)
    for index, part in enumerate(msg.walk()):
        if part.is_multipart():
            digest = hashlib.sha256(f"{seed}/{index}".encode()).hexdigest()[:32]
            part.set_boundary(f"=_letter_{digest}")
    return msg.as_bytes(policy=POLICY)
