## Возможные совпадения для пропавших родственников: список и карточка «рядом» для координатора,
## и что спрашивают и говорят семьям (только после проверки координатором и только то, на что согласились).

btn-case-matches = 🔎 Возможные совпадения ({ $count })
alert-matches = { $count ->
    [one] 🔎 { $count } возможное совпадение для пропавшего человека, нужно проверить: { $codes }
    [few] 🔎 { $count } возможных совпадения для пропавших людей, нужно проверить: { $codes }
   *[many] 🔎 { $count } возможных совпадений для пропавших людей, нужно проверить: { $codes }
}
btn-alert-match = 🔎 { $code }: { $count ->
    [one] { $count } возможное совпадение
    [few] { $count } возможных совпадения
   *[many] { $count } возможных совпадений
}

reunion-list = <b>Возможные совпадения, заявка { $code }</b>: { $count }
    ⭐ 80% и выше: их стоит посмотреть первыми.
reunion-list-none = <b>Возможные совпадения, заявка { $code }</b>
    Пока нет. Колдо сравнивает с этим человеком каждую новую заявку, список семьи и загруженный список.
btn-match-item = { $mark } { $percent }% · { $name } · { $status }
reunion-status-short-proposed = новое
reunion-status-short-unsure = не уверены
reunion-status-short-verified = проверено
reunion-status-short-rejected = не тот человек

reunion-card =
    🔎 <b>Возможное совпадение</b> · заявка { $code }
    { $score }

    <b>Кого ищут</b>
    { $sought_name }
    { $sought_sex } · { $sought_age }
    Кем приходится заявителю: { $relation }
    Последний раз видели: { $seen_place }, { $seen_on }
    Заявка подана { $reported_on }

    <b>Кого знает Колдо</b>
    { $found_name }
    { $found_sex } · { $found_age }
    Место: { $found_place }
    { $found_from }

    <b>Почему</b>
    { $why }

    { $status }
reunion-score = Сходство <b>{ $percent }%</b>
reunion-score-first = Сходство <b>{ $percent }%</b> · ⭐ посмотрите первым
reunion-unknown = неизвестно
reunion-day-unknown = день неизвестен
reunion-someone = Родственник
reunion-sex-m = мужчина
reunion-sex-f = женщина
reunion-sex-unknown = пол неизвестен
reunion-age = { $age ->
    [one] { $age } год
    [few] { $age } года
   *[many] { $age } лет
}
reunion-age-unknown = возраст неизвестен
reunion-from-household = 🏠 Семья в Колдо указала, что этот человек с ними и в безопасности.
reunion-from-report = 🔎 Заявка о пропаже от другой семьи (заявка { $code }).
reunion-from-list = 📋 Загруженный список: { $source } (строка { $row }). Связаться можно через источник списка.
reunion-list-phone = Телефон в списке: { $phone }

reunion-why-surname-agrees = ✅ Фамилия совпадает
reunion-why-surname-close = 🟡 Фамилия похожа
reunion-why-surname-differs = ❌ Фамилия другая
reunion-why-given-agrees = ✅ Имя совпадает
reunion-why-given-close = 🟡 Имя похоже
reunion-why-given-differs = ❌ Имя другое
reunion-why-patronymic-agrees = ✅ Отчество совпадает
reunion-why-patronymic-differs = ❌ Отчество другое
reunion-why-sex-agrees = ✅ Пол совпадает
reunion-why-sex-differs = ❌ Пол другой
reunion-why-age-agrees = ✅ Возраст совпадает
reunion-why-age-close = 🟡 Возраст отличается на несколько лет
reunion-why-age-differs = ❌ Возраст другой
reunion-why-settlement-agrees = ✅ Село совпадает
reunion-why-settlement-differs = ❌ Село другое
reunion-why-phone-agrees = ✅ Тот же номер телефона (слабый признак: в семье бывает один телефон)
reunion-why-nothing = Похожи только имена.

reunion-status-proposed = Решения пока нет.
reunion-status-unsure = 🤔 Отмечено «не уверены»: остаётся в списке.
reunion-status-rejected = ❌ Не тот человек: { $reason }
reunion-status-household = ✅ Проверено. Семья, с которой этот человек: { $answer }
reunion-status-reports = ✅ Проверено. Заявитель этой заявки: { $seeker }. Другая семья: { $other }
reunion-status-list-open = ✅ Проверено. Свяжитесь через источник списка и отметьте ответ.
reunion-status-list-agrees = ✅ Проверено. Связались: согласие есть; заявителю сказали, что человек в безопасности.
reunion-status-list-declines = ✅ Проверено. Связались: согласия нет; заявителю сказали только, что поиск продолжается.
reunion-status-list-unreachable = ✅ Проверено. Пока не удалось связаться; заявителю сказали, что поиск продолжается.
reunion-answer-not_asked = спросить не удалось (недоступны в Колдо).
reunion-answer-asked = спросили, ответа пока нет.
reunion-answer-agreed = согласны, без своего телефона.
reunion-answer-agreed-phone = согласны, со своим телефоном.
reunion-answer-refused = не согласны: ничего не передано.

btn-match-verify = ✅ Это тот же человек
btn-match-reject = ❌ Не тот человек
btn-match-unsure = 🤔 Не уверены
btn-match-list = ◀ Все возможные совпадения
btn-match-back = ◀ Назад к совпадению
btn-match-open = 🔎 Открыть совпадение
btn-match-outcome-agrees = 📞 Связались: согласие сообщить есть
btn-match-outcome-declines = 📞 Связались: согласия нет
btn-match-outcome-unreachable = 📵 Не удалось связаться
reunion-ask-why = Почему это не тот человек?
btn-match-why-different-person = Другой человек
btn-match-why-age = Не подходит возраст
btn-match-why-place = Не подходит место
btn-match-why-other = Другое

reunion-refused-not-allowed = Эта заявка о пропавшем не из ваших районов, или у вас нет роли координатора.
reunion-refused-decided = По этому совпадению решение уже принято.
reunion-verified-family = Проверено. Семью, с которой этот человек, спрашивают на их языке, можно ли сказать заявителю. До их согласия заявитель ничего не узнает.
reunion-verified-both = Проверено. Обе семьи спрашивают, согласны ли они связаться. До согласия обеих ничего не передаётся.
reunion-verified-not-reached = Проверено, но семью, которую нужно спросить, не удалось найти в Колдо. Ничего не передано.
reunion-verified-list = Проверено. Свяжитесь через источник списка и отметьте здесь ответ.
reunion-rejected = Сохранено: не тот человек. Эта пара больше не будет предложена.
reunion-marked-unsure = Сохранено: не уверены. Остаётся в списке.
reunion-outcome-agrees = Сохранено. Заявителю сказали, что человек в безопасности.
reunion-outcome-declines = Сохранено. Заявителю сказали только, что поиск продолжается.
reunion-outcome-unreachable = Сохранено. Позже можно отметить другой ответ.
reunion-staff-answered = 🔎 Семья ответила по возможному совпадению, заявка { $code }.

reunion-relation-son = сын
reunion-relation-daughter = дочь
reunion-relation-husband = муж
reunion-relation-wife = жена
reunion-relation-father = отец
reunion-relation-mother = мать
reunion-relation-brother = брат
reunion-relation-sister = сестра
reunion-relation-grandchild = внук или внучка
reunion-relation-grandparent = дедушка или бабушка
reunion-relation-relative = родственник
reunion-relation-neighbour_friend = сосед или друг

## Семьи

reunion-ask-found = 🔎 <b>Ищут: { $name }</b>
    { $reporter } ищет человека по имени { $name } и пишет, что это { $relation }.
    Можно сказать, что { $name } в безопасности?
    Без вашего согласия о вас ничего не сообщат.
btn-reunion-consent-phone = ✅ Да, и дать мой телефон
btn-reunion-consent-yes = ✅ Да, без моего телефона
btn-reunion-consent-no = ❌ Нет
reunion-consent-refused = Этот вопрос не для вас, или на него уже ответили.
reunion-found-shared-phone = Спасибо. Тому, кто ищет ({ $reporter }), мы сообщили, что { $name } в безопасности, и дали ваш номер { $phone }. Больше ничего не передано.
reunion-found-shared = Спасибо. Тому, кто ищет ({ $reporter }), мы сообщили только, что { $name } в безопасности. Ваш телефон и где вы находитесь не переданы.
reunion-found-not-shared = Спасибо за ответ. Ничего не передано: ни о вас, ни о человеке по имени { $name }.

reunion-told-safe = 💚 <b>Новости по вашей заявке { $code }</b>
    { $name } в безопасности.
reunion-told-phone = Можно позвонить: { $phone }
reunion-told-no-phone = Номер телефона не передали. Координатор может передать сообщение: напишите здесь, в вашей заявке.
reunion-told-safe-list = 💚 <b>Новости по вашей заявке { $code }</b>
    { $name } в безопасности. Подробнее может рассказать координатор: напишите в вашей заявке.
reunion-told-search-goes-on = По вашей заявке { $code }: поиск продолжается. Если будут новости, координатор напишет вам здесь.

reunion-ask-touch = 🔎 <b>По вашей заявке { $code }</b>
    Другая семья в Колдо тоже ищет человека по имени { $name }. По проверке координатора, возможно, это тот же человек.
    Можно связать вас? Им скажут ваше имя и что { $name } — { $relation }, а телефон — только если вы захотите.
reunion-touch-waiting = Спасибо. Ничего не передаётся, пока другая семья тоже не ответит.
reunion-touch-refused = Спасибо за ответ. Ничего о вас не передано.
reunion-touch-agreed = 💚 <b>По вашей заявке { $code }</b>
    Другая семья, которая ищет человека по имени { $name }, согласна связаться. Кто ищет: { $other }; по их словам, { $name } — { $relation }.
reunion-touch-my-phone = Им передали ваше имя, кем вы приходитесь и ваш номер телефона.
reunion-touch-no-my-phone = Им передали ваше имя и кем вы приходитесь, но не ваш номер телефона.
