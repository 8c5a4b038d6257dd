## Start, language, consent, main menu and what every screen shares.

welcome =
    Hello! I am Koldo. I help families who had to leave their homes.
    Please choose your language.
welcome-back = Welcome back. How can I help?
choose-language = Choose your language.
language-name-ky = Кыргызча
language-name-ru = Русский
language-name-en = English
language-saved = Language saved.

consent =
    <b>Before we start</b>

    To help you, aid workers need to know a little about your family: where you are, how many you are, who needs special care, what you need, and a phone number if you want to give one.

    • Only coordinators of aid organisations working with Koldo see it, to bring help to you.
    • We never show it to other families and never sell it.
    • You can erase everything at any time: /erase.

    Shelters and hotlines are open to everyone, even if you say no.
btn-consent-agree = ✅ I agree
btn-consent-decline = ✖ No, thank you
consent-thanks = Thank you. We will keep your information safe.
consent-declined = That is all right. You can still find shelters and hotlines. To ask for help, you can agree later.
consent-needed = To register your request, we need your agreement first. Please read this:

main-menu = <b>Main menu</b>. What do you need?
menu-needs = 🆘 Ask for help
menu-shelters = 🏠 Shelters
menu-hotlines = ☎️ Hotlines
menu-missing = 🔎 Missing relative
menu-cases = 📋 My requests
menu-updates = 📢 Safety news
menu-language = 🌐 Language
menu-erase = 🗑 Erase my data
btn-main-menu = 🏠 Main menu

coming-soon =
    <b>{ $journey }</b> is not ready yet. We are working on it.
    If you are in danger, call 112.

command-start = Start again
command-menu = Main menu
command-language = Change language
command-erase = Erase my data

error-apology = Sorry, something went wrong on our side. Please try again. What you entered is kept.
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
    /menu — the main menu, /language — change the language, /erase — erase your data.
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
    /menu — the main menu.
command-help = What Koldo does
