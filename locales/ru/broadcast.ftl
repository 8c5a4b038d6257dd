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
