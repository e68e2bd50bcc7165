"""The model folder: what `meow train` writes and what chat, generate, the audit and the guard load.

```
$MEOW_HOME/models/<slug>/   weights + tokenizer (or a LoRA adapter + tokenizer), meow.json, metrics.json,
                            README.md (model card: counts and base only), canaries.json (with --canaries)
```
"""

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from meow import __version__
from meow.errors import ModelError, OutputError
from meow.fileio import write_json_atomic, write_text_atomic
from meow.home import ensure_private_dir, models_dir

META = "meow.json"
CHECKPOINTS = "checkpoints"


@dataclass
class Trained:
    model: Any  # a transformers causal LM in eval mode (a LoRA adapter is merged in)
    tokenizer: Any  # with meow's speaker and end-of-turn tokens
    meta: dict[str, Any]  # meow.json
    path: Path


def prepare_out(out: Path, resume: bool, force: bool, main_process: bool = True) -> Path | None:
    """Check the output folder (never clobber without --force) and create it, private to the user.

    With --force the old model is moved aside, not deleted: the returned backup goes back in place with
    `restore_out` if the run fails before training starts (a typo in --base must not cost the old model),
    and is removed with `drop_backup` once it does."""
    checkpoints = out / CHECKPOINTS
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file: choose a folder for the model with --out")
    if resume:
        if not any(checkpoints.glob("checkpoint-*")):
            raise OutputError(f"nothing to resume in {out}: start a new run without --resume")
        return None
    if main_process and out.exists() and any(out.iterdir()):
        ours = (out / META).is_file() or checkpoints.is_dir()
        if not force:
            what = (
                "an interrupted run (use --resume to continue it)"
                if not (out / META).is_file()
                else "a model"
            )
            raise OutputError(f"{out} already holds {what}: pass --force to replace it")
        if not ours:
            raise OutputError(f"{out} exists and is not a meow model folder: choose another --out")
        backup = out.with_name(f".{out.name}.replaced")
        shutil.rmtree(backup, ignore_errors=True)
        out.rename(backup)
        ensure_private_dir(out)
        return backup
    ensure_private_dir(out)
    return None


def restore_out(out: Path, backup: Path | None, created: bool = False) -> None:
    """The run failed before training: put the model that --force was replacing back, or remove the
    folder this run created (no empty model folder is left behind)."""
    if backup is not None and backup.is_dir():
        shutil.rmtree(out, ignore_errors=True)
        backup.rename(out)
    elif created:
        shutil.rmtree(out, ignore_errors=True)


def drop_backup(backup: Path | None) -> None:
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)


def save_model_folder(
    out: Path, model: Any, tokenizer: Any, meta: dict[str, Any], metrics: dict[str, Any]
) -> None:
    """Weights, tokenizer, meow.json, metrics.json and the model card; then drop the checkpoints."""
    if meta["lora"]:
        model.save_pretrained(out, save_embedding_layers=False)
    else:
        model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    write_json_atomic(out / "metrics.json", metrics)
    write_text_atomic(out / "README.md", model_card(meta, metrics))
    write_json_atomic(out / META, {**meta, "meow_version": __version__})
    shutil.rmtree(out / CHECKPOINTS, ignore_errors=True)


def model_card(meta: dict[str, Any], metrics: dict[str, Any]) -> str:
    """Counts and base only: never a path, a file name or a name other than the target's pseudonym."""
    best = metrics.get("best") or {}
    perplexity = f"{best['eval_perplexity']:.2f}" if best else "n/a"
    return "\n".join(_card_lines(meta, metrics, perplexity))


def _card_lines(meta: dict[str, Any], metrics: dict[str, Any], perplexity: str) -> list[str]:
    base = meta["base"]
    if base == "tiny":
        base = "tiny (a small GPT-2 trained from scratch on this corpus)"
    elif Path(base).expanduser().exists():  # a local folder: its path may say too much, give its kind
        base = f"a local {meta.get('model_type', 'causal LM')} model"
    return [
        f"# meow model: {meta['speaker']}",
        "",
        f"A causal language model that writes like the pseudonymous speaker **{meta['speaker']}**, "
        "trained with meow on an anonymised chat corpus (real names and personal "
        "data replaced by consistent pseudonyms before training).",
        "",
        "| | |",
        "|---|---|",
        f"| base | {base} |",
        f"| method | {'LoRA adapter' if meta['lora'] else 'full fine-tune'} |",
        f"| training sessions | {metrics['sessions']['train']:,} |",
        f"| validation sessions | {metrics['sessions']['val']:,} |",
        f"| training tokens (of which the speaker's) | {metrics['tokens']['train']:,} "
        f"({metrics['tokens']['train_labelled']:,}) |",
        f"| optimizer steps | {metrics['steps']:,} |",
        f"| best validation perplexity | {perplexity} |",
        "",
        "A model trained on private chats can repeat what it saw: keep it private, and run `meow audit` on "
        "what it writes before sharing any of it.",
        "",
    ]


def trained_names() -> list[str]:
    root = models_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / META).is_file() and not p.name.startswith("."))


def find_model_dir(name_or_path: str | Path) -> Path:
    """A model folder (any path holding meow.json) or the name of one under $MEOW_HOME/models."""
    candidate = Path(name_or_path).expanduser()
    if (candidate / META).is_file():
        return candidate.resolve()
    named = models_dir() / str(name_or_path)
    if (named / META).is_file():
        return named
    names = ", ".join(trained_names()) or f"none yet (train one with `meow train corpus/{name_or_path}`)"
    raise ModelError(f"no trained model {str(name_or_path)!r} in {models_dir()}; trained models: {names}")


def read_meta(model_dir: Path) -> dict[str, Any]:
    try:
        meta = orjson.loads((model_dir / META).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        meta = None
    if not isinstance(meta, dict) or "tokens" not in meta:
        raise ModelError(f"{model_dir / META} is not a meow model description: re-train with `meow train`")
    return meta
