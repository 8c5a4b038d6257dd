## Verified safety updates (broadcasts): what a family reads under an admin's text, and what
## `koldo broadcast …` tells the admin who runs it.

broadcast-urgent = ⚠️ <b>Urgent</b>
broadcast-source = ✅ Verified by: { $source }

broadcast-problem-no-default-text = the text in the default language ({ $language }) is missing: languages left empty get that text
broadcast-problem-no-source = the source is missing: say who verified this update (--source)
broadcast-problem-too-long = the text with its source line is too long for one message (4096 characters, or 1024 under a photo)
broadcast-problem-bad-near = --near takes LATITUDE,LONGITUDE,KM, e.g. 40.06,70.82,25 (a radius from 0.1 to 500 km)
broadcast-problem-bad-location = --location takes LATITUDE,LONGITUDE, e.g. 40.06,70.82
broadcast-problem-bad-time = --at takes a time such as 2026-05-03T18:00+06:00 or 18:00 (today, in this computer's time zone)
broadcast-problem-past-time = --at is in the past; leave it out to send now
broadcast-problem-bad-district = “{ $value }” is not a district Koldo knows
broadcast-problem-bad-language = “{ $value }” is not a language of Koldo: use ky, ru or en
broadcast-problem-not-found = there is no broadcast number { $id }
broadcast-problem-not-cancellable = broadcast { $id } has already ended; nothing to cancel

broadcast-created = Broadcast { $id }: { $status }
broadcast-recipients = { $count ->
    [one] { $count } recipient
   *[other] { $count } recipients
} ({ $languages })
broadcast-cancelled = Broadcast { $id } is cancelled; nothing more will be sent.
broadcast-status-scheduled = scheduled for { $at }
broadcast-status-running = sending
broadcast-status-done = finished
broadcast-status-cancelled = cancelled
broadcast-progress = sent { $sent }, failed { $failed }, unreachable { $unreachable }, left { $left }; { $rate } per second; { $eta }
broadcast-eta = about { $seconds } s to finish
broadcast-eta-unknown = time to finish not known yet
broadcast-eta-done = nothing left
broadcast-report = Broadcast { $id } { $status }: sent { $sent } of { $total }, failed { $failed }, unreachable { $unreachable }.
broadcast-list-empty = No broadcasts yet.
broadcast-worker-stopped = The broadcast worker stopped; { $count ->
    [one] { $count } message
   *[other] { $count } messages
} sent.
