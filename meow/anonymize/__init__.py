"""PII detection (Presidio + spaCy), pseudonyms, the vault, and the audit of generated text."""
