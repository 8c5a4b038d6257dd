"""Localization with Project Fluent: every user-facing string lives in ``locales/<lang>/*.ftl``."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from bot.config import LOCALES, PROJECT_ROOT

LOCALES_DIR = PROJECT_ROOT / "locales"
logger = logging.getLogger(__name__)


class Translator:
    """Formats messages of one locale: ``t("case-created", code="K7F3MX")``."""

    def __init__(self, locale: str, bundle: FluentBundle) -> None:
        self.locale = locale
        self._bundle = bundle

    def __call__(self, message_id: str, **args: Any) -> str:
        if not self._bundle.has_message(message_id):
            logger.error("missing message %s in locale %s", message_id, self.locale)
            return message_id
        pattern = self._bundle.get_message(message_id).value
        assert pattern is not None, f"{message_id} has attributes only"
        text, errors = self._bundle.format_pattern(pattern, args)
        if errors:
            logger.error("message %s in %s: %s", message_id, self.locale, errors[0])
        return str(text)

    def has(self, message_id: str) -> bool:
        return bool(self._bundle.has_message(message_id))


class Localization:
    def __init__(self, directory: Path = LOCALES_DIR, default_locale: str = "ky") -> None:
        self.default_locale = default_locale
        self._translators: dict[str, Translator] = {
            locale: Translator(locale, _load_bundle(directory / locale, locale))
            for locale in LOCALES
        }

    @property
    def locales(self) -> tuple[str, ...]:
        return tuple(self._translators)

    def translator(self, locale: str | None) -> Translator:
        return self._translators.get(locale or "", self._translators[self.default_locale])

    def locale_for(self, telegram_language_code: str | None) -> str:
        """The locale to start with before the person picks one (Telegram sends e.g. "ru-RU")."""
        primary = (telegram_language_code or "").split("-")[0].lower()
        return primary if primary in self._translators else self.default_locale

    @cache  # noqa: B019 - one Localization lives as long as the process
    def every_translation(self, message_id: str) -> frozenset[str]:
        """The message in every locale: how a reply-keyboard button is recognised."""
        return frozenset(t(message_id) for t in self._translators.values())


def _load_bundle(directory: Path, locale: str) -> FluentBundle:
    # Bidi isolation marks would show up as stray characters on some Android keyboards.
    bundle = FluentBundle([locale], use_isolating=False)
    for path in sorted(directory.glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle
