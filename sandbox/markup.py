"""Checking and tidying reply_markup the way Telegram does, and finding buttons in it."""

from __future__ import annotations

from typing import Any

from sandbox.errors import ControlError, bad_request

Markup = dict[str, Any]

# Inline buttons need exactly one of these; a button with text only is refused.
_INLINE_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_MAX_CALLBACK_DATA_BYTES = 64


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def normalize_markup(raw: Any) -> Markup:
    if not isinstance(raw, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    markup: Markup = _without_nulls(raw)
    if "inline_keyboard" in markup:
        markup["inline_keyboard"] = [_inline_row(row) for row in _rows(markup["inline_keyboard"])]
    elif "keyboard" in markup:
        markup["keyboard"] = [_reply_row(row) for row in _rows(markup["keyboard"])]
    elif not (markup.get("remove_keyboard") or markup.get("force_reply")):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def _rows(rows: Any) -> list[list[Any]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return rows


def _inline_row(row: list[Any]) -> list[dict[str, Any]]:
    for button in row:
        if not isinstance(button, dict) or not button.get("text"):
            raise bad_request("can't parse inline keyboard button: Text buttons are unallowed")
        actions = [name for name in _INLINE_ACTIONS if name in button]
        if not actions:
            raise bad_request("can't parse inline keyboard button: Text buttons are unallowed")
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode()) <= _MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    return row


def _reply_row(row: list[Any]) -> list[dict[str, Any]]:
    buttons = [{"text": b} if isinstance(b, str) else b for b in row]
    for button in buttons:
        if not isinstance(button, dict) or not button.get("text"):
            raise bad_request('can\'t parse keyboard button: Field "text" must be of type String')
    return buttons


def inline_part(markup: Markup | None) -> Markup | None:
    """Messages carry only inline keyboards; reply keyboards belong to the chat, not a message."""
    if markup and markup.get("inline_keyboard"):
        return {"inline_keyboard": markup["inline_keyboard"]}
    return None


def find_button(
    rows: list[list[dict[str, Any]]],
    text: str | None = None,
    row: int | None = None,
    column: int | None = None,
) -> dict[str, Any]:
    """A button by its exact text (then ignoring case and spaces), or by row and column from 0."""
    if text is not None:
        buttons = [button for line in rows for button in line]
        wanted = text.strip().casefold()
        exact = [b for b in buttons if b["text"] == text]
        loose = [b for b in buttons if str(b["text"]).strip().casefold() == wanted]
        if exact or loose:
            return (exact or loose)[0]
        labels = ", ".join(repr(b["text"]) for b in buttons)
        raise ControlError(f"no button {text!r}; buttons: {labels}")
    if row is None:
        raise ControlError("give a button's text, or its row and column")
    try:
        return rows[row][column or 0]
    except IndexError:
        raise ControlError(f"no button at row {row}, column {column or 0}") from None
