"""The base model: a hub id or local folder (any causal LM), or `tiny`, built offline from the corpus.

`--base tiny` trains a byte-level BPE tokenizer on the corpus text (a fraction of a second) and builds a
small randomly initialised GPT-2, so the whole pipeline runs with no network: tests, CI, the demo,
air-gapped users. It learns the style of a big chat history, not English: use a real base when you can.
"""

import os
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meow.errors import ModelError
from meow.model.format import SpeakerTokens

TINY = "tiny"
EOS = "<|endoftext|>"
VOCAB_MULTIPLE = 64  # embedding rows padded to a multiple of 64: faster matmuls on GPUs


@dataclass(frozen=True)
class TinySpec:
    """The `--base tiny` model: about 1.7M parameters with an 8k vocabulary."""

    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 128
    n_positions: int = 512
    vocab_size: int = 8000


def load_base(base: str, texts: Iterable[str], spec: TinySpec = TinySpec()) -> tuple[Any, Any]:
    """(model, tokenizer) for `base`; `texts` is only read for `tiny` (its tokenizer is trained on them)."""
    if base == TINY:
        tokenizer = train_tiny_tokenizer(texts, spec.vocab_size)
        return build_tiny_model(tokenizer, spec), tokenizer
    return load_pretrained(base)


def load_pretrained(base: str) -> tuple[Any, Any]:
    """From a local folder or the local cache first; the hub only when it answers (no 50 s of retries)."""
    try:
        return _from_pretrained(base, local_files_only=True)
    except (OSError, ValueError, KeyError) as e:
        if Path(base).expanduser().exists() or _offline() or not _hub_reachable():
            raise ModelError(_unloadable(base, e)) from None
    try:
        return _from_pretrained(base, local_files_only=False)
    except (OSError, ValueError, KeyError) as e:
        raise ModelError(_unloadable(base, e)) from None


def _from_pretrained(base: str, local_files_only: bool) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=local_files_only)
    model = AutoModelForCausalLM.from_pretrained(
        base, attn_implementation="sdpa", local_files_only=local_files_only
    )
    return model, tokenizer


def _offline() -> bool:
    return any(os.environ.get(v) == "1" for v in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def _hub_reachable(timeout: float = 3.0) -> bool:
    """One TCP connection to the hub's endpoint ($HF_ENDPOINT), answered within `timeout` seconds."""
    from urllib.parse import urlparse

    from huggingface_hub import constants

    url = urlparse(constants.ENDPOINT)
    try:
        socket.create_connection((url.hostname or "", url.port or 443), timeout=timeout).close()
    except OSError:
        return False
    return True


def _unloadable(base: str, error: Exception) -> str:
    if Path(base).expanduser().exists():
        return (
            f"cannot load a causal language model from {base} ({type(error).__name__}): the folder needs "
            "config.json, weights and tokenizer files as written by save_pretrained"
        )
    why = "HF_HUB_OFFLINE is set" if _offline() else "no network, or no such model on the hub"
    return (
        f"cannot load base model {base!r}: not in the local Hugging Face cache and the hub is not reachable "
        f"({why}); download it once with network (`hf download {base}`), pass a local folder with "
        "--base PATH, or use --base tiny to train a small model from scratch offline"
    )


def train_tiny_tokenizer(texts: Iterable[str], vocab_size: int) -> Any:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    backend = Tokenizer(models.BPE())
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    backend.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=[EOS],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    backend.train_from_iterator(texts, trainer)
    return PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=backend,
        bos_token=EOS,
        eos_token=EOS,
        unk_token=EOS,
        pad_token=EOS,
        model_input_names=["input_ids", "attention_mask"],
    )


def build_tiny_model(tokenizer: Any, spec: TinySpec) -> Any:
    from transformers import GPT2Config, GPT2LMHeadModel

    eos = tokenizer.eos_token_id
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=spec.n_positions,
        n_embd=spec.n_embd,
        n_layer=spec.n_layer,
        n_head=spec.n_head,
        bos_token_id=eos,
        eos_token_id=eos,
    )
    config._attn_implementation = "sdpa"
    return GPT2LMHeadModel(config)


def add_speaker_tokens(model: Any, tokenizer: Any, tokens: SpeakerTokens) -> list[int]:
    """Add meow's special tokens, give the tokenizer a pad token, resize the embeddings; returns new ids."""
    from tokenizers import AddedToken

    before = len(tokenizer)
    added = [AddedToken(t, special=True, normalized=False) for t in tokens.all_tokens]
    tokenizer.add_tokens(added, special_tokens=True)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    resize_for(model, tokenizer)
    model.config.pad_token_id = tokenizer.pad_token_id
    return [i for i in tokenizer.convert_tokens_to_ids(tokens.all_tokens) if i >= before]


def resize_for(model: Any, tokenizer: Any) -> None:
    """Embedding rows for every token of `tokenizer` (the loader of a LoRA adapter does the same)."""
    if model.get_input_embeddings().num_embeddings < len(tokenizer):
        model.resize_token_embeddings(len(tokenizer), pad_to_multiple_of=VOCAB_MULTIPLE)


def context_window(model: Any) -> int:
    """How many tokens the model attends to (GPT-2: n_positions)."""
    config = model.config
    for name in ("n_positions", "max_position_embeddings", "n_ctx"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    return 1024
