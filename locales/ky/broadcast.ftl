## Текшерилген коопсуздук кабарлары (таратуулар): үй-бүлө администратордун текстинин астында
## эмне окуйт жана `koldo broadcast …` аны иштеткен администраторго эмне дейт.

broadcast-urgent = ⚠️ <b>Шашылыш</b>
broadcast-source = ✅ Текшерген: { $source }

broadcast-problem-no-default-text = негизги тилдеги ({ $language }) текст жок: бош калган тилдер ошол текстти алат
broadcast-problem-no-source = булак жок: бул кабарды ким текшергенин жазыңыз (--source)
broadcast-problem-too-long = булак сабы менен текст бир билдирүүгө батпайт (4096 белги, сүрөттүн астында 1024)
broadcast-problem-bad-near = --near КЕҢДИК,УЗУНДУК,КМ алат, мисалы 40.06,70.82,25 (радиус 0.1ден 500 кмге чейин)
broadcast-problem-bad-location = --location КЕҢДИК,УЗУНДУК алат, мисалы 40.06,70.82
broadcast-problem-bad-time = --at убакытты алат, мисалы 2026-05-03T18:00+06:00 же 18:00 (бүгүн, бул компьютердин убакыт алкагы боюнча)
broadcast-problem-past-time = --at убактысы өтүп кетти; азыр жөнөтүү үчүн аны жазбаңыз
broadcast-problem-bad-district = «{ $value }» деген районду Колдо билбейт
broadcast-problem-bad-language = «{ $value }» Колдонун тили эмес: ky, ru же en жазыңыз
broadcast-problem-not-found = { $id } номерлүү таратуу жок
broadcast-problem-not-cancellable = { $id } таратуусу бүтүп калган; жокко чыгара турган эч нерсе жок

broadcast-created = Таратуу { $id }: { $status }
broadcast-recipients = { $count } алуучу ({ $languages })
broadcast-cancelled = { $id } таратуусу жокко чыгарылды; мындан ары эч нерсе жөнөтүлбөйт.
broadcast-status-scheduled = { $at } убактысына пландалды
broadcast-status-running = жөнөтүлүүдө
broadcast-status-done = бүттү
broadcast-status-cancelled = жокко чыгарылды
broadcast-progress = жөнөтүлдү { $sent }, жөнөтүлгөн жок { $failed }, жеткиликсиз { $unreachable }, калды { $left }; секундасына { $rate }; { $eta }
broadcast-eta = бүтүшүнө болжол менен { $seconds } с калды
broadcast-eta-unknown = бүтүшүнө канча калганы азырынча белгисиз
broadcast-eta-done = эч нерсе калган жок
broadcast-report = { $id } таратуусу { $status }: { $total } ичинен { $sent } жөнөтүлдү, жөнөтүлгөн жок { $failed }, жеткиликсиз { $unreachable }.
broadcast-list-empty = Азырынча таратуулар жок.
broadcast-worker-stopped = Таратууларды жөнөтүү токтотулду; жөнөтүлгөн билдирүүлөр: { $count }.
