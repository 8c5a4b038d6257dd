## Убежища: где переночевать сегодня. Сотрудники следят за свободными местами и статусом.

shelters-location =
    🏠 <b>Найти убежище</b>
    Нажмите «📍 Отправить геопозицию» внизу, и я покажу ближайшие убежища со свободными местами. Или выберите свой район из списка.
shelters-district = 🗺 <b>Выберите район или город:</b>
shelters-location-far =
    Это место далеко от Баткенской области. Возможно, телефон не смог определить, где вы.
    Пожалуйста, выберите свой район или город:
shelters-nearest =
    🏠 <b>Ближайшие к вам убежища</b>
    Расстояние по прямой; по дороге может быть дальше.
shelters-in-district = 🏠 <b>Убежища: { $area }</b>
shelters-district-more = Показано { $shown } из { $total }. Отправьте свою геопозицию, чтобы увидеть ближайшие.
shelters-pin-hint = Нажмите на название внизу, чтобы увидеть место на карте.
shelters-none-near =
    Я пока не знаю ни одного открытого убежища.
    Если вам грозит опасность, звоните 112. Помочь могут и горячие линии.
shelters-none-in-district =
    В списке пока нет открытых убежищ: { $area }. Посмотрите соседний район или позвоните на горячую линию.
    Если вам грозит опасность, звоните 112.
shelter-closed-now = Это убежище сейчас закрыто. Пожалуйста, выберите другое.
shelter-venue-sample = ПРИМЕР: { $name }
btn-shelter-pin = 📍 { $number }. { $name }
btn-other-district = 🗺 Выбрать другой район

shelter-title = <b>{ $number }. { $name }</b>
shelter-title-distance = <b>{ $number }. { $name }</b> — { $distance }
distance-m = { $value } м
distance-km = { NUMBER($value, maximumFractionDigits: 1) } км
shelter-places = 🛏 Свободно { $free ->
    [one] { $free } место
    [few] { $free } места
   *[many] { $free } мест
} из { $capacity }
shelter-full = ⛔ Мест нет: всё занято
shelter-phone = 📞 { $phone }
shelter-where = 📍 { $place }
service-food = 🍲 Питание
service-medical = 🩺 Медпункт
service-children = 🧸 Место для детей
service-accessible = ♿ Доступно для людей с инвалидностью
service-women = 👩 Место только для женщин
shelter-updated-now = 🕓 Обновлено только что
shelter-updated-minutes = 🕓 Обновлено { $count ->
    [one] { $count } минуту
    [few] { $count } минуты
   *[many] { $count } минут
} назад
shelter-updated-hours = 🕓 Обновлено { $count ->
    [one] { $count } час
    [few] { $count } часа
   *[many] { $count } часов
} назад
shelter-updated-days = ⚠️ Обновлено { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
} назад. Всё могло измениться: позвоните, прежде чем ехать.
sample-marker = ⚠️ ПРИМЕР: это не настоящие данные. Их заменят до начала работы Колдо.

## Сотрудники: свободные места и статус — два нажатия и число.

staff-choose-district = ✏️ <b>Обновить убежища</b>. Выберите район:
staff-shelters = ✏️ <b>{ $area }</b>. Нажмите на убежище, чтобы обновить его:
staff-no-shelters = В списке пока нет убежищ: { $area }. Их добавляют импортом файла.
staff-no-districts = У вас пока нет районов. Попросите администратора добавить ваши районы.
btn-staff-shelter = { $status ->
    [open] ✅
    [full] ⛔
   *[closed] 🚫
} { $name } · { $free }/{ $capacity }
btn-staff-more = Ещё ➡️
btn-staff-update = ✏️ Обновить свободные места здесь
btn-staff-back-list = ⬅️ Назад к списку
btn-staff-status-open = ✅ Открыто, есть места
btn-staff-status-full = ⛔ Мест нет
btn-staff-status-closed = 🚫 Закрыто
btn-staff-cancel = ✖ Отмена
staff-card =
    ✏️ <b>{ $name }</b>
    Сейчас: { $status }, свободно { $free } из { $capacity }.
    { $updated }

    Как сейчас? Нажмите одно:
shelter-status-open = открыто
shelter-status-full = мест нет
shelter-status-closed = закрыто
staff-ask-free = Сколько мест сейчас свободно в <b>{ $name }</b>? Отправьте число от 0 до { $capacity }.
staff-free-invalid = Пожалуйста, отправьте только число от 0 до { $capacity }. Например: 12.
staff-saved = ✅ Сохранено: <b>{ $name }</b> — { $status }, свободно { $free } из { $capacity }. Семьи видят: «обновлено только что».
staff-cancelled = Ничего не изменено.
shelter-refused-not-staff = Это только для координаторов и администраторов.
shelter-refused-not-your-district = Это убежище не в ваших районах.
shelter-refused-unknown = Этого убежища больше нет в списке.

## Импорт файлов с убежищами и горячими линиями (koldo shelters import, koldo hotlines import).

import-problem-line = строка { $line }, { $column }: { $reason }
import-problem-file = строка { $line }: { $reason }
import-problem-not-utf8 = файл не в кодировке UTF-8. Сохраните его заново как «CSV UTF-8».
import-problem-not-csv = это не таблица CSV; проверьте кавычки
import-problem-empty-file = файл пустой
import-problem-missing-column = нет такого столбца
import-problem-repeated-column = этот столбец повторяется
import-problem-missing-value = пусто, а значение нужно
import-problem-missing-coordinates = нет координат
import-problem-not-a-number = «{ $value }» — не целое число
import-problem-not-a-coordinate = «{ $value }» — не координата
import-problem-outside-region = координаты { $value } вне региона, где работает Колдо
import-problem-negative = «{ $value }» меньше нуля
import-problem-more-than-capacity = свободных мест больше, чем вместимость ({ $value })
import-problem-duplicate-id = номер «{ $value }» уже есть в строке { $other }
import-problem-unknown-district = неизвестный район «{ $value }»
import-problem-unknown-value = неизвестное значение «{ $value }»
import-problem-bad-phone = «{ $value }» — не номер телефона (пишите +996… или короткий номер)
import-problem-bad-date = «{ $value }» — не дата вида 2024-05-31 или 2024-05-31T14:00, или дата в будущем
import-problem-too-long = слишком длинно: не больше { $value }
