"""Bearer tokens and web session ids are stored only as SHA-256 digests: a database
leak hands out no session."""
from __future__ import annotations

import hashlib


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
