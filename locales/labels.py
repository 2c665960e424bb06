"""The button labels of every language, folded, for the engine to read a typed label as the button.

The engine is pure and holds no catalog; the runtime gives it this index in its config
(`EngineConfig.labels`), so "Сообщить о проблеме", "report a problem!" and "шағым жіберу" are the
same button in every conversation, whatever its language (docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from flows.freetext import LabelIndex, fold_label
from flows.screens import label_keys
from locales.translator import Translator, placeholders


def label_index(translator: Translator, keys: Iterable[str]) -> LabelIndex:
    """Catalog key -> its folded labels in every language (labels with parameters are left out)."""
    index: dict[str, frozenset[str]] = {}
    for key in keys:
        forms = {fold_label(catalog[key]) for catalog in translator.catalogs.values()
                 if key in catalog and not placeholders(catalog[key])}
        forms.discard("")
        if forms:
            index[key] = frozenset(forms)
    return index


@cache
def typed_labels() -> LabelIndex:
    """The index of the installed catalogs (read once per process)."""
    return label_index(Translator.load(), label_keys())
