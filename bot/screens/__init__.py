"""What each screen says and which buttons it has: text from Fluent, buttons from keyboards.

One module per journey; what every journey shares is here.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove
from aiogram.utils.text_decorations import html_decoration

from bot import keyboards
from bot.callbacks import MenuItem
from bot.config import Settings
from bot.i18n import Translator
from bot.services import roles
from storage.models import User
from storage.places import Geography

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None


@dataclass(frozen=True)
class Screen:
    text: str
    markup: Markup = None

    @property
    def inline(self) -> bool:
        return self.markup is None or isinstance(self.markup, InlineKeyboardMarkup)


def consent_text(t: Translator, settings: Settings, message_id: str = "consent") -> str:
    """What Koldo keeps and for how long (the retention periods), before anything is kept;
    `consent-needed` says it too, inside a journey."""
    return t(message_id, days=settings.retention_days, people_days=settings.people_retention_days)


def main_menu(t: Translator, tools: tuple[MenuItem, ...] = ()) -> Screen:
    return Screen(t("main-menu-staff" if tools else "main-menu"), keyboards.main_menu(t, tools))


def menu_for(t: Translator, user: User | None, settings: Settings) -> Screen:
    """The main menu of this person: a coordinator's or an admin's with their tools first."""
    if roles.is_admin(user, settings):
        return main_menu(t, keyboards.ADMIN_TOOLS)
    if roles.is_coordinator(user):
        return main_menu(t, keyboards.COORDINATOR_TOOLS)
    return main_menu(t)


def place_name(
    t: Translator,
    geography: Geography,
    district: str | None,
    village: str | None,
    shared_location: bool,
) -> str:
    """Where a family is, as they and their coordinator read it: village and district (a
    village not in the list as the family wrote it), the district alone, or that a location
    was shared."""
    found = geography.village(village)
    area = geography.area(district)
    if found is not None and (area is None or found[0].code == area.code):
        village_area, place = found
        return t("place-village", village=place.name(t.locale), area=village_area.name(t.locale))
    if area is not None and village:
        return t("place-village", village=html_decoration.quote(village), area=area.name(t.locale))
    if area is not None:
        return area.name(t.locale)
    return t("place-shared-location" if shared_location else "place-unknown")
