"""What "what Koldo knows about me" says: everything Koldo keeps about the person, in blocks
(their account, each request, "we are safe", their questions), put on pages that fit one
Telegram message each, or written whole into a plain text file."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import datetime

from aiogram.utils.text_decorations import html_decoration

from bot.config import REGION_TIME
from bot.i18n import Translator
from bot.keyboards import mydata as keyboards
from bot.screens import Screen, forms, place_name
from bot.screens import cases as case_screens
from bot.screens import reunion as reunion_screens
from bot.screens import safe as safe_screens
from bot.services.broadcasts import local_date
from bot.services.missing import Relation
from bot.services.mydata import Held, HeldCase, HeldHousehold, Viewer
from storage.models import Case, CaseKind, User
from storage.places import Geography

# A page's HTML stays well under Telegram's 4096 characters (counted in UTF-16 units, where
# an emoji takes two), with room for the page line above it.
PAGE_LIMIT = 3500
FILE_NAME = "koldo-my-data-{day}.txt"
TAGS = re.compile(r"<[^>]+>")
RELATIONS = frozenset(Relation)


def nothing(t: Translator) -> Screen:
    return Screen(t("mydata-nothing"), keyboards.nothing(t))


def page(t: Translator, held: Held, geography: Geography, number: int) -> Screen:
    """Page `number` (from 0) of what is kept; past the last page, the last one."""
    every = pages([t("mydata-heading"), *blocks(t, held, geography, full=False)])
    number = min(number, len(every) - 1)
    text = every[number]
    if len(every) > 1:
        text = f"{text}\n\n{t('mydata-page', page=number + 1, pages=len(every))}"
    return Screen(text, keyboards.mydata(t, number, len(every)))


def file_caption(t: Translator) -> Screen:
    return Screen(t("mydata-file-caption"), keyboards.after_file(t))


def as_file(t: Translator, held: Held, geography: Geography, now: datetime) -> tuple[bytes, str]:
    """The same as the pages, whole (long texts too), as plain UTF-8 text; and the file's
    name, which carries the day and nothing of the person."""
    title = t("mydata-file-title", date=local_date(now))
    body = [t("mydata-nothing")] if held.nothing else blocks(t, held, geography, full=True)
    text = "\n\n".join(plain(part) for part in [title, *body]) + "\n"
    day = now.astimezone(REGION_TIME).strftime("%Y-%m-%d")
    return text.encode("utf-8"), FILE_NAME.format(day=day)


def plain(text: str) -> str:
    """HTML as a person reads it once Telegram has rendered it: what they wrote was quoted
    before it went into the HTML, so only Koldo's own tags are taken out."""
    return html.unescape(TAGS.sub("", text))


def blocks(t: Translator, held: Held, geography: Geography, *, full: bool) -> list[str]:
    """Each thing kept, in the order a family thinks of them; `full` keeps long texts whole
    (the file), otherwise they are cut to a screen's preview."""
    found = [_account(t, held)]
    found += [_case(t, one, geography, full) for one in held.cases]
    found += [_household(t, one, geography) for one in held.households]
    if held.questions:
        found.append(_questions(t, held.questions, full))
    found.append(t("mydata-footer"))
    return found


def pages(parts: Sequence[str], limit: int = PAGE_LIMIT) -> list[str]:
    """The parts in order on as few pages as they fit: a part goes whole onto a page if it
    fits there; one longer than a page is cut between its lines."""
    found: list[str] = []
    current = ""
    for part in parts:
        for piece in _pieces(part, limit):
            joined = f"{current}\n\n{piece}" if current else piece
            if len(joined) <= limit:
                current = joined
                continue
            found.append(current)
            current = piece
    if current or not found:
        found.append(current)
    return found


def _pieces(part: str, limit: int) -> list[str]:
    if len(part) <= limit:
        return [part]
    pieces: list[str] = []
    current = ""
    for line in part.split("\n"):
        # Lines are short by construction (previews, names); the cut is only a last guard.
        line = line[:limit]
        joined = f"{current}\n{line}" if current else line
        if len(joined) <= limit:
            current = joined
            continue
        pieces.append(current)
        current = line
    pieces.append(current)
    return [piece for piece in pieces if piece]


# --- the blocks ------------------------------------------------------------------------------


def _account(t: Translator, held: Held) -> str:
    user = held.user
    consent = (
        t("mydata-agreed", date=local_date(user.consent_at))
        if user.consent_at
        else t("mydata-not-agreed")
    )
    text = t(
        "mydata-account",
        language=case_screens.language_name(t, user.language)
        if user.language
        else t("mydata-not-given"),
        consent=consent,
        phone=_quoted(user.phone) or t("summary-no-phone"),
    )
    if held.staff or user.first_name or user.username:
        text += "\n" + t(
            "mydata-staff",
            role=t(f"mydata-role-{_role(held)}"),
            organisation=_quoted(user.organisation) or t("mydata-not-given"),
            name=_name(user) or t("mydata-not-given"),
        )
    return text


def _role(held: Held) -> str:
    if held.admin:
        return "admin"
    return held.user.role.value


def _name(user: User) -> str:
    """A staff member's name as Telegram gives it, as Koldo keeps it."""
    name = " ".join(part for part in (user.first_name, user.last_name) if part)
    if user.username:
        name = f"{name} @{user.username}".strip()
    return _quoted(name)


def _case(t: Translator, held: HeldCase, geography: Geography, full: bool) -> str:
    case = held.case
    shared = {
        "code": case.code,
        "status": case_screens.family_status(t, case),
        "created": local_date(case.created_at),
        "place": _place(t, geography, case),
        "vulnerable": _joined(t, "vuln", case.vulnerabilities) or t("summary-nobody"),
        "phone": _quoted(case.phone) or t("summary-no-phone"),
        "details": _text(case.details, full) or t("summary-no-details"),
    }
    if case.kind == CaseKind.MISSING:
        person = held.sought
        text = t(
            "mydata-missing",
            **shared,
            name=_quoted(person.full_name if person else None) or t("mydata-not-given"),
            sex=reunion_screens.sex_word(t, person.sex if person else None),
            age=reunion_screens.age_words(t, person) if person else t("reunion-age-unknown"),
            relation=_relation(t, person.relation if person else None),
            seen=reunion_screens.day_word(person.last_seen_on if person else None, t),
            reporter=_quoted(person.reported_by if person else None) or t("mydata-not-given"),
        )
    else:
        people = (
            t("people-count", count=case.household_size)
            if case.household_size
            else t("mydata-not-given")
        )
        needs = _joined(t, "need", case.needs) or t("mydata-not-given")
        text = t("mydata-case", **shared, people=people, needs=needs)
    return "\n".join([text, *_kept(t, held)])


def _kept(t: Translator, held: HeldCase) -> list[str]:
    """What every request keeps besides its answers: when it closed, its messages and files,
    and who has seen it."""
    lines = []
    if held.case.resolved_at is not None:
        lines.append(t("mydata-closed", date=local_date(held.case.resolved_at)))
    if held.messages:
        counts = {"yours": held.from_family, "theirs": held.from_staff}
        lines.append(t("mydata-messages", count=held.messages, **counts))
    else:
        lines.append(t("mydata-no-messages"))
    if held.notes:
        lines.append(t("mydata-notes", count=held.notes))
    if held.files:
        lines.append(t("mydata-files", count=held.files))
    lines.append(_seen(t, held.seen_by))
    return lines


def _household(t: Translator, held: HeldHousehold, geography: Geography) -> str:
    household = held.household
    place = place_name(
        t, geography, household.district, household.village, household.latitude is not None
    )
    lines = [t("mydata-household", place=place)]
    if household.listed_at is not None:
        lines.append(t("mydata-listed", date=local_date(household.listed_at)))
    else:
        lines.append(t("mydata-not-listed"))
    if held.members:
        lines.append(safe_screens.lines(t, held.members))
    lines.append(_seen(t, held.seen_by))
    return "\n".join(lines)


def _questions(t: Translator, questions: Sequence[HeldCase], full: bool) -> str:
    lines = [t("mydata-questions", count=len(questions))]
    for held in questions:
        case = held.case
        lines.append("")
        lines.append(
            t(
                "mydata-question",
                code=case.code,
                date=local_date(case.created_at),
                status=case_screens.family_status(t, case),
                question=_text(case.details, full) or t("rumour-photo-only"),
            )
        )
        if held.origin is not None:
            kind, name = held.origin
            if t.has(f"rumour-origin-{kind}"):
                named = _quoted(name) or t("rumour-origin-noname")
                lines.append(t(f"rumour-origin-{kind}", name=named))
        if held.files:
            lines.append(t("mydata-files", count=held.files))
        lines.append(_seen(t, held.seen_by))
    return "\n".join(lines)


# --- the parts of a block --------------------------------------------------------------------


def _seen(t: Translator, viewers: Sequence[Viewer]) -> str:
    if not viewers:
        return t("mydata-seen-nobody")
    names = dict.fromkeys(_viewer(t, viewer) for viewer in viewers)
    return t("mydata-seen", who=", ".join(names))


def _viewer(t: Translator, viewer: Viewer) -> str:
    if viewer.organisation:
        return _quoted(viewer.organisation)
    return t("mydata-seen-admin" if viewer.admin else "mydata-seen-coordinator")


def _place(t: Translator, geography: Geography, case: Case) -> str:
    """Where the request says the family is (a missing report: where the person was last
    seen): village and district, or that a location was shared, as the request shows it."""
    named = case.district is not None or case.village is not None
    where = place_name(t, geography, case.district, case.village, case.latitude is not None)
    if case.latitude is not None and named:
        return t("mydata-place-with-location", place=where)
    return where


def _relation(t: Translator, code: str | None) -> str:
    return t(f"relation-{code if code in RELATIONS else 'relative'}")


def _joined(t: Translator, prefix: str, items: Sequence[str]) -> str:
    return ", ".join(t(f"{prefix}-{item}") for item in items if t.has(f"{prefix}-{item}"))


def _text(text: str | None, full: bool) -> str:
    """What the person wrote: whole in the file, a preview on the screen; safe in HTML."""
    if not text:
        return ""
    return html_decoration.quote(text) if full else forms.preview(text)


def _quoted(text: str | None) -> str:
    return html_decoration.quote(text or "")
