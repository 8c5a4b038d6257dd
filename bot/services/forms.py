"""What every form that becomes a case shares (the needs form, a missing relative's report)."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field


class FormDraft(BaseModel):
    """A draft kept in FSM storage while a person fills a form in.

    Its submission key is made when the form starts and stays with the draft until the form is
    sent or dropped: sending it again after any failure finds the case it already made
    (storage.repositories.submissions.add_once).
    """

    submission_key: uuid.UUID = Field(default_factory=uuid.uuid4)


class IncompleteDraftError(ValueError):
    """A draft that breaks a rule of its form: `gap` names the first answer missing."""

    def __init__(self, gap: str) -> None:
        super().__init__(f"the draft is incomplete: {gap}")
        self.gap = gap
