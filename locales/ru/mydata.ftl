## Что Колдо знает обо мне (/mydata): всё, что Колдо хранит о человеке, его словами.

menu-mydata = 📄 Мои данные
command-mydata = Что Колдо хранит обо мне
btn-mydata-file = 📄 Прислать файлом

mydata-heading = <b>📄 Что Колдо хранит о вас</b>
mydata-nothing =
    <b>📄 Что Колдо хранит о вас</b>
    Ничего: ни заявок, ни номера телефона, ни сообщений. Колдо знает только номер вашего аккаунта в Telegram и ваш язык, чтобы отвечать вам.
mydata-page = Страница { $page } из { $pages }
mydata-footer = Это видят только координаторы гуманитарных организаций, которые ведут Колдо, — чтобы помочь вам. Другим семьям мы это никогда не показываем. Чтобы удалить всё, нажмите «Удалить мои данные».
mydata-not-given = не указано

mydata-account =
    <b>👤 Вы</b>
    🌐 Язык: { $language }
    ✅ Согласие: { $consent }
    📱 Телефон: { $phone }
mydata-agreed = дано { $date }
mydata-not-agreed = не дано
mydata-staff =
    🪪 Роль: { $role }, организация: { $organisation }
    Ваше имя, как его передаёт Telegram: { $name }
mydata-role-family = нет
mydata-role-coordinator = координатор
mydata-role-admin = администратор

mydata-case =
    <b>📋 Заявка { $code }</b>
    Статус: { $status }
    Отправлена: { $created }
    📍 Место: { $place }
    👪 Сколько вас: { $people }
    ❤️ Особый уход: { $vulnerable }
    🆘 Нужно: { $needs }
    📱 Телефон: { $phone }
    📝 Подробности: { $details }
mydata-missing =
    <b>🔎 Заявка { $code }: пропавший родственник</b>
    Статус: { $status }
    Отправлена: { $created }
    👤 Кого ищем: { $name }, { $sex }, { $age }
    👪 Кем приходится вам: { $relation }
    📍 Где видели в последний раз: { $place }, { $seen }
    ❤️ Особый уход: { $vulnerable }
    📝 Приметы: { $details }
    🙋 Ваше имя: { $reporter }
    📱 Телефон: { $phone }
mydata-place-with-location = { $place } (по отправленной геопозиции)
mydata-closed = Закрыта: { $date }
mydata-messages = 💬 Сохранено сообщений: { $count } (ваших: { $yours }, от координатора: { $theirs })
mydata-no-messages = 💬 Сообщений нет.
mydata-notes = 🗒 Рабочих заметок координатора: { $count }
mydata-files = 📎 Сохранено фото, голосовых, файлов и геопозиций: { $count }
mydata-seen = 👁 Видели: { $who }
mydata-seen-nobody = 👁 Пока никто не открывал.
mydata-seen-coordinator = координатор Колдо
mydata-seen-admin = администратор Колдо

mydata-household =
    <b>✅ Мы в безопасности</b>
    📍 Место: { $place }
mydata-listed = { $date } вы согласились, чтобы вас могли найти: родственникам, которые вас ищут, скажут, что вы в безопасности, — каждый раз только с вашего согласия. В вашем списке:
mydata-not-listed = В вашем списке никого нет: родственникам, которые вас ищут, ничего не сообщается.

mydata-questions = <b>❓ Ваши вопросы «Это правда?»: { $count }</b>
mydata-question =
    { $code } · { $date } · { $status }
    Вы спросили: { $question }

mydata-file-title = Что Колдо хранит о вас, на { $date }
mydata-file-caption = 📄 Всё, что Колдо хранит о вас, одним файлом. Храните его бережно: кто увидит файл, сможет прочитать всё, что в нём.
