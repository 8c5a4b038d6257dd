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

## What a family reads first in a correction.
broadcast-corrects = ✏️ <b>This corrects the safety update of { $date }.</b>

## Composing a safety update in the bot (/broadcast), for admins.
broadcast-admins-only = This is for admins of Koldo only.
broadcast-language-ky = Kyrgyz
broadcast-language-ru = Russian
broadcast-language-en = English
broadcast-compose-now = Now: { $value }
broadcast-compose-text-default = ✍️ <b>{ $language }</b>: write the safety update as families will read it. This text is needed: people whose language gets no text of its own receive it.
broadcast-compose-text-other = ✍️ <b>{ $language }</b>: write the safety update in this language, or skip it. People who read Koldo in { $language } then receive the text in { $default }.
broadcast-compose-correcting = ✏️ This is a correction of safety update { $id }. Its readers will see the date of that update first.
broadcast-compose-media = 📎 A photo or a location with this update? Send one (📎, then Photo or Location), or go on without.
broadcast-compose-has-photo = It has a photo now.
broadcast-compose-has-location = It has a location now.
broadcast-compose-source = ✅ Who verified this update? Write the source, an office or an organisation: families read it under the text.
broadcast-compose-audience = 👥 Who receives it?
broadcast-compose-districts = 🗺 Which districts? Tap them, or type the name of a district. Families receive it by the district they registered in or shared last.
broadcast-compose-languages = 🌐 Which languages? People receive it by the language they read Koldo in.
broadcast-compose-point = 📍 Send the centre of the area as a location (📎, then Location). Families who shared a location near it receive the update.
broadcast-compose-km = 📏 Within how many kilometres of that point? Tap a distance, or type a number from { $min } to { $max }.
broadcast-compose-urgency = ⚠️ Is it urgent? An urgent update starts with a warning sign.
broadcast-preview-language = 👁 <b>{ $language }</b> · { $count ->
    [one] { $count } recipient
   *[other] { $count } recipients
}
broadcast-preview-fallback = No text in { $language }: these people receive the text in { $default }.
broadcast-preview-summary = 👆 This is how each language receives it. { $count ->
    [one] { $count } recipient in all.
   *[other] { $count } recipients in all.
}
broadcast-audience-everyone = 👥 Everyone who started Koldo
broadcast-audience-districts = 🗺 Families in: { $districts }
broadcast-audience-languages = 🌐 People who read Koldo in: { $languages }
broadcast-audience-coordinators = 🧑‍💼 Coordinators and admins only
broadcast-audience-near = 📍 Families within { $km } km of the point
broadcast-urgency-urgent = ⚠️ Urgent
broadcast-urgency-normal = Not urgent
broadcast-preview-correction = ✏️ A correction of safety update { $id }
broadcast-compose-schedule = 🕒 When should it go out? Times are Kyrgyzstan time.
broadcast-compose-time = ⌨️ Type the time, in Kyrgyzstan time: 18:00 for today, or a date and a time such as 2026-05-03 18:00.
broadcast-compose-edit = ✏️ What do you want to change?
broadcast-compose-drop = Drop this update? Nothing of it is sent.
broadcast-compose-dropped = The update is dropped; nothing was sent.
broadcast-compose-resume = You have a safety update that is not sent yet.
broadcast-compose-saved = 📤 Safety update { $id } is saved. Its progress is below.
broadcast-already-sent = This update is already saved as safety update { $id }; it is not sent twice.
broadcast-not-found = There is no safety update number { $id }.

## What is wrong with an answer: the draft is kept, and the step is shown again.
broadcast-bad-text = Please send the text as a message: stickers, photos and files do not fit here.
broadcast-bad-too-long = This is too long for one message: with its source line, each language's text may have at most { $max } characters. Please shorten it.
broadcast-bad-no-default = The text in { $language } is needed: people whose language has no text of its own receive it.
broadcast-bad-photo-long = Under a photo each language's text may have at most { $max } characters with its source line, and this update is longer. Shorten the texts first, or go on without a photo.
broadcast-bad-media = Please send a photo or a location, or use the buttons.
broadcast-bad-source = Please write who verified the update, in at most { $max } characters.
broadcast-bad-district = Koldo knows no district called { $value }. Please tap one of the buttons.
broadcast-bad-no-district = Please choose at least one district.
broadcast-bad-no-language = Please choose at least one language.
broadcast-bad-point = Please send the point as a location (📎, then Location).
broadcast-bad-point-far = This point is far from the districts Koldo serves. Please send a point in the region.
broadcast-bad-km = Please give a distance from { $min } to { $max } km, for example 10.
broadcast-bad-time = Koldo could not read this time. Write 18:00 for today, or a date and a time such as 2026-05-03 18:00.
broadcast-bad-past-time = This time has passed. Please give a later one, or send the update now.
broadcast-use-buttons = Please use the buttons of this step.

btn-broadcast-keep = Keep it as it is ➡️
btn-broadcast-cancel = ✖ Cancel
btn-broadcast-no-media = Without photo or location ➡️
btn-broadcast-everyone = 👥 Everyone
btn-broadcast-districts = 🗺 Some districts
btn-broadcast-languages = 🌐 Some languages
btn-broadcast-coordinators = 🧑‍💼 Coordinators only
btn-broadcast-near = 📍 Near a point
btn-broadcast-km = { $km } km
btn-broadcast-normal = Not urgent
btn-broadcast-urgent = ⚠️ Urgent
btn-broadcast-send = 📤 Send now
btn-broadcast-schedule = 🕒 Schedule
btn-broadcast-edit = ✏️ Edit
btn-broadcast-to-preview = ⬅️ Back to the preview
btn-broadcast-in-hours = { $hours ->
    [one] In { $hours } hour
   *[other] In { $hours } hours
}
btn-broadcast-tomorrow = Tomorrow at 08:00
btn-broadcast-type-time = ⌨️ Type a time
btn-broadcast-edit-text = ✏️ Text: { $language }
btn-broadcast-edit-media = ✏️ Photo or location
btn-broadcast-edit-source = ✏️ Source
btn-broadcast-edit-audience = ✏️ Who receives it
btn-broadcast-edit-urgency = ✏️ Urgency
btn-broadcast-drop = 🗑 Yes, drop it
btn-broadcast-keep-draft = ⬅️ No, go back
btn-broadcast-resume = ➡️ Continue it
btn-broadcast-anew = 🆕 Start anew

## The admin's progress message, edited while the update is sent, and the final report.
broadcast-eta-minutes = about { $minutes } min to finish
broadcast-figure-sent = ✅ Sent: { $count }
broadcast-figure-failed = ❌ Not delivered: { $count }
broadcast-figure-unreachable = 🚫 Unreachable (blocked Koldo): { $count ->
    [one] { $count } person
   *[other] { $count } people
}
broadcast-figure-left = ⏳ Left: { $count }
broadcast-figure-rate = ⚡ { $rate } per second · { $eta }
broadcast-progress-scheduled = 🕒 Safety update { $id } is scheduled for { $at } (Kyrgyzstan time).
broadcast-progress-starting = 📤 Safety update { $id }: sending begins.
broadcast-progress-running = 📤 <b>Safety update { $id }</b> is being sent.
broadcast-progress-done = 🏁 <b>Safety update { $id }</b> is sent.
broadcast-progress-cancelled = ✖ <b>Safety update { $id }</b> is cancelled.
broadcast-final-done = 🏁 <b>Safety update { $id } is sent</b>: { $sent } of { $total } received it.
broadcast-final-cancelled = ✖ <b>Safety update { $id } was cancelled</b>: { $sent } of { $total } had received it.

## /broadcasts: the latest safety updates.
broadcast-list-none = No safety updates yet.
broadcast-list-title = 📢 <b>The latest safety updates</b>
broadcast-list-item = <b>{ $id }</b> · { $when } · { $status } · sent { $sent } of { $total }
    <i>{ $text }</i>
broadcast-cancel-question = Cancel safety update { $id }? What was sent stays sent; nobody else receives it.
broadcast-cancel-done = Safety update { $id } is cancelled; nothing more is sent.
broadcast-cancel-too-late = Safety update { $id } has already ended; there is nothing to cancel.
btn-broadcast-cancel-one = ✖ Cancel { $id }
btn-broadcast-correct = ✏️ Correct { $id }
btn-broadcast-cancel-yes = ✖ Yes, cancel it
btn-broadcast-cancel-no = ⬅️ No, keep it
btn-broadcast-list = ⬅️ The latest safety updates
