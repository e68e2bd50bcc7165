"""The user's meow home: key, vault and trained models live here, never in the shareable corpus."""

import os
from pathlib import Path

from meow.errors import OutputError


def meow_home() -> Path:
    """`$MEOW_HOME`, default `~/.meow`. Not created here: callers that write create it with mode 0700."""
    return Path(os.environ.get("MEOW_HOME") or Path.home() / ".meow").expanduser()


def ensure_private_dir(path: Path) -> Path:
    """Create `path` readable by the owner only, and any missing parent too (a first `meow train` makes
    $MEOW_HOME and $MEOW_HOME/models: they must not be world-readable)."""
    try:
        for folder in reversed([path, *(p for p in path.parents if not p.exists())]):
            folder.mkdir(mode=0o700, exist_ok=True)
        path.chmod(0o700)
    except OSError as e:
        raise OutputError(
            f"Cannot create the folder {path} ({e.strerror or type(e).__name__}): choose another place."
        ) from None
    return path


def models_dir() -> Path:
    return meow_home() / "models"
