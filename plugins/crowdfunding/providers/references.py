"""Structured payment references for bank transfers, with their check digits.

Two formats a bank reconciles automatically: the ISO 11649 creditor reference ("RF" + two
check digits + up to 21 letters or digits, check digits by ISO 7064 mod 97-10) and the Belgian
structured communication (+++xxx/xxxx/xxxxx+++: ten digits then their remainder modulo 97,
97 when that remainder is 0).
"""
from __future__ import annotations

import re
import secrets
import string

RF_ALPHABET = string.digits + string.ascii_uppercase
RF_BODY_LENGTH = 16
BELGIAN_BODY_DIGITS = 10


def _as_digits(text: str) -> str:
    """ISO 7064: letters become two-digit numbers (A=10 ... Z=35)."""
    return "".join(str(int(char, 36)) for char in text)


def rf_check_digits(body: str) -> str:
    remainder = int(_as_digits(body.upper() + "RF00")) % 97
    return f"{98 - remainder:02d}"


def make_rf_reference(body: str | None = None) -> str:
    """An ISO 11649 reference, printed in groups of four as banks show it."""
    body = (body or "".join(secrets.choice(RF_ALPHABET) for _ in range(RF_BODY_LENGTH))).upper()
    compact = f"RF{rf_check_digits(body)}{body}"
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def is_valid_rf_reference(reference: str) -> bool:
    compact = re.sub(r"\s", "", reference).upper()
    if not re.fullmatch(r"RF\d{2}[0-9A-Z]{1,21}", compact):
        return False
    return int(_as_digits(compact[4:] + compact[:4])) % 97 == 1


def belgian_check_digits(body: str) -> str:
    return f"{int(body) % 97 or 97:02d}"


def make_belgian_reference(body: str | None = None) -> str:
    """A Belgian structured communication, +++123/4567/89002+++."""
    body = body or "".join(secrets.choice(string.digits) for _ in range(BELGIAN_BODY_DIGITS))
    digits = body + belgian_check_digits(body)
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def is_valid_belgian_reference(reference: str) -> bool:
    digits = re.sub(r"[\s+/*]", "", reference)
    if not re.fullmatch(r"\d{12}", digits) or not re.fullmatch(
            r"(\+\+\+|\*\*\*)?\s*\d{3}/?\d{4}/?\d{5}\s*(\+\+\+|\*\*\*)?", reference.strip()):
        return False
    return belgian_check_digits(digits[:10]) == digits[10:]


FORMATS = {
    "rf": (make_rf_reference, is_valid_rf_reference),
    "be": (make_belgian_reference, is_valid_belgian_reference),
}


def make_reference(kind: str) -> str:
    return FORMATS[kind][0]()


def normalise(reference: str) -> str | None:
    """The stored form of a reference typed by a manager, or None when its check digits fail."""
    reference = reference.strip()
    if is_valid_rf_reference(reference):
        compact = re.sub(r"\s", "", reference).upper()
        return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
    if is_valid_belgian_reference(reference):
        digits = re.sub(r"[\s+/*]", "", reference)
        return make_belgian_reference(digits[:10])
    return None
