## Ишеним телефондору: кимге чалуу керек. Номерлер жөнөкөй текст: Telegram аларды басса боло турган кылат.

hotlines-title =
    ☎️ <b>Ишеним телефондору</b>
    Коркунуч болсо, дароо чалыңыз:
hotlines-no-emergency = 🚨 Коркунуч болсо, 112 номерине чалыңыз.
hotlines-choose-kind = Ким менен сүйлөшкүңүз келет? Басыңыз:
hotlines-of-kind = <b>{ $kind }</b>
hotlines-none-of-kind = Мындай номерлер азырынча жок.
hotlines-cut = Номерлердин баары бул жерге батпайт: { $shown } көрсөтүлдү.
hotline-entry = • <b>{ $name }</b>: { $phones }
hotline-hours = 🕓 { $hours }
hotline-district = 📍 { $district }
hotline-kind-medical = 🩺 Дарыгер жана дары
hotline-kind-psychological = 💬 Психолог менен сүйлөшүү
hotline-kind-children = 🧒 Балдарга жардам
hotline-kind-legal = ⚖️ Юридикалык жардам
hotline-kind-humanitarian = 🤝 Гуманитардык уюмдар
btn-all-hotlines = ⬅️ Бардык ишеним телефондору
