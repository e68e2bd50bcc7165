"""Messenger HTML: `message_N.html` pages, in any of the markup generations Facebook has used.

Class names change with every generation (`_a6-g` / `_a72d` since 2023, `pam _3-95` / `_3-94 _2lem` before,
`message_header` / `user` / `meta` + `<p>` in the oldest), so messages are found by structure instead:
a message is an element whose first child holds the sender and whose last child is a date; the children
in between hold the text, media, links and reactions. Times without a zone are taken as UTC.
"""

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

from meow.corpus.kinds import classify_line
from meow.corpus.model import Kind, Message, Reaction
from meow.corpus.readers import ParsedPage
from meow.corpus.source import Unreadable

BLOCK = {"div", "p", "li", "ul", "h1", "h2", "h3", "h4", "br", "table", "tr", "section", "header", "footer"}
VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "col", "area", "embed"}
MEDIA_TAGS = {"img", "video", "audio"}


class Node:
    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Node | None") -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def elements(self) -> list["Node"]:
        return [c for c in self.children if isinstance(c, Node)]

    def walk(self) -> "list[Node]":
        out, stack = [], [self]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.elements()))
        return out

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        parts: list[str] = []
        _collect(self, parts, skip)
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        return "\n".join(line for line in lines if line)


def _collect(node: Node, parts: list[str], skip: frozenset[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag not in skip:
            if child.tag in BLOCK:
                parts.append("\n")
            _collect(child, parts, skip)
            if child.tag in BLOCK:
                parts.append("\n")


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#root", {}, None)
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        if self.current.tag == "title":
            self.title += data
        elif self.current.tag not in ("script", "style"):
            self.current.children.append(data.replace("\n", " "))


def parse_html(data: bytes) -> ParsedPage:
    """A page of an HTML thread; Unreadable when it holds no message at all."""
    builder = _TreeBuilder()
    try:
        builder.feed(data.decode("utf-8-sig", errors="replace"))
        builder.close()
    except AssertionError:  # html.parser's way of giving up on badly broken markup
        raise Unreadable("is not readable HTML") from None
    participants: list[str] = []
    messages: list[Message] = []
    for node in builder.root.walk():
        if not participants and _own_text(node).startswith("Participants:"):
            participants = [p.strip() for p in _own_text(node).split(":", 1)[1].split(",") if p.strip()]
            continue
        children = node.elements()
        if len(children) < 2 or node.tag in ("html", "body", "#root"):
            continue
        when = _parse_time(children[-1].text()) if len(children[-1].children) <= 3 else None
        if when is not None and (sender := children[0].text()) and "\n" not in sender:
            messages.append(_message(node, children, sender, when))
    if not messages:
        raise Unreadable("holds no messages that could be read (truncated, or not a Messenger page)")
    return ParsedPage("messenger-html", " ".join(builder.title.split()), participants, messages)


def _own_text(node: Node) -> str:
    return " ".join("".join(c for c in node.children if isinstance(c, str)).split())


def _message(node: Node, children: list[Node], sender: str, when: int) -> Message:
    body = children[1:-1]
    if not body:  # the oldest markup: a header (sender, date) and the text in the next <p>
        body = _next_paragraph(node)
    text = "\n".join(t for t in (b.text(skip=frozenset({"ul"})) for b in body) if t)
    nodes = [n for b in body for n in b.walk()]
    reactions = tuple(
        _reaction(li.text()) for n in nodes if n.tag == "ul" for li in n.walk() if li.tag == "li"
    )
    links = [
        str(n.attrs.get("href"))
        for n in nodes
        if n.tag == "a" and str(n.attrs.get("href", "")).startswith("http")
    ]
    has_media = any(
        n.tag in MEDIA_TAGS or (n.tag == "a" and n.attrs.get("href") and not links) for n in nodes
    )
    kind = classify_line(sender, text) if text else None
    if kind is None:
        if links:
            kind, text = Kind.SHARE, _without_links(text, links, sender)
        elif text:
            kind = Kind.TEXT
        else:
            kind = Kind.MEDIA if has_media else Kind.SYSTEM
    return Message(
        sender, "" if kind is Kind.UNSENT else text, when, kind, tuple(r for r in reactions if r.actor)
    )


def _next_paragraph(node: Node) -> list[Node]:
    holder = node.parent
    if holder is None or holder.parent is None:
        return []
    siblings = holder.parent.elements()
    i = siblings.index(holder)
    return [siblings[i + 1]] if i + 1 < len(siblings) and siblings[i + 1].tag == "p" else []


def _without_links(text: str, links: list[str], sender: str) -> str:
    for link in links:
        text = text.replace(link, "")
    text = "\n".join(line for line in (ln.strip() for ln in text.split("\n")) if line)
    return "" if classify_line(sender, text) else text


def _reaction(text: str) -> Reaction:
    i = next((i for i, ch in enumerate(text) if ch.isalpha()), len(text))
    return Reaction(actor=text[i:].strip(), reaction=text[:i].strip())


_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+", re.IGNORECASE)
_ZONE = re.compile(r"\s*(?:UTC|GMT)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?\s*$", re.IGNORECASE)
_AMPM = re.compile(r"(\d)\s*([ap])\.?m\.?\b", re.IGNORECASE)
_LOOKS_LIKE = re.compile(r"\d{4}.*\d{1,2}:\d{2}|\d{1,2}:\d{2}.*\d{4}")
FORMATS = [
    f"{date} {time}"
    for date in ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%d/%m/%Y")
    for time in ("%I:%M %p", "%I:%M:%S %p", "%H:%M", "%H:%M:%S")
]


def _parse_time(text: str) -> int | None:
    """Milliseconds since the epoch for the dates Facebook writes, e.g. "Oct 19, 2019, 2:37 PM"."""
    if len(text) > 60 or not _LOOKS_LIKE.search(text):
        return None
    s = _WEEKDAY.sub("", text.strip())
    offset = timedelta()
    zone = _ZONE.search(s)
    if zone:
        if zone.group(1):
            sign = -1 if zone.group(1) == "-" else 1
            offset = sign * timedelta(hours=int(zone.group(2)), minutes=int(zone.group(3) or 0))
        s = s[: zone.start()]
    s = _AMPM.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}M", s.replace(",", " ").replace(" at ", " "))
    s = " ".join(s.split())
    for fmt in FORMATS:
        try:
            local = datetime.strptime(s, fmt)
        except ValueError:
            continue
        return int((local.replace(tzinfo=UTC) - offset).timestamp() * 1000)
    return None
