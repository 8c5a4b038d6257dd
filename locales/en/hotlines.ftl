## Hotlines: whom to call. Numbers stay plain text, so that Telegram makes them tappable.

hotlines-title =
    ☎️ <b>Hotlines</b>
    In danger, call now:
hotlines-no-emergency = 🚨 In danger, call 112.
hotlines-choose-kind = Who do you want to talk to? Tap one:
hotlines-of-kind = <b>{ $kind }</b>
hotlines-none-of-kind = There are no numbers of this kind yet.
hotlines-cut = There are more numbers than fit here: { $shown } are shown.
hotline-entry = • <b>{ $name }</b>: { $phones }
hotline-hours = 🕓 { $hours }
hotline-district = 📍 { $district }
hotline-kind-medical = 🩺 Doctors and medicine
hotline-kind-psychological = 💬 Someone to talk to
hotline-kind-children = 🧒 Help for children
hotline-kind-legal = ⚖️ Legal help
hotline-kind-humanitarian = 🤝 Aid organisations
btn-all-hotlines = ⬅️ All hotlines
