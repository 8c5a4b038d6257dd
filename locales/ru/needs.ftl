## Заявка о помощи: пошаговая анкета.

needs-intro = Мы зададим несколько коротких вопросов. Это займёт около двух минут.
needs-location =
    <b>Где вы сейчас?</b>
    Нажмите «📍 Отправить геопозицию» внизу или выберите район из списка.
btn-share-location = 📍 Отправить геопозицию
btn-choose-district = 🗺 Выбрать из списка
btn-back = ⬅️ Назад
needs-location-far = Эта геопозиция далеко от Баткенской области. Пожалуйста, выберите свой район из списка.
needs-location-received = 📍 Спасибо. Похоже, вы здесь: { $place }.
needs-choose-from-list = 🗺 Выберите из списка ниже.
needs-location-hint = Пожалуйста, нажмите «📍 Отправить геопозицию» или «🗺 Выбрать из списка».
needs-district = <b>В каком районе или городе вы находитесь?</b>
needs-village = <b>Какое село: { $area }?</b>
btn-village-not-listed = Моего села нет в списке

needs-size = <b>Сколько человек из вашей семьи сейчас с вами?</b> Считая вас.
btn-size-more = 6 и больше
needs-size-type = Напишите число человек, например 8 (не больше { $max }).
needs-size-invalid = Пожалуйста, отправьте число человек цифрами, от 1 до { $max }. Например: 4.

needs-vulnerable =
    <b>Есть ли в вашей семье…?</b>
    Отметьте всё, что подходит, затем нажмите «Дальше».
vuln-young_children = 👶 Дети до 5 лет
vuln-pregnant = 🤰 Беременная или кормящая
vuln-elderly = 👵 Пожилые (старше 60)
vuln-disabled = ♿ Человек с инвалидностью
vuln-chronic_illness = 💊 Больной, нужны лекарства
btn-continue = Дальше ➡️
btn-nobody-vulnerable = Никого из них ➡️

needs-needs =
    <b>Что вам нужнее всего?</b>
    Отметьте всё, что нужно, затем нажмите «Дальше».
need-food_water = 🍞 Еда и вода
need-medical = 🩺 Лекарства, врач
need-shelter = 🏠 Где жить
need-clothes_hygiene = 🧥 Одежда, средства гигиены
need-psychological = 💬 Психологическая поддержка
need-cash = 💵 Деньги
need-documents = 📄 Потерянные документы
need-transport = 🚐 Транспорт
need-damaged_property = 🏚 Пострадал дом или скот
need-legal = ⚖️ Юридическая помощь
# Not a choice of the needs form: the kind of need of a missing relative's report.
need-missing = 🔎 Пропавший родственник
needs-choose-one = Пожалуйста, отметьте хотя бы одно.

needs-phone =
    <b>Ваш номер телефона</b>
    Чтобы работники помощи могли вам позвонить. Нажмите «📱 Отправить мой номер» внизу или «Пропустить».
btn-share-phone = 📱 Отправить мой номер
btn-skip = Пропустить ➡️
needs-phone-not-own = Это номер другого человека. Нажмите «📱 Отправить мой номер», чтобы отправить свой, или пропустите.
needs-phone-saved = 📱 Спасибо, ваш номер сохранён.
needs-phone-skipped = Хорошо, без номера телефона.
needs-phone-hint = Пожалуйста, используйте кнопку «📱 Отправить мой номер», чтобы мы знали, что это ваш номер. Или нажмите «Пропустить».

needs-details =
    <b>Что ещё нам нужно знать?</b>
    Напишите несколько слов или отправьте фото или голосовое сообщение. Или нажмите «Пропустить».
needs-details-added = Добавлено. Можете написать ещё или нажать «Дальше».
needs-file-added = Получено. Можете отправить ещё или нажать «Дальше».
needs-details-too-long = Слишком длинно: не больше { $max } символов. { $left ->
    [one] Остался { $left } символ.
    [few] Осталось { $left } символа.
   *[many] Осталось { $left } символов.
}
needs-details-too-many-files = Можно отправить не больше { $max } файлов. Пожалуйста, нажмите «Дальше».
needs-details-hint = Пожалуйста, напишите текст, отправьте фото или голосовое сообщение или нажмите «Дальше».

needs-summary =
    <b>Пожалуйста, проверьте заявку</b>

    📍 Место: { $place }
    👪 Человек: { $people }
    ❤️ Особый уход: { $vulnerable }
    🆘 Нужно: { $needs }
    📱 Телефон: { $phone }
    📝 Подробности: { $details }{ $files }

    Если всё верно, нажмите «Отправить заявку».
summary-nobody = никого
summary-files = {" "}(📎 { $count ->
    [one] { $count } файл
    [few] { $count } файла
   *[many] { $count } файлов
})
summary-file-caption = 📎 { $caption }
people-count = { $count ->
    [one] { $count } человек
    [few] { $count } человека
   *[many] { $count } человек
}
summary-no-phone = не указан
summary-no-details = нет
place-village = { $village }, { $area }
place-shared-location = геопозиция отправлена
place-unknown = не указано
btn-confirm = ✅ Отправить заявку
btn-edit-location = ✏️ Место
btn-edit-size = ✏️ Люди
btn-edit-vulnerable = ✏️ Особый уход
btn-edit-needs = ✏️ Что нужно
btn-edit-phone = ✏️ Телефон
btn-edit-details = ✏️ Подробности
btn-cancel-form = ✖ Отменить заявку

needs-leave-question = Вы не закончили заявку. Всё, что вы ввели, сохранено. Продолжить?
btn-form-resume = ➡️ Продолжить заявку
btn-form-discard = 🗑 Удалить и перейти в меню
needs-discarded = Заявка удалена.
needs-going-back = ⬅️ Возвращаемся.
needs-use-buttons = Пожалуйста, используйте кнопки под сообщением.

needs-case-created =
    ✅ <b>Ваша заявка зарегистрирована.</b>
    Ваш код: <b>{ $code }</b>
    Запишите его: под этим кодом заявка видна в разделе «Мои заявки» и в сообщениях координатора.

    Её увидят координаторы гуманитарных организаций. Когда кто-то из них возьмёт заявку, вам напишут здесь.
    Если чья-то жизнь в опасности, звоните 112 прямо сейчас.
