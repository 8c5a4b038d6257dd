"""What the broadcast composer, the admin's progress message, the final report and /broadcasts
say. The update itself, as families read it, is bot/services/broadcasts.py `render`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.config import LOCALES, Settings
from bot.i18n import Translator
from bot.keyboards import broadcast as keyboards
from bot.screens import Screen
from bot.screens.forms import preview
from bot.services.broadcasts import (
    MAX_KM,
    MIN_KM,
    AudienceKind,
    ComposeDraft,
    Progress,
    falls_back,
    local_date,
)
from storage.models import Broadcast, BroadcastStatus, DeliveryState, utcnow
from storage.places import Geography

LIST_PREVIEW = 60  # characters of an update's text in /broadcasts


def language(t: Translator, code: str) -> str:
    return t(f"broadcast-language-{code}")


def _with(t: Translator, text: str, now: str | None) -> str:
    """A step's question, with the answer given so far (while it is changed)."""
    return text if not now else f"{text}\n\n{t('broadcast-compose-now', value=preview(now))}"


def text_step(
    t: Translator, draft: ComposeDraft, code: str, settings: Settings, first: bool
) -> Screen:
    name, default = language(t, code), language(t, settings.default_locale)
    if code == settings.default_locale:
        text = t("broadcast-compose-text-default", language=name)
    else:
        text = t("broadcast-compose-text-other", language=name, default=default)
    if draft.corrects_id is not None:
        text = f"{t('broadcast-compose-correcting', id=str(draft.corrects_id))}\n\n{text}"
    now = draft.texts.get(code)
    markup = keyboards.text_step(
        t, draft.key, skippable=code != settings.default_locale, kept=bool(now), back=not first
    )
    return Screen(_with(t, text, now), markup)


def media_step(t: Translator, draft: ComposeDraft) -> Screen:
    text = t("broadcast-compose-media")
    if draft.photo_file_id:
        text += "\n\n" + t("broadcast-compose-has-photo")
    elif draft.location:
        text += "\n\n" + t("broadcast-compose-has-location")
    has = bool(draft.photo_file_id or draft.location)
    return Screen(text, keyboards.media_step(t, draft.key, kept=has))


def source_step(t: Translator, draft: ComposeDraft) -> Screen:
    text = _with(t, t("broadcast-compose-source"), draft.source)
    return Screen(text, keyboards.source_step(t, draft.key, kept=bool(draft.source)))


def audience_step(t: Translator, draft: ComposeDraft) -> Screen:
    return Screen(t("broadcast-compose-audience"), keyboards.audience_step(t, draft.key))


def districts_step(t: Translator, draft: ComposeDraft, geography: Geography) -> Screen:
    return Screen(
        t("broadcast-compose-districts"),
        keyboards.districts_step(t, draft.key, geography, draft.districts),
    )


def languages_step(t: Translator, draft: ComposeDraft) -> Screen:
    return Screen(
        t("broadcast-compose-languages"), keyboards.languages_step(t, draft.key, draft.languages)
    )


def point_step(t: Translator, draft: ComposeDraft) -> Screen:
    return Screen(t("broadcast-compose-point"), keyboards.step(t, draft.key))


def km_step(t: Translator, draft: ComposeDraft) -> Screen:
    text = t("broadcast-compose-km", min=MIN_KM, max=int(MAX_KM))
    return Screen(text, keyboards.km_step(t, draft.key))


def urgency_step(t: Translator, draft: ComposeDraft) -> Screen:
    return Screen(t("broadcast-compose-urgency"), keyboards.urgency_step(t, draft.key))


# ---- the preview --------------------------------------------------------------------------------


def preview_label(
    t: Translator, draft: ComposeDraft, code: str, count: int, settings: Settings
) -> str:
    """What stands above a language's preview: the language, how many receive it, and whether
    they get the default language's text for want of their own."""
    label = t("broadcast-preview-language", language=language(t, code), count=count)
    if falls_back(draft.texts, code, settings):
        fallback = t(
            "broadcast-preview-fallback",
            language=language(t, code),
            default=language(t, settings.default_locale),
        )
        label += "\n" + fallback
    return label


def audience_text(t: Translator, draft: ComposeDraft, geography: Geography) -> str:
    kind = draft.audience or AudienceKind.EVERYONE
    if kind == AudienceKind.DISTRICTS:
        names = [area.name(t.locale) for c in draft.districts if (area := geography.area(c))]
        return t("broadcast-audience-districts", districts=", ".join(names))
    if kind == AudienceKind.LANGUAGES:
        names = [language(t, code) for code in LOCALES if code in draft.languages]
        return t("broadcast-audience-languages", languages=", ".join(names))
    if kind == AudienceKind.NEAR:
        return t("broadcast-audience-near", km=f"{draft.km or 0:g}")
    return t(f"broadcast-audience-{kind.value}")


def summary(t: Translator, draft: ComposeDraft, total: int, geography: Geography) -> Screen:
    lines = [
        t("broadcast-preview-summary", count=total),
        audience_text(t, draft, geography),
        t("broadcast-urgency-urgent" if draft.urgent else "broadcast-urgency-normal"),
    ]
    if draft.corrects_id is not None:
        lines.append(t("broadcast-preview-correction", id=str(draft.corrects_id)))
    return Screen("\n".join(lines), keyboards.preview(t, draft.key))


def schedule(t: Translator, draft: ComposeDraft) -> Screen:
    return Screen(t("broadcast-compose-schedule"), keyboards.schedule(t, draft.key))


def typed_time(t: Translator, draft: ComposeDraft) -> Screen:
    return Screen(t("broadcast-compose-time"), keyboards.typed_time(t, draft.key))


def edit(t: Translator, draft: ComposeDraft, settings: Settings) -> Screen:
    """The answers that can be changed: each language's text, then the other steps."""
    texts = [
        (t("btn-broadcast-edit-text", language=language(t, code)), f"text_{code}")
        for code in (settings.default_locale, *(c for c in LOCALES if c != settings.default_locale))
    ]
    others = [(t(f"btn-broadcast-edit-{name}"), name) for name in ("media", "source", "audience")]
    others.append((t("btn-broadcast-edit-urgency"), "urgency"))
    return Screen(t("broadcast-compose-edit"), keyboards.edit(t, draft.key, [*texts, *others]))


def drop(t: Translator, draft: ComposeDraft) -> Screen:
    return Screen(t("broadcast-compose-drop"), keyboards.drop(t, draft.key))


def resume(t: Translator, draft: ComposeDraft) -> Screen:
    return Screen(t("broadcast-compose-resume"), keyboards.resume(t, draft.key))


# ---- progress and the final report --------------------------------------------------------------


def _eta(t: Translator, progress: Progress) -> str:
    seconds = progress.seconds_to_finish
    if seconds == 0:
        return t("broadcast-eta-done")
    if seconds is None:
        return t("broadcast-eta-unknown")
    if seconds < 90:
        return t("broadcast-eta", seconds=max(1, round(seconds)))
    return t("broadcast-eta-minutes", minutes=round(seconds / 60))


def _figures(t: Translator, progress: Progress, running: bool) -> str:
    lines = [
        t("broadcast-figure-sent", count=progress.total(DeliveryState.SENT)),
        t("broadcast-figure-failed", count=progress.total(DeliveryState.FAILED)),
        t("broadcast-figure-unreachable", count=progress.total(DeliveryState.UNREACHABLE)),
    ]
    if running:
        lines.append(t("broadcast-figure-left", count=progress.left))
        lines.append(t("broadcast-figure-rate", rate=f"{progress.rate:.1f}", eta=_eta(t, progress)))
    return "\n".join(lines)


def progress_text(t: Translator, progress: Progress) -> str:
    """The admin's progress message as it stands: scheduled, starting, sending (with the rate
    and the time to finish), or ended."""
    broadcast = progress.broadcast
    if broadcast.status == BroadcastStatus.SCHEDULED:
        if broadcast.scheduled_at > utcnow():
            at = local_date(broadcast.scheduled_at)
            return t("broadcast-progress-scheduled", id=str(broadcast.id), at=at)
        return t("broadcast-progress-starting", id=str(broadcast.id))
    running = broadcast.status == BroadcastStatus.RUNNING
    head = t(f"broadcast-progress-{broadcast.status.value}", id=str(broadcast.id))
    return f"{head}\n{_figures(t, progress, running)}"


def final_report(t: Translator, progress: Progress) -> str:
    broadcast = progress.broadcast
    status = "done" if broadcast.status == BroadcastStatus.DONE else "cancelled"
    head = t(
        f"broadcast-final-{status}",
        id=str(broadcast.id),
        sent=progress.total(DeliveryState.SENT),
        total=broadcast.recipients,
    )
    return f"{head}\n{_figures(t, progress, running=False)}"


def saved(t: Translator, broadcast: Broadcast) -> Screen:
    return Screen(t("broadcast-compose-saved", id=str(broadcast.id)))


# ---- /broadcasts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    broadcast: Broadcast
    sent: int

    @property
    def cancellable(self) -> bool:
        return self.broadcast.status in (BroadcastStatus.SCHEDULED, BroadcastStatus.RUNNING)

    @property
    def correctable(self) -> bool:
        """Ended, and it reached someone: those people may need to read a correction."""
        ended = self.broadcast.status in (BroadcastStatus.DONE, BroadcastStatus.CANCELLED)
        return ended and self.sent > 0


def status_word(t: Translator, broadcast: Broadcast) -> str:
    if broadcast.status == BroadcastStatus.SCHEDULED:
        return t("broadcast-status-scheduled", at=local_date(broadcast.scheduled_at))
    return t(f"broadcast-status-{broadcast.status.value}")


def listing(t: Translator, rows: Sequence[Listed], settings: Settings) -> Screen:
    if not rows:
        return Screen(t("broadcast-list-none"))
    items = []
    for row in rows:
        broadcast = row.broadcast
        words = (broadcast.texts.get(settings.default_locale) or "").replace("\n", " ")
        cut = words[:LIST_PREVIEW] + ("…" if len(words) > LIST_PREVIEW else "")
        items.append(
            t(
                "broadcast-list-item",
                id=str(broadcast.id),
                when=local_date(broadcast.started_at or broadcast.scheduled_at),
                status=status_word(t, broadcast),
                sent=row.sent,
                total=broadcast.recipients,
                text=preview(cut),
            )
        )
    text = "\n\n".join([t("broadcast-list-title"), *items])
    markup = keyboards.listing(
        t,
        [row.broadcast.id for row in rows if row.cancellable],
        [row.broadcast.id for row in rows if row.correctable],
    )
    return Screen(text, markup)


def cancel_question(t: Translator, broadcast: Broadcast) -> Screen:
    return Screen(
        t("broadcast-cancel-question", id=str(broadcast.id)),
        keyboards.cancel_question(t, broadcast.id),
    )


def cancelled(t: Translator, broadcast_id: int, done: bool) -> Screen:
    message_id = "broadcast-cancel-done" if done else "broadcast-cancel-too-late"
    return Screen(t(message_id, id=str(broadcast_id)), keyboards.back_to_list(t))
