from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import Message

from bot.i18n import Localization


class ButtonText(Filter):
    """A reply-keyboard button, recognised in any language (the person may switch midway)."""

    def __init__(self, message_id: str) -> None:
        self.message_id = message_id

    async def __call__(self, message: Message, localization: Localization) -> bool:
        return message.text in localization.every_translation(self.message_id)
