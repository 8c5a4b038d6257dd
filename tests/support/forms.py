"""What a family sees of a form's screens: which messages still have buttons, and the hints."""

from __future__ import annotations

from tests.support.fake_telegram import Shown
from tests.support.people import Person


def with_buttons(family: Person) -> list[Shown]:
    """The bot's messages in the chat that still have inline buttons, oldest first."""
    return [message for message in family.view.messages if message.buttons()]


def hinted(family: Person, hint: str, step: str) -> bool:
    """A hint came for a bad entry, and the step is on screen with its buttons, once: the hint
    right under the step's own screen, or (a word came under that screen already) the step
    again below the hint, its buttons moved down with it."""
    live = with_buttons(family)
    step_is_live = not live or live[-1].text == step  # a step of a reply keyboard has none
    return step_is_live and family.texts()[-2:] in ([step, hint], [hint, step])


def buttons_in_sight(family: Person) -> set[str]:
    """The buttons a person can press now: those of the newest message that has any, and the
    reply keyboard's."""
    live = with_buttons(family)
    return set(live[-1].buttons() if live else []) | set(family.reply_buttons())
