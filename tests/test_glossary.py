"""The known wrong words of locales/GLOSSARY.md never come back, in any .ftl file, new ones too."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
FTL_FILES = sorted(LOCALES_DIR.glob("*/*.ftl"))

# Messages whose text is put on a button (see bot/keyboards/); a new kind of button adds its prefix.
BUTTON_PREFIXES = ("btn-", "menu-", "language-name-", "need-", "vuln-", "outcome-", "hotline-kind-")
# Quoted names that are no button of Koldo's: Telegram's own interface, a file format.
NOT_BUTTONS = {"геопозиция", "location", "csv utf-8"}
PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
QUOTE = re.compile(r"«([^»]*)»|“([^”]*)”")
PLACEHOLDER = "\x00"  # stands for a { … } inside a flattened text


@dataclass(frozen=True)
class Message:
    path: Path
    id: str
    texts: tuple[str, ...]  # the text of each branch, placeables as PLACEHOLDER
    node: fluent_ast.Message

    @property
    def locale(self) -> str:
        return self.path.parent.name

    def where(self) -> str:
        return f"{self.path.relative_to(LOCALES_DIR)}: {self.id}"


def _flatten(pattern: fluent_ast.Pattern) -> list[str]:
    """The pattern's own text, then the text of every select branch in it, each apart."""
    own, branches = [], []
    for element in pattern.elements:
        if isinstance(element, fluent_ast.TextElement):
            own.append(element.value)
            continue
        own.append(PLACEHOLDER)
        expression = element.expression
        if isinstance(expression, fluent_ast.SelectExpression):
            for variant in expression.variants:
                branches.extend(_flatten(variant.value))
    return ["".join(own), *branches]


def _messages(paths: list[Path]) -> list[Message]:
    found = []
    for path in paths:
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, fluent_ast.Message) and entry.value is not None:
                texts = tuple(_flatten(entry.value))
                found.append(Message(path, entry.id.name, texts, entry))
    return found


MESSAGES = _messages(FTL_FILES)


def _label(text: str) -> str:
    """A button's words as people read them: no emoji, arrows or ellipsis, any letter case."""
    kept = "".join(
        char
        for char in text
        if unicodedata.category(char)[0] in "LNZ" or char in "-'’,.()/"
        if char != "…"
    )
    return " ".join(kept.split()).strip(" .").casefold()


def _koldoo(message: Message) -> list[str]:
    # «колдоо» is also the noun "support" (lowercase); capitalised, it names the bot: «Колдо».
    return [text for text in message.texts if re.search(r"Колдоо", text)]


def _vashe_mesto(message: Message) -> list[str]:
    return [text for text in message.texts if re.search(r"ваше\s+место", text, re.IGNORECASE)]


def _obrashchenie(message: Message) -> list[str]:
    """A case is «заявка» on both sides in Russian (GLOSSARY.md), never «обращение»."""
    if message.locale != "ru":
        return []
    return [text for text in message.texts if re.search(r"обращени", text, re.IGNORECASE)]


# Promises Koldo cannot keep (issue 11, point 11): no timing ("soon"), no hotline that looks a code
# up (hotlines cannot), no "just write here" where a plain message gets the fallback.
BROKEN_PROMISES = {
    "en": (r"\bsoon\b", r"say it when you call", r"just write here"),
    "ru": (r"\bскоро\b", r"назовите, когда будете звонить", r"просто напишите сюда"),
    "ky": (r"чалганда айтыңыз", r"жакында окуйт", r"жакында жооп"),
}


def _broken_promises(message: Message) -> list[str]:
    patterns = BROKEN_PROMISES.get(message.locale, ())
    return [
        text
        for text in message.texts
        if any(re.search(pattern, text, re.IGNORECASE) for pattern in patterns)
    ]


def _variable_names(pattern: fluent_ast.Pattern) -> set[str]:
    names = set()
    for element in pattern.elements:
        if isinstance(element, fluent_ast.Placeable):
            expression = element.expression
            if isinstance(expression, fluent_ast.VariableReference):
                names.add(expression.id.name)
    return names


def _plural_branches_without_number(message: Message) -> list[str]:
    """Branches of a plural select that do not say the number they were chosen by."""
    bad = []
    for select in _selects(message.node.value):
        selector = select.selector
        if isinstance(selector, fluent_ast.FunctionReference) and selector.arguments.positional:
            selector = selector.arguments.positional[0]
        if not isinstance(selector, fluent_ast.VariableReference):
            continue
        keys = {
            variant.key.name
            for variant in select.variants
            if isinstance(variant.key, fluent_ast.Identifier)
        }
        if not keys or not keys <= PLURAL_CATEGORIES:
            continue  # a select on a word ([yes], [open]), not on a number
        numbers = {selector.id.name, "count"}
        for variant in select.variants:
            # An exact number ([0] нет) names its number by being chosen for it alone.
            if isinstance(variant.key, fluent_ast.NumberLiteral):
                continue
            if not numbers & _variable_names(variant.value):
                bad.append(f"[{variant.key.name}] {_flatten(variant.value)[0].strip()}")
    return bad


def _selects(pattern: fluent_ast.Pattern | None) -> list[fluent_ast.SelectExpression]:
    found: list[fluent_ast.SelectExpression] = []
    if pattern is None:
        return found
    for element in pattern.elements:
        if isinstance(element, fluent_ast.Placeable) and isinstance(
            element.expression, fluent_ast.SelectExpression
        ):
            found.append(element.expression)
            for variant in element.expression.variants:
                found.extend(_selects(variant.value))
    return found


def _buttons(locale: str) -> set[str]:
    return {
        _label(text)
        for message in MESSAGES
        if message.locale == locale and message.id.startswith(BUTTON_PREFIXES)
        for text in message.texts
    }


def _other_texts(locale: str) -> set[str]:
    return {
        _label(text)
        for message in MESSAGES
        if message.locale == locale
        for text in message.texts
        if PLACEHOLDER not in text
    }


def _quotes_of_no_button(message: Message) -> list[str]:
    buttons, texts = _buttons(message.locale), _other_texts(message.locale)
    bad = []
    for text in message.texts:
        for match in QUOTE.finditer(text):
            quoted = match.group(1) if match.group(1) is not None else match.group(2)
            if PLACEHOLDER in quoted:
                continue  # «{ $value }»: what someone wrote, not a button
            label = _label(quoted)
            if label not in buttons and label not in texts and label not in NOT_BUTTONS:
                bad.append(quoted)
    return bad


def test_the_locales_are_found() -> None:
    assert {path.parent.name for path in FTL_FILES} >= {"ky", "ru", "en"}
    assert len(MESSAGES) > 300
    assert _buttons("ru") >= {"попросить о помощи", "дальше"}


@pytest.mark.parametrize(
    "rule", [_koldoo, _vashe_mesto, _obrashchenie, _quotes_of_no_button, _broken_promises]
)
def test_no_known_wrong_variant(rule: object) -> None:
    assert callable(rule)
    found = {message.where(): rule(message) for message in MESSAGES}
    assert {where: bad for where, bad in found.items() if bad} == {}


def test_every_russian_plural_branch_carries_its_number() -> None:
    found = {
        message.where(): _plural_branches_without_number(message)
        for message in MESSAGES
        if message.locale == "ru"
    }
    assert {where: bad for where, bad in found.items() if bad} == {}


# The rules themselves, on texts made up to break them: each must be able to fail.
def _made_up(locale: str, source: str) -> Message:
    entry = FluentParser().parse(source).body[0]
    assert isinstance(entry, fluent_ast.Message) and entry.value is not None
    return Message(
        LOCALES_DIR / locale / "x.ftl", entry.id.name, tuple(_flatten(entry.value)), entry
    )


def test_the_rules_catch_what_they_are_for() -> None:
    assert _koldoo(_made_up("ky", "x = Мен Колдоомун."))
    assert not _koldoo(_made_up("ky", "x = 💬 Психологиялык колдоо"))
    assert _vashe_mesto(_made_up("ru", "x = Пришлите Ваше место."))
    assert _obrashchenie(_made_up("ru", "x = Новое обращение { $code }."))
    dropped = "x = { $count ->\n    [one] новое\n   *[many] { $count } новых\n}\n"
    assert _plural_branches_without_number(_made_up("ru", dropped)) == ["[one] новое"]
    words = "x = { $on ->\n    [yes] да\n   *[no] нет\n}\n"
    assert not _plural_branches_without_number(_made_up("ru", words))
    assert _quotes_of_no_button(_made_up("ru", "x = Нажмите «Отправить».")) == ["Отправить"]
    assert not _quotes_of_no_button(_made_up("ru", "x = Нажмите «Дальше» или «{ $x }»."))


def test_the_apology_does_not_say_everything_is_saved() -> None:
    """It comes after any failure, also one that lost the last thing typed."""
    apologies = [m for m in MESSAGES if m.id == "error-apology"]
    assert {m.locale for m in apologies} >= {"ky", "ru", "en"}
    saved = re.compile(r"kept|saved|сохран|сакта", re.IGNORECASE)
    assert [m.where() for m in apologies if any(saved.search(t) for t in m.texts)] == []


def test_the_consent_says_how_to_erase_and_what_is_kept() -> None:
    """Issue 11, point 12: the erase button and /erase, and photos and voice messages named."""
    things = {
        "en": ("photos", "voice messages", "telegram account", "coordinator", "counts"),
        "ru": ("фото", "голосовые", "аккаунта в telegram", "координатор", "числа"),
        "ky": ("сүрөттөр", "үн билдирүүлөр", "telegram аккаунт", "координатор", "сандар"),
    }
    for message in (m for m in MESSAGES if m.id == "consent"):
        text = message.texts[0].casefold()
        erase = next(m for m in MESSAGES if m.id == "menu-erase" and m.locale == message.locale)
        assert _label(erase.texts[0]) in _label(text), message.where()
        assert "/erase" in text, message.where()
        assert all(thing in text for thing in things[message.locale]), message.where()
