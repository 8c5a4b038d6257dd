## Импорт списков людей в указатель людей (koldo people import).
## Остальные причины отказа общие с импортом убежищ (shelters.ftl).

import-problem-not-json = эта строка — не один объект JSON; запишите каждого человека одним объектом в одной строке
import-problem-bad-sex = «{ $value }» — не пол: напишите M или F либо оставьте пустым
import-problem-bad-age = «{ $value }» — не возраст от 0 до 120
import-problem-bad-birth-year = «{ $value }» — не год рождения: напишите год, например 1985, не в будущем и не раньше, чем 120 лет назад
import-problem-age-and-birth-year = указаны и возраст, и год рождения; оставьте что-то одно
