## Safety updates from the menu: the latest verified updates for this person, a page at a time,
## each under its date and, when it was corrected, a word about it.

updates-heading = 📢 <b>Safety updates</b>, the newest first:
updates-heading-page = 📢 <b>Safety updates</b> { $first }–{ $last } of { $total }, the newest first:
updates-date = 🗓 { $date }
updates-corrected = ❗ <b>Corrected on { $date }</b>: read the newer update.
updates-correction = ✏️ This corrects the update of { $date }.
updates-footer = Heard something and not sure it is true? Ask us: «❓ Is this true?»
updates-none =
    There are no safety updates for you at the moment. When a verified update for your area comes out, you will find it here.
    If you are in danger, call 112.
btn-updates-newer = ◀️ Newer
btn-updates-older = Older ▶️
btn-rumour = ❓ Is this true?
