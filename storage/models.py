"""The database schema: SQLAlchemy 2 declarative models in the typed ``Mapped[...]`` style."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given; use datetime.now(UTC)")
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class PriorityType(TypeDecorator["Priority"]):
    """Stores a Priority as its integer so that ORDER BY puts urgent cases first."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Priority | None, dialect: Dialect) -> int | None:
        return None if value is None else int(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Priority | None:
        return None if value is None else Priority(value)


class Role(enum.StrEnum):
    FAMILY = "family"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class CaseKind(enum.StrEnum):
    NEEDS = "needs"
    MISSING = "missing"
    RUMOUR = "rumour"  # "is this true?": answered by admins and fact-checkers


class CaseStatus(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING_FAMILY = "waiting_family"
    RESOLVED = "resolved"


class Priority(enum.IntEnum):
    """Lower sorts first: the queue shows urgent cases before the others."""

    URGENT = 0
    HIGH = 1
    NORMAL = 2


class Author(enum.StrEnum):
    FAMILY = "family"
    COORDINATOR = "coordinator"
    NOTE = "note"  # internal, never shown to the family
    SYSTEM = "system"


class AttachmentKind(enum.StrEnum):
    PHOTO = "photo"
    VOICE = "voice"
    AUDIO = "audio"
    VIDEO = "video"
    DOCUMENT = "document"
    LOCATION = "location"


def _str_enum(enum_class: type[enum.StrEnum]) -> SqlEnum:
    # VARCHAR rather than a native ENUM type keeps migrations identical on SQLite and PostgreSQL.
    return SqlEnum(
        enum_class,
        native_enum=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    language: Mapped[str | None] = mapped_column(String(8))
    role: Mapped[Role] = mapped_column(_str_enum(Role), default=Role.FAMILY)
    organisation: Mapped[str | None] = mapped_column(String(200))
    # What a coordinator covers: district codes (storage/data/places.json) and kinds of need.
    districts: Mapped[list[str]] = mapped_column(default=list)
    need_kinds: Mapped[list[str]] = mapped_column(default=list)
    consent_at: Mapped[datetime | None]
    phone: Mapped[str | None] = mapped_column(String(32))
    blocked: Mapped[bool] = mapped_column(default=False)
    # A coordinator who also answers families' "is this true?" questions (rumour cases).
    fact_checker: Mapped[bool] = mapped_column(default=False)
    # An admin who asked for the situation report every day (at KOLDO_REPORT_AT).
    daily_report: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Staff only, as Telegram gives them (refreshed on each update), so that admins can tell
    # who is who; a family's name is never kept here.
    first_name: Mapped[str | None] = mapped_column(String(64))
    last_name: Mapped[str | None] = mapped_column(String(64))
    username: Mapped[str | None] = mapped_column(String(32))


class Household(Base):
    __tablename__ = "households"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    size: Mapped[int | None]
    district: Mapped[str | None] = mapped_column(String(64))
    village: Mapped[str | None] = mapped_column(String(64))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # When the family agreed that relatives searching for them may be told they are safe
    # (after their own yes to each match); their members are in the person index from then on.
    listed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    members: Mapped[list[HouseholdMember]] = relationship(
        back_populates="household", cascade="all, delete-orphan", passive_deletes=True
    )


class HouseholdMember(Base):
    __tablename__ = "household_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str | None] = mapped_column(String(200))  # as the family wrote it
    sex: Mapped[str | None] = mapped_column(String(1))
    age: Mapped[int | None]
    vulnerabilities: Mapped[list[str]] = mapped_column(default=list)

    household: Mapped[Household] = relationship(back_populates="members")


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_queue", "status", "priority", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    # Made when the form starts and kept with its draft: a second Send of the same form finds
    # this case instead of making another. None for cases older than the key.
    submission_key: Mapped[uuid.UUID | None] = mapped_column(Uuid, unique=True, index=True)
    kind: Mapped[CaseKind] = mapped_column(_str_enum(CaseKind))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL")
    )
    language: Mapped[str] = mapped_column(String(8))
    needs: Mapped[list[str]] = mapped_column(default=list)
    vulnerabilities: Mapped[list[str]] = mapped_column(default=list)
    household_size: Mapped[int | None]
    priority: Mapped[Priority] = mapped_column(PriorityType())
    status: Mapped[CaseStatus] = mapped_column(_str_enum(CaseStatus), default=CaseStatus.NEW)
    district: Mapped[str | None] = mapped_column(String(64), index=True)
    village: Mapped[str | None] = mapped_column(String(64))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    phone: Mapped[str | None] = mapped_column(String(32))
    details: Mapped[str | None] = mapped_column(Text)
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[str | None] = mapped_column(String(64))
    # Of a rumour case: the question it shares with other families (one answer reaches all), and
    # where a forwarded post came from ("<chat id>:<message id>"), so the same post groups.
    rumour_id: Mapped[int | None] = mapped_column(
        ForeignKey("rumours.id", ondelete="SET NULL"), index=True
    )
    forward_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    claimed_at: Mapped[datetime | None]
    first_response_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    # When its personal data was erased (by the family's /erase or by the retention period):
    # from then on the row is anonymous counts only.
    erased_at: Mapped[datetime | None] = mapped_column(index=True)

    household: Mapped[Household | None] = relationship()
    messages: Mapped[list[CaseMessage]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )


class CaseMessage(Base):
    __tablename__ = "case_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    author: Mapped[Author] = mapped_column(_str_enum(Author))
    sender_id: Mapped[int | None] = mapped_column(BigInteger)
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="messages")
    attachments: Mapped[list[Attachment]] = relationship(back_populates="message")


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_messages.id", ondelete="CASCADE")
    )
    kind: Mapped[AttachmentKind] = mapped_column(_str_enum(AttachmentKind))
    file_id: Mapped[str | None] = mapped_column(String(256))
    file_unique_id: Mapped[str | None] = mapped_column(String(128))
    # What the family wrote under a photo, voice note or file, as they wrote it.
    caption: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="attachments")
    message: Mapped[CaseMessage | None] = relationship(back_populates="attachments")


class AuditEntry(Base):
    """Who did what to which case or user. Ids and codes only, never personal data."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ShelterStatus(enum.StrEnum):
    OPEN = "open"
    FULL = "full"
    CLOSED = "closed"


class ShelterService(enum.StrEnum):
    FOOD = "food"
    MEDICAL = "medical"
    CHILDREN = "children"  # a child-friendly space
    ACCESSIBLE = "accessible"  # for people with disabilities
    WOMEN = "women"  # a women-only space


class HotlineKind(enum.StrEnum):
    EMERGENCY = "emergency"
    MEDICAL = "medical"
    PSYCHOLOGICAL = "psychological"
    LEGAL = "legal"
    HUMANITARIAN = "humanitarian"
    CHILDREN = "children"


class Shelter(Base):
    """A place where a family can sleep tonight, kept true by imports and by staff in the bot."""

    __tablename__ = "shelters"
    # Nearest search prefilters on a latitude range, then longitude: both in one index.
    __table_args__ = (Index("ix_shelters_position", "latitude", "longitude"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The id the organisation's own files use; imports update the shelter that carries it.
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    names: Mapped[dict[str, str]] = mapped_column(JSON)  # locale -> name
    district: Mapped[str] = mapped_column(String(64), index=True)
    village: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    capacity: Mapped[int]
    free_places: Mapped[int]
    services: Mapped[list[str]] = mapped_column(default=list)
    phone: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[ShelterStatus] = mapped_column(
        _str_enum(ShelterStatus), default=ShelterStatus.OPEN
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The Telegram id of the staff member who last changed it; None when a file did.
    updated_by: Mapped[int | None] = mapped_column(BigInteger)
    source: Mapped[str | None] = mapped_column(String(200))
    # Invented data for demos and training: shown as such to everyone.
    sample: Mapped[bool] = mapped_column(default=False)

    def name(self, locale: str) -> str:
        return _localized(self.names, locale)


class Hotline(Base):
    """A number to call: emergency services, doctors, counsellors, lawyers, aid organisations."""

    __tablename__ = "hotlines"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[HotlineKind] = mapped_column(_str_enum(HotlineKind), index=True)
    names: Mapped[dict[str, str]] = mapped_column(JSON)  # locale -> name
    phones: Mapped[list[str]] = mapped_column(default=list)
    hours: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # locale -> opening hours
    # A district code for a local line; None for a line that serves the whole country.
    district: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str | None] = mapped_column(String(200))
    sample: Mapped[bool] = mapped_column(default=False)

    def name(self, locale: str) -> str:
        return _localized(self.names, locale)

    def hours_in(self, locale: str) -> str:
        return _localized(self.hours, locale) if self.hours else ""


def _localized(texts: dict[str, str], locale: str) -> str:
    """The text in the asked locale, else English, else any: data files are rarely complete."""
    return texts.get(locale) or texts.get("en") or next(iter(texts.values()), "")


class AlertKind(enum.StrEnum):
    NEW_CASE = "new_case"  # tell the coordinators covering a new case (batched)
    ESCALATION = "escalation"  # an urgent case nobody claimed in time
    MATCH = "match"  # a possible match for a missing case, for its coordinator to look at


class Alert(Base):
    """A message to staff that is due at some time. Kept here, not in memory, so that a restart
    loses nothing and replicas share the work (claimed with SKIP LOCKED on PostgreSQL)."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_due", "sent_at", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AlertKind] = mapped_column(_str_enum(AlertKind))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    due_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RelayLink(Base):
    """Which case a message the bot sent belongs to: a reply to it goes to that case."""

    __tablename__ = "relay_links"
    __table_args__ = (Index("ix_relay_links_chat_message", "chat_id", "message_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(BigInteger)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)


class PersonSource(enum.StrEnum):
    """Where Koldo learned of a person."""

    HOUSEHOLD = "household"  # someone a family said is with them ("we are safe")
    MISSING = "missing"  # the person a missing report is about
    IMPORTED = "imported"  # a row of an evacuee or shelter list


class Person(Base):
    """Everyone Koldo knows, as written where it learned of them: the person index.

    Rows linked to a household or a case go with it; `/erase` removes them too, since a case
    and a household outlive an erasure only as anonymous counts.
    """

    __tablename__ = "people"
    # An imported list updates the rows it brought before: one id per list.
    __table_args__ = (UniqueConstraint("source_label", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[PersonSource] = mapped_column(_str_enum(PersonSource))
    # Which list, as staff named it on import ("Batken shelter list 2026-05-03").
    source_label: Mapped[str | None] = mapped_column(String(200))
    external_id: Mapped[str | None] = mapped_column(String(64))  # the id in that list
    full_name: Mapped[str] = mapped_column(String(200))  # as written, in any script
    sex: Mapped[str | None] = mapped_column(String(1))  # "M", "F" or unknown
    age: Mapped[int | None]
    birth_year: Mapped[int | None]
    settlement: Mapped[str | None] = mapped_column(String(200))  # as written
    phone: Mapped[str | None] = mapped_column(String(32))  # as written
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    # Of a missing report only: who the person is to the reporter (a code: "son", "wife"…)
    # and the day they were last seen (None: the family does not know).
    relation: Mapped[str | None] = mapped_column(String(32))
    last_seen_on: Mapped[date | None]
    # The reporter's first name as they gave it: all a found person learns of who searches.
    reported_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    keys: Mapped[list[PersonKey]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )


class PersonKey(Base):
    """A short normalized key of a person's name and details: people sharing a key with a query
    are its candidates, found with one indexed lookup on any backend."""

    __tablename__ = "person_keys"
    # (key, person_id): the lookup by key reads the index alone.
    __table_args__ = (Index("ix_person_keys_key_person", "key", "person_id"),)

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)

    person: Mapped[Person] = relationship(back_populates="keys")


class MatchStatus(enum.StrEnum):
    """A coordinator's word on a possible match."""

    PROPOSED = "proposed"  # found by the matcher, nobody has looked yet
    VERIFIED = "verified"  # the same person: disclosure may begin
    REJECTED = "rejected"  # not the same person: never proposed again
    UNSURE = "unsure"  # needs more: stays on the case


class Consent(enum.StrEnum):
    """What the found side said to being told about, or to sharing how to reach them."""

    NOT_ASKED = "not_asked"
    ASKED = "asked"
    AGREED = "agreed"
    REFUSED = "refused"


class PersonMatch(Base):
    """A possible match between the person a missing report is about and someone of the index.

    Nothing of it reaches the reporter until a coordinator verified it and the found side agreed.
    One row per pair, for good: a rejected pair is never proposed again.
    """

    __tablename__ = "person_matches"
    __table_args__ = (UniqueConstraint("sought_id", "found_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    sought_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    found_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[str]] = mapped_column(default=list)  # the matcher's reason codes
    status: Mapped[MatchStatus] = mapped_column(
        _str_enum(MatchStatus), default=MatchStatus.PROPOSED
    )
    decided_by: Mapped[int | None] = mapped_column(BigInteger)
    decided_at: Mapped[datetime | None]
    reject_reason: Mapped[str | None] = mapped_column(String(32))
    # The found side's answer (a family that listed them, or the other family's reporter).
    consent: Mapped[Consent] = mapped_column(_str_enum(Consent), default=Consent.NOT_ASKED)
    consent_at: Mapped[datetime | None]
    found_phone_shared: Mapped[bool] = mapped_column(default=False)
    # The reporter's own answer, asked only when the found person is another family's missing
    # report: two families searching for the same person are put in touch only if both agree.
    seeker_consent: Mapped[Consent] = mapped_column(_str_enum(Consent), default=Consent.NOT_ASKED)
    seeker_phone_shared: Mapped[bool] = mapped_column(default=False)
    # For a person of an imported list, reached by staff through the list's source.
    outcome: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    sought: Mapped[Person] = relationship(foreign_keys=[sought_id])
    found: Mapped[Person] = relationship(foreign_keys=[found_id])


class BroadcastStatus(enum.StrEnum):
    SCHEDULED = "scheduled"  # waits for its time; nobody is written to yet
    RUNNING = "running"  # its deliveries are written and being sent
    DONE = "done"
    CANCELLED = "cancelled"


class Broadcast(Base):
    """A verified safety update from an admin: a text per language, its source, its audience.

    Its recipients are written once into `deliveries` when it starts; the counts are theirs.
    """

    __tablename__ = "broadcasts"
    __table_args__ = (Index("ix_broadcasts_status_at", "status", "scheduled_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # locale -> the admin's own text; an empty one falls back to the default locale's.
    texts: Mapped[dict[str, str]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(300))  # who verified it, shown under the text
    photo_file_id: Mapped[str | None] = mapped_column(String(256))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # Who receives it: {"districts": [...], "languages": [...], "coordinators": bool,
    # "near": [lat, lon, km]}; an absent key does not narrow it (bot/services/broadcasts.py).
    audience: Mapped[dict[str, Any]] = mapped_column(default=dict)
    urgent: Mapped[bool] = mapped_column(default=False)
    status: Mapped[BroadcastStatus] = mapped_column(
        _str_enum(BroadcastStatus), default=BroadcastStatus.SCHEDULED
    )
    scheduled_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(BigInteger)  # None: the command line
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    recipients: Mapped[int] = mapped_column(default=0)
    # The update this one corrects: families reading the older one are told it was corrected.
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("broadcasts.id", ondelete="SET NULL"), index=True
    )
    # The admin's progress message, edited every few seconds by one process at a time (the one
    # that moves progress_at on), and the final report sent once.
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_at: Mapped[datetime | None]
    reported_at: Mapped[datetime | None]


class Verdict(enum.StrEnum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"  # not known yet: the question stays open


class Rumour(Base):
    """One thing families ask "is this true?" about. Each family's question is a case of kind
    rumour pointing here, so that one answer reaches them all. It holds nothing a family wrote:
    what it is about lives in its cases, and goes with them when a family erases its data."""

    __tablename__ = "rumours"

    id: Mapped[int] = mapped_column(primary_key=True)
    verdict: Mapped[Verdict | None] = mapped_column(_str_enum(Verdict))
    # locale -> the short explanation; an empty one falls back to the default locale's.
    answer_texts: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    answered_by: Mapped[int | None] = mapped_column(BigInteger)
    answered_at: Mapped[datetime | None]
    # The safety update the answer was turned into, if any.
    broadcast_id: Mapped[int | None] = mapped_column(
        ForeignKey("broadcasts.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DeliveryState(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # refused for good (400) or out of attempts (5xx, network)
    UNREACHABLE = "unreachable"  # the person blocked Koldo: never retried


class Delivery(Base):
    """One recipient of one broadcast. Its state is written right after each send, so a worker
    killed at any moment loses nothing; a worker claims a few rows at a time with a lease
    (`claimed_until`) that another takes over once it ran out."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("broadcast_id", "chat_id"),
        Index("ix_deliveries_due", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    broadcast_id: Mapped[int] = mapped_column(ForeignKey("broadcasts.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    language: Mapped[str] = mapped_column(String(8))
    state: Mapped[DeliveryState] = mapped_column(
        _str_enum(DeliveryState), default=DeliveryState.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None]
    sent_message_id: Mapped[int | None] = mapped_column(BigInteger)
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(64))  # a reason code, never message text


class JobRun(Base):
    """When a periodic job (retention, the daily report) last ran: replicas claim a run with a
    conditional UPDATE of this row, so that one of them does it."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    ran_at: Mapped[datetime | None]
