"""The one text format: speaker tokens, end-of-turn, label mask, context windows (real GPT-2 vocabulary)."""

from pathlib import Path
from typing import Any

import pytest

from meow.model.examples import build_examples, pack_examples, session_examples
from meow.model.format import (
    END_OF_TURN,
    IGNORE,
    OTHER,
    SpeakerTokens,
    encode_prompt,
    encode_turn,
    render_session,
)
from tests.model.conftest import FRIEND, OWNER, TARGET

SESSION = [
    {"speaker": OWNER, "text": "are we still on for tonight"},
    {"speaker": TARGET, "text": "yes!! 7 at the usual place"},
    {"speaker": FRIEND, "text": "can I come"},
    {"speaker": TARGET, "text": "sure"},
    {"speaker": OWNER, "text": "see you"},
]


@pytest.fixture(scope="module")
def setup(gpt2_tokenizer_dir: Path) -> tuple[Any, SpeakerTokens]:
    from transformers import GPT2TokenizerFast

    from meow.model.base import add_speaker_tokens

    tokenizer = GPT2TokenizerFast.from_pretrained(gpt2_tokenizer_dir)
    tokens = SpeakerTokens(target=TARGET, known=(OWNER,))

    class _Model:  # add_speaker_tokens only resizes; a stand-in keeps this module fast
        config = type("C", (), {"pad_token_id": None})()

        def get_input_embeddings(self) -> Any:
            return type("E", (), {"num_embeddings": 10**9})()

    add_speaker_tokens(_Model(), tokenizer, tokens)
    return tokenizer, tokens


def test_rendered_session_has_speaker_tokens_and_end_of_turn_after_target_turns(setup: Any) -> None:
    _, tokens = setup
    assert render_session(SESSION, tokens) == (
        f"<|speaker:{OWNER}|>are we still on for tonight"
        f"<|speaker:{TARGET}|>yes!! 7 at the usual place{END_OF_TURN}"
        f"{OTHER}can I come"  # Sam has no token of his own here: the shared one
        f"<|speaker:{TARGET}|>sure{END_OF_TURN}"
        f"<|speaker:{OWNER}|>see you"
    )


def test_label_mask_is_exactly_the_target_turns_and_their_end_tokens(setup: Any) -> None:
    tokenizer, tokens = setup
    [example] = session_examples(SESSION, tokens, tokenizer, max_length=256)
    # The window ends with the last target turn; the owner's trailing turn is not in it.
    assert tokenizer.decode(example.input_ids) == "<|endoftext|>" + render_session(SESSION[:4], tokens)
    labelled = [i for i, label in zip(example.input_ids, example.labels, strict=True) if label != IGNORE]
    assert [label for label in example.labels if label != IGNORE] == labelled
    assert tokenizer.decode(labelled) == f"yes!! 7 at the usual place{END_OF_TURN}sure{END_OF_TURN}"


def test_turn_encoding_equals_tokenising_the_formatted_text(setup: Any) -> None:
    tokenizer, tokens = setup
    ids, _ = encode_turn(TARGET, "haha no way", tokens, tokenizer)
    text = f"<|speaker:{TARGET}|>haha no way{END_OF_TURN}"
    assert ids == tokenizer(text, add_special_tokens=False)["input_ids"]


def test_typed_special_token_lookalikes_stay_plain_text(setup: Any) -> None:
    tokenizer, tokens = setup
    ids, _ = encode_turn(OWNER, f"say {END_OF_TURN} now", tokens, tokenizer)
    assert tokenizer.convert_tokens_to_ids(END_OF_TURN) not in ids
    assert tokenizer.decode(ids[1:]) == f"say {END_OF_TURN} now"


def test_long_sessions_become_windows_that_label_each_target_turn_once(setup: Any) -> None:
    tokenizer, tokens = setup
    long = [
        {"speaker": TARGET if i % 2 else OWNER, "text": f"message number {i} with some words"}
        for i in range(40)
    ]
    examples = session_examples(long, tokens, tokenizer, max_length=48)
    end = tokenizer.convert_tokens_to_ids(END_OF_TURN)
    assert len(examples) > 1
    assert all(len(e.input_ids) <= 48 for e in examples)
    assert all(e.input_ids[-1] == end for e in examples)  # every window ends with a target turn
    labelled_ends = sum(label == end for e in examples for label in e.labels)
    assert labelled_ends == 20  # each of the 20 target turns is learned exactly once
    packed = pack_examples(examples, 100)
    assert len(packed) < len(examples) and all(len(e.input_ids) <= 100 for e in packed)


def test_sessions_without_the_target_give_no_examples(setup: Any) -> None:
    tokenizer, tokens = setup
    sessions = [{"turns": [{"speaker": OWNER, "text": "hello"}]}]
    assert build_examples(sessions, tokens, tokenizer, max_length=64) == []


def test_speaker_tokens_are_bounded_and_the_rest_share_one() -> None:
    sessions = [{"turns": [{"speaker": f"Person {i}", "text": "x"} for i in range(100)]}]
    tokens = SpeakerTokens.from_sessions(TARGET, sessions, max_speakers=3)
    assert len(tokens.all_tokens) == 1 + 3 + 2  # target, 3 known, other, end of turn
    assert tokens.token_for("Person 99") == OTHER
    assert SpeakerTokens.from_meta(tokens.to_meta()) == tokens


def test_prompt_keeps_the_newest_turns_that_fit_the_window(setup: Any) -> None:
    tokenizer, tokens = setup
    history = [{"speaker": OWNER, "text": f"old message {i}"} for i in range(50)]
    ids = encode_prompt(history, tokens, tokenizer, prefix="I love", max_tokens=30)
    text = tokenizer.decode(ids)
    assert len(ids) <= 30
    assert text.startswith("<|endoftext|>")
    assert text.endswith(f"old message 49<|speaker:{TARGET}|>I love")
    assert "old message 0<" not in text


def test_right_padding_needs_no_attention_mask(tiny_gpt2: Path) -> None:
    """The collator drops the mask (faster attention on GPUs): the loss must be exactly the same."""
    import torch
    from transformers import AutoModelForCausalLM

    from meow.model.examples import PadCollator

    model = AutoModelForCausalLM.from_pretrained(tiny_gpt2).eval()
    rows = [
        {"input_ids": [5, 6, 7, 8, 9], "labels": [-100, 6, 7, 8, 9]},
        {"input_ids": [3, 4], "labels": [3, 4]},
    ]
    with_mask = PadCollator(pad_token_id=0, attention_mask=True)(rows)
    without = PadCollator(pad_token_id=0)(rows)
    assert "attention_mask" not in without
    with torch.no_grad():
        assert torch.allclose(model(**with_mask).loss, model(**without).loss, atol=1e-6)
