## Сводка о положении для администраторов: /report, ежедневная сводка и подписи на картинке.

command-report = Сводка о положении
menu-report = 📊 Сводка
btn-report-daily-on = 🔔 Присылать каждый день в { $at }
btn-report-daily-off = 🔕 Не присылать каждый день
report-daily-on = 🔔 Сводка будет приходить каждый день в { $at } по времени Кыргызстана.
report-daily-off = 🔕 Ежедневная сводка выключена.

report-title = 📊 Сводка о положении, { $at } (время Кыргызстана)
report-open = <b>Открытые заявки: { $count }</b>
report-open-none = <b>Открытых заявок нет</b>
report-district = { $district }: { $count } — { $needs }
report-district-unknown = Место не известно
report-need-count = { $need } { $count }
report-urgent = <b>Срочные, никто не взял: { $count }</b>. Самая давняя ждёт уже { $wait }.
report-urgent-none = <b>Срочных заявок, которые никто не взял, нет</b>
report-response = <b>Первый ответ</b> на заявки за { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}: медиана { $median }; 9 из 10 получили ответ не позже чем через { $p90 }. С ответом: { $answered }, ещё ждут: { $waiting }.
report-response-none = <b>Первый ответ</b> на заявки за { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}: ответов пока нет. Ждут ответа: { $waiting }.
report-shelters = <b>Убежища: свободно { $free } из { $capacity ->
    [one] { $capacity } места
    [few] { $capacity } мест
   *[many] { $capacity } мест
}</b> (открыто: { $count })
report-shelter-district = { $district }: свободно { $free } из { $capacity }
report-shelters-none = <b>Убежища:</b> в списке Колдо нет открытых.
report-under-a-minute = меньше минуты
report-minutes = { $minutes } мин
report-hours = { $hours } ч { $minutes } мин
report-days = { $days } дн. { $hours } ч

report-picture-title = Сводка о положении
report-picture-time = { $at }, время Кыргызстана
report-picture-open = открытые заявки
report-picture-urgent = срочные, никто не взял
report-picture-oldest = дольше всех ждёт { $wait }
report-picture-response = первый ответ (медиана) за { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
report-picture-p90 = 9 из 10 — не позже { $p90 }
report-picture-needs = Открытые заявки по районам и видам помощи
report-picture-needs-note = Заявка с несколькими видами помощи считается в каждом из них.
report-picture-district = { $district } · { $count }
report-picture-no-open-cases = Открытых заявок нет.
report-picture-by-day = Первый ответ по дню поступления заявки (медиана)
report-picture-by-day-note = Число над столбцом: заявки этого дня, на которые уже ответили.
report-picture-no-answers = На заявки за { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
} ответов пока нет.
report-picture-hours = часы
report-picture-minutes = минуты
report-picture-shelters = Места в убежищах по районам
report-picture-shelters-note = В открытых убежищах свободно { $free } из { $capacity }
report-picture-taken = занято
report-picture-free = свободно
report-picture-free-of = свободно { $free } из { $capacity }
report-picture-no-shelters = В списке Колдо нет открытых убежищ.
