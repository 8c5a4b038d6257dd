"""Callback data of every inline button. It comes from the person's phone: never trust it.

Numbers are checked here, once, for every handler: a forged button with an id no database column
can hold does not parse, so no handler sees it and the fallback answers "button expired".
"""

from __future__ import annotations

import enum
from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

# Row ids are INTEGER columns: 32-bit signed on PostgreSQL. 0 means "none" in callback data.
MAX_ROW_ID = 2**31 - 1
# Pages of a list (ten to a page): far more than anyone scrolls, far less than an overflow.
MAX_PAGE = 10_000
RowId = Annotated[int, Field(ge=0, le=MAX_ROW_ID)]
Page = Annotated[int, Field(ge=0, le=MAX_PAGE)]


class MenuItem(enum.StrEnum):
    NEEDS = "needs"
    SHELTERS = "shelters"
    HOTLINES = "hotlines"
    MISSING = "missing"
    SAFE = "safe"
    CASES = "cases"
    UPDATES = "updates"
    RUMOUR = "rumour"  # "Is this true?", from the safety updates screen
    # Staff tools, first in a staff member's main menu (roles checked on every press).
    QUEUE = "queue"
    MY_SHELTERS = "myshelters"
    STAFF = "staff"
    BROADCAST = "broadcast"  # compose a safety update (admins)
    BROADCASTS = "broadcasts"  # the latest ones, to follow, cancel or correct (admins)
    REPORT = "report"  # the situation report, a picture and its figures (admins)
    LANGUAGE = "language"
    ERASE = "erase"
    MY_DATA = "mydata"  # what Koldo knows about me
    HOME = "home"


class LanguageCb(CallbackData, prefix="lang"):
    code: str


class ConsentCb(CallbackData, prefix="consent"):
    agree: bool


class AgreedForCb(CallbackData, prefix="agreed"):
    """Agreeing to Koldo's consent when a journey asked for it (the needs form, a missing
    relative, "we are safe"): that journey goes on (its router takes it); anywhere else it is
    a plain yes (handlers/start.py). Declining is ConsentCb's."""

    journey: MenuItem


class MenuCb(CallbackData, prefix="menu"):
    item: MenuItem


class FormCb(CallbackData, prefix="form"):
    """What the buttons of every form carry: `action` names what it does, `value` what it
    carries. Each form has its own prefix (below), so that one form's buttons never reach
    another's handlers; what the forms share (the place pickers, toggles) takes either."""

    action: str
    value: str = ""


class NeedsCb(FormCb, prefix="needs"):
    """A button of the needs form."""


class MissingCb(FormCb, prefix="miss"):
    """A button of a missing relative's report."""


class SafeAction(enum.StrEnum):
    """What a button of "we are safe" does (SafeCb.action); the place pickers' and Back's
    actions are those every form has."""

    BEGIN = "begin"  # from a case just sent: `case` is its id
    AGREE = "agree"
    NOT_NOW = "notnow"
    NOT_ME = "notme"  # the first person is someone else, not the one writing
    SEX = "sex"  # value: M or F
    AGE_UNKNOWN = "ageunk"
    ADD = "add"
    REMOVE = "remove"  # shows whom to remove
    DROP = "drop"  # removes the draft's person number `person`
    DONE = "done"
    DISTRICT = "district"
    VILLAGE = "village"
    BACK = "back"
    FORGET = "forget"  # removes a listed member: `person` is the member's id
    STOP = "stop"  # asks before making the family unfindable
    STOP_SURE = "stopsure"
    LISTED = "listed"  # the list of who is listed


class SafeCb(FormCb, prefix="safe"):
    """A family's button of "we are safe": a case or a member must be theirs, a number must be
    one of their list."""

    case: RowId = 0
    person: RowId = 0


class FormExitCb(CallbackData, prefix="leave"):
    resume: bool


class EraseCb(CallbackData, prefix="erase"):
    confirm: bool


class MyDataAction(enum.StrEnum):
    PAGE = "page"  # a page of what Koldo keeps about the person
    FILE = "file"  # the same, sent as a file


class MyDataCb(CallbackData, prefix="mydata"):
    """A button of "what Koldo knows about me". It carries no person: whoever presses it sees
    their own data, and a page that no longer exists shows the last one that does."""

    action: MyDataAction
    page: Page = 0


class ShelterAction(enum.StrEnum):
    DISTRICTS = "districts"
    DISTRICT = "district"
    PIN = "pin"


class ShelterCb(CallbackData, prefix="shel"):
    """A family's button on the shelter screens: no role needed, ids still checked."""

    action: ShelterAction
    district: str = ""
    shelter: RowId = 0


class StaffShelterAction(enum.StrEnum):
    LIST = "list"
    PICK = "pick"
    STATUS = "status"
    CANCEL = "cancel"


class StaffShelterCb(CallbackData, prefix="stsh"):
    """A staff button for updating a shelter: role and district are checked on every press."""

    action: StaffShelterAction
    district: str = ""
    shelter: RowId = 0
    page: Page = 0
    status: str = ""


class HotlineCb(CallbackData, prefix="hot"):
    kind: str = ""  # empty: the first hotlines screen


class CaseAction(enum.StrEnum):
    QUEUE = "queue"
    OPEN = "open"
    CLAIM = "claim"
    RELEASE = "release"
    HANDOVER = "handover"
    HANDOVER_TO = "handto"
    WAITING = "waiting"
    RESOLVE = "resolve"
    OUTCOME = "outcome"
    CANNED = "canned"
    CANNED_KEY = "cannedkey"
    NOTE = "note"


class CaseCb(CallbackData, prefix="case"):
    """A coordinator's button on a case: role, district and holder are checked on every press."""

    action: CaseAction
    case: RowId = 0
    page: Page = 0
    value: str = ""


class MyCaseAction(enum.StrEnum):
    LIST = "list"
    OPEN = "open"
    WRITE = "write"
    DONE = "done"
    FOUND = "found"  # a missing relative's report: "they are found", asks to confirm
    FOUND_YES = "foundyes"


class MyCaseCb(CallbackData, prefix="my"):
    """A family's button on their own cases: the case must be theirs."""

    action: MyCaseAction
    case: RowId = 0


class MatchAction(enum.StrEnum):
    LIST = "list"  # the possible matches of a case
    OPEN = "open"  # one match side by side
    VERIFY = "verify"
    REJECT = "reject"  # asks why
    REASON = "reason"  # rejected, for the reason in `value`
    UNSURE = "unsure"
    OUTCOME = "outcome"  # a person of an imported list reached (or not), as `value` says


class MatchCb(CallbackData, prefix="match"):
    """A coordinator's button on a possible match: role and coverage of the missing case are
    checked on every press, and a decided match is never decided again."""

    action: MatchAction
    match: RowId = 0
    case: RowId = 0
    value: str = ""


class ConsentAnswer(enum.StrEnum):
    WITH_PHONE = "phone"
    WITHOUT_PHONE = "yes"
    NO = "no"


class MatchConsentCb(CallbackData, prefix="mcon"):
    """A family's answer to "may we tell them?": only the family asked may answer, once."""

    match: RowId
    answer: ConsentAnswer


class UpdatesCb(CallbackData, prefix="upd"):
    """A page of the safety updates a family reads (0: the newest). Any person may press it;
    a page that no longer exists shows the nearest one that does."""

    page: Page = 0


class RumourAction(enum.StrEnum):
    SEND = "send"  # a family sends its question for checking
    VERDICT = "verdict"  # value: true, false or unknown
    SKIP = "skip"  # no explanation in this language: the default language's text is used
    CONFIRM = "confirm"  # answer every family of the rumour
    REWRITE = "rewrite"
    CANCEL = "cancel"
    BROADCAST = "broadcast"  # an answer turned into a safety update (admins)


class RumourCb(CallbackData, prefix="rum"):
    """A button of "is this true?": a family's Send, or a staff member's on a rumour card. Role
    and coverage of the case are checked on every press; a verdict must be one of Verdict."""

    action: RumourAction
    case: RowId = 0
    value: str = ""


class ComposeAction(enum.StrEnum):
    """What a button of the broadcast composer does (ComposeCb.action)."""

    SKIP = "skip"  # a language's text left out, or no photo or location
    KEEP = "keep"  # an answer kept as it is while editing
    AUDIENCE = "aud"  # value: an AudienceKind
    DISTRICT = "dist"  # value: a district code, switched on or off
    LANGUAGE = "lang"  # value: a locale, switched on or off
    DONE = "done"  # the districts or languages chosen
    KM = "km"  # value: a radius
    URGENCY = "urg"  # value: "1" urgent, "0" not
    SEND = "send"
    SCHEDULE = "sched"  # the times to choose from
    AT = "at"  # value: a ScheduleChoice, or "type" for a typed time
    EDIT = "edit"  # what can be changed
    EDIT_STEP = "step"  # value: the step to change
    PREVIEW = "preview"  # back to the preview's buttons
    CANCEL = "cancel"  # asks before dropping the draft
    DROP = "drop"
    BACK = "back"
    RESUME = "resume"  # /broadcast with a draft under way: go on with it
    ANEW = "anew"  # ... or start a new one


class ComposeCb(CallbackData, prefix="bcc"):
    """A button of the broadcast composer: admins only, checked on every press; `key` is the
    draft's, so that a button of an older draft (an old preview) never acts on a newer one."""

    action: ComposeAction
    value: str = ""
    key: str = ""


class BroadcastAction(enum.StrEnum):
    CANCEL = "cancel"  # asks first
    CANCEL_YES = "cancelyes"
    LIST = "list"
    CORRECT = "correct"


class BroadcastCb(CallbackData, prefix="bca"):
    """An admin's button on a broadcast of /broadcasts: role and broadcast checked on every
    press."""

    action: BroadcastAction
    broadcast: RowId = 0


class CaseFilesCb(CallbackData, prefix="cfile"):
    """A page of the files of a case (photos, voice notes, documents the family sent), for
    staff who cover the case: checked on every press, like every case button."""

    case: RowId
    page: Page = 0


class ReportCb(CallbackData, prefix="rep"):
    """An admin's "send me the situation report every day" switch: `daily` is the state asked
    for (not a flip), so a second press or an old message's press leaves it as asked. Admins
    only, checked on every press."""

    daily: bool
