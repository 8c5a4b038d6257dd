"""Safety updates from the menu: the latest verified updates for this person, a page at a time.
No consent needed: like the pushed broadcasts, they use nothing of the family's."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from bot import replies
from bot.callbacks import MenuCb, MenuItem, UpdatesCb
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import updates as update_screens
from bot.screens.updates import UpdateMessages
from bot.services import updates


class Reader(PerUpdate):
    """Someone reading the safety updates during one update."""

    async def show(self, query: CallbackQuery, number: int) -> None:
        await query.answer()
        t = self.t
        page = await updates.page_for(self.session, self.user, t.locale, self.settings, number)
        if not page.updates:
            await replies.replace(query, update_screens.empty(t))
            return
        await replies.replace(query, update_screens.heading(t, page))
        for shown in page.updates:
            await self.send(update_screens.update(t, shown, self.settings, self.localization))
        await replies.send(self.bot, self.user.id, update_screens.footer(t, page))

    async def send(self, messages: UpdateMessages) -> None:
        chat_id = self.user.id
        if messages.photo is not None:
            await self.bot.send_photo(chat_id, messages.photo, caption=messages.caption)
        for text in messages.texts:
            await self.bot.send_message(chat_id, text)
        if messages.location is not None:
            await self.bot.send_location(chat_id, *messages.location)


async def open_updates(query: CallbackQuery, reader: Reader) -> None:
    await reader.show(query, 0)


async def page_pressed(query: CallbackQuery, callback_data: UpdatesCb, reader: Reader) -> None:
    await reader.show(query, callback_data.page)


def router() -> Router:
    router = Router(name="updates")
    press = router.callback_query.register
    press(open_updates, MenuCb.filter(F.item == MenuItem.UPDATES))
    press(page_pressed, UpdatesCb.filter())
    provide(router, "reader", Reader)
    return router
