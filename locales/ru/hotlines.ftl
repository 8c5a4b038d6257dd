## Горячие линии: куда звонить. Номера — простым текстом, чтобы Telegram сделал их нажимаемыми.

hotlines-title =
    ☎️ <b>Горячие линии</b>
    Если грозит опасность, звоните сразу:
hotlines-no-emergency = 🚨 Если грозит опасность, звоните 112.
hotlines-choose-kind = С кем вы хотите поговорить? Нажмите:
hotlines-of-kind = <b>{ $kind }</b>
hotlines-none-of-kind = Номеров такого вида пока нет.
hotlines-cut = Номеров больше, чем помещается здесь: показано { $shown }.
hotline-entry = • <b>{ $name }</b>: { $phones }
hotline-hours = 🕓 { $hours }
hotline-district = 📍 { $district }
hotline-kind-medical = 🩺 Врачи и лекарства
hotline-kind-psychological = 💬 Поговорить с психологом
hotline-kind-children = 🧒 Помощь детям
hotline-kind-legal = ⚖️ Юридическая помощь
hotline-kind-humanitarian = 🤝 Гуманитарные организации
btn-all-hotlines = ⬅️ Все горячие линии
