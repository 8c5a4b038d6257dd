"""What forms share: the place a form asks for, a name as typed, and what every form that
becomes a case has (the needs form, a missing relative's report)."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from typing import Any, ClassVar

from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.codes import new_code
from bot.services.geo import PlaceNames
from storage.models import Attachment, AttachmentKind, Case, User
from storage.places import Geography
from storage.repositories import alerts, audit, cases, submissions


class FormDraft(BaseModel):
    """A draft kept in FSM storage while a person fills a form in.

    Its submission key is made when the form starts and stays with the draft until the form is
    sent or dropped: sending it again after any failure finds the case it already made
    (storage.repositories.submissions.add_once).
    """

    submission_key: uuid.UUID = Field(default_factory=uuid.uuid4)
    # True while the person changes one answer from the summary: the step returns to it.
    editing: bool = False


class PlaceDraft(BaseModel):
    """A form that asks for a place: a shared location (and the village nearest to it), or a
    district and village picked from the lists. ("We are safe" asks for it too, and makes no
    case.)"""

    latitude: float | None = None
    longitude: float | None = None
    district: str | None = None
    # A village's code, or (not in the list) its name as the family wrote it: `typed_village`.
    village: str | None = None

    # Fields a form keeps for itself, which the person did not enter.
    NOT_ANSWERS: ClassVar[frozenset[str]] = frozenset({"submission_key", "editing"})

    @property
    def has_place(self) -> bool:
        return self.district is not None or self.latitude is not None

    def entered(self) -> bool:
        """Whether the person answered anything yet: a draft as it starts has nothing to keep."""
        fresh = type(self)()
        return any(
            getattr(self, name) != getattr(fresh, name)
            for name in type(self).model_fields
            if name not in self.NOT_ANSWERS
        )

    def place_fields(self) -> dict[str, Any]:
        """The place as a case and a household keep it."""
        return {
            "district": self.district,
            "village": self.village,
            "latitude": self.latitude,
            "longitude": self.longitude,
        }


class DraftAttachment(BaseModel):
    kind: AttachmentKind
    file_id: str
    file_unique_id: str
    caption: str | None = None  # what the person wrote under it


class CaseDraft(FormDraft, PlaceDraft):
    """What every form that becomes a case also asks: the person's own phone (or that they
    skipped it), and free text with files."""

    phone: str | None = None
    phone_skipped: bool = False
    details: str | None = None
    attachments: list[DraftAttachment] = Field(default_factory=list)


# The village columns of cases and households hold this many characters.
MAX_VILLAGE_LENGTH = 64


def typed_village(geography: Geography, district: str, name: str) -> str:
    """A village the family wrote because it is not in the list: the code of the district's
    village it names after all (in any of our languages or its other names), else the name as
    written."""
    return PlaceNames(geography).village(district, name) or name


class NameProblem(enum.StrEnum):
    EMPTY = "empty"
    NO_LETTERS = "no-letters"  # digits and signs only
    TOO_LONG = "too-long"


def clean_name(text: str, max_length: int) -> str | NameProblem:
    """A name as written (any script), spaces tidied; or what is wrong with it."""
    name = " ".join(text.split())
    if not name:
        return NameProblem.EMPTY
    if not any(ch.isalpha() for ch in name):
        return NameProblem.NO_LETTERS
    if len(name) > max_length:
        return NameProblem.TOO_LONG
    return name


class IncompleteDraftError(ValueError):
    """A draft that breaks a rule of its form: `gap` names the first answer missing."""

    def __init__(self, gap: str) -> None:
        super().__init__(f"the draft is incomplete: {gap}")
        self.gap = gap


def case_fields(draft: CaseDraft) -> dict[str, Any]:
    """What a case takes as it is from every form: the place, the phone, words and files."""
    files = [
        Attachment(
            kind=a.kind, file_id=a.file_id, file_unique_id=a.file_unique_id, caption=a.caption
        )
        for a in draft.attachments
    ]
    return {
        **draft.place_fields(),
        "phone": draft.phone,
        "details": draft.details,
        "attachments": files,
    }


async def unused_code(session: AsyncSession) -> str:
    """A case code no case has yet."""
    while await cases.code_taken(session, code := new_code()):
        pass
    return code


async def add_case_once(
    session: AsyncSession,
    user: User,
    draft: CaseDraft,
    build: Callable[[str], Case],
    escalation_minutes: int,
) -> tuple[Case, bool]:
    """The case of a confirmed draft (`build` makes it from a fresh code), added once per
    submission key with what every new case brings: the person's phone kept, "case.created"
    audited, coordinators alerted. Also whether it was made now (False: sent before). The
    caller commits."""
    made: list[Case] = []

    async def new_case() -> Case:
        return build(await unused_code(session))

    def created(case: Case) -> None:
        if draft.phone:
            user.phone = draft.phone
        audit.record(session, "case.created", actor_id=user.id, subject=case.code)
        # Coordinators hear of it, and of it again if urgent and unclaimed, from the alert table.
        alerts.case_registered(session, case, escalation_minutes)
        made.append(case)

    case = await submissions.add_once(session, draft.submission_key, new_case, created)
    return case, bool(made)
