"""`meow doctor`: what this machine has for each stage, and what to install when something is missing."""

import importlib.metadata
import os
import shutil
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from meow.home import meow_home

# Person-name recall of Presidio on chat text, measured in ../shared/ENVIRONMENT.md (sm vs md); lg/trf are
# larger models of the same family and are preferred when installed.
_QUALITY = {"sm": "low recall on chat names: install the md model", "md": "good", "lg": "good", "trf": "best"}
MIN_FREE_GB = 2.0


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def run_checks() -> list[Check]:
    return [_python(), _torch(), _spacy_model(), _presidio(), _home(), _disk()]


def _version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def _python() -> Check:
    v = sys.version_info
    return Check("Python", v >= (3, 11), f"{v.major}.{v.minor}.{v.micro} (meow needs 3.11 or newer)")


def _torch() -> Check:
    try:
        import torch
    except ImportError:
        return Check("torch", False, "not installed: pip install torch")
    if torch.cuda.is_available():
        gpu = torch.cuda.get_device_name(0)
        bf16 = "bf16" if torch.cuda.is_bf16_supported() else "fp16"
        return Check("torch", True, f"{torch.__version__}, CUDA: {torch.cuda.device_count()}x {gpu} ({bf16})")
    detail = f"{torch.__version__}, no CUDA GPU: training runs on CPU (use --base tiny, or a GPU for gpt2)"
    return Check("torch", True, detail)


def _spacy_model() -> Check:
    from meow.anonymize.analyzer import model_label, resolve_spacy_model
    from meow.errors import MeowError

    try:
        label = model_label(resolve_spacy_model(None))
    except MeowError as e:
        return Check("spaCy model", False, str(e))
    size = next((s for s in ("trf", "lg", "md", "sm") if f"_{s}" in label or label.endswith(s)), "?")
    return Check("spaCy model", True, f"{label} (quality: {_QUALITY.get(size, 'unknown')})")


def _presidio() -> Check:
    analyzer, anonymizer = _version("presidio-analyzer"), _version("presidio-anonymizer")
    if analyzer and anonymizer:
        return Check("Presidio", True, f"analyzer {analyzer}, anonymizer {anonymizer}")
    return Check("Presidio", False, "missing: pip install presidio-analyzer presidio-anonymizer")


def _home() -> Check:
    home = meow_home()
    if not home.exists():
        return Check("MEOW_HOME", True, f"{home} (not created yet; made private on first use)")
    loose = [p.name for p in (home, home / "key", home / "vault.json") if p.exists() and _group_or_other(p)]
    if loose:
        return Check("MEOW_HOME", False, f"{home}: {', '.join(loose)} readable by others: chmod go-rwx")
    writable = os.access(home, os.W_OK)
    return Check("MEOW_HOME", writable, f"{home} (private{'' if writable else ', NOT writable'})")


def _group_or_other(path: Path) -> bool:
    return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def _disk() -> Check:
    home = meow_home()
    probe = home if home.exists() else Path.home()
    free_gb = shutil.disk_usage(probe).free / 1e9
    return Check("free disk", free_gb >= MIN_FREE_GB, f"{free_gb:.1f} GB free where models are saved")
