"""What each screen says and which buttons it has: text from Fluent, buttons from keyboards.

One module per journey; what every journey shares is here.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove

from bot import keyboards
from bot.i18n import Translator

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None


@dataclass(frozen=True)
class Screen:
    text: str
    markup: Markup = None

    @property
    def inline(self) -> bool:
        return self.markup is None or isinstance(self.markup, InlineKeyboardMarkup)


def main_menu(t: Translator) -> Screen:
    return Screen(t("main-menu"), keyboards.main_menu(t))
