"""The safety updates a person reads from the menu: those that went out lately to an audience
that takes them as they are now, newest first, a page at a time, each with what corrected it.

The same rule as the delivery engine's (`Audience.takes`), asked today rather than when the
update went out: a family that moved to another district reads that district's updates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services.broadcasts import Audience
from storage.models import Broadcast, User, utcnow
from storage.repositories import broadcasts as repo

WINDOW = timedelta(days=30)  # older updates are history, not safety advice any more
PER_PAGE = 3  # three messages fit a small phone's screen


@dataclass(frozen=True)
class Update:
    broadcast: Broadcast
    sent_at: datetime
    corrected_at: datetime | None = None  # when a correction of it went out
    corrects_sent_at: datetime | None = None  # when the update it corrects went out


@dataclass(frozen=True)
class Page:
    updates: Sequence[Update]
    number: int  # from 0, the newest; always one that exists
    total: int  # updates on every page

    @property
    def first(self) -> int:
        return self.number * PER_PAGE + 1

    @property
    def last(self) -> int:
        return self.number * PER_PAGE + len(self.updates)

    @property
    def has_newer(self) -> bool:
        return self.number > 0

    @property
    def has_older(self) -> bool:
        return self.last < self.total


def pages(total: int) -> int:
    return max(1, -(-total // PER_PAGE))


async def page_for(
    session: AsyncSession,
    user: User,
    language: str,
    settings: Settings,
    number: int,
    now: datetime | None = None,
) -> Page:
    """Page `number` of what this person may read, in `language`. A page that no longer exists
    (fewer updates since the button was sent, or a forged number) is the nearest that does."""
    shown = await _for_reader(session, user, language, settings, (now or utcnow()) - WINDOW)
    number = min(max(number, 0), pages(len(shown)) - 1)
    chosen = shown[number * PER_PAGE : (number + 1) * PER_PAGE]
    corrected = await repo.corrected_on(session, (b.id for b in chosen))
    originals = await repo.sent_on(session, (b.corrects_id for b in chosen if b.corrects_id))
    updates = [
        Update(
            broadcast,
            broadcast.started_at or broadcast.scheduled_at,
            corrected.get(broadcast.id),
            originals.get(broadcast.corrects_id) if broadcast.corrects_id else None,
        )
        for broadcast in chosen
    ]
    return Page(updates, number, len(shown))


async def _for_reader(
    session: AsyncSession, user: User, language: str, settings: Settings, since: datetime
) -> list[Broadcast]:
    # The language the person reads Koldo in now, which is the one the screen is in.
    reader = repo.Reader(user.id, language, user.role, user.blocked)
    place = await repo.whereabouts_of(session, user.id)
    return [
        broadcast
        for broadcast in await repo.started_since(session, since)
        if Audience.from_json(broadcast.audience).takes(reader, place, settings)
    ]
