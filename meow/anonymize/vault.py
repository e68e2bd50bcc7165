"""The vault: real -> pseudonym per entity type, kept under $MEOW_HOME with mode 0600, never in a corpus.

The audit and the chat guard read it to recognise real identifiers in generated text; `meow anonymize`
reads and extends it so that one real person gets the same pseudonym in every run with the same key.
"""

from dataclasses import dataclass, field
from pathlib import Path

import orjson

from meow.errors import InputError
from meow.fileio import write_json_atomic
from meow.home import ensure_private_dir, meow_home

VAULT_VERSION = 1


def default_vault_path() -> Path:
    return meow_home() / "vault.json"


@dataclass
class Vault:
    """`entries[entity_type][real] = pseudonym`, e.g. entries["PERSON"]["Robert Smith"] = "Daniel Ortiz".

    PERSON entries hold full names and their parts ("Robert" -> "Daniel"), so every real form is known.
    """

    entries: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, entity_type: str, real: str, pseudonym: str) -> None:
        self.entries.setdefault(entity_type, {})[real] = pseudonym

    def real_identifiers(self) -> set[str]:
        """Every real value the vault knows, of every entity type."""
        return {real for mapping in self.entries.values() for real in mapping}

    def pseudonyms(self) -> set[str]:
        """Every replacement value: seeing one in generated text is expected, not a leak."""
        return {fake for mapping in self.entries.values() for fake in mapping.values()}

    def save(self, path: Path | None = None) -> Path:
        path = path or default_vault_path()
        ensure_private_dir(path.parent)
        write_json_atomic(path, {"version": VAULT_VERSION, "entries": self.entries}, mode=0o600)
        return path

    @classmethod
    def load(cls, path: Path | None = None) -> "Vault | None":
        """The saved vault, or None when there is none yet. A corrupt vault is an error, never reset."""
        path = path or default_vault_path()
        if not path.exists():
            return None
        try:
            data = orjson.loads(path.read_bytes())
            entries = data["entries"]
            if not isinstance(entries, dict) or not all(isinstance(v, dict) for v in entries.values()):
                raise ValueError
        except (OSError, ValueError, KeyError, TypeError):
            raise InputError(
                f"The vault at {path} is unreadable or corrupt. Restore it from a backup; meow will not "
                "replace it, because a new vault would give everyone new pseudonyms."
            ) from None
        return cls(entries={str(k): {str(r): str(p) for r, p in v.items()} for k, v in entries.items()})
