## Срок хранения: что пишет `koldo retention run` и что видно в карточке удалённой заявки.

retention-run-title = Удалено по сроку хранения:
retention-run-dry-title = Будет удалено по сроку хранения (пробный запуск: ничего не изменено):
retention-run-cases = • заявки, решённые { $days } и более дней назад (просьбы о помощи, вопросы о слухах): { $count }
retention-run-missing = • заявки о пропавших, решённые { $days } и более дней назад: { $count }
retention-run-imported = • люди из импортированных списков, не обновлявшиеся { $days } и более дней: { $count }
retention-run-listings = • списки «Мы в безопасности», составленные { $days } и более дней назад: { $count }
retention-run-phones = • номера телефонов, которые больше не нужны: { $count }
retention-run-codes = Заявки: { $codes }
retention-run-nothing = Удалять пока нечего.
case-erased-by-retention = 🗑 Личные данные удалены по сроку хранения, через { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
} после решения заявки. Остались только обезличенные числа.
