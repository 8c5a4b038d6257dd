## Register needs: the guided form.

needs-intro = We will ask a few short questions. It takes about two minutes.
needs-location =
    <b>Where are you now?</b>
    Press “📍 Send my location” below, or choose your place from the list.
btn-share-location = 📍 Send my location
btn-choose-district = 🗺 Choose from the list
btn-back = ⬅️ Back
needs-location-far = This place is far from Batken region. Please choose your district from the list.
needs-location-received = 📍 Thank you. Your place: { $place }.
needs-choose-from-list = 🗺 Choose from the list below.
needs-location-hint = Please press “📍 Send my location” or “🗺 Choose from the list”.
needs-district = <b>Which district or town are you in?</b>
needs-village = <b>Which village in { $area }?</b>
btn-village-not-listed = My village is not in the list
needs-village-type =
    <b>Please write the name of your village.</b>
    We keep it as you write it (at most { $max } characters). Or press Skip.
needs-village-type-hint = Please write the village's name in letters, or press Skip.
needs-village-too-long = This is too long: at most { $max } characters. Please write the village's name only.

needs-size = <b>How many people are in your family with you now?</b> Count yourself too.
btn-size-more = 6 or more
needs-size-type = Please type the number of people, for example 8 (at most { $max }).
needs-size-invalid = Please send the number of people as digits, from 1 to { $max }. For example: 4.

needs-vulnerable =
    <b>Who in your family needs extra care?</b>
    Tap all that apply, then press Continue.
vuln-young_children = 👶 Children under 5
vuln-pregnant = 🤰 Pregnant or breastfeeding
vuln-elderly = 👵 Elderly (over 60)
vuln-disabled = ♿ Person with disability
vuln-chronic_illness = 💊 Ill and needs medicine
btn-continue = Continue ➡️
btn-nobody-vulnerable = Nobody of these ➡️

needs-needs =
    <b>What do you need most?</b>
    Tap everything you need, then press Continue.
need-food_water = 🍞 Food and water
need-medical = 🩺 Medicine, doctor
need-shelter = 🏠 A place to stay
need-clothes_hygiene = 🧥 Clothes, hygiene items
need-psychological = 💬 Someone to talk to
need-cash = 💵 Money
need-documents = 📄 Lost documents
need-transport = 🚐 Transport
need-damaged_property = 🏚 Damaged home or livestock
need-legal = ⚖️ Legal help
# Not a choice of the needs form: the kind of need of a missing relative's report.
need-missing = 🔎 Missing relative
needs-choose-one = Please tap at least one thing you need.

needs-phone =
    <b>Your phone number</b>
    So that aid workers can call you. Press “📱 Send my number” below, or Skip.
btn-share-phone = 📱 Send my number
btn-skip = Skip ➡️
needs-phone-not-own = This is someone else's number. Please press “📱 Send my number” to send your own, or Skip.
needs-phone-saved = 📱 Thank you, your number is saved.
needs-phone-skipped = All right, without a phone number.
needs-phone-hint = Please use the “📱 Send my number” button, so we know it is really your number. Or press Skip.

needs-details =
    <b>Anything else we should know?</b>
    Write a few words, or send a photo or a voice message. Or press Skip.
needs-details-added = Added. You can write more, or press Continue.
needs-file-added = Received. You can send more, or press Continue.
needs-details-too-many-files = You can send up to { $max } files. Please press Continue.
needs-details-hint = Please write a text, send a photo or a voice message, or press Continue.
needs-details-hint-skip = Please write a text, send a photo or a voice message, or press Skip.
needs-text-cut = Only { $max } characters fit here, so we kept the beginning of your message: { $kept ->
    [one] { $kept } character.
   *[other] { $kept } characters.
} You can send the rest later in «📋 My requests».
needs-text-full = Only { $max } characters fit here and they are all used, so this message was not added. You can send it later in «📋 My requests».

needs-summary =
    <b>Please check your request</b>

    📍 Place: { $place }
    👪 People: { $people }
    ❤️ Special care: { $vulnerable }
    🆘 Needs: { $needs }
    📱 Phone: { $phone }
    📝 Details: { $details }{ $files }

    If everything is right, press Send.
summary-nobody = nobody
summary-files = {" "}(📎 { $count ->
    [one] { $count } file
   *[other] { $count } files
})
summary-file-caption = 📎 { $caption }
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
summary-no-phone = not given
summary-no-details = none
place-village = { $village }, { $area }
place-shared-location = location sent
place-unknown = not given
btn-confirm = ✅ Send my request
btn-edit-location = ✏️ Place
btn-edit-size = ✏️ People
btn-edit-vulnerable = ✏️ Special care
btn-edit-needs = ✏️ Needs
btn-edit-phone = ✏️ Phone
btn-edit-details = ✏️ Details
btn-cancel-form = ✖ Cancel the request

needs-leave-question = You have not finished your request. What you entered is kept. Do you want to continue?
needs-leave-question-empty = You have just started your request. Do you want to continue?
btn-form-resume = ➡️ Continue my request
btn-form-discard = 🗑 Delete it and go to the menu
needs-discarded = The request is deleted.
needs-going-back = ⬅️ Going back.
needs-use-buttons = Please use the buttons under the message.

needs-case-created =
    ✅ <b>Your request is registered.</b>
    Your code: <b>{ $code }</b>
    Please write it down: it names your request in «My requests» and in the coordinator's messages.

    Coordinators of aid organisations will see it. When one of them takes it, they will write to you here.
    If someone's life is in danger, call 112 now.
