"""Where export files come from: a folder, a single file, or a .zip read in place (never unpacked to disk)."""

import zipfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from meow.errors import InputError

MAX_MEMBER_BYTES = 1 << 30


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that could not be read and was skipped; `path` names it for the user's terminal only."""

    path: str
    reason: str


class Unreadable(Exception):
    """A reader could not make sense of one file. The reason never quotes the file's content."""


class Source:
    """The files of one export given on the command line, by path relative to its root."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def members(self) -> Iterator[PurePosixPath]:
        raise NotImplementedError

    def read(self, member: PurePosixPath) -> bytes:
        raise NotImplementedError

    def display(self, member: PurePosixPath) -> str:
        """How to name a member in a warning: the path a user can find it at."""
        return str(self.path / member)

    def close(self) -> None:
        """Nothing to release for a folder or a file."""


class FolderSource(Source):
    def members(self) -> Iterator[PurePosixPath]:
        for path in sorted(self.path.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                yield PurePosixPath(path.relative_to(self.path).as_posix())

    def read(self, member: PurePosixPath) -> bytes:
        try:
            return (self.path / member).read_bytes()
        except OSError as e:
            raise Unreadable(f"cannot be read ({e.strerror})") from None


class FileSource(Source):
    """One file given directly, e.g. `message_1.json` or an end-to-end-encrypted `Name_1.json`."""

    def members(self) -> Iterator[PurePosixPath]:
        yield PurePosixPath(self.path.name)

    def read(self, member: PurePosixPath) -> bytes:
        try:
            return self.path.read_bytes()
        except OSError as e:
            raise Unreadable(f"cannot be read ({e.strerror})") from None

    def display(self, member: PurePosixPath) -> str:
        return str(self.path)


class ZipSource(Source):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError):
            raise InputError(
                f"{path} is not a zip file (or it is damaged): download the export again"
            ) from None
        self._names: dict[PurePosixPath, str] = {}
        for info in self.zip.infolist():
            if info.is_dir():
                continue
            member = PurePosixPath(info.filename.replace("\\", "/"))
            if member.is_absolute() or ".." in member.parts or info.filename.startswith("/"):
                self.zip.close()
                raise InputError(
                    f"{path} holds a file that points outside the export ('../' or an absolute path): "
                    "refusing to read it. Use the zip exactly as Facebook sent it."
                )
            if not member.name.startswith("."):
                self._names[member] = info.filename

    def members(self) -> Iterator[PurePosixPath]:
        yield from sorted(self._names)

    def read(self, member: PurePosixPath) -> bytes:
        info = self.zip.getinfo(self._names[member])
        if info.file_size > MAX_MEMBER_BYTES:  # a page holds at most 10,000 messages: a few MB
            raise Unreadable(
                f"is too large to be a conversation page ({info.file_size / 1e9:.1f} GB unpacked)"
            )
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:  # e.g. a bad CRC in one member
            raise Unreadable(f"cannot be unpacked from the zip ({type(e).__name__})") from None

    def display(self, member: PurePosixPath) -> str:
        return f"{self.path}:{member}"

    def close(self) -> None:
        self.zip.close()


def open_source(path: Path) -> Source:
    """A Source for one path the user gave; InputError when it is missing or a zip that is not one."""
    path = Path(path).expanduser()
    if not path.exists():
        raise InputError(f"{path} does not exist: give the export's .zip file or its unpacked folder")
    if path.is_dir():
        return FolderSource(path)
    if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
        return ZipSource(path)
    return FileSource(path)


def open_sources(paths: list[Path], stack: ExitStack) -> list[Source]:
    """Open every path; each is closed when `stack` closes."""
    sources = []
    for path in paths:
        source = open_source(path)
        stack.callback(source.close)
        sources.append(source)
    return sources
