"""PII detection (Presidio + spaCy), pseudonyms, the vault, and the audit of generated text."""

import os

# Presidio's e-mail recognizer uses tldextract, which otherwise tries to download the public suffix list
# (and prints tracebacks offline) before using its bundled copy. Set before anything imports presidio.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
