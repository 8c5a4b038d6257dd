## Start, language, consent, main menu and what every screen shares.

welcome =
    Hello! I am Koldo. I help families who had to leave their homes.
    Please choose your language.
welcome-back = Welcome back. How can I help?
welcome-staff = Welcome back. Your tools are in the menu below and under the ☰ button beside the text box.
choose-language = Choose your language.
language-name-ky = Кыргызча
language-name-ru = Русский
language-name-en = English
language-saved = Language saved.

consent =
    <b>Before we start</b>

    To bring you help, aid workers need to know about your family. Koldo keeps what you give it:
    • where you are, how many you are, who needs special care, what you need, and a phone number if you want to give one;
    • what you write, and the photos, voice messages and files you send, also in the chat with a coordinator;
    • your Telegram account number, so that Koldo can answer you (not your contacts).

    Only the coordinators of the aid organisations that run Koldo see it. We never show it to other families and never sell it.

    What a request holds about you is erased by itself { $days ->
        [one] { $days } day
       *[other] { $days } days
    } after the request is closed (a search for a missing relative: { $people_days ->
        [one] { $people_days } day
       *[other] { $people_days } days
    }). To erase everything sooner, press «Erase my data» in the main menu or send /erase. Only counts without names stay (for example, how many families asked for food).

    Shelters and hotlines are open to everyone, even if you say no.
btn-consent-agree = ✅ I agree
btn-consent-decline = ✖ No, thank you
consent-thanks = Thank you. We will keep your information safe.
consent-declined = That is all right. You can still find shelters and hotlines. To ask for help, you can agree later.
consent-needed =
    Before we go on, we need your agreement. Please read this:

    { consent }

main-menu = <b>Main menu</b>. What do you need?
main-menu-staff = <b>Main menu</b>. Your tools come first; below them, what families see.
menu-needs = 🆘 Ask for help
menu-shelters = 🏠 Shelters
menu-hotlines = ☎️ Hotlines
menu-missing = 🔎 Missing relative
menu-cases = 📋 My requests
menu-updates = 📢 Safety updates
menu-language = 🌐 Language
menu-erase = 🗑 Erase my data
menu-queue = 📋 Open cases
menu-myshelters = 🏠 My shelters
menu-staff = 👥 Staff
menu-broadcast = 📢 Write an update
menu-broadcasts = 📋 Updates sent
btn-main-menu = 🏠 Main menu

coming-soon =
    <b>{ $journey }</b> is not ready yet. We are working on it.
    If you are in danger, call 112.

command-start = Start again
command-menu = Main menu
command-language = Change language
command-erase = Erase my data

error-apology = Sorry, something went wrong on our side. Please try again in a moment.
slow-down = You are sending messages very fast. Please wait a few seconds, then continue.
button-expired = This button is no longer active. Please use the newest message.
fallback-use-menu = I did not understand. Please use the buttons below.

# A button that can be switched on and off.
toggle = { $on ->
    [yes] ✅ { $label }
   *[no] ▫️ { $label }
}

help-family =
    <b>What Koldo does</b>
    🆘 Ask for help: a few questions, then a coordinator of an aid organisation sees your request and writes to you here.
    🏠 Shelters and ☎️ Hotlines: open to everyone.
    📋 My requests: each of your requests, and writing to your coordinator.
    /menu — the main menu, /language — change the language, /mydata — what Koldo keeps about you, /erase — erase your data.
    If you are in danger, call 112.
help-coordinator =
    <b>Koldo for coordinators</b>
    /queue — the open cases of your districts, urgent first. Open one to claim it, write to the family and change its status.
    /myshelters — free places and status of shelters.
    /menu — the main menu.
help-admin =
    <b>Koldo for admins</b>
    /queue — every open case.
    /staff — the staff; /grant and /revoke — roles (/grant ID coordinator … factchecker: a coordinator who also answers questions about rumours).
    /myshelters — update shelters.
    /broadcast — write a safety update; /broadcasts — the ones sent: progress, cancel, correct.
    /report — the situation report: a picture and its figures; it can come every day.
    /menu — the main menu.
command-help = What Koldo does

command-queue = Open cases
command-myshelters = Update my shelters
command-staff = Staff and their roles
command-grant = Give a role
command-revoke = Take a role away
command-broadcast = Write a safety update
command-broadcasts = Safety updates sent