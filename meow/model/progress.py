"""Trainer callbacks: a rich progress display (loss, tokens/s, ETA) and a graceful Ctrl-C."""

import math
import signal
import threading
import time
from types import FrameType
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from transformers import TrainerCallback


def _sync() -> None:
    """Wait for the GPU, so epoch timings measure work done, not work queued."""
    import torch

    if torch.cuda.is_available():
        torch.cuda.synchronize()


class RichProgress(TrainerCallback):  # type: ignore[misc]
    """One bar over all optimizer steps; a line per evaluation; training-only time for throughput."""

    def __init__(self, console: Console, tokens_per_step: float) -> None:
        self.console = console
        self.tokens_per_step = tokens_per_step  # all processes together
        self.train_seconds = 0.0  # time inside epochs, without evaluation and checkpoint saving
        self.steps_timed = 0
        self._epoch_start: float | None = None
        self._epoch_first_step = 0
        self._progress: Progress | None = None
        self._task: Any = None
        self._loss = float("nan")

    def tokens_per_second(self, step: int | None = None) -> float:
        steps, seconds = self.steps_timed, self.train_seconds
        if step is not None and self._epoch_start is not None:
            steps += step - self._epoch_first_step
            seconds += time.perf_counter() - self._epoch_start
        return steps * self.tokens_per_step / seconds if seconds > 0 else 0.0

    def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if not state.is_world_process_zero:
            return
        self._progress = Progress(
            TextColumn("[bold]training[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("loss {task.fields[loss]}"),
            TextColumn("{task.fields[tps]} tok/s"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
        )
        self._task = self._progress.add_task("train", total=state.max_steps, loss="-", tps="-")
        self._progress.update(self._task, completed=state.global_step)
        self._progress.start()

    def on_epoch_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        _sync()
        self._epoch_start, self._epoch_first_step = time.perf_counter(), state.global_step

    def on_epoch_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        _sync()
        if self._epoch_start is not None:
            self.train_seconds += time.perf_counter() - self._epoch_start
            self.steps_timed += state.global_step - self._epoch_first_step
        self._epoch_start = None

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self._progress is not None:
            tps = self.tokens_per_second(state.global_step)
            loss = "-" if math.isnan(self._loss) else f"{self._loss:.3f}"
            self._progress.update(self._task, completed=state.global_step, loss=loss, tps=f"{tps:,.0f}")

    def on_log(self, args: Any, state: Any, control: Any, logs: Any = None, **kwargs: Any) -> None:
        if logs and "loss" in logs:
            self._loss = float(logs["loss"])

    def on_evaluate(self, args: Any, state: Any, control: Any, metrics: Any = None, **kwargs: Any) -> None:
        if self._progress is not None and metrics and "eval_loss" in metrics:
            loss = float(metrics["eval_loss"])
            perplexity = math.exp(min(loss, 50.0))
            self._progress.console.print(
                f"epoch {state.epoch:.2f}: validation loss {loss:.3f}, perplexity {perplexity:.2f}"
            )

    def on_train_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self.on_epoch_end(args, state, control)
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


class GracefulInterrupt(TrainerCallback):  # type: ignore[misc]
    """First Ctrl-C: finish the current step, save a checkpoint, stop. A second Ctrl-C stops at once."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> "GracefulInterrupt":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.requested:
            control.should_save = True
            control.should_training_stop = True
