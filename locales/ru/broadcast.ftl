## Проверенные новости о безопасности (рассылки): что семья читает под текстом администратора
## и что `koldo broadcast …` сообщает администратору, который её запускает.

broadcast-urgent = ⚠️ <b>Срочно</b>
broadcast-source = ✅ Проверено: { $source }

broadcast-problem-no-default-text = нет текста на языке по умолчанию ({ $language }): языки, оставленные пустыми, получают этот текст
broadcast-problem-no-source = нет источника: укажите, кто проверил эту новость (--source)
broadcast-problem-too-long = текст со строкой источника слишком длинный для одного сообщения (4096 знаков, под фото 1024)
broadcast-problem-bad-near = --near принимает ШИРОТА,ДОЛГОТА,КМ, например 40.06,70.82,25 (радиус от 0.1 до 500 км)
broadcast-problem-bad-location = --location принимает ШИРОТА,ДОЛГОТА, например 40.06,70.82
broadcast-problem-bad-time = --at принимает время, например 2026-05-03T18:00+06:00 или 18:00 (сегодня, по часовому поясу этого компьютера)
broadcast-problem-past-time = время --at уже прошло; не указывайте его, чтобы отправить сейчас
broadcast-problem-bad-district = «{ $value }» — район, которого Колдо не знает
broadcast-problem-bad-language = «{ $value }» — не язык Колдо: укажите ky, ru или en
broadcast-problem-not-found = рассылки номер { $id } нет
broadcast-problem-not-cancellable = рассылка { $id } уже закончилась; отменять нечего

broadcast-created = Рассылка { $id }: { $status }
broadcast-recipients = { $count ->
    [one] { $count } получатель
    [few] { $count } получателя
   *[many] { $count } получателей
} ({ $languages })
broadcast-cancelled = Рассылка { $id } отменена; больше ничего не будет отправлено.
broadcast-status-scheduled = запланирована на { $at }
broadcast-status-running = отправляется
broadcast-status-done = закончена
broadcast-status-cancelled = отменена
broadcast-progress = отправлено { $sent }, не удалось { $failed }, недоступны { $unreachable }, осталось { $left }; { $rate } в секунду; { $eta }
broadcast-eta = примерно { $seconds } с до конца
broadcast-eta-unknown = сколько осталось до конца, пока неизвестно
broadcast-eta-done = ничего не осталось
broadcast-report = Рассылка { $id } { $status }: отправлено { $sent } из { $total }, не удалось { $failed }, недоступны { $unreachable }.
broadcast-list-empty = Рассылок пока нет.
broadcast-worker-stopped = Отправка рассылок остановлена; отправлено сообщений: { $count }.

## Что семья читает первым в исправлении.
broadcast-corrects = ✏️ <b>Это исправление сообщения о безопасности от { $date }.</b>

## Сообщение о безопасности в боте (/broadcast), для администраторов.
broadcast-admins-only = Это только для администраторов Колдо.
broadcast-language-ky = кыргызский
broadcast-language-ru = русский
broadcast-language-en = английский
broadcast-compose-now = Сейчас: { $value }
broadcast-compose-text-default = ✍️ Язык: <b>{ $language }</b>. Напишите сообщение о безопасности так, как его прочитают семьи. Этот текст обязателен: его получат все, для чьего языка нет своего текста.
broadcast-compose-text-other = ✍️ Язык: <b>{ $language }</b>. Напишите сообщение на этом языке или пропустите шаг. Тогда те, кто читает Колдо на этом языке, получат текст на языке: { $default }.
broadcast-compose-correcting = ✏️ Это исправление сообщения о безопасности { $id }. Получатели сначала увидят дату того сообщения.
broadcast-compose-media = 📎 Добавить фото или геопозицию? Отправьте одно из них (📎, затем Фото или Геопозиция) или продолжайте без них.
broadcast-compose-has-photo = Сейчас к сообщению приложено фото.
broadcast-compose-has-location = Сейчас к сообщению приложена геопозиция.
broadcast-compose-source = ✅ Кто проверил это сообщение? Напишите источник, ведомство или организацию: семьи прочитают его под текстом.
broadcast-compose-audience = 👥 Кто получит сообщение?
broadcast-compose-districts = 🗺 Какие районы? Нажмите на них или напишите название района. Семьи получат сообщение по району, который указали при регистрации или отправили последним.
broadcast-compose-languages = 🌐 Какие языки? Люди получат сообщение по языку, на котором читают Колдо.
broadcast-compose-point = 📍 Отправьте геопозицию центра (📎, затем Геопозиция). Сообщение получат семьи, которые отправили геопозицию недалеко от него.
broadcast-compose-km = 📏 В скольких километрах от этой точки? Нажмите на расстояние или напишите число от { $min } до { $max }.
broadcast-compose-urgency = ⚠️ Это срочно? Срочное сообщение начинается со знака предупреждения.
broadcast-preview-language = 👁 <b>{ $language }</b> · { $count ->
    [one] { $count } получатель
    [few] { $count } получателя
   *[many] { $count } получателей
}
broadcast-preview-fallback = Нет текста на языке: { $language }. Эти люди получат текст на языке: { $default }.
broadcast-preview-summary = 👆 Так сообщение получит каждый язык. Всего { $count ->
    [one] { $count } получатель.
    [few] { $count } получателя.
   *[many] { $count } получателей.
}
broadcast-audience-everyone = 👥 Все, кто запускал Колдо
broadcast-audience-districts = 🗺 Семьи в районах: { $districts }
broadcast-audience-languages = 🌐 Те, кто читает Колдо на языках: { $languages }
broadcast-audience-coordinators = 🧑‍💼 Только координаторы и администраторы
broadcast-audience-near = 📍 Семьи в пределах { $km } км от точки
broadcast-urgency-urgent = ⚠️ Срочно
broadcast-urgency-normal = Не срочно
broadcast-preview-correction = ✏️ Исправление сообщения о безопасности { $id }
broadcast-compose-schedule = 🕒 Когда отправить? Время указано по Кыргызстану.
broadcast-compose-time = ⌨️ Напишите время по Кыргызстану: 18:00 на сегодня или дату и время, например 2026-05-03 18:00.
broadcast-compose-edit = ✏️ Что изменить?
broadcast-compose-drop = Удалить это сообщение? Ничего из него не будет отправлено.
broadcast-compose-dropped = Сообщение удалено; ничего не отправлено.
broadcast-compose-resume = У вас есть неотправленное сообщение о безопасности.
broadcast-compose-saved = 📤 Сообщение о безопасности { $id } сохранено. Ход отправки ниже.
broadcast-already-sent = Это сообщение уже сохранено как сообщение о безопасности { $id }; дважды оно не отправляется.
broadcast-not-found = Сообщения о безопасности номер { $id } нет.

## Что не так с ответом: черновик сохраняется, шаг показывается снова.
broadcast-bad-text = Пожалуйста, отправьте текст сообщением: стикеры, фото и файлы здесь не подходят.
broadcast-bad-too-long = Слишком длинно для одного сообщения: вместе со строкой источника текст каждого языка может содержать не больше { $max } знаков. Пожалуйста, сократите его.
broadcast-bad-no-default = Нужен текст на языке: { $language }. Его получат все, для чьего языка нет своего текста.
broadcast-bad-photo-long = Под фото текст каждого языка вместе со строкой источника может содержать не больше { $max } знаков, а это сообщение длиннее. Сначала сократите тексты или продолжайте без фото.
broadcast-bad-media = Пожалуйста, отправьте фото или геопозицию или используйте кнопки.
broadcast-bad-source = Пожалуйста, напишите, кто проверил сообщение, не больше { $max } знаков.
broadcast-bad-district = Колдо не знает района { $value }. Пожалуйста, нажмите на одну из кнопок.
broadcast-bad-no-district = Пожалуйста, выберите хотя бы один район.
broadcast-bad-no-language = Пожалуйста, выберите хотя бы один язык.
broadcast-bad-point = Пожалуйста, отправьте точку как геопозицию (📎, затем Геопозиция).
broadcast-bad-point-far = Эта точка далеко от районов, где работает Колдо. Пожалуйста, отправьте точку в регионе.
broadcast-bad-km = Пожалуйста, укажите расстояние от { $min } до { $max } км, например 10.
broadcast-bad-time = Колдо не понял это время. Напишите 18:00 на сегодня или дату и время, например 2026-05-03 18:00.
broadcast-bad-past-time = Это время уже прошло. Пожалуйста, укажите более позднее или отправьте сообщение сейчас.
broadcast-use-buttons = Пожалуйста, используйте кнопки этого шага.

btn-broadcast-keep = Оставить как есть ➡️
btn-broadcast-cancel = ✖ Отменить
btn-broadcast-no-media = Без фото и геопозиции ➡️
btn-broadcast-everyone = 👥 Всем
btn-broadcast-districts = 🗺 Некоторым районам
btn-broadcast-languages = 🌐 Некоторым языкам
btn-broadcast-coordinators = 🧑‍💼 Только координаторам
btn-broadcast-near = 📍 Рядом с точкой
btn-broadcast-km = { $km } км
btn-broadcast-normal = Не срочно
btn-broadcast-urgent = ⚠️ Срочно
btn-broadcast-send = 📤 Отправить сейчас
btn-broadcast-schedule = 🕒 Запланировать
btn-broadcast-edit = ✏️ Изменить
btn-broadcast-to-preview = ⬅️ К предпросмотру
btn-broadcast-in-hours = { $hours ->
    [one] Через { $hours } час
    [few] Через { $hours } часа
   *[many] Через { $hours } часов
}
btn-broadcast-tomorrow = Завтра в 08:00
btn-broadcast-type-time = ⌨️ Написать время
btn-broadcast-edit-text = ✏️ Текст: { $language }
btn-broadcast-edit-media = ✏️ Фото или геопозиция
btn-broadcast-edit-source = ✏️ Источник
btn-broadcast-edit-audience = ✏️ Кто получит
btn-broadcast-edit-urgency = ✏️ Срочность
btn-broadcast-drop = 🗑 Да, удалить
btn-broadcast-keep-draft = ⬅️ Нет, вернуться
btn-broadcast-resume = ➡️ Продолжить
btn-broadcast-anew = 🆕 Начать заново

## Ход отправки для администратора (сообщение обновляется) и итоговый отчёт.
broadcast-eta-minutes = примерно { $minutes } мин до конца
broadcast-figure-sent = ✅ Отправлено: { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}
broadcast-figure-failed = ❌ Не доставлено: { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}
broadcast-figure-unreachable = 🚫 Недоступны (заблокировали Колдо): { $count ->
    [one] { $count } человек
    [few] { $count } человека
   *[many] { $count } человек
}
broadcast-figure-left = ⏳ Осталось: { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}
broadcast-figure-rate = ⚡ { $rate } в секунду · { $eta }
broadcast-progress-scheduled = 🕒 Сообщение о безопасности { $id } запланировано на { $at } (время Кыргызстана).
broadcast-progress-starting = 📤 Сообщение о безопасности { $id }: отправка начинается.
broadcast-progress-running = 📤 <b>Сообщение о безопасности { $id }</b> отправляется.
broadcast-progress-done = 🏁 <b>Сообщение о безопасности { $id }</b> отправлено.
broadcast-progress-cancelled = ✖ <b>Сообщение о безопасности { $id }</b> отменено.
broadcast-final-done = 🏁 <b>Сообщение о безопасности { $id } отправлено</b>: получили { $sent } из { $total }.
broadcast-final-cancelled = ✖ <b>Сообщение о безопасности { $id } отменено</b>: до отмены получили { $sent } из { $total }.

## /broadcasts: последние сообщения о безопасности.
broadcast-list-none = Сообщений о безопасности пока нет.
broadcast-list-title = 📢 <b>Последние сообщения о безопасности</b>
broadcast-list-item = <b>{ $id }</b> · { $when } · { $status } · отправлено { $sent } из { $total }
    <i>{ $text }</i>
broadcast-cancel-question = Отменить сообщение о безопасности { $id }? Отправленное останется отправленным; больше никто его не получит.
broadcast-cancel-done = Сообщение о безопасности { $id } отменено; больше ничего не отправляется.
broadcast-cancel-too-late = Сообщение о безопасности { $id } уже закончилось; отменять нечего.
btn-broadcast-cancel-one = ✖ Отменить { $id }
btn-broadcast-correct = ✏️ Исправить { $id }
btn-broadcast-cancel-yes = ✖ Да, отменить
btn-broadcast-cancel-no = ⬅️ Нет, оставить
btn-broadcast-list = ⬅️ Последние сообщения о безопасности
