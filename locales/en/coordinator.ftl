## Coordinators and admins: the queue, a case card, talking with a family, roles.

staff-only = This is for coordinators and admins of Koldo only.

admin-only = This is for admins of Koldo only. Ask an admin if you need it done.
queue = <b>Open cases</b>
    { $counts }
    Urgent first, then the longest waiting.
queue-empty = <b>Open cases</b>
    { $counts }
    Nothing waits in your districts right now.
queue-count = { $status }: { $count }
btn-queue-case = { $mark } { $code } · { $status } · { $waited }
btn-page-previous = ◀ Previous
btn-page-next = Next ▶
btn-queue-refresh = 🔄 Refresh
btn-queue = 📥 Queue

case-status-new = new
case-status-in_progress = in progress
case-status-waiting_family = waiting for the family
case-status-resolved = resolved
priority-urgent = 🔴 urgent
priority-high = 🟠 high
priority-normal = ⚪ normal

waited-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
waited-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
waited-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

case-card =
    <b>Case { $code }</b> · { $priority } · { $status }
    Needs: { $needs }
    Needs special care: { $vulnerable }
    Household: { $people }
    Place: { $place }
    Phone: { $phone }
    Language: { $language }
    Waiting: { $waited }
    { $held }
    Details: { $details }

    <b>Messages</b>
    { $messages }
case-card-missing =
    <b>Case { $code }</b> · 🔎 missing relative · { $priority } · { $status }
    Searching for: { $name }
    { $sex } · { $age } · to the reporter: { $relation }
    Last seen: { $place }, { $seen }
    Needs special care: { $vulnerable }
    Reporter's first name: { $reporter }
    Phone: { $phone }
    Language: { $language }
    Waiting: { $waited }
    { $held }
    Description: { $details }

    <b>Messages</b>
    { $messages }
case-none = —
case-no-messages = no messages yet
case-held-by-you = 🙋 You hold this case.
case-held-by = 👤 Held by a coordinator of { $organisation }.
case-held-by-nobody = Nobody holds this case yet.
case-chat-hint = ✍️ Whatever you send now (text, photo, voice, location, file) goes to the family through Koldo. They do not see your account. /queue to leave.
case-line = { $author }: { $text }
author-family = 👪 Family
author-coordinator = 🙋 Coordinator
author-note = 📝 Note
author-system = ⚙️ Koldo
attachment-photo = [photo]
attachment-voice = [voice]
attachment-audio = [audio]
attachment-video = [video]
attachment-document = [file]
attachment-location = [location]

btn-case-claim = ✋ Claim
btn-case-canned = 💬 Ready replies
btn-case-note = 📝 Internal note
btn-case-waiting = ⏳ Waiting for the family
btn-case-resolve = ✅ Resolve
btn-case-handover = 🤝 Hand over
btn-case-release = ↩️ Release
btn-case-back = ◀ Back to the case
btn-case-open = 📂 Open the case
btn-case-take-over = ✋ Take over

case-refused-not-allowed = This case is not in your districts, or you are not a coordinator.
case-refused-taken = Another coordinator has just taken this case.
case-refused-not-held = You do not hold this case.
case-refused-closed = This case is already resolved.
case-claimed = The case is yours. The family has been told.
case-released = Released: the case is back in the queue.
case-saved = Saved. The family has been told.
case-choose-outcome = How was case { $code } resolved?
outcome-helped = ✅ Helped
outcome-referred = ➡️ Referred to another organisation
outcome-unreachable = 📵 Family unreachable
outcome-duplicate = ♊ Duplicate case
case-choose-handover = Who should take case { $code }?
case-no-handover = No other coordinator covers this case.
btn-handover-to = { $organisation } · { $id }
case-handed-over = Handed over.
case-handed-to-you = 🤝 Case { $code } was handed over to you.
case-taken-over = The case is yours now. Whoever held it has been told.
case-taken-from-you = 🔁 An admin of Koldo took case { $code } from you: it is no longer yours.
case-choose-canned = Choose a reply. The family gets it in their own language.
btn-canned-received = We received your request
btn-canned-send-location = Please send your location
btn-canned-aid-at = Aid is handed out at…
case-ask-place = Write where and when aid is handed out (one short line).
case-canned-sent = Sent to the family in their language.
case-family-unreachable = The family could not be reached: they may have blocked Koldo. It is saved with the case.
case-ask-note = Write the internal note. The family never sees it.
case-note-saved = Note saved.
case-cannot-relay = This kind of message cannot be passed on. Send text, a photo, a voice note, a location or a file.
relay-from-family = 📩 <b>Case { $code }</b>: the family writes. Reply to their message to answer this case.

alert-new-cases = { $count ->
    [one] 🆕 A new case in your districts: { $codes }
   *[other] 🆕 { $count } new cases in your districts: { $codes }
}
alert-escalation = ⚠️ Urgent case { $code } has waited { $minutes } min and nobody has claimed it.

roles-grant-usage = Write: /grant ID coordinator DISTRICTS NEEDS ORGANISATION (lists with commas, - for none; add the word factchecker for a coordinator who also answers questions about rumours), or /grant ID admin.
roles-revoke-usage = Write: /revoke ID
roles-bad-role = That role cannot be granted.
roles-bad-district = Unknown district. Districts (write the code): { $valid }
roles-bad-need = Unknown kind of help. Kinds (write the code): { $valid }
roles-no-district = A coordinator needs at least one district.
roles-granted = Done: { $id } is now { $role }.
roles-revoked = Done: { $id } has no role now.
roles-no-role = { $id } has no role.
roles-line = { $id } · { $name } · { $role } · { $organisation } · { $districts } · { $needs }
roles-list = <b>Staff</b>
    { $lines }
roles-bad-id = That is not a Telegram user id: write a positive whole number, such as 123456789.
roles-cases-released = { $count ->
    [one] ↩️ { $count } case they held is back in the queue: { $codes }
   *[other] ↩️ { $count } cases they held are back in the queue: { $codes }
}
role-coordinator = coordinator
role-admin = admin
role-admin-settings = admin (KOLDO_ADMIN_IDS)
roles-name-unknown = (no name yet)
roles-all-districts = all districts
roles-all-needs = every kind of help
roles-no-organisation = -
roles-none = No coordinators or admins yet.
roles-not-started = ⚠️ { $id } has never written to Koldo, so Koldo cannot write to them first: ask them to open Koldo and press START.
roles-revoke-settings-admin = { $id } is an admin through KOLDO_ADMIN_IDS: that cannot be revoked here. Remove the id from KOLDO_ADMIN_IDS and restart Koldo.
roles-welcome-coordinator = 🙋 You are now a coordinator in Koldo, for { $districts } ({ $needs }). /queue shows the open cases there; /myshelters updates their shelters.
roles-welcome-admin = 🛠 You are now an admin of Koldo. /staff lists the staff, /grant and /revoke change roles, /queue shows every open case.

## Staff Koldo cannot write to, and what to ask them to do.
reach-not-started = They have not pressed START in Koldo yet, so Koldo cannot write to them first: ask them to open Koldo and press START.
reach-blocked = They have blocked Koldo: ask them to open their chat with Koldo and unblock it.
reach-failed = Telegram did not deliver the message to them.
roles-line-reach = ↳ ⚠️ { $reach }
alert-unreached = ⚠️ Koldo could not reach coordinator { $name } (id { $id }) about { $codes }, so you are told instead. { $reason }

## The case card: the phone, the language, the files, and how a closed case ended.
case-no-phone = not given
case-closed-as = Closed as: { $outcome }
case-erased = 🗑 Erased by the family: their place, phone, details, messages and files are deleted. Only anonymous counts remain.
case-erased-by-family = 🗑 The family erased their data: case { $code } is closed. Its card keeps only anonymous counts.
btn-case-files = 📎 Files ({ $count })
btn-case-files-more = ▶ More files
case-file-caption = 📎 Case { $code } · { $number }/{ $total } · { $kind }
case-files-sent = 📎 Case { $code }: files { $first }–{ $last } of { $total }.
case-files-failed = { $count ->
    [one] { $count } file could not be sent: Telegram no longer has it.
   *[other] { $count } files could not be sent: Telegram no longer has them.
}
case-files-none = There are no more files in this case.
relay-reopened-by-family = 📩 <b>Case { $code }</b> was closed. The family wrote again, so it is open again, and still yours. Reply to their message to answer this case.
