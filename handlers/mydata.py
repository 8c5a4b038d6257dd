"""What Koldo knows about me: a person's own data, on screen a page at a time, or as a file.

Whoever sends the update is the person shown: no button carries a person, so no button can
show anyone else's data. No consent needed: it shows only what Koldo already holds.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot import replies
from bot.callbacks import MenuCb, MenuItem, MyDataAction, MyDataCb
from bot.middlewares.provide import PerUpdate, provide
from bot.screens import Screen
from bot.screens import mydata as screens
from bot.services import mydata
from storage.models import utcnow


class Reader(PerUpdate):
    """A person reading what Koldo keeps about them, during one update."""

    async def screen(self, number: int) -> Screen:
        held = await mydata.collect(self.session, self.user, self.settings)
        await mydata.viewed(self.session, self.user, number)
        if held.nothing:
            return screens.nothing(self.t)
        return screens.page(self.t, held, self.geography, number)

    async def send_file(self) -> None:
        held = await mydata.collect(self.session, self.user, self.settings)
        content, name = screens.as_file(self.t, held, self.geography, utcnow())
        await mydata.sent(self.session, self.user)
        caption = screens.file_caption(self.t)
        await self.bot.send_document(
            self.user.id,
            BufferedInputFile(content, filename=name),
            caption=caption.text,
            reply_markup=caption.markup,
        )


async def mydata_command(message: Message, reader: Reader) -> None:
    screen = await reader.screen(0)
    await message.answer(screen.text, reply_markup=screen.markup)


async def from_menu(query: CallbackQuery, reader: Reader) -> None:
    await query.answer()
    await replies.replace(query, await reader.screen(0))


async def page_pressed(query: CallbackQuery, callback_data: MyDataCb, reader: Reader) -> None:
    await query.answer()
    await replies.replace(query, await reader.screen(callback_data.page))


async def file_pressed(query: CallbackQuery, reader: Reader) -> None:
    await query.answer()
    await reader.send_file()


def router() -> Router:
    router = Router(name="mydata")
    router.message.filter(F.chat.type == "private")
    provide(router, "reader", Reader)
    router.message.register(mydata_command, Command("mydata"))
    press = router.callback_query.register
    press(from_menu, MenuCb.filter(F.item == MenuItem.MY_DATA))
    press(page_pressed, MyDataCb.filter(F.action == MyDataAction.PAGE))
    press(file_pressed, MyDataCb.filter(F.action == MyDataAction.FILE))
    return router
