"""The ONE text format the model sees: training, generation, chat and the audit all go through here.

A session becomes a run of turns, each opened by its speaker's token; every turn of the target speaker
is closed by the end-of-turn token, so the model learns when to stop:

    <|endoftext|><|speaker:Maria Lopez|>are we still on for tonight<|speaker:Daniel Ortiz|>yes!! 7 at the
    usual place<|endofturn|>

Tokens (all special tokens of the tokenizer, never split, never produced from typed text):
- `<|speaker:FULL PSEUDONYM|>` for the target speaker and for the `max_speakers` most frequent other
  speakers of the target's training sessions (so the vocabulary grows by a bounded amount even for exports
  with hundreds of people);
- `<|speaker:other|>` for everyone else (and for a chat user who is none of the known speakers);
- `<|endofturn|>` closing each target turn.
The tokenizer's eos (`<|endoftext|>` for GPT-2) opens every example, as a document separator.

Labels are -100 everywhere except the target's text tokens and the end-of-turn token that closes them.
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

END_OF_TURN = "<|endofturn|>"
OTHER = "<|speaker:other|>"
IGNORE = -100


def speaker_token(name: str) -> str:
    return f"<|speaker:{name}|>"


class Tokenizer(Protocol):
    """The slice of a Hugging Face tokenizer this module needs."""

    eos_token_id: int | None
    unk_token_id: int | None

    def __call__(self, text: str | list[str], **kwargs: Any) -> Any: ...

    def convert_tokens_to_ids(self, tokens: str) -> Any: ...


@dataclass(frozen=True)
class SpeakerTokens:
    """Which speakers have their own token. Stored in meow.json ("tokens") next to every model."""

    target: str  # the pseudonym the model speaks as
    known: tuple[str, ...] = ()  # other speakers with their own token, most frequent first
    _names: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_names", frozenset((self.target, *self.known)))

    def token_for(self, speaker: str) -> str:
        return speaker_token(speaker) if speaker in self._names else OTHER

    def knows(self, speaker: str) -> bool:
        return speaker in self._names

    @property
    def all_tokens(self) -> list[str]:
        """Every special token this format adds, in a stable order (target first)."""
        return [speaker_token(self.target), *(speaker_token(n) for n in self.known), OTHER, END_OF_TURN]

    def to_meta(self) -> dict[str, Any]:
        return {"target": self.target, "known": list(self.known), "other": OTHER, "end_of_turn": END_OF_TURN}

    @classmethod
    def from_meta(cls, meta: Mapping[str, Any]) -> "SpeakerTokens":
        return cls(target=meta["target"], known=tuple(meta.get("known", ())))

    @classmethod
    def from_sessions(
        cls, target: str, sessions: Iterable[Mapping[str, Any]], max_speakers: int
    ) -> "SpeakerTokens":
        """The target plus the `max_speakers` other speakers with the most turns in `sessions`."""
        counts: Counter[str] = Counter()
        for session in sessions:
            counts.update(t["speaker"] for t in session["turns"] if t["speaker"] != target)
        ranked = sorted(counts, key=lambda name: (-counts[name], name))
        return cls(target=target, known=tuple(ranked[:max_speakers]))


def format_turn(speaker: str, text: str, tokens: SpeakerTokens) -> str:
    """The text of one turn, as the model sees it. Everything else in meow builds on this."""
    closing = END_OF_TURN if speaker == tokens.target else ""
    return f"{tokens.token_for(speaker)}{text}{closing}"


def render_session(turns: Sequence[Mapping[str, Any]], tokens: SpeakerTokens) -> str:
    """A whole session as one string (for people and tests; training encodes turn by turn)."""
    return "".join(format_turn(t["speaker"], t["text"], tokens) for t in turns)


def encode_text(text: str, tokenizer: Tokenizer) -> list[int]:
    """Typed text -> ids. Special-token look-alikes in what someone typed stay plain text."""
    ids: list[int] = tokenizer(text, add_special_tokens=False, split_special_tokens=True)["input_ids"]
    return ids


def encode_texts(texts: Sequence[str], tokenizer: Tokenizer) -> list[list[int]]:
    """`encode_text` of many texts in one call (the Rust tokenizer batches them: training data)."""
    if not texts:
        return []
    ids: list[list[int]] = tokenizer(list(texts), add_special_tokens=False, split_special_tokens=True)[
        "input_ids"
    ]
    return ids


def encode_turn(
    speaker: str,
    text: str,
    tokens: SpeakerTokens,
    tokenizer: Tokenizer,
    max_text_tokens: int | None = None,
    body: list[int] | None = None,
) -> tuple[list[int], list[int]]:
    """(ids, labels) of one turn, equal to tokenising `format_turn(...)`; labels only on target text + end.

    `body`: the text's ids when already encoded (by `encode_texts`).
    """
    opener = _token_id(tokenizer, tokens.token_for(speaker))
    body = (encode_text(text, tokenizer) if body is None else body)[:max_text_tokens]
    if speaker != tokens.target:
        return [opener, *body], [IGNORE] * (len(body) + 1)
    end = _token_id(tokenizer, END_OF_TURN)
    return [opener, *body, end], [IGNORE, *body, end]


def encode_prompt(
    history: Sequence[Mapping[str, Any]],
    tokens: SpeakerTokens,
    tokenizer: Tokenizer,
    prefix: str = "",
    max_tokens: int | None = None,
) -> list[int]:
    """Context turns, then the target's opening token and `prefix` (the start of its reply).

    The oldest turns are dropped until the prompt fits in `max_tokens` (the model window minus room to
    answer); the document separator is always kept at the front.
    """
    tail = [_token_id(tokenizer, tokens.token_for(tokens.target)), *encode_text(prefix, tokenizer)]
    turns = [encode_turn(t["speaker"], t["text"], tokens, tokenizer)[0] for t in history]
    head = [] if tokenizer.eos_token_id is None else [tokenizer.eos_token_id]
    budget = None if max_tokens is None else max_tokens - len(head) - len(tail)
    kept: list[list[int]] = []
    for ids in reversed(turns):
        if budget is not None and len(ids) > budget:
            break
        kept.append(ids)
        budget = None if budget is None else budget - len(ids)
    body = [i for ids in reversed(kept) for i in ids]
    prompt = head + body + tail
    return prompt if max_tokens is None else prompt[-max_tokens:]


def stop_token_ids(tokens: SpeakerTokens, tokenizer: Tokenizer) -> list[int]:
    """Generation ends at the end-of-turn token (or if the model opens anybody's turn, or eos)."""
    names = [END_OF_TURN, OTHER, *(speaker_token(n) for n in (tokens.target, *tokens.known))]
    ids = [_token_id(tokenizer, n) for n in names]
    return ids if tokenizer.eos_token_id is None else [*ids, tokenizer.eos_token_id]


def _token_id(tokenizer: Tokenizer, token: str) -> int:
    token_id = tokenizer.convert_tokens_to_ids(token)
    if not isinstance(token_id, int) or token_id < 0 or token_id == tokenizer.unk_token_id:
        raise ValueError(f"the tokenizer has no {token!r} token: was it built by meow.model?")
    return token_id
