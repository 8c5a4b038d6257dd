from __future__ import annotations

import bisect
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.middlewares.user_context import (
    EVENT_CHAT_KEY,
    EVENT_CONTEXT_KEY,
    EVENT_FROM_USER_KEY,
    UserContextMiddleware,
)
from aiogram.types import MessageEntity, TelegramObject, Update
from pydantic import BaseModel

from bot.typed_text import CONTROL, clean_text


class StripControlCharacters(BaseMiddleware):
    """Hands the handlers a copy of the update without control characters in any text.

    One place for everything people type, now and in journeys still to come: message texts and
    captions, contact cards, callback data, poll options, and any string Telegram adds later.
    Newlines and tabs stay; entity offsets (bold, links, commands) are moved to match. aiogram's
    types are frozen, so changed objects are copies and unchanged ones are shared.
    """

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        cleaned = clean(event)
        if cleaned is not event and isinstance(cleaned, Update):
            # What aiogram's own outer middleware took from the update, taken again.
            context = UserContextMiddleware.resolve_event_context(cleaned)
            data[EVENT_CONTEXT_KEY] = context
            if context.user is not None:
                data[EVENT_FROM_USER_KEY] = context.user
            if context.chat is not None:
                data[EVENT_CHAT_KEY] = context.chat
        return await handler(cleaned, data)


def clean(value: Any) -> Any:
    """`value` without control characters in any string it holds; `value` itself if it has
    none, so that nothing is copied for the usual update."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, BaseModel):
        return _clean_model(value)
    if isinstance(value, list):
        items = [clean(item) for item in value]
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        return items if changed else value
    if isinstance(value, dict):
        entries = {key: clean(item) for key, item in value.items()}
        changed = any(entries[key] is not item for key, item in value.items())
        return entries if changed else value
    return value


def _clean_model(model: BaseModel) -> BaseModel:
    # Only what the update carried: fields left at their defaults hold nothing anyone typed,
    # and a message has a hundred of them.
    values = model.__dict__
    fields = {name: values[name] for name in model.model_fields_set if name in values}
    fields.update(model.__pydantic_extra__ or {})
    changes = {}
    for name, value in fields.items():
        if value is None:
            continue
        new = clean(value)
        if new is not value:
            changes[name] = new
    for name in [name for name in changes if isinstance(fields[name], str)]:
        for entities_name in (f"{name}_entities", "entities" if name == "text" else ""):
            entities = fields.get(entities_name)
            if entities and all(isinstance(e, MessageEntity) for e in entities):
                changes[entities_name] = _moved(fields[name], changes.get(entities_name, entities))
    return model.model_copy(update=changes) if changes else model


def _moved(text: str, entities: list[MessageEntity]) -> list[MessageEntity]:
    """Entities of `text` (offsets in UTF-16 code units, as Telegram counts) moved to where
    they fall once the control characters are gone; an entity left empty is dropped."""
    removed: list[int] = []  # UTF-16 offsets of the removed characters
    offset = 0
    for char in text:
        if CONTROL.match(char):
            removed.append(offset)
        offset += 2 if ord(char) > 0xFFFF else 1

    def moved(position: int) -> int:
        return position - bisect.bisect_left(removed, position)

    kept = []
    for entity in entities:
        start, end = moved(entity.offset), moved(entity.offset + entity.length)
        if end > start:
            kept.append(entity.model_copy(update={"offset": start, "length": end - start}))
    return kept
