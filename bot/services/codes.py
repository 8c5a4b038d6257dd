"""Case reference codes a tired parent can read out on a hotline."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L: the pairs people confuse when reading a code aloud or typing it.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6  # 31**6 ≈ 887 million codes


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalize(typed: str) -> str:
    """A code as the person typed it (spaces, dashes, lower case) in canonical form."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())
