"""What the case screens say: the queue, the case card, and a family's own cases."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from aiogram.utils.text_decorations import html_decoration

from bot.i18n import Translator
from bot.keyboards import cases as case_keyboards
from bot.keyboards import rumours as rumour_keyboards
from bot.screens import Screen, place_name
from bot.screens import reunion as reunion_screens
from bot.screens import rumours as rumour_screens
from bot.services.coordination import CaseView, FilesPage, QueuePage
from bot.services.privacy import ERASED_OUTCOME
from storage.models import (
    Attachment,
    Case,
    CaseKind,
    CaseMessage,
    CaseStatus,
    Person,
    User,
    utcnow,
)
from storage.places import Geography

LINE_PREVIEW = 200
_LIST_LABELS = {
    CaseKind.NEEDS: "btn-my-case",
    CaseKind.MISSING: "btn-my-missing-case",
    CaseKind.RUMOUR: "btn-my-rumour",
}
STATUSES = (CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FAMILY)


def waited(t: Translator, since: datetime, now: datetime | None = None) -> str:
    minutes = max(0, int(((now or utcnow()) - since).total_seconds() // 60))
    if minutes < 60:
        return t("waited-minutes", count=minutes)
    if minutes < 48 * 60:
        return t("waited-hours", count=minutes // 60)
    return t("waited-days", count=minutes // (24 * 60))


def _status(t: Translator, status: CaseStatus) -> str:
    return t(f"case-status-{status.value}")


# Outcomes a family is told in its own words; any other closed case is simply "closed".
FAMILY_OUTCOMES = ("helped", "referred", "unreachable", "duplicate", "found_by_family")
# What the family is told when a coordinator closes its case, per outcome: "resolved" would be
# untrue of a duplicate or of a family nobody reached.
CLOSED_TELLS = {
    "helped": "family-case-resolved-helped",
    "referred": "family-case-resolved-referred",
    "unreachable": "family-case-resolved-unreachable",
    "duplicate": "family-case-resolved-duplicate",
}


def family_status(t: Translator, case: Case) -> str:
    """A status as the family reads it ("we are waiting for your answer"), never the staff's
    word for it ("waiting for the family"). A question about a rumour has its own words."""
    if case.kind == CaseKind.RUMOUR:
        return rumour_screens.family_status(t, case)
    if case.status != CaseStatus.RESOLVED:
        return t(f"family-status-{case.status.value}")
    if case.outcome in FAMILY_OUTCOMES:
        return t(f"family-status-resolved-{case.outcome}")
    return t("family-status-resolved")


def _needs(t: Translator, case: Case) -> str:
    return ", ".join(t(f"need-{need}") for need in case.needs) or t("case-none")


def queue(t: Translator, page: QueuePage) -> Screen:
    counts = " · ".join(
        t("queue-count", status=_status(t, status), count=page.counts.get(status, 0))
        for status in STATUSES
    )
    labels = [
        t(
            "btn-queue-case",
            mark=_mark(case),
            code=case.code,
            status=_status(t, case.status),
            waited=waited(t, case.created_at),
        )
        for case in page.cases
    ]
    text = t("queue", counts=counts) if page.cases else t("queue-empty", counts=counts)
    markup = case_keyboards.queue(t, page.cases, labels, page.page, page.has_more)
    return Screen(text, markup)


def _mark(case: Case) -> str:
    if case.kind == CaseKind.RUMOUR:
        return rumour_keyboards.RUMOUR_MARK
    return case_keyboards.PRIORITY_MARKS[case.priority]


def card(
    t: Translator, view: CaseView, geography: Geography, holder: User | None, matches: int = 0
) -> Screen:
    case = view.case
    if view.held_by_me:
        held = t("case-held-by-you")
    elif holder is not None:
        held = t("case-held-by", organisation=html_decoration.quote(holder.organisation or "-"))
    else:
        held = t("case-held-by-nobody")
    shared = {
        "code": case.code,
        "priority": t(f"priority-{case.priority.name.lower()}"),
        "status": _status(t, case.status),
        "vulnerable": ", ".join(t(f"vuln-{v}") for v in case.vulnerabilities)
        or t("summary-nobody"),
        "place": place_name(t, geography, case.district, case.village, case.latitude is not None),
        "waited": waited(t, case.created_at),
        "held": held,
        "details": html_decoration.quote((case.details or "")[:LINE_PREVIEW]) or t("case-none"),
        "messages": "\n".join(_line(t, m) for m in view.messages) or t("case-no-messages"),
        # Telegram makes a number such as +996 555 123 456 tappable in the text by itself.
        "phone": html_decoration.quote(case.phone or "") or t("case-no-phone"),
        "language": language_name(t, case.language),
    }
    if view.sought is not None:
        text = t("case-card-missing", **shared, **_sought(t, view.sought))
    else:
        people = t("people-count", count=case.household_size or 0)
        text = t("case-card", **shared, needs=_needs(t, case), people=people)
    if case.outcome == ERASED_OUTCOME:
        text += "\n\n" + t("case-erased")
    elif case.status == CaseStatus.RESOLVED and t.has(f"outcome-{case.outcome}"):
        text += "\n\n" + t("case-closed-as", outcome=t(f"outcome-{case.outcome}"))
    if case.erased_at is not None and case.outcome != ERASED_OUTCOME:
        # Erased by the retention period: how long after it was resolved, as it happened.
        after = case.erased_at - (case.resolved_at or case.erased_at)
        text += "\n\n" + t("case-erased-by-retention", days=after.days)
    if view.held_by_me and case.status != CaseStatus.RESOLVED:
        text += "\n\n" + t("case-chat-hint")
    markup = case_keyboards.card(
        t, case, view.held_by_me, view.can_take_over, matches, files=view.files
    )
    return Screen(text, markup)


def language_name(t: Translator, code: str | None) -> str:
    """A language in its own name, as the language menu shows it."""
    return t(f"language-name-{code}") if code and t.has(f"language-name-{code}") else "-"


def file_caption(t: Translator, case: Case, number: int, total: int, file: Attachment) -> str:
    """Under each file sent with a card: the case, which file of how many and what kind, then
    what was written under it, as written."""
    header = t(
        "case-file-caption",
        code=case.code,
        number=number,
        total=total,
        kind=t(f"attachment-{file.kind.value}"),
    )
    caption = html_decoration.quote((file.caption or "")[:LINE_PREVIEW])
    return f"{header}\n{caption}" if caption else header


def files_sent(t: Translator, case: Case, page: FilesPage, failed: int) -> Screen:
    """After a page of files: which ones they were, any Telegram refused, and the way on."""
    last = page.first + len(page.files) - 1
    text = t("case-files-sent", code=case.code, first=page.first, last=last, total=page.total)
    if failed:
        text += "\n" + t("case-files-failed", count=failed)
    return Screen(text, case_keyboards.files(t, case.id, page.page, page.has_more))


def _sought(t: Translator, person: Person) -> dict[str, str]:
    """The person a missing report is about, as the family described them."""
    return {
        "name": html_decoration.quote(person.full_name),
        "sex": reunion_screens.sex_word(t, person.sex),
        "age": reunion_screens.age_words(t, person),
        "relation": reunion_screens.relation(t, person.relation),
        "seen": reunion_screens.day_word(person.last_seen_on, t),
        "reporter": html_decoration.quote(person.reported_by or "") or t("case-none"),
    }


def _line(t: Translator, message: CaseMessage) -> str:
    text = html_decoration.quote((message.text or "")[:LINE_PREVIEW])
    files = " ".join(t(f"attachment-{a.kind.value}") for a in message.attachments)
    return t(
        "case-line",
        author=t(f"author-{message.author.value}"),
        text=" ".join(p for p in (files, text) if p),
    )


def refused(t: Translator, refusal: str) -> str:
    return t(f"case-refused-{refusal}")


# --- families --------------------------------------------------------------------------------


def my_cases(t: Translator, cases: Sequence[Case]) -> Screen:
    labels = [
        t(_LIST_LABELS[case.kind], code=case.code, status=family_status(t, case)) for case in cases
    ]
    text = t("my-cases") if cases else t("my-cases-none")
    return Screen(text, case_keyboards.my_cases(t, cases, labels))


def family_case(t: Translator, case: Case, sought: str | None = None) -> Screen:
    """A family's own case; a missing report says whom they search for (`sought`) instead of
    needs, and offers to say they are found while it is open."""
    date = case.created_at.strftime("%d.%m.%Y")
    status = family_status(t, case)
    if case.kind == CaseKind.MISSING:
        name = html_decoration.quote(sought or "") or t("case-none")
        text = t("my-case-missing", code=case.code, status=status, name=name, date=date)
        open_report = case.status != CaseStatus.RESOLVED
        return Screen(text, case_keyboards.family_case(t, case.id, can_say_found=open_report))
    text = t("my-case", code=case.code, status=status, needs=_needs(t, case), date=date)
    return Screen(text, case_keyboards.family_case(t, case.id))


def found_question(t: Translator, case: Case, sought: str | None) -> Screen:
    name = html_decoration.quote(sought or "")
    return Screen(t("missing-found-question", name=name), case_keyboards.found_question(t, case.id))


def found_thanks(t: Translator, case: Case) -> Screen:
    return Screen(t("missing-found-thanks", code=case.code), case_keyboards.family_cases_menu(t))


def family_writing(t: Translator, case: Case) -> Screen:
    return Screen(t("my-case-write", code=case.code), case_keyboards.family_writing(t))


def family_sent(t: Translator, delivered: bool, reopened: Case | None = None) -> Screen:
    """What became of a family's message; and when it opened their closed case again, so."""
    text = t("my-case-sent" if delivered else "my-case-queued")
    if reopened is not None:
        text = t("my-case-reopened", code=reopened.code) + "\n" + text
    return Screen(text, case_keyboards.family_writing(t))
