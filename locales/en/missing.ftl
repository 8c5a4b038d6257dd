## Report a missing relative: the form, the report in My requests, and "they are found".

missing-intro =
    <b>Looking for a relative</b>

    Tell us whom you are looking for. Koldo compares them with everyone it knows: families registered here, lists of evacuees, other reports, even when a name is written differently (Жумабаев, Джумабаев, Jumabaev).

    Nothing about anyone is shared until a coordinator has checked it and the person has agreed.
btn-missing-report = 🔎 Report a missing person

missing-name =
    <b>What is the name of the person you are looking for?</b>
    Write it as you usually write it, in any letters: first name and surname, and the father's name if you know it (at most { $max } letters).
missing-name-hint = Please write the person's name in letters, for example: Aibek Jumabaev.
missing-name-too-long = This is too long: a name can have at most { $max } letters. Please write it shorter.

missing-sex = <b>Is this person male or female?</b>
missing-sex-male = 👨 Male
missing-sex-female = 👩 Female
missing-sex-unknown = I don't know

missing-age =
    <b>How old are they?</b>
    Type the age in digits, for example 45. If you are not sure, write ~45.
btn-missing-age-unknown = I don't know the age
missing-age-hint = Please type the age in digits, from 0 to { $max }. For example: 45, or ~45 if you are not sure.
# Words that make a typed age approximate, and words for "years" (space-separated, lower case).
missing-age-about-words = about around approximately roughly nearly maybe
missing-age-year-words = years year old yrs y

missing-relation = <b>Who is this person to you?</b>
relation-son = Son
relation-daughter = Daughter
relation-husband = Husband
relation-wife = Wife
relation-father = Father
relation-mother = Mother
relation-brother = Brother
relation-sister = Sister
relation-grandchild = Grandchild
relation-grandparent = Grandparent
relation-relative = Another relative
relation-neighbour_friend = Neighbour or friend
missing-use-buttons = Please press one of the buttons under the message.

missing-location =
    <b>Where were they last seen?</b>
    If you are at that place now, press “📍 I am at that place”. You can also send a point on the map: 📎, then “Location”. Or choose from the list.
btn-missing-share-location = 📍 I am at that place
missing-location-hint = Please press “📍 I am at that place”, send a point on the map, or press “🗺 Choose from the list”.
missing-location-received = 📍 Thank you. Last seen: { $place }.
missing-district = <b>In which district or town were they last seen?</b>
missing-village = <b>Which village in { $area }?</b>
btn-missing-village-not-listed = The village is not in the list
missing-village-type =
    <b>Please write the name of the village.</b>
    We keep it as you write it (at most { $max } characters). Or press Skip.

missing-seen = <b>When were they last seen?</b>
btn-missing-seen-today = Today
btn-missing-seen-yesterday = Yesterday
btn-missing-seen-date = 📅 Another day
btn-missing-seen-unknown = I don't know
missing-seen-type = Type the date as day.month, for example 03.05, or with the year: 03.05.2025.
missing-seen-hint = Please press a button, or type the date like 03.05 or 03.05.2025.
missing-seen-invalid = I could not read this date. Please type it as day.month, for example 03.05 or 03.05.2025.
missing-seen-future = This day has not come yet. Please type the day they were last seen.
missing-seen-too-old = This is more than { $years } years ago. Please check the date. If you do not know it, press “I don't know”.

missing-vulnerable =
    <b>Does this person need special care?</b>
    Tap all that apply, then press Continue. Children under 18 and people aged 60 or older count as urgent anyway.
btn-missing-none-of-these = None of these ➡️

missing-photos =
    <b>Do you have a photo of them?</b>
    Send up to { $max } photos: a recent one helps to recognise them. Or press Skip.
missing-photo-added = Photo received. You can send more (up to { $max }), or press Continue.
missing-photos-hint = Please send a photo (not as a file), or press Continue.
missing-photos-hint-skip = Please send a photo (not as a file), or press Skip.
missing-photos-too-many = You can send up to { $max } photos. Please press Continue.

missing-description =
    <b>What would help to recognise them?</b>
    Clothes, health, who they were with… A few words are enough (at most { $max } characters). Or press Skip.
missing-description-added = Added. You can write more, or press Continue.
missing-description-hint = Please write it in words, or press Continue.
missing-description-hint-skip = Please write it in words, or press Skip.

missing-reporter =
    <b>What is your first name?</b>
    If they are found and agree, this is how they will know who is looking for them. Type it, or tap your name below.
missing-reporter-hint = Please type your first name in letters.
missing-reporter-too-long = This is too long: at most { $max } letters. Your first name is enough.
missing-reporter-saved = Thank you, { $name }.

missing-phone =
    <b>Your phone number</b>
    So that a coordinator can call you about your search. Press “📱 Send my number” below, or Skip.

missing-summary =
    <b>Please check your report</b>

    🔎 Name: { $name }
    👤 { $sex }, { $age }
    👪 Who they are to you: { $relation }
    📍 Last seen: { $place }, { $seen }
    ❤️ Special care: { $vulnerable }
    📷 Photos: { $photos }
    📝 Description: { $description }
    🙋 Your name: { $reporter }
    📱 Phone: { $phone }

    If everything is right, press “✅ Send my report”.
missing-age-exact = { $age ->
    [one] { $age } year old
   *[other] { $age } years old
}
missing-age-about = { $age ->
    [one] about { $age } year old
   *[other] about { $age } years old
}
missing-age-not-known = age not known
missing-seen-not-known = day not known
missing-none = none
missing-photos-count = { $count ->
    [0] none
    [one] { $count } photo
   *[other] { $count } photos
}
btn-edit-name = ✏️ Name
btn-edit-sex = ✏️ Male or female
btn-edit-age = ✏️ Age
btn-edit-relation = ✏️ Who they are
btn-edit-place = ✏️ Place
btn-edit-seen = ✏️ Day
btn-edit-photos = ✏️ Photos
btn-edit-description = ✏️ Description
btn-edit-reporter = ✏️ Your name
btn-missing-send = ✅ Send my report
btn-missing-cancel = ✖ Cancel the report

missing-leave-question = You have not finished your report. What you entered is kept. Do you want to continue?
missing-leave-question-empty = You have just started your report. Do you want to continue?
btn-missing-resume = ➡️ Continue my report
missing-discarded = The report is deleted.

missing-sent =
    ✅ <b>Your request is registered.</b>
    Its code: <b>{ $code }</b>. Please write it down: it names your request in «My requests».

    Koldo compares this person with everyone it knows. A coordinator checks every possible match first; if there is news, they will write to you here.
btn-missing-another = 🔎 Report another person

my-case-missing =
    <b>Request { $code }</b> from { $date }
    Searching for: { $name }
    Status: { $status }
btn-my-missing-case = 🔎 { $code } · { $status }
btn-my-case-found = 🎉 They are found
missing-found-question = Is { $name } found? Then we will close this request.
btn-missing-found-yes = ✅ Yes, they are found
btn-missing-found-no = ⬅️ No, go back
missing-found-thanks = We are so glad. Your request { $code } is closed. If you need anything else, Koldo is here.
missing-found-staff = ✅ The family says the person sought in case { $code } is found. The case is closed.
