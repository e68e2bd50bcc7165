"""Test setup shared by every test: no network, a private MEOW_HOME per test, paths to fixtures."""

import os

# Before anything imports transformers or presidio: never try the hub, never fetch the public suffix list.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
PEERS = REPO.parent / "shared" / "fixtures" / "peers"


@pytest.fixture(autouse=True)
def meow_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own MEOW_HOME, so nothing touches the real ~/.meow."""
    home = tmp_path_factory.mktemp("meow_home")
    monkeypatch.setenv("MEOW_HOME", str(home))
    yield home


@pytest.fixture(scope="session")
def peers() -> Path:
    assert PEERS.is_dir(), f"peer fixtures not found at {PEERS}"
    return PEERS
