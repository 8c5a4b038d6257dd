## What Koldo knows about me (/mydata): everything Koldo keeps about a person, in their words.

menu-mydata = 📄 My data
command-mydata = What Koldo keeps about me
btn-mydata-file = 📄 Send it as a file

mydata-heading = <b>📄 What Koldo keeps about you</b>
mydata-nothing =
    <b>📄 What Koldo keeps about you</b>
    Nothing: no requests, no phone number, no messages. Koldo knows only the number of your Telegram account and your language, so that it can answer you.
mydata-page = Page { $page } of { $pages }
mydata-footer = Only coordinators of the aid organisations that run Koldo see this, to help you. We never show it to other families. To erase all of it, press «Erase my data».
mydata-not-given = not given

mydata-account =
    <b>👤 You</b>
    🌐 Language: { $language }
    ✅ Consent: { $consent }
    📱 Phone: { $phone }
mydata-agreed = given on { $date }
mydata-not-agreed = not given
mydata-staff =
    🪪 Role: { $role }, organisation: { $organisation }
    Your name as Telegram gives it: { $name }
mydata-role-family = none
mydata-role-coordinator = coordinator
mydata-role-admin = admin

mydata-case =
    <b>📋 Request { $code }</b>
    Status: { $status }
    Sent on: { $created }
    📍 Place: { $place }
    👪 People: { $people }
    ❤️ Special care: { $vulnerable }
    🆘 Needs: { $needs }
    📱 Phone: { $phone }
    📝 Details: { $details }
mydata-missing =
    <b>🔎 Request { $code }: a missing relative</b>
    Status: { $status }
    Sent on: { $created }
    👤 Who: { $name }, { $sex }, { $age }
    👪 Who they are to you: { $relation }
    📍 Last seen: { $place }, { $seen }
    ❤️ Special care: { $vulnerable }
    📝 Description: { $details }
    🙋 Your name: { $reporter }
    📱 Phone: { $phone }
mydata-place-with-location = { $place } (from the location you sent)
mydata-closed = Closed on: { $date }
mydata-messages = 💬 Messages kept: { $count } (from you: { $yours }, from the coordinator: { $theirs })
mydata-no-messages = 💬 No messages kept.
mydata-notes = 🗒 Notes the coordinator keeps for their work: { $count }
mydata-files = 📎 Photos, voice messages, files and locations kept: { $count }
mydata-seen = 👁 Seen by: { $who }
mydata-seen-nobody = 👁 Nobody has opened it yet.
mydata-seen-coordinator = a coordinator of Koldo
mydata-seen-admin = an admin of Koldo

mydata-household =
    <b>✅ We are safe</b>
    📍 Place: { $place }
mydata-listed = On { $date } you agreed to be findable: relatives searching for you may be told you are safe, each time only after you say yes. On your list:
mydata-not-listed = Nobody is on your list: relatives searching for you are told nothing.

mydata-questions = <b>❓ Your questions «Is this true?»: { $count }</b>
mydata-question =
    { $code } · { $date } · { $status }
    You asked: { $question }

mydata-file-title = What Koldo keeps about you, on { $date }
mydata-file-caption = 📄 Everything Koldo keeps about you, in one file. Keep it safe: whoever sees the file can read what is in it.
