## Дайынсыз туугандар үчүн мүмкүн болгон дал келүүлөр: координатордун тизмеси жана «катар» картасы,
## үй-бүлөлөрдөн эмне суралат жана аларга эмне айтылат (координатор текшергенден кийин гана, макул болгону гана).

btn-case-matches = 🔎 Мүмкүн болгон дал келүүлөр ({ $count })
alert-matches = 🔎 Дайынсыз адамдар үчүн { $count } мүмкүн болгон дал келүүнү текшерүү керек: { $codes }
btn-alert-match = 🔎 { $code }: { $count } мүмкүн болгон дал келүү

reunion-list = <b>Мүмкүн болгон дал келүүлөр, { $code } өтүнүчү</b>: { $count }
    ⭐ 80% жана андан жогоркуларды биринчи караңыз.
reunion-list-none = <b>Мүмкүн болгон дал келүүлөр, { $code } өтүнүчү</b>
    Азырынча жок. Колдо ар бир жаңы өтүнүчтү, үй-бүлөнүн тизмесин жана жүктөлгөн тизмени бул адам менен салыштырат.
btn-match-item = { $mark } { $percent }% · { $name } · { $status }
reunion-status-short-proposed = жаңы
reunion-status-short-unsure = так эмес
reunion-status-short-verified = текшерилди
reunion-status-short-rejected = башка адам

reunion-card =
    🔎 <b>Мүмкүн болгон дал келүү</b> · { $code } өтүнүчү
    { $score }

    <b>Изделип жаткан адам</b>
    { $sought_name }
    { $sought_sex } · { $sought_age }
    Издеген адамга ким болот: { $relation }
    Акыркы жолу көрүлгөн жери: { $seen_place }, { $seen_on }
    Өтүнүч берилген күнү: { $reported_on }

    <b>Колдо билген адам</b>
    { $found_name }
    { $found_sex } · { $found_age }
    Жери: { $found_place }
    { $found_from }

    <b>Эмне үчүн</b>
    { $why }

    { $status }
reunion-score = Окшоштугу <b>{ $percent }%</b>
reunion-score-first = Окшоштугу <b>{ $percent }%</b> · ⭐ биринчи караңыз
reunion-unknown = белгисиз
reunion-day-unknown = күнү белгисиз
reunion-someone = Бир тууганы
reunion-sex-m = эркек
reunion-sex-f = аял
reunion-sex-unknown = жынысы белгисиз
reunion-age = { $age } жашта
reunion-age-unknown = жашы белгисиз
reunion-from-household = 🏠 Колдодогу бир үй-бүлө бул адам алар менен бирге жана аман экенин билдирген.
reunion-from-report = 🔎 Башка үй-бүлөнүн дайынсыз адам тууралуу өтүнүчү ({ $code } өтүнүчү).
reunion-from-list = 📋 Жүктөлгөн тизме: { $source } ({ $row }-сап). Тизменин булагы аркылуу байланышыңыз.
reunion-list-phone = Тизмедеги телефон: { $phone }

reunion-why-surname-agrees = ✅ Фамилиясы дал келет
reunion-why-surname-close = 🟡 Фамилиясы окшош
reunion-why-surname-differs = ❌ Фамилиясы башка
reunion-why-given-agrees = ✅ Аты дал келет
reunion-why-given-close = 🟡 Аты окшош
reunion-why-given-differs = ❌ Аты башка
reunion-why-patronymic-agrees = ✅ Атасынын аты дал келет
reunion-why-patronymic-differs = ❌ Атасынын аты башка
reunion-why-sex-agrees = ✅ Жынысы дал келет
reunion-why-sex-differs = ❌ Жынысы башка
reunion-why-age-agrees = ✅ Жашы дал келет
reunion-why-age-close = 🟡 Жашы бир нече жылга айырмаланат
reunion-why-age-differs = ❌ Жашы башка
reunion-why-settlement-agrees = ✅ Айылы дал келет
reunion-why-settlement-differs = ❌ Айылы башка
reunion-why-phone-agrees = ✅ Телефон номери бирдей (алсыз белги: үй-бүлөдө бир телефон болушу мүмкүн)
reunion-why-nothing = Аттары гана окшош.

reunion-status-proposed = Азырынча чечим жок.
reunion-status-unsure = 🤔 «Так эмес» деп белгиленди: тизмеде калат.
reunion-status-rejected = ❌ Башка адам: { $reason }
reunion-status-household = ✅ Текшерилди. Бул адам бирге жүргөн үй-бүлө: { $answer }
reunion-status-reports = ✅ Текшерилди. Бул өтүнүчтү берген адам: { $seeker } Башка үй-бүлө: { $other }
reunion-status-list-open = ✅ Текшерилди. Тизменин булагы аркылуу байланышып, жообун белгилеңиз.
reunion-status-list-agrees = ✅ Текшерилди. Байланыштык: макул; өтүнүч берген адамга анын аман экени айтылды.
reunion-status-list-declines = ✅ Текшерилди. Байланыштык: макул эмес; өтүнүч берген адамга издөө уланып жатканы гана айтылды.
reunion-status-list-unreachable = ✅ Текшерилди. Азырынча байланыша алган жокпуз; өтүнүч берген адамга издөө уланып жатканы айтылды.
reunion-answer-not_asked = суроо мүмкүн болгон жок (Колдодо жеткиликсиз).
reunion-answer-asked = суралды, азырынча жооп жок.
reunion-answer-agreed = макул, телефонун бербестен.
reunion-answer-agreed-phone = макул, телефону менен.
reunion-answer-refused = макул эмес: эч нерсе берилген жок.

btn-match-verify = ✅ Ошол эле адам
btn-match-reject = ❌ Башка адам
btn-match-unsure = 🤔 Так эмес
btn-match-list = ◀ Бардык мүмкүн болгон дал келүүлөр
btn-match-back = ◀ Дал келүүгө кайтуу
btn-match-open = 🔎 Дал келүүнү ачуу
btn-match-outcome-agrees = 📞 Байланыштык: айтууга макул
btn-match-outcome-declines = 📞 Байланыштык: макул эмес
btn-match-outcome-unreachable = 📵 Байланыша алган жокпуз
reunion-ask-why = Эмне үчүн бул башка адам?
btn-match-why-different-person = Башка адам
btn-match-why-age = Жашы туура келбейт
btn-match-why-place = Жери туура келбейт
btn-match-why-other = Башка себеп

reunion-refused-not-allowed = Дайынсыз адам тууралуу бул өтүнүч сиздин райондордон эмес, же сиз координатор эмессиз.
reunion-refused-decided = Бул дал келүү боюнча чечим мурун эле кабыл алынган.
reunion-verified-family = Текшерилди. Бул адам бирге жүргөн үй-бүлөдөн өз тилинде өтүнүч берген адамга айтууга болобу деп суралат. Алар макул болмоюнча өтүнүч берген адам эч нерсе билбейт.
reunion-verified-both = Текшерилди. Эки үй-бүлөдөн тең байланышууга макулбу деп суралат. Экөө тең макул болмоюнча эч нерсе берилбейт.
reunion-verified-not-reached = Текшерилди, бирок суралчу үй-бүлөгө Колдо аркылуу жетүү мүмкүн болгон жок. Эч нерсе берилген жок.
reunion-verified-list = Текшерилди. Тизменин булагы аркылуу байланышып, жообун ушул жерде белгилеңиз.
reunion-rejected = Сакталды: башка адам. Бул жуп кайра сунушталбайт.
reunion-marked-unsure = Сакталды: так эмес. Тизмеде калат.
reunion-outcome-agrees = Сакталды. Өтүнүч берген адамга анын аман экени айтылды.
reunion-outcome-declines = Сакталды. Өтүнүч берген адамга издөө уланып жатканы гана айтылды.
reunion-outcome-unreachable = Сакталды. Кийин башка жоопту белгилесеңиз болот.
reunion-staff-answered = 🔎 { $code } өтүнүчүнүн мүмкүн болгон дал келүүсү боюнча үй-бүлө жооп берди.

reunion-relation-son = уулу
reunion-relation-daughter = кызы
reunion-relation-husband = күйөөсү
reunion-relation-wife = аялы
reunion-relation-father = атасы
reunion-relation-mother = энеси
reunion-relation-brother = агасы же иниси
reunion-relation-sister = эжеси же сиңдиси
reunion-relation-grandchild = небереси
reunion-relation-grandparent = чоң атасы же чоң энеси
reunion-relation-relative = тууганы
reunion-relation-neighbour_friend = кошунасы же досу

## Үй-бүлөлөр

reunion-ask-found = 🔎 <b>{ $name } аттуу кишини издеп жатышат</b>
    { $reporter } { $name } аттуу кишини издеп жатат: анын айтымында, { $name } — анын { $relation }.
    { $name } аман экенин айтсак болобу?
    Сиз макул болмоюнча сиз тууралуу эч нерсе айтылбайт.
btn-reunion-consent-phone = ✅ Ооба, телефонумду да берүү
btn-reunion-consent-yes = ✅ Ооба, телефонумсуз
btn-reunion-consent-no = ❌ Жок
reunion-consent-refused = Бул суроо сизге эмес, же ага мурун эле жооп берилген.
reunion-found-shared-phone = Рахмат. Издеген кишиге ({ $reporter }) { $name } аман экенин жана телефон номериңизди ({ $phone }) айттык. Башка эч нерсе берилген жок.
reunion-found-shared = Рахмат. Издеген кишиге ({ $reporter }) { $name } аман экенин гана айттык. Телефонуңуз жана кайда экениңиз берилген жок.
reunion-found-not-shared = Жооп бергениңиз үчүн рахмат. Сиз жана { $name } тууралуу эч нерсе берилген жок.

reunion-told-safe = 💚 <b>{ $code } өтүнүчүңүз боюнча жаңылык</b>
    { $name } аман.
reunion-told-phone = Чалсаңыз болот: { $phone }
reunion-told-no-phone = Телефон номери берилген жок. Координатор кабарыңызды жеткире алат: ушул жерде, өтүнүчүңүзгө жазыңыз.
reunion-told-safe-list = 💚 <b>{ $code } өтүнүчүңүз боюнча жаңылык</b>
    { $name } аман. Кененирээк координатор айтып бере алат: өтүнүчүңүзгө жазыңыз.
reunion-told-search-goes-on = { $code } өтүнүчүңүз боюнча: издөө уланууда. Жаңылык болсо, координатор ушул жерге жазат.

reunion-ask-touch = 🔎 <b>{ $code } өтүнүчүңүз боюнча</b>
    Колдодогу башка бир үй-бүлө дагы { $name } аттуу кишини издеп жатат. Координатордун текшерүүсү боюнча, бул ошол эле адам болушу мүмкүн.
    Силерди байланыштырсак болобу? Аларга атыңыз жана туугандыгыңыз ({ $relation }) айтылат, телефонуңуз сиз кааласаңыз гана берилет.
reunion-touch-waiting = Рахмат. Башка үй-бүлө да жооп бермейинче эч нерсе берилбейт.
reunion-touch-refused = Жооп бергениңиз үчүн рахмат. Сиз тууралуу эч нерсе берилген жок.
reunion-touch-agreed = 💚 <b>{ $code } өтүнүчүңүз боюнча</b>
    { $name } аттуу кишини издеген башка үй-бүлө байланышууга макул болду. Издеген киши: { $other }; анын айтымында, { $name } — анын { $relation }.
reunion-touch-my-phone = Аларга атыңыз, туугандыгыңыз жана телефон номериңиз берилди.
reunion-touch-no-my-phone = Аларга атыңыз жана туугандыгыңыз берилди, телефон номериңиз берилген жок.
