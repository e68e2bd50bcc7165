"""`meow train corpus/bob`: fine-tune a causal LM so it speaks as bob (Hugging Face Trainer).

Reads top to bottom: corpus -> output folder -> tokens -> base model -> examples -> Trainer -> save.
Multi-GPU needs no code here: `accelerate launch -m meow train ...` or `torchrun -m meow train ...`.
"""

import math
import os
import warnings
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from rich.console import Console

from meow.errors import MeowError, ModelError
from meow.home import models_dir
from meow.model.artifacts import drop_backup, prepare_out, restore_out, save_model_folder
from meow.model.base import TINY, add_speaker_tokens, context_window, load_base
from meow.model.corpus import SpeakerCorpus, open_speaker_corpus
from meow.model.examples import Example, ExampleDataset, PadCollator, build_examples, count_tokens
from meow.model.format import SpeakerTokens
from meow.model.progress import GracefulInterrupt, RichProgress


@dataclass(frozen=True)
class TrainConfig:
    corpus: Path  # one speaker's folder of a meow corpus, e.g. corpus/bob
    base: str = "gpt2"  # hub id, local folder, or "tiny" (built offline from the corpus)
    out: Path | None = None  # default $MEOW_HOME/models/<slug>
    epochs: float = 3.0
    batch_size: int = 8  # per device
    grad_accum: int = 1
    learning_rate: float | None = None  # None: 5e-5 full fine-tune, 2e-4 LoRA, 3e-3 tiny (from scratch)
    max_length: int | None = None  # tokens per example (None: 512, tiny 128), clamped to the model's window
    warmup: float = 0.05  # fraction of the steps with a linear warm-up
    weight_decay: float = 0.01
    patience: int = 2  # epochs without validation improvement before stopping early
    seed: int = 42
    lora: bool = False  # train a small LoRA adapter (peft) instead of all weights
    lora_r: int = 8
    max_speakers: int = 32  # other speakers with their own token; the rest share <|speaker:other|>
    pack: bool = True  # pack windows into full rows (less padding, higher GPU utilisation)
    compile: bool = False  # torch.compile the model (GPUs; slow to start)
    canaries: int = 0  # plant K canary sessions to measure memorisation later (meow audit)
    max_steps: int = -1  # stop after this many optimizer steps (tests, benchmarks); -1: all epochs
    resume: bool = False  # continue the interrupted run in the output folder
    force: bool = False  # replace an existing model folder


@dataclass(frozen=True)
class TrainResult:
    path: Path
    metrics: dict[str, Any] = field(default_factory=dict)


class TrainingInterrupted(MeowError):
    """Ctrl-C: a checkpoint was saved; the message says how to resume."""


def train(cfg: TrainConfig, console: Console | None = None) -> TrainResult:
    console = console or Console(stderr=True)
    corpus = open_speaker_corpus(cfg.corpus)
    if cfg.lora and cfg.base == TINY:
        raise ModelError("--lora needs a pretrained base; --base tiny trains a small model from scratch")
    out = (cfg.out or models_dir() / corpus.slug).expanduser().resolve()
    created = not out.exists()
    backup = prepare_out(out, resume=cfg.resume, force=cfg.force, main_process=_is_main())
    try:  # until training starts, a failure (a typo in --base...) puts a model that --force replaced back
        tokens = SpeakerTokens.from_sessions(corpus.speaker, corpus.train, cfg.max_speakers)
        rows = _with_canaries(corpus, cfg, out)
        _quiet_transformers()
        _seed(cfg.seed)  # before the tiny model's random init and the resized embedding rows
        model, tokenizer = load_base(cfg.base, (t["text"] for s in rows for t in s["turns"]))
        new_ids = add_speaker_tokens(model, tokenizer, tokens)
        cfg = replace(_resolve(cfg, context_window(model)), corpus=corpus.path, out=out)
        max_length = cast(int, cfg.max_length)
        train_ex = build_examples(rows, tokens, tokenizer, max_length, cfg.pack, cfg.seed)
        val_ex = build_examples(corpus.val, tokens, tokenizer, max_length, cfg.pack, cfg.seed)
        if cfg.lora:
            model = _wrap_lora(model, new_ids, cfg.lora_r)
        checkpoints = out / "checkpoints"
        trainer, progress = _make_trainer(cfg, model, tokenizer, (train_ex, val_ex), checkpoints, console)
    except BaseException:
        restore_out(out, backup, created and _is_main())
        raise
    drop_backup(backup)
    with GracefulInterrupt() as interrupt:
        trainer.add_callback(interrupt)
        trainer.train(resume_from_checkpoint=True if cfg.resume else None)
    if interrupt.requested:
        raise TrainingInterrupted(
            f"interrupted at step {trainer.state.global_step}: checkpoint saved in {out / 'checkpoints'}; "
            "continue with the same `meow train` command plus --resume"
        )
    metrics = _metrics(trainer, progress, train_ex, val_ex, corpus, rows)
    if trainer.is_world_process_zero():
        model_out = trainer.accelerator.unwrap_model(trainer.model, keep_torch_compile=False)
        save_model_folder(out, model_out, tokenizer, _meta(cfg, corpus, model, tokens), metrics)
    return TrainResult(path=out, metrics=metrics)


def _resolve(cfg: TrainConfig, window: int) -> TrainConfig:
    """Defaults that depend on the base filled in (a local base made absolute, for reloading LoRA)."""
    tiny = cfg.base == TINY
    base = str(Path(cfg.base).expanduser().resolve()) if Path(cfg.base).expanduser().exists() else cfg.base
    return replace(
        cfg,
        base=base,
        learning_rate=cfg.learning_rate or (3e-3 if tiny else 2e-4 if cfg.lora else 5e-5),
        max_length=min(cfg.max_length or (128 if tiny else 512), window),
    )


def _meta(cfg: TrainConfig, corpus: SpeakerCorpus, model: Any, tokens: SpeakerTokens) -> dict[str, Any]:
    """meow.json: what chat, generate, the audit and the guard need to know about the model."""
    return {
        "speaker": corpus.speaker,
        "slug": corpus.slug,
        "owner": corpus.owner,
        "corpus": str(corpus.path),
        "base": cfg.base,
        "lora": cfg.lora,
        "model_type": getattr(model.config, "model_type", None),
        "tokens": tokens.to_meta(),
        "max_length": cfg.max_length,
        "config": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(cfg).items()},
    }


def _seed(seed: int) -> None:
    from transformers import set_seed

    set_seed(seed)


def _is_main() -> bool:
    return os.environ.get("RANK", "0") == "0"


def _quiet_transformers() -> None:
    """Our progress display replaces transformers' log lines and tqdm bars."""
    from transformers.utils import logging

    logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    logging.disable_progress_bar()  # type: ignore[no-untyped-call]


def _with_canaries(corpus: SpeakerCorpus, cfg: TrainConfig, out: Path) -> list[dict[str, Any]]:
    if cfg.canaries <= 0:
        return corpus.train
    from meow.anonymize.canaries import plant_canaries

    return plant_canaries(corpus.train, corpus.speaker, cfg.canaries, cfg.seed, out)


def _wrap_lora(model: Any, new_ids: list[int], r: int) -> Any:
    from peft import LoraConfig, get_peft_model

    # Checkpoints keep the resized embeddings (peft says so on every save); the final adapter does not.
    warnings.filterwarnings("ignore", message="Setting `save_embedding_layers`")

    gpt2 = model.config.model_type == "gpt2"
    config = LoraConfig(
        task_type="CAUSAL_LM",
        r=r,
        lora_alpha=2 * r,
        lora_dropout=0.05,
        target_modules=["c_attn"] if gpt2 else "all-linear",
        fan_in_fan_out=gpt2,
        trainable_token_indices=new_ids,  # only the new speaker/end tokens' embedding rows are trained
    )
    return get_peft_model(model, config)


def _device() -> tuple[bool, bool, bool]:
    """(cuda, bf16, fp16)."""
    import torch

    cuda = torch.cuda.is_available()
    bf16 = cuda and torch.cuda.is_bf16_supported()
    return cuda, bf16, cuda and not bf16


def _make_trainer(
    cfg: TrainConfig,
    model: Any,
    tokenizer: Any,
    examples: tuple[list[Example], list[Example]],
    ckpt: Path,
    console: Console,
) -> tuple[Any, RichProgress]:
    from transformers import EarlyStoppingCallback, PrinterCallback, Trainer, TrainingArguments

    class _Trainer(Trainer):  # type: ignore[misc]
        def log(self, logs: dict[str, float], *args: Any, **kwargs: Any) -> None:
            if "eval_loss" in logs:
                logs["eval_perplexity"] = math.exp(min(logs["eval_loss"], 50.0))
            super().log(logs, *args, **kwargs)

    train_ex, val_ex = examples
    cuda, bf16, fp16 = _device()
    # Compiled graphs want one shape: pad every batch to the full length (packed rows are near it anyway).
    pad_to = cfg.max_length if cfg.compile else 8 if cuda else None
    world = int(os.environ.get("WORLD_SIZE", "1"))
    steps_per_epoch = max(1, math.ceil(len(train_ex) / (cfg.batch_size * world)) // cfg.grad_accum)
    total = cfg.max_steps if cfg.max_steps > 0 else math.ceil(steps_per_epoch * cfg.epochs)
    args = TrainingArguments(
        output_dir=str(ckpt),
        num_train_epochs=cfg.epochs,
        max_steps=cfg.max_steps,
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=cfg.batch_size,
        gradient_accumulation_steps=cfg.grad_accum,
        learning_rate=cast(float, cfg.learning_rate),  # resolved by _resolve
        weight_decay=cfg.weight_decay,
        warmup_steps=int(cfg.warmup * total),
        eval_strategy="epoch",
        save_strategy="epoch",
        logging_steps=max(1, steps_per_epoch // 10),
        load_best_model_at_end=True,
        metric_for_best_model="eval_loss",
        greater_is_better=False,
        save_total_limit=2,
        report_to="none",
        use_cpu=not cuda,
        bf16=bf16,
        fp16=fp16,
        torch_compile=cfg.compile,
        seed=cfg.seed,
        disable_tqdm=True,
        log_level="error",  # on every process: our progress display says what matters
        log_level_replica="error",
        remove_unused_columns=False,
        dataloader_pin_memory=cuda,
        ddp_find_unused_parameters=False,
    )
    tokens_per_step = count_tokens(train_ex)[0] / steps_per_epoch
    progress = RichProgress(console, tokens_per_step)
    trainer = _Trainer(
        model=model,
        args=args,
        data_collator=PadCollator(tokenizer.pad_token_id, pad_to_multiple_of=pad_to),
        train_dataset=ExampleDataset(train_ex),
        eval_dataset=ExampleDataset(val_ex),
        processing_class=tokenizer,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg.patience), progress],
    )
    trainer.remove_callback(PrinterCallback)  # it prints raw log dicts
    return trainer, progress


def _metrics(
    trainer: Any,
    progress: RichProgress,
    train_ex: Any,
    val_ex: Any,
    corpus: SpeakerCorpus,
    rows: list[dict[str, Any]],
) -> dict[str, Any]:
    import torch

    history = trainer.state.log_history
    evals = [
        {"epoch": h["epoch"], "eval_loss": h["eval_loss"], "eval_perplexity": h["eval_perplexity"]}
        for h in history
        if "eval_loss" in h
    ]
    train_tokens, labelled = count_tokens(train_ex)
    best = min(evals, key=lambda e: e["eval_loss"]) if evals else None
    summary: dict[str, Any] = next((h for h in reversed(history) if "train_runtime" in h), {})
    return {
        "sessions": {"train": len(rows), "val": len(corpus.val)},
        "examples": {"train": len(train_ex), "val": len(val_ex)},
        "tokens": {"train": train_tokens, "train_labelled": labelled, "val": count_tokens(val_ex)[0]},
        "epochs": evals,
        "best": best,
        "stopped_early": trainer.state.global_step < trainer.state.max_steps,
        "steps": trainer.state.global_step,
        "train_loss": summary.get("train_loss"),
        "train_runtime_s": summary.get("train_runtime"),
        "train_compute_s": round(progress.train_seconds, 3),
        "train_tokens_per_s": round(progress.tokens_per_second(), 1),
        "peak_gpu_memory_gb": round(torch.cuda.max_memory_allocated() / 2**30, 3)
        if torch.cuda.is_available()
        else None,
        "device": torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu",
    }
