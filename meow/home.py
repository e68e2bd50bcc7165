"""The user's meow home: key, vault and trained models live here, never in the shareable corpus."""

import os
from pathlib import Path


def meow_home() -> Path:
    """`$MEOW_HOME`, default `~/.meow`. Not created here: callers that write create it with mode 0700."""
    return Path(os.environ.get("MEOW_HOME") or Path.home() / ".meow").expanduser()


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the owner only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def models_dir() -> Path:
    return meow_home() / "models"
