"""Steps many tests share, written as a family would take them."""

from __future__ import annotations

from bot.config import Settings
from bot.i18n import Translator
from tests.support.people import Person

LANGUAGE_BUTTONS = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}
# Kok-Tash, Batken district: a border village of the 2021 and 2022 fighting.
KOK_TASH = (39.9497, 70.5358)


# How long data is kept, as the consent says it (the tests' bot runs with the defaults).
RETENTION_ARGS = {
    "days": Settings.model_fields["retention_days"].default,
    "people_days": Settings.model_fields["people_retention_days"].default,
}


def consent_text(t: Translator, message_id: str = "consent") -> str:
    """The consent as a family reads it ("consent", or "consent-needed" inside a journey)."""
    return t(message_id, **RETENTION_ARGS)


def safe_consent_text(t: Translator) -> str:
    """The consent of "we are safe", with how long a listing is kept."""
    return t("safe-consent", days=RETENTION_ARGS["people_days"])


async def agree_and_open_menu(family: Person, t: Translator) -> None:
    await family.send("/start")
    await family.press(LANGUAGE_BUTTONS[t.locale])
    await family.press(t("btn-consent-agree"))


async def open_needs_form(family: Person, t: Translator) -> None:
    await agree_and_open_menu(family, t)
    await family.press(t("menu-needs"))


async def fill_needs_form(family: Person, t: Translator) -> None:
    """Location by the button, 4 people, a small child, medicine and food, own phone, a note."""
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("4")
    await family.press(t("toggle", on="no", label=t("vuln-young_children")))
    await family.press(t("btn-continue"))
    await family.press(t("toggle", on="no", label=t("need-medical")))
    await family.press(t("toggle", on="no", label=t("need-food_water")))
    await family.press(t("btn-continue"))
    await family.share_contact("+996555123456")
    await family.send("Бала ооруп жатат, дары керек.")
    await family.press(t("btn-continue"))


async def answer_the_rest_plainly(family: Person, t: Translator, need: str) -> None:
    """From the vulnerability step to the summary: nobody vulnerable, one need, no phone, no
    details."""
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t(need)))
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))
    await family.press(t("btn-skip"))


async def reach_details(family: Person, t: Translator) -> None:
    """Through the form to its details step: location by the button, 4 people, nobody
    vulnerable, food and water, no phone."""
    await open_needs_form(family, t)
    await family.share_location(*KOK_TASH)
    await family.press("4")
    await family.press(t("btn-nobody-vulnerable"))
    await family.press(t("toggle", on="no", label=t("need-food_water")))
    await family.press(t("btn-continue"))
    await family.tap(t("btn-skip"))


async def send_the_form(family: Person, t: Translator) -> None:
    """From the details step: on to the summary, and send."""
    await family.press(t("btn-continue"))
    await family.press(t("btn-confirm"))


async def walk_back(family: Person, t: Translator, steps: int) -> list[str]:
    """Back, `steps` times (the inline button, or the reply keyboard's): what each showed."""
    seen = []
    for _ in range(steps):
        if t("btn-back") in family.last.buttons():
            await family.press(t("btn-back"))
        else:
            await family.tap(t("btn-back"))
        seen.append(family.last_text)
    return seen


async def send_anything(family: Person, what: str) -> None:
    """What a family may send where the bot waits for text: "sticker", "photo", or the text."""
    if what == "sticker":
        await family.send_sticker()
    elif what == "photo":
        await family.send_photo()
    else:
        await family.send(what)
