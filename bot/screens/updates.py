"""What the safety updates screen says: a heading, each update as it was pushed (its text in the
reader's language, its source) under its date and what corrected it, and the buttons below."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.config import Settings
from bot.i18n import Localization, Translator
from bot.keyboards import updates as update_keyboards
from bot.screens import Screen
from bot.services import broadcasts
from bot.services.broadcasts import CAPTION_LIMIT, TEXT_LIMIT, render
from bot.services.updates import PER_PAGE, Page, Update


@dataclass(frozen=True)
class UpdateMessages:
    """One update as Telegram messages, sent in this order: the photo (under its caption, when
    the whole text fits one), the texts, the map pin."""

    texts: tuple[str, ...]
    photo: str | None = None  # a Telegram file id
    caption: str | None = None
    location: tuple[float, float] | None = None


def when(moment: datetime) -> str:
    """A date as every screen shows one: the day and time of Kyrgyzstan."""
    return broadcasts.local_date(moment)


def empty(t: Translator) -> Screen:
    return Screen(t("updates-none"), update_keyboards.updates(t, None, None))


def heading(t: Translator, page: Page) -> Screen:
    """Above a page's updates (the pressed message becomes it: its old buttons go)."""
    if page.total <= PER_PAGE:
        return Screen(t("updates-heading"))
    return Screen(t("updates-heading-page", first=page.first, last=page.last, total=page.total))


def footer(t: Translator, page: Page) -> Screen:
    """Under a page's updates: the way on, to older or newer ones, and back."""
    newer = page.number - 1 if page.has_newer else None
    older = page.number + 1 if page.has_older else None
    return Screen(t("updates-footer"), update_keyboards.updates(t, newer, older))


def update(
    t: Translator, shown: Update, settings: Settings, localization: Localization
) -> UpdateMessages:
    broadcast = shown.broadcast
    head = [t("updates-date", date=when(shown.sent_at))]
    if shown.corrected_at is not None:
        head.append(t("updates-corrected", date=when(shown.corrected_at)))
    if shown.corrects_sent_at is not None:
        head.append(t("updates-correction", date=when(shown.corrects_sent_at)))
    body = render(
        broadcast.texts, broadcast.source, broadcast.urgent, t.locale, settings, localization
    )
    top = "\n".join(head)
    whole = f"{top}\n\n{body}"
    location = None
    if broadcast.latitude is not None and broadcast.longitude is not None:
        location = (broadcast.latitude, broadcast.longitude)
    if broadcast.photo_file_id and len(whole) <= CAPTION_LIMIT:
        return UpdateMessages((), broadcast.photo_file_id, whole, location)
    # The admin's text fills (nearly) the whole message: the date goes in one of its own.
    texts = (whole,) if len(whole) <= TEXT_LIMIT else (top, body)
    return UpdateMessages(texts, broadcast.photo_file_id, None, location)
