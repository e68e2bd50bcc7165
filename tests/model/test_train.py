"""`meow train` on a tiny random GPT-2 with the real GPT-2 vocabulary: it learns, saves, reloads, resumes."""

import os
import signal
from pathlib import Path
from typing import Any

import orjson
import pytest
import torch

from meow.errors import InputError, ModelError, OutputError
from meow.model.format import END_OF_TURN
from meow.model.generate import GenerateConfig, Sampling, format_samples, generate_samples, sample
from meow.model.load import load_trained
from meow.model.progress import RichProgress
from meow.model.train import TrainConfig, TrainingInterrupted, train
from tests.model.conftest import OWNER, TARGET, write_corpus


def quick(corpus: Path, base: Path | str, **kw: Any) -> TrainConfig:
    settings: dict[str, Any] = {"epochs": 2, "batch_size": 4, "max_length": 64} | kw
    return TrainConfig(corpus=corpus, base=str(base), **settings)


def test_training_changes_the_weights_and_writes_the_model_folder(
    corpus: Path, tiny_gpt2: Path, meow_home: Path
) -> None:
    from transformers import AutoModelForCausalLM

    result = train(quick(corpus, tiny_gpt2))
    assert result.path == meow_home / "models" / "daniel"
    before = AutoModelForCausalLM.from_pretrained(tiny_gpt2).state_dict()
    after = load_trained("daniel").model.state_dict()
    changed = [k for k, v in before.items() if "wte" not in k and not torch.equal(v, after[k])]
    assert len(changed) > 10  # attention, MLP and norm weights all moved
    assert after["transformer.wte.weight"].shape[0] > before["transformer.wte.weight"].shape[0]

    meta = orjson.loads((result.path / "meow.json").read_bytes())
    assert meta["speaker"] == TARGET and meta["owner"] == OWNER and meta["lora"] is False
    assert meta["corpus"] == str(corpus.resolve())
    metrics = orjson.loads((result.path / "metrics.json").read_bytes())
    assert [e["epoch"] for e in metrics["epochs"]] == [1.0, 2.0]
    assert metrics["best"]["eval_perplexity"] > 1
    card = (result.path / "README.md").read_text()
    assert TARGET in card and str(corpus) not in card and str(tiny_gpt2) not in card and OWNER not in card
    assert not (result.path / "checkpoints").exists()


def test_save_load_generate_round_trip_and_samples_are_separated(corpus: Path, tiny_gpt2: Path) -> None:
    train(quick(corpus, tiny_gpt2, max_steps=2))
    trained = load_trained("daniel")
    cfg = GenerateConfig(prompt="I love to eat", n=3, sampling=Sampling(max_new_tokens=8, seed=1))
    samples = [text for text, _ in generate_samples(trained, cfg, guard=None)]
    assert len(samples) == 3 and all(s.startswith("I love to eat") for s in samples)
    assert format_samples(samples).count("\n==========\n") == 2
    again = [text for text, _ in generate_samples(trained, cfg, guard=None)]
    assert again == samples  # --seed makes samples repeatable
    greedy = GenerateConfig(prompt="hi", n=2, sampling=Sampling(temperature=0, max_new_tokens=4))
    first, second = generate_samples(trained, greedy, guard=None)
    assert first == second  # temperature 0: the one greedy answer, n times


def test_generation_stops_at_end_of_turn(corpus: Path, tiny_gpt2: Path) -> None:
    train(quick(corpus, tiny_gpt2, max_steps=1))
    trained = load_trained("daniel")
    # Rig the model: a constant final hidden state that scores <|endofturn|> highest after one word.
    end = trained.tokenizer.convert_tokens_to_ids(END_OF_TURN)
    word = trained.tokenizer(" tacos")["input_ids"][0]
    model = trained.model
    with torch.no_grad():
        model.transformer.ln_f.weight.zero_()
        model.transformer.ln_f.bias.fill_(1.0)
        model.transformer.wte.weight[word] = 5.0
        model.transformer.wte.weight[end] = 4.0
    calls: list[int] = []
    generate = model.generate

    def counting(**kwargs: Any) -> Any:
        out = generate(**kwargs)
        calls.append(out.shape[1] - kwargs["input_ids"].shape[1])
        return out

    model.generate = counting
    greedy = Sampling(temperature=0, max_new_tokens=30)
    assert sample(trained, [], "", greedy) == [" tacos" * 30]  # the word always wins: no stop
    with torch.no_grad():
        model.transformer.wte.weight[end] = 6.0
    assert sample(trained, [], "", greedy) == [""]
    assert calls[-1] == 1  # generation itself stopped at the end-of-turn token


def test_ctrl_c_saves_a_checkpoint_and_resume_continues_from_it(
    corpus: Path, tiny_gpt2: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_step_end = RichProgress.on_step_end

    def interrupt_at_step_2(self: RichProgress, args: Any, state: Any, control: Any, **kw: Any) -> None:
        if state.global_step == 2:
            os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C does
        on_step_end(self, args, state, control, **kw)

    monkeypatch.setattr(RichProgress, "on_step_end", interrupt_at_step_2)
    cfg = quick(corpus, tiny_gpt2, batch_size=1, max_steps=4)
    with pytest.raises(TrainingInterrupted, match="--resume"):
        train(cfg)
    checkpoints = list((load_dir := _model_dir()).glob("checkpoints/checkpoint-*"))
    assert [c.name for c in checkpoints] == ["checkpoint-2"]
    with pytest.raises(OutputError, match="--resume"):
        train(cfg)  # the interrupted run is not clobbered silently
    monkeypatch.setattr(RichProgress, "on_step_end", on_step_end)
    seen: list[int] = []
    monkeypatch.setattr(
        RichProgress, "on_train_begin", lambda self, a, state, c, **k: seen.append(state.global_step)
    )
    result = train(TrainConfig(**{**cfg.__dict__, "resume": True}))
    assert seen == [2] and result.metrics["steps"] == 4  # continued from step 2, not from scratch
    assert (load_dir / "meow.json").is_file()


def _model_dir() -> Path:
    from meow.home import models_dir

    return models_dir() / "daniel"


def test_existing_model_is_not_overwritten_without_force(corpus: Path, tiny_gpt2: Path) -> None:
    train(quick(corpus, tiny_gpt2, max_steps=1))
    with pytest.raises(OutputError, match="--force"):
        train(quick(corpus, tiny_gpt2, max_steps=1))
    train(quick(corpus, tiny_gpt2, max_steps=1, force=True))


def test_lora_trains_a_small_adapter_that_reloads(
    corpus: Path, tiny_gpt2: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from safetensors.torch import load_file

    import meow.model.train as train_module

    saved: list[Any] = []
    save = train_module.save_model_folder
    monkeypatch.setattr(
        train_module, "save_model_folder", lambda out, m, *a: (saved.append(m), save(out, m, *a))
    )
    result = train(quick(corpus, tiny_gpt2, lora=True, learning_rate=1e-2))
    adapter = result.path / "adapter_model.safetensors"
    assert adapter.stat().st_size < 200_000  # the adapter, not a copy of the model
    weights = load_file(adapter)
    assert any("lora_B" in k and v.abs().sum() > 0 for k, v in weights.items())  # B starts at zero
    trained = load_trained(result.path)
    assert trained.meta["lora"] is True
    ids = trained.tokenizer(f"<|speaker:{OWNER}|>hi<|speaker:{TARGET}|>yes", return_tensors="pt")["input_ids"]
    with torch.no_grad():
        expected = saved[0].eval()(input_ids=ids).logits[..., : len(trained.tokenizer)]
        reloaded = trained.model(input_ids=ids).logits[..., : len(trained.tokenizer)]
    assert torch.allclose(
        expected, reloaded, atol=1e-4
    )  # base + adapter + new token rows = the trained model
    [reply] = sample(trained, [{"speaker": OWNER, "text": "hi"}], "", Sampling(max_new_tokens=5, seed=0))
    assert isinstance(reply, str)


def test_canaries_are_planted_and_recorded(corpus: Path, tiny_gpt2: Path) -> None:
    result = train(quick(corpus, tiny_gpt2, max_steps=1, canaries=2))
    record = orjson.loads((result.path / "canaries.json").read_bytes())
    assert sum(c["planted"] for c in record["canaries"]) == 2
    assert result.metrics["sessions"]["train"] > 40  # the canary sessions were added to training


def test_bad_corpora_are_one_clear_error_each(tmp_path: Path, tiny_gpt2: Path) -> None:
    with pytest.raises(InputError, match="not a meow corpus"):
        train(quick(tmp_path, tiny_gpt2))
    plain = write_corpus(tmp_path / "plain", anonymized=False)
    with pytest.raises(InputError, match="anonymised"):
        train(quick(plain, tiny_gpt2))
    with pytest.raises(InputError, match=r"corpus root.*daniel"):
        train(quick(plain.parent, tiny_gpt2))
    few = write_corpus(tmp_path / "few", n_train=5, n_val=0)
    with pytest.raises(InputError, match="validation split"):
        train(quick(few, tiny_gpt2))


def test_unloadable_base_says_what_to_do(corpus: Path) -> None:
    with pytest.raises(ModelError, match=r"HF_HUB_OFFLINE.*--base tiny"):
        train(quick(corpus, "gpt2-no-such-model-here"))
    with pytest.raises(ModelError, match="--lora needs a pretrained base"):
        train(quick(corpus, "tiny", lora=True))


@pytest.mark.gpu
def test_bf16_training_on_a_gpu(corpus: Path) -> None:
    assert torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    result = train(quick(corpus, "tiny"))
    assert result.metrics["device"] != "cpu" and result.metrics["peak_gpu_memory_gb"] > 0


@pytest.mark.gpu
def test_compiled_bf16_training_saves_a_plain_model(corpus: Path, tiny_gpt2: Path) -> None:
    assert torch.cuda.is_available()
    result = train(quick(corpus, tiny_gpt2, compile=True))
    trained = load_trained(result.path)  # saved without the torch.compile wrapper
    assert not any(k.startswith("_orig_mod") for k in trained.model.state_dict())
