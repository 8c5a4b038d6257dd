"""The control API and driver: people's actions, transcripts, files, places, the chat page."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import pytest
from aiogram import Bot
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from sandbox import SandboxServer
from sandbox.driver import SandboxDriver, SandboxError
from sandbox.files import placeholder_png

STATIC = Path(__file__).parents[2] / "sandbox" / "static"

NewUser = Callable[..., Awaitable[int]]


async def test_contacts_own_someone_elses_and_typed(
    driver: SandboxDriver, user: int, new_user: NewUser
) -> None:
    relative = await new_user("Nurlan", phone_number="996555000111")
    own = await driver.share_contact(user)
    assert own.message is not None
    assert own.message["contact"]["user_id"] == user
    assert own.message["contact"]["phone_number"]
    theirs = await driver.share_contact(user, of_user=relative)
    assert theirs.message is not None
    assert theirs.message["contact"] == {
        "phone_number": "996555000111",
        "first_name": "Nurlan",
        "user_id": relative,
    }
    typed = await driver.share_contact(user, phone_number="+996 700 123 456", first_name="Uncle")
    assert typed.message is not None and "user_id" not in typed.message["contact"]


async def test_locations_typed_or_named(driver: SandboxDriver, user: int) -> None:
    typed = await driver.share_location(user, 39.9, 69.5)
    assert typed.message is not None and typed.message["location"]["latitude"] == 39.9
    named = await driver.share_location(user, place="osh")
    assert named.message is not None and named.message["location"]["longitude"] == 72.7985
    with pytest.raises(SandboxError, match="no place named"):
        await driver.share_location(user, place="Atlantis")


async def test_user_photo_is_stored_for_get_file(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    png = placeholder_png(200, 100)
    sent = await driver.send_photo(user, png, caption="documents")
    assert sent.message is not None
    largest = sent.message["photo"][-1]
    assert (largest["width"], largest["height"]) == (200, 100)
    assert await driver.download(largest["file_id"]) == png
    file = await bot.get_file(largest["file_id"])
    assert file.file_size == len(png)


async def test_a_text_file_the_bot_uploads_opens_as_utf8_text(
    bot: Bot, driver: SandboxDriver, sandbox: SandboxServer, user: int
) -> None:
    """The chat page links a document to /sandbox/files/…: a text file opens as written."""
    text = "Колдо сиз тууралуу эмнени сактайт\n".encode()
    sent = await bot.send_document(user, BufferedInputFile(text, filename="koldo-my-data.txt"))
    assert sent.document is not None and sent.document.mime_type == "text/plain"
    assert await driver.download(sent.document.file_id) == text
    async with aiohttp.ClientSession() as http:
        url = f"{sandbox.url}/sandbox/files/{sent.document.file_id}"
        async with http.get(url) as response:
            assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


async def test_transcript_has_both_directions_and_answers(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Yes", callback_data="yes")]]
    )
    await bot.send_message(user, "Agree?", reply_markup=markup)
    pressed = await driver.press_button(user, "yes")  # text match ignores case
    assert pressed.callback_query is not None
    await bot.answer_callback_query(pressed.callback_query["id"], text="Thanks")
    transcript = await driver.transcript(user)
    kinds = [(event["kind"], event.get("direction")) for event in transcript["events"]]
    assert kinds == [
        ("message", "in"),
        ("message", "out"),
        ("callback_query", "in"),
        ("callback_answer", None),
    ]
    assert transcript["events"][2]["button_text"] == "Yes"
    assert transcript["messages"][1]["reply_markup"]["inline_keyboard"][0][0]["text"] == "Yes"


async def test_transcript_keeps_the_pop_ups_a_person_saw_where_they_came(
    bot: Bot, driver: SandboxDriver, user: int
) -> None:
    """The page shows past pop-ups in the history by this order, and pops up only newer ones."""
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Yes", callback_data="yes")]]
    )
    asked = await bot.send_message(user, "Agree?", reply_markup=markup)
    pressed = await driver.press_button(user, "yes")
    assert pressed.callback_query is not None
    await bot.answer_callback_query(pressed.callback_query["id"], text="Too late", show_alert=True)
    again = await driver.press_button(user, "yes")
    assert again.callback_query is not None
    await bot.answer_callback_query(again.callback_query["id"])  # nothing shown: not kept
    await bot.send_message(user, "Menu")
    transcript = await driver.transcript(user)
    [alert] = transcript["alerts"]
    assert alert["text"] == "Too late" and alert["show_alert"] is True
    assert alert["message_id"] == asked.message_id and alert["time"] > 0
    seqs = {view.get("text"): view["seq"] for view in transcript["messages"]}
    assert seqs["/start"] < seqs["Agree?"] < alert["seq"] < seqs["Menu"] <= transcript["seq"]
    assert [message.seq for message in await driver.bot_messages(user)] == [
        seqs["Agree?"],
        seqs["Menu"],
    ]


async def test_driver_errors_are_clear(driver: SandboxDriver, user: int) -> None:
    with pytest.raises(SandboxError, match="no such message with an inline keyboard"):
        await driver.press_button(user, "Anything")
    with pytest.raises(SandboxError, match="no reply keyboard"):
        await driver.press_reply_button(user, "Menu")
    with pytest.raises(SandboxError, match="no user with id"):
        await driver.send_text(1, "who am I?")
    with pytest.raises(SandboxError, match="already exists"):
        await driver.create_user(user, "Twin")


async def test_limits_faults_and_places_are_settable(driver: SandboxDriver) -> None:
    limits = await driver.set_limits(per_bot_per_second=29)
    assert limits["per_bot_per_second"] == 29
    with pytest.raises(SandboxError, match="unknown settings"):
        await driver.set_limits(per_fortnight=1)
    faults = await driver.set_faults(latency=0.0, seed=3)
    assert faults["latency"] == 0.0
    places = await driver.set_places([("Camp A", 40.1, 70.9), ("Batken", 40.0625, 70.8194)])
    assert [p["name"] for p in places] == ["Camp A", "Batken"]
    state = await driver.state()
    assert state["places"] == places and state["limits"]["per_bot_per_second"] == 29


async def test_chat_page_is_served_without_outside_resources(sandbox: SandboxServer) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(sandbox.url + "/") as response:
            assert response.status == 200
            page = await response.text()
        for asset in ("/static/app.js", "/static/style.css"):
            async with http.get(sandbox.url + asset) as response:
                assert response.status == 200
        async with http.get(
            sandbox.url + "/sandbox/events", params={"since": 0, "timeout": 0}
        ) as response:
            assert (await response.json())["ok"] is True
    assert 'src="/static/app.js"' in page
    outside = re.compile(r"""(src|href)\s*=\s*["']https?:|url\(\s*["']?https?:|@import|//cdn""")
    for path in STATIC.iterdir():
        assert not outside.search(path.read_text()), path.name
