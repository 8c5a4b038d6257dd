"""What "is this true?" says: to a family asking and answered, and to the staff who answer (the
rumour card, writing the explanation, the preview)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from aiogram.utils.text_decorations import html_decoration

from bot.config import Settings
from bot.i18n import Translator
from bot.keyboards import rumours as keyboards
from bot.screens import Screen
from storage.models import Case, CaseStatus, Verdict

QUESTION_PREVIEW = 1000  # of the question on the staff card
FAMILY_PREVIEW = 300  # of their own question, on a family's screen


def quoted(text: str | None, limit: int) -> str:
    """Words someone else wrote, safe in HTML and cut to `limit`."""
    text = (text or "").strip()
    return html_decoration.quote(text if len(text) <= limit else text[: limit - 1] + "…")


def verdict_line(t: Translator, verdict: Verdict) -> str:
    """What the family reads first: true, not true, or not known yet."""
    return t(f"rumour-verdict-{verdict.value}")


def source_of(t: Translator, organisation: str | None) -> str:
    """Who checked: the answering staff member's organisation, else Koldo's fact-checkers."""
    return html_decoration.quote(organisation.strip()) if organisation else t("rumour-source")


def answer_body(t: Translator, verdict: Verdict, explanation: str, source: str) -> str:
    return t(
        "rumour-answer-body",
        verdict=verdict_line(t, verdict),
        explanation=html_decoration.quote(explanation),
        source=source,
    )


def family_answer(t: Translator, code: str, body: str) -> Screen:
    """The answer as a family receives it, under the code of their question."""
    return Screen(t("rumour-answer", code=code, body=body), keyboards.family_after(t))


# --- a family asking -------------------------------------------------------------------------


def ask(t: Translator) -> Screen:
    return Screen(t("rumour-ask"), keyboards.family_prompt(t, has_content=False))


def received(t: Translator) -> Screen:
    return Screen(t("rumour-received"), keyboards.family_prompt(t, has_content=True))


def hint(t: Translator, message_id: str, has_content: bool, **args: object) -> Screen:
    return Screen(t(message_id, **args), keyboards.family_prompt(t, has_content))


def sent(t: Translator, code: str) -> Screen:
    return Screen(t("rumour-sent", code=code), keyboards.family_after(t))


def asked_before(t: Translator, code: str) -> Screen:
    return Screen(t("rumour-asked-before", code=code), keyboards.family_after(t))


def family_status(t: Translator, case: Case) -> str:
    """A question's status in the family's words: being checked, not known yet, answered."""
    if case.status == CaseStatus.RESOLVED:
        return t("rumour-status-answered")
    if case.outcome == Verdict.UNKNOWN.value:
        return t("rumour-status-unknown")
    return t("rumour-status-checking")


def family_case(t: Translator, case: Case, answer: str | None) -> Screen:
    """A family's own question in My cases: their words, its status, and the answer so far."""
    asked = quoted(case.details, FAMILY_PREVIEW) or t("rumour-photo-only")
    text = t(
        "my-rumour",
        code=case.code,
        date=case.created_at.strftime("%d.%m.%Y"),
        status=family_status(t, case),
        question=asked,
    )
    if answer:
        text += "\n\n" + answer
    return Screen(text, keyboards.family_after(t))


# --- staff answering -------------------------------------------------------------------------


@dataclass(frozen=True)
class CardView:
    """One rumour as the staff card shows it: its first question (only staff ever see it), how
    many families asked, and the answer so far."""

    case: Case  # the question the card was opened from
    first: Case | None  # the first question still kept
    origin: tuple[str, str] | None
    has_photo: bool
    families: int
    verdict: Verdict | None
    can_answer: bool
    can_broadcast: bool


def card(t: Translator, view: CardView, waited: str) -> Screen:
    first = view.first or view.case
    lines = [
        t("rumour-card", code=view.case.code, count=view.families, waited=waited),
        _origin(t, view.origin),
    ]
    question = quoted(first.details, QUESTION_PREVIEW)
    if question:
        lines.append(t("rumour-card-question", question=question))
    if view.has_photo:
        lines.append(t("rumour-card-photo"))
    if view.verdict is None:
        lines.append(t("rumour-card-unanswered"))
    else:
        lines.append(t("rumour-card-said", verdict=verdict_word(t, view.verdict)))
    markup = keyboards.card(t, view.case.id, view.can_answer, view.can_broadcast)
    return Screen("\n".join(lines), markup)


def photo_caption(t: Translator, code: str) -> str:
    return t("rumour-photo-caption", code=code)


def _origin(t: Translator, origin: tuple[str, str] | None) -> str:
    if origin is None:
        return t("rumour-origin-none")
    kind, name = origin
    return t(f"rumour-origin-{kind}", name=html_decoration.quote(name) or t("rumour-origin-noname"))


def verdict_word(t: Translator, verdict: Verdict) -> str:
    return t(f"rumour-word-{verdict.value}")


def write(
    t: Translator,
    code: str,
    verdict: Verdict,
    language: str,
    default: str,
    optional: bool,
    max_length: int,
) -> Screen:
    """Asks for the explanation in one language; only the default language's may not be
    skipped (every language left empty falls back to it)."""
    args = {
        "code": code,
        "verdict": verdict_word(t, verdict),
        "language": t(f"rumour-language-{language}"),
        "default": t(f"rumour-language-{default}"),
        "max": max_length,
    }
    message_id = "rumour-write-optional" if optional else "rumour-write"
    return Screen(t(message_id, **args), keyboards.writing(t, optional))


def write_hint(t: Translator, optional: bool, max_length: int) -> Screen:
    return Screen(t("rumour-write-hint", max=max_length), keyboards.writing(t, optional))


def preview(
    t: Translator,
    case_id: int,
    bodies: Mapping[str, str],
    written: Mapping[str, str],
    readers: Mapping[str, int],
    settings: Settings,
) -> Screen:
    """The answer exactly as each language's families will read it, how many read each, and
    which languages fall back to the default's text."""
    default = t(f"rumour-language-{settings.default_locale}")
    parts = [t("rumour-preview")]
    for language, body in bodies.items():
        name = t(f"rumour-language-{language}")
        fallback = "" if written.get(language) else t("rumour-preview-fallback", default=default)
        header = t("rumour-preview-language", language=name, count=readers.get(language, 0))
        parts.append(f"{header}{fallback}\n{body}")
    total = sum(readers.values())
    return Screen("\n\n".join(parts), keyboards.preview(t, case_id, total))


def done(t: Translator, case_id: int, told: int, families: int, can_broadcast: bool) -> Screen:
    text = t("rumour-answered", told=told, count=families)
    return Screen(text, keyboards.done(t, case_id, can_broadcast))


def already_answered(t: Translator, case_id: int, can_broadcast: bool) -> Screen:
    return Screen(t("rumour-already-answered"), keyboards.done(t, case_id, can_broadcast))
