## We are safe: who is with the family, so that relatives who search can learn they are safe.

menu-safe = ✅ We are safe
btn-safe-list-people = 👪 List who is with you

safe-consent =
    <b>✅ We are safe: who is with you</b>

    If a relative is looking for you, Koldo can tell them that you are safe.
    • A coordinator checks first. Then we ask you. Nobody who searches is told anything unless you agree, for that one person.
    • We keep the names, sex and age of the people you list, and where you are.
    • { $days ->
        [one] { $days } day
       *[other] { $days } days
    } after you agree, the list is deleted by itself. /erase deletes it all, at any time.
btn-safe-agree = ✅ I agree, list people
btn-safe-not-now = Not now
safe-not-now = All right. Nobody is listed. You can do it later from the menu.

safe-name-self =
    <b>Let us start with you.</b>
    Write your name as in your documents. For example: Aigul Tashieva.
btn-safe-not-me = I am listing others, not me
safe-name = <b>Write the name of the next person</b>, as in their documents.
safe-name-empty = Please write a name.
safe-name-no-letters = A name needs letters. Please write the name, for example: Aigul Tashieva.
safe-name-too-long = This is too long: { $max } characters at most. Please write the name only.
safe-name-hint = Please write the name as text.
safe-sex = <b>{ $name }</b>: a man or a woman?
btn-safe-male = 👨 Man or boy
btn-safe-female = 👩 Woman or girl
safe-age = <b>How old is { $name }?</b> Write the age in digits, for example 34.
btn-safe-age-unknown = I don't know
safe-age-invalid = Please write the age in digits, from 0 to { $max }. For example: 34. Or press “I don't know”.

safe-people =
    <b>People with you</b>
    { $people }

    Add everyone who is with you, then press Done.
safe-people-none = nobody yet
safe-person = { $number }. { $name }, { $sex }, { $age }
safe-sex-M = male
safe-sex-F = female
safe-age-years = { $age ->
    [one] { $age } year old
   *[other] { $age } years old
}
safe-age-not-known = age not known
btn-safe-add = ➕ Add another person
btn-safe-remove = ✖ Remove someone
btn-safe-done = ✅ Done
safe-already-entered = { $name } is already on the list.
safe-full = The list is full: { $max } people at most.
safe-remove-who = <b>Whom should we remove?</b>
safe-none-yet = Please add at least one person.
safe-place-intro = One more question: where are you now? Relatives learn it only after you agree.

safe-saved =
    ✅ <b>Saved.</b> On your list: { $people }.
    If a relative is searching for someone on it, a coordinator checks first, and then we ask you.

safe-listed =
    <b>✅ Relatives can find you</b>
    On your list:
    { $people }

    Relatives who search for them may be told that you are safe, only after you agree.
btn-safe-add-more = ➕ Add someone
btn-safe-stop = 🚫 Stop being findable
safe-forget-who = <b>Whom should we remove from your list?</b>
safe-forgotten = { $name } is no longer on the list.
safe-stop-question = Stop being findable? Everyone on your list will be deleted. Your requests stay.
btn-safe-stop-sure = Yes, delete the list
btn-safe-stop-keep = No, keep it
safe-stopped = Done. Nobody on your list can be found now. Your requests stay.

safe-leave-question = You have not finished your list. What you entered is kept. Do you want to continue?
safe-leave-question-empty = You have just started your list. Do you want to continue?
btn-safe-resume = ➡️ Continue my list
safe-discarded = The list is deleted. Nobody was added.
