"""`koldo run` as a real process against the sandbox, and people who use it through the driver."""

from __future__ import annotations

import asyncio
import contextlib
import html
import re
import signal
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

from bot.i18n import Translator
from sandbox.driver import BotMessage, SandboxDriver
from tests.support import processes

TAGS = re.compile(r"<[^>]+>")
T = TypeVar("T")


def plain(text: str) -> str:
    """What a person reads once Telegram has rendered the HTML."""
    return html.unescape(TAGS.sub("", text))


class KoldoProcess:
    """`python -m bot run` with the given settings; its output is kept for the test to read."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.output: list[str] = []
        self.process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None

    async def start(self, ready_line: str, timeout: float = 60.0) -> None:
        self.process = await processes.spawn("run", env=self.env)
        self._reader = asyncio.create_task(self._read())
        async with asyncio.timeout(timeout):
            while not any(ready_line in line for line in self.output):
                if self.process.returncode is not None:
                    raise RuntimeError("koldo run stopped:\n" + "".join(self.output))
                await asyncio.sleep(0.05)

    async def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        async for line in self.process.stdout:
            self.output.append(line.decode(errors="replace"))

    async def stop(self, timeout: float = 20.0, sig: signal.Signals = signal.SIGTERM) -> int:
        """SIGTERM, as docker stop and systemd send (or SIGINT, Ctrl+C); returns the exit code."""
        assert self.process is not None
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(sig)
        try:
            code = await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.process.kill()
            code = await self.process.wait()
        if self._reader is not None:
            await self._reader
        return code

    @property
    def log(self) -> str:
        return "".join(self.output)


class Phone:
    """One person's Telegram app, pointed at the sandbox."""

    def __init__(self, driver: SandboxDriver, user_id: int, t: Translator) -> None:
        self.driver, self.user_id, self.t = driver, user_id, t

    async def messages(self) -> list[BotMessage]:
        return await self.driver.bot_messages(self.user_id)

    async def eventually(self, look: Callable[[], Awaitable[T | None]], timeout: float = 15.0) -> T:
        """Looks again and again, as a person watching the screen, until something shows up."""
        async with asyncio.timeout(timeout):
            while True:
                found = await look()
                if found is not None:
                    return found
                await asyncio.sleep(0.05)

    async def sees(self, message_id: str, **args: object) -> BotMessage:
        """Waits until the newest message of the bot reads t(message_id, **args)."""
        expected = plain(self.t(message_id, **args))

        async def newest() -> BotMessage | None:
            messages = await self.messages()
            return messages[-1] if messages and messages[-1].text == expected else None

        return await self.eventually(newest)

    async def received(self, message_id: str, **args: object) -> BotMessage:
        """Waits until some message of the bot, newest or not, reads t(message_id, **args)."""
        expected = plain(self.t(message_id, **args))

        async def any_message() -> BotMessage | None:
            return next((m for m in await self.messages() if m.text == expected), None)

        return await self.eventually(any_message)

    async def showing(self, label: str) -> BotMessage:
        """Waits until the newest keyboard has this button; returns its message."""

        async def keyboard() -> BotMessage | None:
            with_keyboard = [m for m in await self.messages() if m.buttons]
            if with_keyboard and any(label in row for row in with_keyboard[-1].buttons):
                return with_keyboard[-1]
            return None

        return await self.eventually(keyboard)

    async def press(self, label: str) -> None:
        """Taps a button once it shows up, as a person would."""
        await self.showing(label)
        await self.driver.press_button(self.user_id, label)

    async def press_containing(self, part: str) -> None:
        """Taps the button of the newest keyboard whose label contains `part` (a case code)."""

        async def label() -> str | None:
            with_keyboard = [m for m in await self.messages() if m.buttons]
            rows = with_keyboard[-1].buttons if with_keyboard else []
            return next((b for row in rows for b in row if part in b), None)

        await self.driver.press_button(self.user_id, await self.eventually(label))

    async def tap(self, message_id: str, **kwargs: object) -> None:
        """Taps a reply-keyboard button once the keyboard shows it."""
        label = self.t(message_id)

        async def shown() -> bool | None:
            keyboard = (await self.driver.transcript(self.user_id))["reply_keyboard"] or {}
            rows = keyboard.get("keyboard", [])
            return True if any(label == b["text"] for row in rows for b in row) else None

        await self.eventually(shown)
        await self.driver.press_reply_button(self.user_id, label, **kwargs)  # type: ignore[arg-type]

    async def write(self, text: str) -> None:
        await self.driver.send_text(self.user_id, text)

    async def switch_on(self, label_id: str) -> None:
        """Taps a toggle and waits to see it ticked, as a person would before going on."""
        label = self.t(label_id)
        await self.press(self.t("toggle", on="no", label=label))
        await self.showing(self.t("toggle", on="yes", label=label))
