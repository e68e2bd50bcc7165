"""`meow chat bob`: talk with a trained model in the terminal (the shape of nanochat's chat_cli.py).

The user speaks as another participant (default: the export owner's pseudonym); the conversation so far
is the context, trimmed to the model's window by `format.encode_prompt`. `/reset` starts over, `/quit`
leaves. With the guard on (the default) a reply is checked whole before it is shown; with --no-guard it
streams as it is written.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from meow.model.artifacts import Trained
from meow.model.generate import Guard, Sampling, redact, sample, stream

NEUTRAL = "You"  # a chat user who is none of the known speakers gets the <|speaker:other|> token
MAX_HISTORY = 200  # turns kept (the prompt is trimmed to the window anyway)


@dataclass(frozen=True)
class ChatConfig:
    as_speaker: str | None = None  # who the user is; default the owner's pseudonym, else a neutral speaker
    prompt: str | None = None  # one-shot: answer this message, print the reply, exit
    sampling: Sampling = field(default_factory=lambda: Sampling(temperature=0.8))


def user_speaker(trained: Trained, as_speaker: str | None) -> tuple[str, str | None]:
    """(the user's speaker name, a warning to show or None)."""
    target, owner = trained.meta["speaker"], trained.meta.get("owner")
    known = {trained.meta["tokens"]["target"], *trained.meta["tokens"].get("known", [])}
    if as_speaker is None:
        return (owner, None) if owner and owner != target else (NEUTRAL, None)
    if as_speaker == target:
        return (
            NEUTRAL,
            f"you cannot chat as {target} with {target}'s model: speaking as a neutral participant",
        )
    if as_speaker not in known:
        return (
            as_speaker,
            f"{as_speaker} is not a speaker this model knows: it will see a neutral participant",
        )
    return as_speaker, None


def answer(trained: Trained, user: str, message: str, sampling: Sampling, guard: Guard | None) -> str:
    """One reply of the target to one message (the scriptable `meow chat bob --prompt ...`)."""
    text = sample(trained, [{"speaker": user, "text": message}], "", sampling)[0]
    return redact(text, guard)[0]


def chat_loop(
    trained: Trained,
    user: str,
    sampling: Sampling,
    guard: Guard | None,
    console: Console,
    read: Callable[[str], str] | None = None,
) -> None:
    read = read or console.input
    target = trained.meta["speaker"]
    console.print(
        f"Chatting with [bold]{escape(target)}[/bold] as [bold]{escape(user)}[/bold]. "
        "[dim]/reset clears the conversation, /quit leaves.[/dim]"
    )
    history: list[dict[str, str]] = []
    while True:
        try:
            line = read(f"[bold cyan]{escape(user)}[/bold cyan]> ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return
        command = line.strip()
        if command in ("/quit", "/exit", "/q"):
            return
        if command == "/reset":
            history.clear()
            console.print("[dim](conversation cleared)[/dim]")
            continue
        if not command:
            continue
        history = [*history, {"speaker": user, "text": line}][-MAX_HISTORY:]
        reply = _reply(trained, history, sampling, guard, console)
        history.append({"speaker": target, "text": reply})


def _reply(
    trained: Trained, history: list[dict[str, str]], sampling: Sampling, guard: Guard | None, console: Console
) -> str:
    target = trained.meta["speaker"]
    console.print(f"[bold magenta]{escape(target)}[/bold magenta]> ", end="")
    if guard is None:
        pieces = []
        for piece in stream(trained, history, "", sampling):
            pieces.append(piece)
            console.print(Text(piece), end="")
        console.print()
        return "".join(pieces)
    with console.status(f"{escape(target)} is typing…"):
        text, _ = redact(sample(trained, history, "", sampling)[0], guard)
    console.print(Text(text))
    return text
