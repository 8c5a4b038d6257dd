"""What the possible-match screens say: the list of a case, the side-by-side card, and the
messages to families that disclosure sends (each says exactly what was agreed, nothing more)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from aiogram.utils.text_decorations import html_decoration

from bot.i18n import Translator
from bot.keyboards import cases as case_keyboards
from bot.keyboards import reunion as keyboards
from bot.screens import Screen
from bot.services.missing import Relation
from bot.services.person_index import record_of
from bot.services.reunion import LOOK_FIRST, MatchView
from storage.models import Consent, MatchStatus, Person, PersonMatch, PersonSource, utcnow

# Relation codes a missing report may carry (Person.relation); any other reads as "relative".
# The relations the report form offers (bot.services.missing.Relation), in a sentence's words.
RELATIONS = frozenset(Relation)
# The reason codes of bot.matching.score, in the order a coordinator reads them.
FIELDS = ("surname", "given", "patronymic", "sex", "age", "settlement", "phone")
NAME_PREVIEW = 40


def quoted(text: str | None) -> str:
    return html_decoration.quote(text or "")


def relation(t: Translator, code: str | None) -> str:
    return t(f"reunion-relation-{code if code in RELATIONS else 'relative'}")


def percent(score: float) -> int:
    return round(score * 100)


def day_word(day: date | None, t: Translator) -> str:
    return day.strftime("%d.%m.%Y") if day else t("reunion-day-unknown")


def sex_word(t: Translator, sex: str | None) -> str:
    return t(f"reunion-sex-{(sex or 'unknown').lower()}") if sex in ("M", "F", None) else ""


def age_words(t: Translator, person: Person) -> str:
    age = record_of(person).age_in(utcnow().year)
    return t("reunion-age", age=age) if age is not None else t("reunion-age-unknown")


def _score(t: Translator, score: float) -> str:
    if score >= LOOK_FIRST:
        return t("reunion-score-first", percent=percent(score))
    return t("reunion-score", percent=percent(score))


def _mark(score: float) -> str:
    return "⭐" if score >= LOOK_FIRST else "🔹"


# --- coordinators ----------------------------------------------------------------------------


def match_list(t: Translator, code: str, case_id: int, found: Sequence[PersonMatch]) -> Screen:
    labels = [
        t(
            "btn-match-item",
            mark=_mark(m.score),
            percent=percent(m.score),
            name=m.found.full_name[:NAME_PREVIEW],
            status=t(f"reunion-status-short-{m.status.value}"),
        )
        for m in found
    ]
    text = (
        t("reunion-list", code=code, count=len(found))
        if found
        else t("reunion-list-none", code=code)
    )
    markup = keyboards.match_list(t, case_id, [m.id for m in found], labels)
    return Screen(text, markup)


def card(t: Translator, view: MatchView) -> Screen:
    match, sought, found = view.match, view.sought, view.found
    text = t(
        "reunion-card",
        code=view.case.code,
        score=_score(t, match.score),
        sought_name=quoted(sought.full_name),
        sought_sex=sex_word(t, sought.sex),
        sought_age=age_words(t, sought),
        relation=relation(t, sought.relation),
        seen_place=quoted(sought.settlement) or t("reunion-unknown"),
        seen_on=day_word(sought.last_seen_on, t),
        reported_on=day_word(view.case.created_at.date(), t),
        found_name=quoted(found.full_name),
        found_sex=sex_word(t, found.sex),
        found_age=age_words(t, found),
        found_place=quoted(found.settlement) or t("reunion-unknown"),
        found_from=_known_from(t, view),
        why="\n".join(why(t, match, sought, found)) or t("reunion-why-nothing"),
        status=_status(t, view),
    )
    outcomes = (
        match.status == MatchStatus.VERIFIED
        and found.source == PersonSource.IMPORTED
        and match.outcome in (None, "unreachable")
    )
    markup = keyboards.card(
        t,
        match.id,
        view.case.id,
        undecided=view.undecided,
        unsure=match.status == MatchStatus.UNSURE,
        outcomes=outcomes,
    )
    return Screen(text, markup)


def _known_from(t: Translator, view: MatchView) -> str:
    found = view.found
    if found.source == PersonSource.HOUSEHOLD:
        return t("reunion-from-household")
    if found.source == PersonSource.MISSING:
        code = view.found_case.code if view.found_case else t("reunion-unknown")
        return t("reunion-from-report", code=code)
    text = t("reunion-from-list", source=quoted(found.source_label), row=quoted(found.external_id))
    if found.phone:
        text += "\n" + t("reunion-list-phone", phone=quoted(found.phone))
    return text


def why(t: Translator, match: PersonMatch, sought: Person, found: Person) -> list[str]:
    """Each field the matcher compared, as agrees / close / differs."""
    codes = set(match.reasons)
    both_given = len(sought.full_name.split()) > 1 and len(found.full_name.split()) > 1
    lines = []
    for field in FIELDS:
        if field in codes:
            how = "agrees"
        elif "-" + field in codes:
            how = "differs"
        elif field == "surname" or (field == "given" and both_given):
            how = "close"  # compared, between "agrees" and "differs"
        elif field == "age" and None not in (_years(sought), _years(found)):
            how = "close"
        else:
            continue
        lines.append(t(f"reunion-why-{field}-{how}"))
    return lines


def _years(person: Person) -> int | None:
    return record_of(person).age_in(utcnow().year)


def _status(t: Translator, view: MatchView) -> str:
    match = view.match
    if match.status == MatchStatus.REJECTED:
        reason = t(f"btn-match-why-{match.reject_reason or 'other'}")
        return t("reunion-status-rejected", reason=reason)
    if match.status != MatchStatus.VERIFIED:
        return t(f"reunion-status-{match.status.value}")
    if view.found.source == PersonSource.IMPORTED:
        return t(f"reunion-status-list-{match.outcome or 'open'}")
    found = _consent(t, match.consent, match.found_phone_shared)
    if view.found.source == PersonSource.HOUSEHOLD:
        return t("reunion-status-household", answer=found)
    seeker = _consent(t, match.seeker_consent, match.seeker_phone_shared)
    return t("reunion-status-reports", seeker=seeker, other=found)


def _consent(t: Translator, consent: Consent, phone: bool) -> str:
    if consent == Consent.AGREED and phone:
        return t("reunion-answer-agreed-phone")
    return t(f"reunion-answer-{consent.value}")


def reject_reasons(t: Translator, view: MatchView) -> Screen:
    return Screen(t("reunion-ask-why"), keyboards.reject_reasons(t, view.match.id))


# --- families --------------------------------------------------------------------------------


def found_question(t: Translator, view: MatchView, phone_known: bool) -> Screen:
    """To the family a found person is safe with: may the reporter be told?"""
    text = t(
        "reunion-ask-found",
        reporter=quoted(view.sought.reported_by) or t("reunion-someone"),
        name=quoted(view.found.full_name),
        relation=relation(t, view.sought.relation),
    )
    return Screen(text, keyboards.consent(t, view.match.id, phone_known))


def touch_question(t: Translator, view: MatchView, seeker: bool, phone_known: bool) -> Screen:
    """To each of two families searching for the same person: may we put you in touch?"""
    own = view.sought if seeker else view.found
    case = view.case if seeker else view.found_case
    text = t(
        "reunion-ask-touch",
        code=case.code if case else "",
        name=quoted(own.full_name),
        relation=relation(t, own.relation),
    )
    return Screen(text, keyboards.consent(t, view.match.id, phone_known))


def reporter_safe(t: Translator, view: MatchView, phone: str | None) -> Screen:
    """To the reporter, after the found family agreed: the person is safe (and the phone)."""
    text = t("reunion-told-safe", code=view.case.code, name=quoted(view.sought.full_name))
    text += "\n" + (
        t("reunion-told-phone", phone=quoted(phone)) if phone else t("reunion-told-no-phone")
    )
    return Screen(text, case_keyboards.family_case(t, view.case.id))


def reporter_safe_on_list(t: Translator, view: MatchView) -> Screen:
    text = t("reunion-told-safe-list", code=view.case.code, name=quoted(view.sought.full_name))
    return Screen(text, case_keyboards.family_case(t, view.case.id))


def search_goes_on(t: Translator, code: str, case_id: int) -> Screen:
    return Screen(
        t("reunion-told-search-goes-on", code=code), case_keyboards.family_case(t, case_id)
    )


def found_answered(t: Translator, view: MatchView, agreed: bool, phone: str | None) -> Screen:
    """To the found family: exactly what was shared."""
    reporter = quoted(view.sought.reported_by) or t("reunion-someone")
    name = quoted(view.found.full_name)
    if not agreed:
        return Screen(t("reunion-found-not-shared", name=name))
    if phone:
        return Screen(
            t("reunion-found-shared-phone", reporter=reporter, name=name, phone=quoted(phone))
        )
    return Screen(t("reunion-found-shared", reporter=reporter, name=name))


def touch_waiting(t: Translator) -> Screen:
    return Screen(t("reunion-touch-waiting"))


def touch_refused(t: Translator) -> Screen:
    return Screen(t("reunion-touch-refused"))


def touch_agreed(
    t: Translator, view: MatchView, seeker: bool, phone: str | None, my_phone_shared: bool
) -> Screen:
    """To one of two families who both agreed: who the other is, as they agreed to share."""
    own, other = (view.sought, view.found) if seeker else (view.found, view.sought)
    case = view.case if seeker else view.found_case
    text = t(
        "reunion-touch-agreed",
        code=case.code if case else "",
        name=quoted(own.full_name),
        other=quoted(other.reported_by) or t("reunion-someone"),
        relation=relation(t, other.relation),
    )
    text += "\n" + (
        t("reunion-told-phone", phone=quoted(phone)) if phone else t("reunion-told-no-phone")
    )
    if my_phone_shared:
        text += "\n" + t("reunion-touch-my-phone")
    else:
        text += "\n" + t("reunion-touch-no-my-phone")
    markup = case_keyboards.family_case(t, case.id) if case else None
    return Screen(text, markup)


def staff_answered(t: Translator, view: MatchView) -> Screen:
    """To the coordinator who verified: a family answered; the card says what."""
    return Screen(
        t("reunion-staff-answered", code=view.case.code), keyboards.open_match(t, view.match.id)
    )
