"""Find the conversations in one or more exports, by file layout, before reading any of them.

Legacy JSON and HTML threads are folders of `message_N.json` / `message_N.html` pages, wherever the export
puts them (`messages/inbox/...`, `your_facebook_activity/messages/archived_threads/...`, Instagram's
`your_instagram_activity/messages/inbox/...`); pages of one folder found in several exports or zip parts
belong to one thread. End-to-end-encrypted conversations are one JSON file each, directly in a `messages`
folder or at the root of what was given.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from meow.corpus.source import FileSource, Source

PAGE = re.compile(r"message_(\d+)\.(json|html?)", re.IGNORECASE)
E2EE = re.compile(r"(.+?)(?:_(\d+))?\.json", re.IGNORECASE)
LOOKED_FOR = (
    "messages/inbox/<thread>/message_1.json (Messenger or Instagram JSON), "
    "messages/inbox/<thread>/message_1.html (Messenger HTML) or messages/<Name>_1.json (end-to-end encrypted)"
)

# JSON files in an export's `messages` folder that are settings, not conversations.
METADATA = {
    "autofill_information", "chat_invites_received", "community_chats_settings",
    "encrypted_messaging_backup_settings", "information_about_your_devices", "messaging_settings",
    "messenger_active_status_platform_settings", "messenger_active_status_settings", "messenger_ui_settings",
    "secret_conversations", "support_messages", "your_chat_settings_on_web",
    "your_end-to-end_encryption_enabled_messenger_device", "your_messenger_app_install_information",
    "your_responsiveness_in_messaging_threads", "secure_storage", "thread_list",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Page:
    source: Source
    member: PurePosixPath
    number: int

    def display(self) -> str:
        return self.source.display(self.member)


@dataclass(slots=True)
class ThreadRef:
    """One conversation to read: its pages in order, and the reader for them."""

    key: str  # the thread folder or file name: may carry a real name, for the user's terminal only
    format: str  # messenger-json, instagram-json, messenger-html, messenger-e2ee
    pages: list[Page] = field(default_factory=list)


def discover(sources: Sequence[Source]) -> list[ThreadRef]:
    """Every conversation in `sources`, in a stable order. JSON wins over HTML when a folder has both."""
    json_pages: dict[str, list[Page]] = {}
    html_pages: dict[str, list[Page]] = {}
    e2ee_pages: dict[str, list[Page]] = {}  # by file name: the same conversation in two exports is one
    instagram: set[str] = set()
    refs: list[ThreadRef] = []
    for source in sources:
        single = isinstance(source, FileSource)
        for member in source.members():
            page = PAGE.fullmatch(member.name)
            if page:
                key = member.parent.name or (source.path.parent.name if single else source.path.name)
                table = json_pages if page.group(2).lower() == "json" else html_pages
                table.setdefault(key, []).append(Page(source, member, int(page.group(1))))
                if "your_instagram_activity" in member.parts or "instagram" in source.path.name.lower():
                    instagram.add(key)
            elif single and member.suffix.lower() in (".html", ".htm"):
                html_pages.setdefault(member.stem, []).append(Page(source, member, 1))
            elif _is_e2ee_candidate(member, single):
                e2ee_pages.setdefault(member.name, []).append(Page(source, member, 1))
    for name, pages in sorted(e2ee_pages.items()):
        match = E2EE.fullmatch(name)
        refs.append(ThreadRef(match.group(1) if match else name, "messenger-e2ee", pages))
    for key, pages in sorted(json_pages.items()):
        kind = "instagram-json" if key in instagram else "messenger-json"
        refs.append(ThreadRef(key, kind, sorted(pages, key=lambda p: p.number)))
    for key, pages in sorted(html_pages.items()):
        if key not in json_pages:
            refs.append(ThreadRef(key, "messenger-html", sorted(pages, key=lambda p: p.number)))
    return refs


def _is_e2ee_candidate(member: PurePosixPath, single: bool) -> bool:
    if member.suffix.lower() != ".json" or member.stem.lower() in METADATA:
        return False
    return single or len(member.parts) == 1 or member.parent.name.lower() == "messages"
