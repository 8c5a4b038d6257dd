## Координаторы и администраторы: очередь, карточка заявки, переписка с семьёй, роли.

staff-only = Это только для координаторов и администраторов Колдо.

admin-only = Это только для администраторов Колдо. Если это нужно сделать, попросите администратора.
queue = <b>Открытые заявки</b>
    { $counts }
    Сначала срочные, потом те, что ждут дольше.
queue-empty = <b>Открытые заявки</b>
    { $counts }
    Сейчас в ваших районах ничего не ждёт.
queue-count = { $status }: { $count }
btn-queue-case = { $mark } { $code } · { $status } · { $waited }
btn-page-previous = ◀ Назад
btn-page-next = Дальше ▶
btn-queue-refresh = 🔄 Обновить
btn-queue = 📥 Очередь

case-status-new = новая
case-status-in_progress = в работе
case-status-waiting_family = ждём семью
case-status-resolved = решена
priority-urgent = 🔴 срочно
priority-high = 🟠 высокий
priority-normal = ⚪ обычный

waited-minutes = { $count ->
    [one] { $count } минута
    [few] { $count } минуты
   *[many] { $count } минут
}
waited-hours = { $count ->
    [one] { $count } час
    [few] { $count } часа
   *[many] { $count } часов
}
waited-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}

case-card =
    <b>Заявка { $code }</b> · { $priority } · { $status }
    Нужно: { $needs }
    Особый уход: { $vulnerable }
    Семья: { $people }
    Место: { $place }
    Телефон: { $phone }
    Язык: { $language }
    Ждёт: { $waited }
    { $held }
    Подробности: { $details }

    <b>Сообщения</b>
    { $messages }
case-card-missing =
    <b>Заявка { $code }</b> · 🔎 пропавший родственник · { $priority } · { $status }
    Кого ищут: { $name }
    { $sex } · { $age } · кем приходится заявителю: { $relation }
    Последний раз видели: { $place }, { $seen }
    Особый уход: { $vulnerable }
    Имя заявителя: { $reporter }
    Телефон: { $phone }
    Язык: { $language }
    Ждёт: { $waited }
    { $held }
    Приметы: { $details }

    <b>Сообщения</b>
    { $messages }
case-none = —
case-no-messages = сообщений пока нет
case-held-by-you = 🙋 Заявка у вас.
case-held-by = 👤 У координатора организации { $organisation }.
case-held-by-nobody = Заявку пока никто не взял.
case-chat-hint = ✍️ Всё, что вы сейчас отправите (текст, фото, голосовое, геопозицию, файл), Колдо передаст семье. Ваш аккаунт семья не видит. /queue — выйти.
case-line = { $author }: { $text }
author-family = 👪 Семья
author-coordinator = 🙋 Координатор
author-note = 📝 Заметка
author-system = ⚙️ Колдо
attachment-photo = [фото]
attachment-voice = [голосовое]
attachment-audio = [аудио]
attachment-video = [видео]
attachment-document = [файл]
attachment-location = [геопозиция]

btn-case-claim = ✋ Взять
btn-case-canned = 💬 Готовые ответы
btn-case-note = 📝 Внутренняя заметка
btn-case-waiting = ⏳ Ждём семью
btn-case-resolve = ✅ Решено
btn-case-handover = 🤝 Передать
btn-case-release = ↩️ Вернуть в очередь
btn-case-back = ◀ К заявке
btn-case-open = 📂 Открыть заявку
btn-case-take-over = ✋ Забрать себе

case-refused-not-allowed = Эта заявка не из ваших районов, или вы не координатор.
case-refused-taken = Другой координатор только что взял эту заявку.
case-refused-not-held = Эта заявка не у вас.
case-refused-closed = Эта заявка уже решена.
case-claimed = Заявка ваша. Семье сообщили.
case-released = Заявка вернулась в очередь.
case-saved = Сохранено. Семье сообщили.
case-choose-outcome = Чем закончилась заявка { $code }?
outcome-helped = ✅ Помогли
outcome-referred = ➡️ Передали другой организации
outcome-unreachable = 📵 Семья не отвечает
outcome-duplicate = ♊ Повторная заявка
case-choose-handover = Кому передать заявку { $code }?
case-no-handover = Других координаторов для этой заявки нет.
btn-handover-to = { $organisation } · { $id }
case-handed-over = Передано.
case-handed-to-you = 🤝 Вам передали заявку { $code }.
case-taken-over = Теперь заявка у вас. Тому, у кого она была, сообщили.
case-taken-from-you = 🔁 Заявка { $code } больше не у вас — по решению администратора Колдо.
case-choose-canned = Выберите ответ. Семья получит его на своём языке.
btn-canned-received = Мы получили вашу заявку
btn-canned-send-location = Пришлите, пожалуйста, геопозицию
btn-canned-aid-at = Помощь раздают…
case-ask-place = Напишите, где и когда раздают помощь (одна короткая строка).
case-canned-sent = Отправлено семье на их языке.
case-family-unreachable = Семье не удалось написать: возможно, они заблокировали Колдо. Сообщение сохранено в заявке.
case-ask-note = Напишите внутреннюю заметку. Семья её никогда не увидит.
case-note-saved = Заметка сохранена.
case-cannot-relay = Такое сообщение передать нельзя. Отправьте текст, фото, голосовое, геопозицию или файл.
relay-from-family = 📩 <b>Заявка { $code }</b>: пишет семья. Чтобы ответить по этой заявке, ответьте на их сообщение.

alert-new-cases = { $count ->
    [one] 🆕 { $count } новая заявка в ваших районах: { $codes }
    [few] 🆕 { $count } новые заявки в ваших районах: { $codes }
   *[many] 🆕 { $count } новых заявок в ваших районах: { $codes }
}
alert-escalation = ⚠️ Срочная заявка { $code } ждёт { $minutes } мин, и её никто не взял.

roles-grant-usage = Напишите: /grant ID coordinator РАЙОНЫ НУЖДЫ ОРГАНИЗАЦИЯ (списки через запятую, - если нет; добавьте слово factchecker, если координатор также отвечает на вопросы о слухах) или /grant ID admin.
roles-revoke-usage = Напишите: /revoke ID
roles-bad-role = Такую роль дать нельзя.
roles-bad-district = Такого района нет. Районы (напишите код): { $valid }
roles-bad-need = Такого вида помощи нет. Виды (напишите код): { $valid }
roles-no-district = Координатору нужен хотя бы один район.
roles-granted = Готово: { $id } теперь { $role }.
roles-revoked = Готово: у { $id } больше нет роли.
roles-no-role = У { $id } нет роли.
roles-line = { $id } · { $name } · { $role } · { $organisation } · { $districts } · { $needs }
roles-list = <b>Сотрудники</b>
    { $lines }
roles-bad-id = Это не Telegram ID пользователя: напишите целое положительное число, например 123456789.
roles-cases-released = { $count ->
    [one] ↩️ В очередь вернулась { $count } заявка: { $codes }
    [few] ↩️ В очередь вернулись { $count } заявки: { $codes }
   *[many] ↩️ В очередь вернулось { $count } заявок: { $codes }
}
role-coordinator = координатор
role-admin = администратор
role-admin-settings = администратор (KOLDO_ADMIN_IDS)
roles-name-unknown = (имя пока неизвестно)
roles-all-districts = все районы
roles-all-needs = все виды помощи
roles-no-organisation = -
roles-none = Пока нет ни координаторов, ни администраторов.
roles-not-started = ⚠️ С { $id } ещё не было разговора в Колдо, и Колдо не может написать первым: попросите открыть Колдо и нажать START.
roles-revoke-settings-admin = { $id } — администратор через KOLDO_ADMIN_IDS: здесь эту роль снять нельзя. Уберите ID из KOLDO_ADMIN_IDS и перезапустите Колдо.
roles-welcome-coordinator = 🙋 Теперь вы координатор в Колдо: { $districts } ({ $needs }). /queue — открытые заявки там; /myshelters — обновить их убежища.
roles-welcome-admin = 🛠 Теперь вы администратор Колдо. /staff — список сотрудников, /grant и /revoke — изменить роли, /queue — все открытые заявки.

## Сотрудники, которым Колдо не может написать, и о чём их попросить.
reach-not-started = В Колдо ещё не нажата кнопка START, поэтому Колдо не может написать первым: попросите открыть Колдо и нажать START.
reach-blocked = Колдо у них заблокирован: попросите открыть чат с Колдо и разблокировать его.
reach-failed = Telegram не доставил сообщение.
roles-line-reach = ↳ ⚠️ { $reach }
alert-unreached = ⚠️ Колдо не удалось связаться с координатором { $name } (ID { $id }), поэтому сообщаем вам. Заявки: { $codes }. { $reason }

## Карточка заявки: телефон, язык, файлы и чем закончилась закрытая заявка.
case-no-phone = не указан
case-closed-as = Итог: { $outcome }
case-erased = 🗑 Удалено семьёй: геопозиция, телефон, подробности, сообщения и файлы удалены. Остались только обезличенные числа.
case-erased-by-family = 🗑 Семья удалила свои данные: заявка { $code } закрыта. В её карточке остались только обезличенные числа.
btn-case-files = 📎 Файлы ({ $count })
btn-case-files-more = ▶ Ещё файлы
case-file-caption = 📎 Заявка { $code } · { $number }/{ $total } · { $kind }
case-files-sent = 📎 Заявка { $code }: файлы { $first }–{ $last } из { $total }.
case-files-failed = { $count ->
    [one] { $count } файл не удалось отправить: в Telegram его больше нет.
    [few] { $count } файла не удалось отправить: в Telegram их больше нет.
   *[many] { $count } файлов не удалось отправить: в Telegram их больше нет.
}
case-files-none = В этой заявке больше нет файлов.
relay-reopened-by-family = 📩 <b>Заявка { $code }</b> была закрыта. Семья написала снова, поэтому заявка снова открыта и по-прежнему у вас. Чтобы ответить по этой заявке, ответьте на их сообщение.
