"""Broadcasts and their deliveries: written once when a broadcast starts, claimed a few at a time
by workers (SKIP LOCKED on PostgreSQL, one writer on SQLite), each state written after its send.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Broadcast,
    BroadcastStatus,
    Case,
    Delivery,
    DeliveryState,
    Household,
    Role,
    User,
    utcnow,
)


@dataclass(frozen=True)
class Reader:
    """Someone a broadcast may go to, with what the audience is chosen by."""

    id: int
    language: str | None
    role: Role
    blocked: bool


@dataclass(frozen=True)
class Whereabouts:
    """The district and the position a family gave last (a case or a household), if any."""

    district: str | None = None
    latitude: float | None = None
    longitude: float | None = None


async def add(session: AsyncSession, broadcast: Broadcast) -> Broadcast:
    session.add(broadcast)
    await session.flush()
    return broadcast


async def get(session: AsyncSession, broadcast_id: int) -> Broadcast | None:
    return await session.get(Broadcast, broadcast_id, populate_existing=True)


async def newest(session: AsyncSession, limit: int) -> Sequence[Broadcast]:
    query = select(Broadcast).order_by(Broadcast.id.desc()).limit(limit)
    return (await session.scalars(query)).all()


async def readers(session: AsyncSession) -> list[Reader]:
    """Everyone who started the bot (an erased person has no row any more)."""
    rows = await session.execute(select(User.id, User.language, User.role, User.blocked))
    return [Reader(id, language, role, blocked) for id, language, role, blocked in rows]


async def whereabouts(session: AsyncSession) -> dict[int, Whereabouts]:
    """Per person, the district and the position of their latest case or household: where the
    family said it is now. Each is taken from the latest record that has it."""
    records: list[tuple[int, datetime, str | None, float | None, float | None]] = []
    for model in (Case, Household):
        query = select(
            model.user_id, model.created_at, model.district, model.latitude, model.longitude
        ).where(
            model.user_id.is_not(None),
            or_(model.district.is_not(None), model.latitude.is_not(None)),
        )
        rows = await session.execute(query)
        records += [(row[0], row[1], row[2], row[3], row[4]) for row in rows if row[0] is not None]
    records.sort(key=lambda record: record[1])
    district: dict[int, str] = {}
    position: dict[int, tuple[float, float]] = {}
    for user_id, _at, place, latitude, longitude in records:  # the latest wins
        if place is not None:
            district[user_id] = place
        if latitude is not None and longitude is not None:
            position[user_id] = (latitude, longitude)
    return {
        user_id: Whereabouts(district.get(user_id), *position.get(user_id, (None, None)))
        for user_id in district.keys() | position.keys()
    }


async def start(
    session: AsyncSession,
    broadcast_id: int,
    recipients: Iterable[tuple[int, str, bool]],
    now: datetime,
) -> bool:
    """Writes the recipients (chat id, language, reachable) of a scheduled broadcast and sets
    it running, in the caller's transaction; False when another process started it first or it
    was cancelled (the status changes from scheduled once, whoever asks)."""
    rows = [
        {
            "broadcast_id": broadcast_id,
            "chat_id": chat_id,
            "language": language,
            "state": DeliveryState.PENDING if reachable else DeliveryState.UNREACHABLE,
            "attempts": 0,
            "next_attempt_at": now,
            "error": None if reachable else "blocked",
        }
        for chat_id, language, reachable in recipients
    ]
    started = await session.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.status == BroadcastStatus.SCHEDULED)
        .values(status=BroadcastStatus.RUNNING, started_at=now, recipients=len(rows))
    )
    if started.rowcount != 1:  # type: ignore[attr-defined]
        return False
    if rows:
        await session.execute(insert(Delivery), rows)
    return True


async def due_to_start(session: AsyncSession, now: datetime) -> list[int]:
    query = select(Broadcast.id).where(
        Broadcast.status == BroadcastStatus.SCHEDULED, Broadcast.scheduled_at <= now
    )
    return list(await session.scalars(query.order_by(Broadcast.scheduled_at, Broadcast.id)))


async def cancel(session: AsyncSession, broadcast_id: int, now: datetime) -> bool:
    """Stops a scheduled or running broadcast; what was sent stays sent."""
    result = await session.execute(
        update(Broadcast)
        .where(
            Broadcast.id == broadcast_id,
            Broadcast.status.in_((BroadcastStatus.SCHEDULED, BroadcastStatus.RUNNING)),
        )
        .values(status=BroadcastStatus.CANCELLED, finished_at=now)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def finish_done(session: AsyncSession, now: datetime) -> list[int]:
    """Marks done every running broadcast with nothing left to send; only the ids this UPDATE
    changed (RETURNING), so that of two processes finishing one broadcast, one reports it."""
    left = (
        select(Delivery.id)
        .where(Delivery.broadcast_id == Broadcast.id, Delivery.state == DeliveryState.PENDING)
        .exists()
    )
    result = await session.execute(
        update(Broadcast)
        .where(Broadcast.status == BroadcastStatus.RUNNING, ~left)
        .values(status=BroadcastStatus.DONE, finished_at=now)
        .returning(Broadcast.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(result.scalars())


# ---- the admin's progress message and final report -------------------------------------------


async def claim_progress(session: AsyncSession, now: datetime, interval: timedelta) -> list[int]:
    """Running broadcasts whose progress message is due for an edit, moved on to `now`: the
    process whose UPDATE moved progress_at edits it, every other process finds it not due (on
    PostgreSQL a second UPDATE of the row waits for the first and then re-checks)."""
    result = await session.execute(
        update(Broadcast)
        .where(
            Broadcast.status == BroadcastStatus.RUNNING,
            Broadcast.progress_message_id.is_not(None),
            or_(Broadcast.progress_at.is_(None), Broadcast.progress_at < now - interval),
        )
        .values(progress_at=now)
        .returning(Broadcast.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(result.scalars())


async def claim_reports(session: AsyncSession, now: datetime) -> list[int]:
    """Ended broadcasts (done or cancelled) followed from a chat whose final report is not sent
    yet, marked reported by this UPDATE: one process sends each report."""
    result = await session.execute(
        update(Broadcast)
        .where(
            Broadcast.status.in_((BroadcastStatus.DONE, BroadcastStatus.CANCELLED)),
            Broadcast.progress_chat_id.is_not(None),
            Broadcast.reported_at.is_(None),
        )
        .values(reported_at=now)
        .returning(Broadcast.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(result.scalars())


async def unclaim_report(session: AsyncSession, broadcast_id: int) -> None:
    """The report could not be sent this time (429, 5xx, the network): a later round sends it."""
    await session.execute(
        update(Broadcast).where(Broadcast.id == broadcast_id).values(reported_at=None)
    )


async def set_progress_message(session: AsyncSession, broadcast_id: int, message_id: int) -> None:
    await session.execute(
        update(Broadcast).where(Broadcast.id == broadcast_id).values(progress_message_id=message_id)
    )


async def forget_progress_message(session: AsyncSession, broadcast_id: int) -> None:
    """The admin deleted the progress message: no more edits (the final report still goes)."""
    await session.execute(
        update(Broadcast).where(Broadcast.id == broadcast_id).values(progress_message_id=None)
    )


# ---- composing in the bot ----------------------------------------------------------------------


async def lock_author(session: AsyncSession, user_id: int) -> None:
    """Locks the admin's row until the transaction ends (PostgreSQL; SQLite has one writer)."""
    await session.execute(select(User.id).where(User.id == user_id).with_for_update())


async def submitted(session: AsyncSession, created_by: int, key: str) -> Broadcast | None:
    """The broadcast an admin made from the draft with this submission key, if any."""
    query = select(Broadcast).where(
        Broadcast.created_by == created_by,
        Broadcast.audience["submission"].as_string() == key,
    )
    return await session.scalar(query.execution_options(populate_existing=True))


# ---- claiming and recording, one delivery at a time ---------------------------------------------


def _claimable(now: datetime) -> list[object]:
    running = select(Broadcast.id).where(Broadcast.status == BroadcastStatus.RUNNING)
    return [
        Delivery.state == DeliveryState.PENDING,
        Delivery.next_attempt_at <= now,
        or_(Delivery.claimed_until.is_(None), Delivery.claimed_until < now),
        Delivery.broadcast_id.in_(running),
    ]


async def claim(
    session: AsyncSession, worker: str, limit: int, now: datetime, lease: timedelta
) -> list[Delivery]:
    """Up to `limit` due deliveries, leased to `worker` until now + lease, committed at once.

    One UPDATE over a subquery: on PostgreSQL the subquery skips rows another worker is
    claiming (SKIP LOCKED) and the UPDATE re-checks the conditions; on SQLite a statement that
    writes takes the single write lock before it reads, so two claims never overlap.
    """
    # A materialized CTE: PostgreSQL may otherwise run a LIMIT subquery of an UPDATE more
    # than once, or as a join, and claim more rows than asked.
    chosen = (
        select(Delivery.id)
        .where(*_claimable(now))  # type: ignore[arg-type]
        .order_by(Delivery.broadcast_id, Delivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .cte("chosen")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    result = await session.execute(
        update(Delivery)
        .where(Delivery.id.in_(select(chosen.c.id)), *_claimable(now))  # type: ignore[arg-type]
        .values(claimed_by=worker, claimed_until=now + lease)
        .returning(Delivery.id, Delivery.broadcast_id, Delivery.chat_id, Delivery.language)
        .execution_options(synchronize_session=False)
    )
    claimed = [
        Delivery(id=row[0], broadcast_id=row[1], chat_id=row[2], language=row[3]) for row in result
    ]
    await session.commit()
    claimed.sort(key=lambda delivery: delivery.id)
    return claimed


async def hold(
    session: AsyncSession, delivery_id: int, worker: str, now: datetime, lease: timedelta
) -> bool:
    """Just before its send: the delivery is still this worker's, still pending, and its
    broadcast still running (not cancelled); its lease is renewed. Committed at once."""
    running = select(Broadcast.id).where(Broadcast.status == BroadcastStatus.RUNNING)
    result = await session.execute(
        update(Delivery)
        .where(
            Delivery.id == delivery_id,
            Delivery.claimed_by == worker,
            Delivery.state == DeliveryState.PENDING,
            Delivery.broadcast_id.in_(running),
        )
        .values(claimed_until=now + lease)
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def record(
    session: AsyncSession,
    delivery_id: int,
    state: DeliveryState,
    *,
    attempted: bool = True,
    next_attempt_at: datetime | None = None,
    message_id: int | None = None,
    error: str | None = None,
) -> None:
    """The outcome of one send, committed at once, and the claim released."""
    values: dict[str, object] = {
        "state": state,
        "claimed_by": None,
        "claimed_until": None,
        "error": error,
    }
    if attempted:
        values["attempts"] = Delivery.attempts + 1
    if next_attempt_at is not None:
        values["next_attempt_at"] = next_attempt_at
    if state == DeliveryState.SENT:
        values |= {"sent_message_id": message_id, "sent_at": utcnow()}
    await session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    await session.commit()


async def attempts(session: AsyncSession, delivery_id: int) -> int:
    query = select(Delivery.attempts).where(Delivery.id == delivery_id)
    return int(await session.scalar(query) or 0)


async def release(session: AsyncSession, delivery_ids: Sequence[int], worker: str) -> None:
    """Gives back claimed deliveries that were not sent (the worker is stopping)."""
    if delivery_ids:
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(delivery_ids), Delivery.claimed_by == worker)
            .values(claimed_by=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )
        await session.commit()


async def mark_blocked(session: AsyncSession, chat_id: int) -> None:
    await session.execute(update(User).where(User.id == chat_id).values(blocked=True))


# ---- figures -----------------------------------------------------------------------------------


async def counts(session: AsyncSession, broadcast_id: int) -> dict[str, dict[DeliveryState, int]]:
    """language -> state -> deliveries."""
    query = (
        select(Delivery.language, Delivery.state, func.count())
        .where(Delivery.broadcast_id == broadcast_id)
        .group_by(Delivery.language, Delivery.state)
    )
    found: dict[str, dict[DeliveryState, int]] = defaultdict(dict)
    for language, state, count in await session.execute(query):
        found[language][state] = int(count)
    return dict(found)


async def sent_since(session: AsyncSession, broadcast_id: int, since: datetime) -> int:
    query = select(func.count()).where(
        Delivery.broadcast_id == broadcast_id,
        Delivery.state == DeliveryState.SENT,
        Delivery.sent_at >= since,
    )
    return int(await session.scalar(query) or 0)


async def deliveries(session: AsyncSession, broadcast_id: int) -> Sequence[Delivery]:
    query = select(Delivery).where(Delivery.broadcast_id == broadcast_id).order_by(Delivery.id)
    return (await session.scalars(query.execution_options(populate_existing=True))).all()


# ---- the safety updates a person reads from the menu --------------------------------------------

# What went out: a scheduled update has not, a cancelled one is withdrawn (even if some got it).
STARTED = (BroadcastStatus.RUNNING, BroadcastStatus.DONE)


async def started_since(session: AsyncSession, since: datetime) -> Sequence[Broadcast]:
    """Every update that went out since `since`, the newest first; the audience is the
    caller's to check (it is JSON, and a handful of updates a month)."""
    query = (
        select(Broadcast)
        .where(Broadcast.status.in_(STARTED), Broadcast.started_at >= since)
        .order_by(Broadcast.started_at.desc(), Broadcast.id.desc())
    )
    return (await session.scalars(query)).all()


async def corrected_on(session: AsyncSession, ids: Iterable[int]) -> dict[int, datetime]:
    """For each of these updates that a correction went out for: when the latest did. A
    cancelled or not yet started correction does not count."""
    wanted = list(ids)
    if not wanted:
        return {}
    query = (
        select(Broadcast.corrects_id, func.max(Broadcast.started_at))
        .where(Broadcast.corrects_id.in_(wanted), Broadcast.status.in_(STARTED))
        .group_by(Broadcast.corrects_id)
    )
    return {
        int(corrected): at
        for corrected, at in await session.execute(query)
        if corrected is not None and at is not None
    }


async def sent_on(session: AsyncSession, ids: Iterable[int]) -> dict[int, datetime]:
    """When each of these updates went out (when it was due, if it never started)."""
    wanted = list(ids)
    if not wanted:
        return {}
    query = select(Broadcast.id, Broadcast.started_at, Broadcast.scheduled_at).where(
        Broadcast.id.in_(wanted)
    )
    return {id: started or due for id, started, due in await session.execute(query)}


async def whereabouts_of(session: AsyncSession, user_id: int) -> Whereabouts | None:
    """One person's whereabouts by the rule of `whereabouts`: the district and the position of
    their latest case or household that has each."""
    records: list[tuple[datetime, str | None, float | None, float | None]] = []
    for model in (Case, Household):
        query = select(model.created_at, model.district, model.latitude, model.longitude).where(
            model.user_id == user_id,
            or_(model.district.is_not(None), model.latitude.is_not(None)),
        )
        records += [(row[0], row[1], row[2], row[3]) for row in await session.execute(query)]
    if not records:
        return None
    records.sort(key=lambda record: record[0])
    district: str | None = None
    position: tuple[float | None, float | None] = (None, None)
    for _at, place, latitude, longitude in records:  # the latest wins
        if place is not None:
            district = place
        if latitude is not None and longitude is not None:
            position = (latitude, longitude)
    return Whereabouts(district, *position)
