"""The gettext catalogs (kk, ru, en) and the translator that renders the engine's messages.

Catalogs are standard .po files managed with Babel (see docs/translating.md). They are read
and checked when the application starts, so a broken catalog stops the start, not a chat.
"""

from locales.translator import CatalogError, Translator, identity

__all__ = ["CatalogError", "Translator", "identity"]
