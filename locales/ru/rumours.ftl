## «Это правда?»: семья спрашивает о слухе; администраторы и фактчекеры отвечают всем семьям,
## которые спросили, каждой на её языке.

## Семья спрашивает.
rumour-ask =
    ❓ <b>Это правда?</b>
    Увидели сообщение и сомневаетесь, правда ли это? Перешлите его сюда, отправьте фото или напишите своими словами.
    Люди, которые проверяют слухи, ответят здесь, когда будут знать.
rumour-received = 👍 Получено. Можно прислать ещё об этом же или нажать «Отправить на проверку».
btn-rumour-send = ✅ Отправить на проверку
rumour-hint-nothing = Колдо может проверить пересланное сообщение, фото или ваш текст. Пожалуйста, отправьте что-то из этого.
rumour-hint-too-long = Слишком длинно: в одном вопросе до { $max } символов. То, что вы прислали раньше, сохранено.
rumour-hint-too-many-photos = В одном вопросе до { $max } фото. То, что вы прислали раньше, сохранено.
rumour-sent = 📨 Ваш вопрос { $code } передан людям, которые проверяют слухи. Они ответят здесь, когда будут знать. Вопрос также есть в разделе «Мои заявки».
rumour-asked-before = Вы уже спрашивали об этом: вопрос { $code }. Люди, которые проверяют слухи, ответят здесь, когда будут знать.

## Ответ, как его читает семья.
rumour-answer =
    ❓ <b>Ваш вопрос { $code }</b>
    { $body }
rumour-answer-body =
    { $verdict }

    { $explanation }

    Проверили: { $source }
rumour-verdict-true = ✅ <b>Это правда.</b>
rumour-verdict-false = ❌ <b>Это неправда.</b>
rumour-verdict-unknown = ❔ <b>Пока неизвестно, правда ли это.</b> Когда станет известно, ответ придёт сюда.
rumour-source = команда проверки фактов Колдо

## Вопросы семьи в «Мои заявки».
btn-my-rumour = ❓ { $code } · { $status }
rumour-status-checking = 🔎 проверяется
rumour-status-unknown = ❔ пока неизвестно
rumour-status-answered = ✅ есть ответ
my-rumour =
    <b>Вопрос { $code }</b> от { $date }
    Статус: { $status }
    Вы спросили: { $question }
rumour-photo-only = (фото)

## Сотрудники: карточка слуха.
rumour-card =
    <b>❓ Слух { $code }</b>
    Спросили: { $count ->
        [one] { $count } семья
        [few] { $count } семьи
        [many] { $count } семей
       *[other] { $count } семьи
    }
    Ждёт: { $waited }
rumour-origin-none = Не переслано: семья прислала это сама.
rumour-origin-channel = Переслано из канала { $name }
rumour-origin-group = Переслано из группы { $name }
rumour-origin-person = Переслано из сообщения пользователя { $name }
rumour-origin-hidden = Переслано из сообщения пользователя со скрытым аккаунтом: { $name }
rumour-origin-noname = (без имени)
rumour-card-question = Вопрос: { $question }
rumour-card-photo = 🖼 С вопросом пришло фото (выше).
rumour-photo-caption = 🖼 Фото к слуху { $code }
rumour-card-unanswered = Ответа пока нет.
rumour-card-said = Ответ на сейчас: { $verdict }
rumour-word-true = ✅ правда
rumour-word-false = ❌ неправда
rumour-word-unknown = ❔ пока неизвестно
btn-rumour-true = ✅ Правда
btn-rumour-false = ❌ Неправда
btn-rumour-unknown = ❔ Пока неизвестно
btn-rumour-broadcast = 📢 Отправить как сообщение о безопасности

## Сотрудники: пояснение на каждом языке, предпросмотр, ответ.
rumour-language-ky = кыргызский
rumour-language-ru = русский
rumour-language-en = английский
rumour-write =
    { $verdict } · слух { $code }
    Напишите короткое пояснение для семей: что известно и как это проверено. Язык: <b>{ $language }</b>, до { $max } символов.
rumour-write-optional =
    { $verdict } · слух { $code }
    Напишите короткое пояснение для семей. Язык: <b>{ $language }</b>, до { $max } символов.
    Или нажмите «Пропустить этот язык»: тогда эти семьи получат текст на языке: { $default }.
rumour-write-hint = Пожалуйста, напишите пояснение текстом, до { $max } символов.
btn-rumour-skip = ⏭ Пропустить этот язык
btn-rumour-cancel = ✖️ Отменить
rumour-cancelled = Ничего не отправлено.
rumour-preview = <b>Как это прочитают семьи</b>
rumour-preview-language = <b>{ $language }</b> · { $count ->
        [one] { $count } семья
        [few] { $count } семьи
        [many] { $count } семей
       *[other] { $count } семьи
    }
rumour-preview-fallback = {" "}— на этом языке ничего не написано: они получат текст на языке: { $default }
rumour-preview-hint = Воспользуйтесь кнопками под предпросмотром: ответить семьям, написать заново или отменить.
btn-rumour-confirm = { $count ->
        [one] 📨 Ответить { $count } семье
       *[other] 📨 Ответить всем { $count } семьям
    }
btn-rumour-rewrite = ✏️ Написать заново
rumour-answered = ✅ Готово: ответ получили { $count ->
        [one] { $told } из { $count } семьи
       *[other] { $told } из { $count } семей
    }.
rumour-already-answered = На этот слух уже ответили; повторно ничего не отправлено.
alert-new-rumours = { $count ->
        [one] ❓ { $count } новый слух для проверки: { $codes }
        [few] ❓ { $count } новых слуха для проверки: { $codes }
        [many] ❓ { $count } новых слухов для проверки: { $codes }
       *[other] ❓ { $count } новых слуха для проверки: { $codes }
    }

## Роли: координатор, который проверяет слухи.
role-fact-checker = координатор, фактчекер
roles-welcome-fact-checker = ❓ Вы также отвечаете на вопросы семей о слухах из всех районов: они в /queue.
roles-welcome-fact-checker-only = ❓ Теперь вы фактчекер в Колдо: вы отвечаете на вопросы семей о слухах из всех районов. /queue показывает их.
