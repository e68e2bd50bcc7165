"""The secret key behind every pseudonym: $MEOW_HOME/key, 32 random bytes (hex), mode 0600, made once.

Pseudonyms are HMACs of real names under this key: a new key would give everyone new pseudonyms, so a
corrupt key is an error, never silently replaced.
"""

import hmac
import secrets
from hashlib import sha256
from pathlib import Path

from meow.errors import InputError
from meow.fileio import write_bytes_atomic
from meow.home import ensure_private_dir, meow_home

KEY_BYTES = 32


def default_key_path() -> Path:
    return meow_home() / "key"


def load_or_create_key(path: Path | None = None) -> bytes:
    """The key at `path` (default $MEOW_HOME/key), created with mode 0600 when there is none."""
    path = path or default_key_path()
    if not path.exists():
        ensure_private_dir(path.parent)
        key = secrets.token_bytes(KEY_BYTES)
        write_bytes_atomic(path, key.hex().encode() + b"\n", mode=0o600)
        return key
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) != KEY_BYTES:
            raise ValueError
    except (OSError, ValueError, UnicodeDecodeError):
        raise InputError(
            f"The key at {path} is unreadable or corrupt. Restore it from a backup; meow will not make a new "
            "one, because a new key would give everyone new pseudonyms."
        ) from None
    return key


def keyed_int(key: bytes, *parts: str) -> int:
    """A stable integer from the key and `parts`: the same inputs always give the same number."""
    digest = hmac.new(key, "\x1f".join(parts).encode("utf-8"), sha256).digest()
    return int.from_bytes(digest[:8], "big")


def keyed_hex(key: bytes, *parts: str, length: int = 10) -> str:
    return hmac.new(key, "\x1f".join(parts).encode("utf-8"), sha256).hexdigest()[:length]
