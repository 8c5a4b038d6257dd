"""User-facing text lives in locales/*.ftl, never in the Python of bot/ and handlers/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Bot API calls and keyboard parts whose text a person reads.
TEXT_TAKERS = {
    "answer",
    "reply",
    "send_message",
    "edit_text",
    "edit_message_text",
    "answer_callback_query",
    "Screen",
    "InlineKeyboardButton",
    "KeyboardButton",
    "BotCommand",
    "button",
}
TEXT_KEYWORDS = {"text", "caption", "description"}
LETTERS = re.compile(r"[^\W\d_]{2,}")


def _python_files() -> list[Path]:
    return [p for d in ("bot", "handlers") for p in (ROOT / d).rglob("*.py")]


def _called_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_words(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(LETTERS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_is_words(value) for value in node.values)
    return False


def test_no_literal_text_is_sent_to_a_person() -> None:
    offenders = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _called_name(node) not in TEXT_TAKERS:
                continue
            candidates = [*node.args[:1]]
            candidates += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
            offenders += [
                f"{path.relative_to(ROOT)}:{node.lineno}" for c in candidates if _is_words(c)
            ]
    assert offenders == []


def test_no_cyrillic_anywhere_in_the_code() -> None:
    cyrillic = re.compile(r"[\u0400-\u04FF]")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _python_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if cyrillic.search(line)
    ]
    assert offenders == []


def test_the_scan_would_notice_a_literal() -> None:
    tree = ast.parse('await message.answer("Hello there")\nbutton(text=f"Press {x} now")')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    found = [
        c
        for c in calls
        if _called_name(c) in TEXT_TAKERS
        and (any(_is_words(a) for a in c.args[:1]) or any(_is_words(k.value) for k in c.keywords))
    ]
    assert len(found) == 2
