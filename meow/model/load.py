"""`load_trained(name_or_path)`: the model, tokenizer and meow.json of a trained model, ready to generate."""

from pathlib import Path
from typing import Any

from meow.errors import ModelError
from meow.model.artifacts import Trained, find_model_dir, read_meta
from meow.model.base import load_pretrained, resize_for


def load_trained(name_or_path: str | Path) -> Trained:
    """By name (`bob` -> $MEOW_HOME/models/bob) or path; ModelError listing the trained models if unknown."""
    from safetensors import SafetensorError
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging

    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    path = find_model_dir(name_or_path)
    meta = read_meta(path)
    try:
        tokenizer = AutoTokenizer.from_pretrained(path)
        if meta.get("lora"):
            model = _load_lora(path, meta["base"], tokenizer)
        else:
            model = AutoModelForCausalLM.from_pretrained(path, attn_implementation="sdpa")
    except (OSError, ValueError, SafetensorError) as e:  # missing, truncated or damaged files
        raise ModelError(
            f"cannot load the model in {path} ({type(e).__name__}): re-train it with --force"
        ) from None
    model.eval()
    return Trained(model=model, tokenizer=tokenizer, meta=meta, path=path)


def _load_lora(path: Path, base: str, tokenizer: Any) -> Any:
    """The base (it must still be loadable), resized for meow's tokens as in training, plus the adapter."""
    from peft import PeftModel

    model, _ = load_pretrained(base)
    resize_for(model, tokenizer)
    return PeftModel.from_pretrained(model, path).merge_and_unload()
