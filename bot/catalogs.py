"""Catalog templates from the flows: `python -m bot.catalogs` writes locales/messages.pot and tips.pot.

Keys are made from data (a choice value becomes `category.bullying`), so a plain
`pybabel extract` would miss most of them; this lists every key the flows can produce.
Then `pybabel update -i locales/messages.pot -d locales -D messages` adds new keys to
each language's .po for translators (see docs/translating.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from flows.catalog_keys import tip_keys, ui_keys
from locales import Translator
from locales.translator import LOCALES_DIR


def write_template(domain: str, keys: set[str], reference: Translator) -> Path:
    catalog = Catalog(project="helpline-bot", domain=domain)
    for key in sorted(keys):
        english = reference.catalogs.get("en", {}).get(key, "")
        comments = [f"English: {english}"] if english else []
        catalog.add(key, "", auto_comments=comments)
    path = LOCALES_DIR / f"{domain}.pot"
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False)
    return path


def main() -> int:
    reference = Translator.load()
    for domain, keys in (("messages", ui_keys()), ("tips", tip_keys())):
        print(f"wrote {write_template(domain, keys, reference)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
