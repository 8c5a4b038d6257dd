## "Is this true?": a family asks about a rumour; admins and fact-checkers answer every family
## that asked, each in its own language.

## A family asking.
rumour-ask =
    ❓ <b>Is this true?</b>
    Did you see a message and are not sure it is true? Forward it here, send a photo of it, or write it in your own words.
    The people who check rumours will answer here when they know.
rumour-received = 👍 Received. You can send more about the same thing, or press «Send for checking».
btn-rumour-send = ✅ Send for checking
rumour-hint-nothing = Koldo can check a forwarded message, a photo or words you write. Please send one of these.
rumour-hint-too-long = That is too long: one question holds up to { $max } characters. What you sent before is kept.
rumour-hint-too-many-photos = One question holds up to { $max } photos. What you sent before is kept.
rumour-sent = 📨 Your question { $code } is with the people who check rumours. They will answer here when they know. You can also find it in «My requests».
rumour-asked-before = You already asked about this: question { $code }. The people who check rumours will answer here when they know.

## The answer, as a family reads it.
rumour-answer =
    ❓ <b>Your question { $code }</b>
    { $body }
rumour-answer-body =
    { $verdict }

    { $explanation }

    Checked by: { $source }
rumour-verdict-true = ✅ <b>This is true.</b>
rumour-verdict-false = ❌ <b>This is not true.</b>
rumour-verdict-unknown = ❔ <b>It is not known yet whether this is true.</b> When it is known, you will get the answer here.
rumour-source = Koldo's fact-checkers

## A family's questions in My requests.
btn-my-rumour = ❓ { $code } · { $status }
rumour-status-checking = 🔎 being checked
rumour-status-unknown = ❔ not known yet
rumour-status-answered = ✅ answered
my-rumour =
    <b>Question { $code }</b> from { $date }
    Status: { $status }
    You asked: { $question }
rumour-photo-only = (a photo)

## Staff: the rumour card.
rumour-card =
    <b>❓ Rumour { $code }</b>
    Asked by { $count ->
        [one] { $count } family
       *[other] { $count } families
    }
    Waiting: { $waited }
rumour-origin-none = Not forwarded: the family sent it themselves.
rumour-origin-channel = Forwarded from the channel { $name }
rumour-origin-group = Forwarded from the group { $name }
rumour-origin-person = Forwarded from a message of { $name }
rumour-origin-hidden = Forwarded from { $name } (the account is hidden)
rumour-origin-noname = (no name)
rumour-card-question = The question: { $question }
rumour-card-photo = 🖼 A photo came with it (above).
rumour-photo-caption = 🖼 Photo of rumour { $code }
rumour-card-unanswered = Not answered yet.
rumour-card-said = Answered so far: { $verdict }
rumour-word-true = ✅ true
rumour-word-false = ❌ not true
rumour-word-unknown = ❔ not known yet
btn-rumour-true = ✅ True
btn-rumour-false = ❌ False
btn-rumour-unknown = ❔ Not known yet
btn-rumour-broadcast = 📢 Send as a safety update

## Staff: the explanation in each language, the preview, the answer.
rumour-language-ky = Kyrgyz
rumour-language-ru = Russian
rumour-language-en = English
rumour-write =
    { $verdict } · rumour { $code }
    Write a short explanation for families: what is known, and how it was checked. Language: <b>{ $language }</b>, up to { $max } characters.
rumour-write-optional =
    { $verdict } · rumour { $code }
    Write a short explanation for families. Language: <b>{ $language }</b>, up to { $max } characters.
    Or press «Skip this language»: these families then get the text in { $default }.
rumour-write-hint = Please write the explanation as text, up to { $max } characters.
btn-rumour-skip = ⏭ Skip this language
btn-rumour-cancel = ✖️ Cancel
rumour-cancelled = Nothing was sent.
rumour-preview = <b>How families will read it</b>
rumour-preview-language = <b>{ $language }</b> · { $count ->
        [one] { $count } family
       *[other] { $count } families
    }
rumour-preview-fallback = {" "}— nothing was written in this language: they get the text in { $default }
rumour-preview-hint = Use the buttons under the preview: answer the families, write again, or cancel.
btn-rumour-confirm = { $count ->
        [one] 📨 Answer { $count } family
       *[other] 📨 Answer all { $count } families
    }
btn-rumour-rewrite = ✏️ Write again
rumour-answered = ✅ Done: the answer reached { $told } of { $count ->
        [one] { $count } family
       *[other] { $count } families
    }.
rumour-already-answered = This rumour has already been answered; nothing was sent again.
alert-new-rumours = { $count ->
        [one] ❓ A new rumour to check: { $codes }
       *[other] ❓ { $count } new rumours to check: { $codes }
    }

## Roles: a coordinator who checks rumours.
role-fact-checker = coordinator, fact-checker
roles-welcome-fact-checker = ❓ You also answer families' questions about rumours, from every district: they are in /queue.
roles-welcome-fact-checker-only = ❓ You are now a fact-checker in Koldo: you answer families' questions about rumours, from every district. /queue shows them.
