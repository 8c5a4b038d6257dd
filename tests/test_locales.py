"""Every locale says the same things, with the same placeholders, and every text is used."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast
from fluent.syntax.visitor import Visitor

from bot.config import LOCALES
from bot.i18n import Localization

ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = ROOT / "locales"
CODE_DIRS = ("bot", "handlers")


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: fluent_ast.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def messages(locale: str) -> dict[str, set[str]]:
    """Message id -> the variables it uses, over all .ftl files of a locale."""
    found: dict[str, set[str]] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            assert not isinstance(entry, fluent_ast.Junk), f"{path}: {entry.annotations}"
            if isinstance(entry, fluent_ast.Message):
                assert entry.id.name not in found, f"{entry.id.name} twice in {locale}"
                variables = _Variables()
                variables.visit(entry)
                found[entry.id.name] = variables.names
    return found


def test_every_locale_has_the_same_messages_and_placeholders() -> None:
    reference = messages("en")
    for locale in LOCALES:
        found = messages(locale)
        assert sorted(found) == sorted(reference), locale
        for message_id, variables in reference.items():
            assert found[message_id] == variables, f"{locale}: {message_id}"


def _ids_used_in_code() -> tuple[set[str], set[str]]:
    """Literal message ids passed to t(...), and prefixes of ids built with f-strings."""
    literal, prefixes = set(), set()
    for directory in CODE_DIRS:
        for path in (ROOT / directory).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and node.args and _calls_t(node)):
                    continue
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    literal.add(first.value)
                elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    prefixes.add(str(first.values[0].value))
    return literal, prefixes


def _calls_t(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "t") or (
        isinstance(func, ast.Attribute) and func.attr == "t"
    )


def _ids_in_code_text() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for directory in CODE_DIRS
        for path in (ROOT / directory).rglob("*.py")
    )


def test_every_message_the_code_asks_for_exists() -> None:
    literal, _ = _ids_used_in_code()
    assert literal, "the scan found no t(...) calls at all"
    missing = literal - set(messages("en"))
    assert not missing


def test_every_message_is_used_somewhere() -> None:
    literal, prefixes = _ids_used_in_code()
    code = _ids_in_code_text()
    unused = {
        message_id
        for message_id in messages("en")
        if message_id not in literal
        and not any(message_id.startswith(prefix) for prefix in prefixes)
        and f'"{message_id}"' not in code  # ids handed to helpers, e.g. ButtonText("btn-back")
    }
    assert not unused


def test_kyrgyz_texts_use_kyrgyz_letters() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in (LOCALES_DIR / "ky").glob("*.ftl"))
    for letter in "өүң":
        assert letter in text
    # Russian-keyboard stand-ins for Kyrgyz letters in words that need them.
    assert not re.search(r"\b(Уланту|Кош келинйз|Тилди танданыз)\b", text)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 человек"),
        (2, "2 человека"),
        (5, "5 человек"),
        (21, "21 человек"),
        (22, "22 человека"),
        (11, "11 человек"),
    ],
)
def test_russian_plural_forms(count: int, expected: str) -> None:
    assert Localization().translator("ru")("people-count", count=count) == expected


@pytest.mark.parametrize(("count", "expected"), [(1, "1 файл"), (3, "3 файла"), (25, "25 файлов")])
def test_russian_plural_forms_of_files(count: int, expected: str) -> None:
    assert Localization().translator("ru")("summary-files", count=count) == f" (📎 {expected})"


@pytest.mark.parametrize("count", [1, 2, 5, 21])
def test_kyrgyz_nouns_stay_singular_after_numbers(count: int) -> None:
    assert Localization().translator("ky")("people-count", count=count) == f"{count} киши"


def test_english_plural_forms() -> None:
    t = Localization().translator("en")
    assert (t("people-count", count=1), t("people-count", count=3)) == ("1 person", "3 people")


def test_unknown_telegram_languages_fall_back_to_kyrgyz() -> None:
    localization = Localization()
    assert localization.locale_for("ru-RU") == "ru"
    assert localization.locale_for("de") == "ky"
    assert localization.locale_for(None) == "ky"
