<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>What Qorgan does</source>
        <translation>Qorgan не істейді</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>the names of sites you open (not the pages, searches or what you type)</source>
        <translation>сен ашқан сайттардың атаулары (беттердің өзі, іздеген сөздерің және теріп жазғаның емес)</translation>
    </message>
    <message>
        <source>which sites were blocked, and why</source>
        <translation>қандай сайттар бұғатталғаны және неге</translation>
    </message>
    <message>
        <source>how long you use each app every day</source>
        <translation>әр қолданбаны күніне қанша уақыт пайдаланатының</translation>
    </message>
    <message>
        <source>your requests for more time or for a site, and the answers</source>
        <translation>қосымша уақыт немесе сайт сұраған өтініштерің және оларға берілген жауаптар</translation>
    </message>
    <message>
        <source>what you write in messages or chats</source>
        <translation>хабарламалар мен чаттарда жазғаның</translation>
    </message>
    <message>
        <source>your passwords or what you type</source>
        <translation>құпиясөздерің және пернетақтада тергенің</translation>
    </message>
    <message>
        <source>screenshots or the contents of pages</source>
        <translation>экран суреттері және беттердің мазмұны</translation>
    </message>
    <message>
        <source>sending anything to the internet: it all stays on this PC</source>
        <translation>интернетке ештеңе жіберілмейді: бәрі осы компьютерде қалады</translation>
    </message>
    <message>
        <source>Qorgan is on</source>
        <translation>Qorgan қосулы</translation>
    </message>
    <message>
        <source>Your parent set up Qorgan on this computer to keep you safe online and to help with screen time.</source>
        <translation>Ата-анаң Qorgan-ды осы компьютерге сені интернетте қорғау және экран алдындағы уақытты реттеу үшін орнатты.</translation>
    </message>
    <message>
        <source>What it records:</source>
        <translation>Не жазылады:</translation>
    </message>
    <message>
        <source>What it never records or does:</source>
        <translation>Ешқашан жазылмайтыны және істелмейтіні:</translation>
    </message>
    <message>
        <source>Records are deleted after 90 days or sooner, as your parent set.</source>
        <translation>Жазбалар 90 күннен кейін немесе ата-анаң белгілегендей одан да ерте өшіріледі.</translation>
    </message>
    <message>
        <source>If something online scares or upsets you, tell an adult you trust, or call 150: the helpline for children, free and open day and night.</source>
        <translation>Интернетте бірдеңе сені қорқытса немесе ренжітсе, өзің сенетін ересек адамға айт немесе 150 нөміріне қоңырау шал: бұл — балаларға арналған тегін сенім телефоны, тәулік бойы жұмыс істейді.</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Белсенділік</translation>
    </message>
    <message>
        <source>All children</source>
        <translation>Барлық балалар</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>Blocked only</source>
        <translation>Тек бұғатталғандар</translation>
    </message>
    <message>
        <source>Allowed only</source>
        <translation>Тек рұқсат етілгендер</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Соңғы 24 сағат</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Соңғы 7 күн</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Соңғы 30 күн</translation>
    </message>
    <message>
        <source>Filter by site</source>
        <translation>Сайт бойынша сүзу</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Бала</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <source>Allow for 1 hour</source>
        <translation>1 сағатқа рұқсат ету</translation>
    </message>
    <message>
        <source>Always allow</source>
        <translation>Әрқашан рұқсат ету</translation>
    </message>
    <message>
        <source>Choose a row to see why it was decided that way.</source>
        <translation>Шешімнің себебін көру үшін жолды таңдаңыз.</translation>
    </message>
    <message>
        <source>This block cannot be lifted by a parent.</source>
        <translation>Бұл бұғаттауды ата-ана алып тастай алмайды.</translation>
    </message>
    <message>
        <source>{host} is allowed for {child} for one hour.</source>
        <translation>{child}: {host} сайтына бір сағатқа рұқсат берілді.</translation>
    </message>
    <message>
        <source>{host} is now always allowed for {child}.</source>
        <translation>{child}: {host} сайтына енді әрқашан рұқсат етілген.</translation>
    </message>
</context>
<context>
    <name>AddChildDialog</name>
    <message>
        <source>Add a child</source>
        <translation>Бала қосу</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>Seen</source>
        <translation>Көрдім</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>Talk with your child calmly and without blame, and listen more than you speak. If you are worried, call 150, the free helpline for children and youth (24/7).</source>
        <translation>Баламен сабырлы, айыптамай сөйлесіңіз, көбірек тыңдаңыз. Алаңдасаңыз, балалар мен жастарға арналған 150 сенім телефонына қоңырау шалыңыз (тегін, тәулік бойы).</translation>
    </message>
    <message>
        <source>Stay calm: children often land on such pages by accident. If someone sent your child such material or asked for photos, call 150 and the police on 102.</source>
        <translation>Сабыр сақтаңыз: балалар мұндай беттерге көбіне кездейсоқ түседі. Егер біреу балаға осындай материал жіберсе не сурет сұраса, 150 және полиция 102-ге хабарласыңыз.</translation>
    </message>
    <message>
        <source>Ask whom your child talks to online and agree on simple rules. If an adult pressures your child, it is not the child&apos;s fault: call 102 and 150.</source>
        <translation>Бала желіде кіммен сөйлесетінін сұрап, қарапайым ережелер келісіңіз. Ересек адам балаға қысым жасаса, бұл баланың кінәсі емес: 102 және 150-ге хабарласыңыз.</translation>
    </message>
    <message>
        <source>Ask what your child wanted to open: a rule may feel too strict. Explain that the rules are there to keep them safe, not to spy on them.</source>
        <translation>Баланың не ашқысы келгенін сұраңыз: бір ереже тым қатаң болуы мүмкін. Ережелер аңду үшін емес, қауіпсіздік үшін екенін түсіндіріңіз.</translation>
    </message>
    <message>
        <source>Qorgan counts time on its own clock, so the limits still hold. Agree on a fair daily allowance together.</source>
        <translation>Qorgan уақытты өз сағатымен санайды, сондықтан лимиттер сақталады. Күндік уақытты бірге әділ келісіп алыңыз.</translation>
    </message>
    <message>
        <source>Check that your child&apos;s account is not an administrator and that nobody else knows the parent PIN.</source>
        <translation>Баланың есептік жазбасы әкімші емес екенін және ата-ана PIN-кодын басқа ешкім білмейтінін тексеріңіз.</translation>
    </message>
    <message>
        <source>{child}: {kind}</source>
        <translation>{child}: {kind}</translation>
    </message>
    <message>
        <source>Also not seen yet: {count}</source>
        <translation>Тағы қаралмаған: {count}</translation>
    </message>
</context>
<context>
    <name>AllDataBox</name>
    <message>
        <source>All data</source>
        <translation>Барлық деректер</translation>
    </message>
    <message>
        <source>Export all data…</source>
        <translation>Барлық деректерді экспорттау…</translation>
    </message>
    <message>
        <source>Delete all data…</source>
        <translation>Барлық деректерді жою…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Экспортталды: {path}</translation>
    </message>
    <message>
        <source>All children, rules and history are deleted.</source>
        <translation>Барлық балалар, ережелер мен тарих жойылды.</translation>
    </message>
    <message>
        <source>Export all data</source>
        <translation>Барлық деректерді экспорттау</translation>
    </message>
    <message>
        <source>Delete all data</source>
        <translation>Барлық деректерді жою</translation>
    </message>
    <message>
        <source>This deletes every child, rule, setting and record. Enter the PIN to confirm:</source>
        <translation>Барлық балалар, ережелер, баптаулар мен жазбалар жойылады. Растау үшін PIN-кодты енгізіңіз:</translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>Бәрін жою</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>AppsPage</name>
    <message>
        <source>Apps</source>
        <translation>Қолданбалар</translation>
    </message>
    <message>
        <source>Choose an app</source>
        <translation>Қолданбаны таңдаңыз</translation>
    </message>
    <message>
        <source>program name, e.g. minecraft-launcher</source>
        <translation>бағдарлама атауы, мысалы minecraft-launcher</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Бұғаттау</translation>
    </message>
    <message>
        <source>Give a daily budget</source>
        <translation>Күндік лимит беру</translation>
    </message>
    <message>
        <source>Does not count (learning)</source>
        <translation>Есепке алынбайды (оқу)</translation>
    </message>
    <message>
        <source>Running now (click to choose):</source>
        <translation>Қазір іске қосылғандар (таңдау үшін басыңыз):</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Blocked apps</source>
        <translation>Бұғатталған қолданбалар</translation>
    </message>
    <message>
        <source>Daily budgets</source>
        <translation>Күндік лимиттер</translation>
    </message>
    <message>
        <source>Do not count towards the time</source>
        <translation>Уақытқа есептелмейтіндер</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Қолданба</translation>
    </message>
    <message>
        <source>Minutes a day</source>
        <translation>Күніне минут</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Type or choose the app&apos;s program name first.</source>
        <translation>Алдымен қолданбаның бағдарлама атауын жазыңыз немесе таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <source>Ask for more time</source>
        <translation>Қосымша уақыт сұрау</translation>
    </message>
    <message>
        <source>How much</source>
        <translation>Қанша</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Неге (міндетті емес)</translation>
    </message>
    <message>
        <source>for example: to finish my homework</source>
        <translation>мысалы: үй тапсырмасын бітіру үшін</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Сұрау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Sent. A parent will answer soon.</source>
        <translation>Жіберілді. Ата-анаң жақында жауап береді.</translation>
    </message>
</context>
<context>
    <name>CategoryGrid</name>
    <message>
        <source>Category</source>
        <translation>Санат</translation>
    </message>
    <message>
        <source>Class {age_class}</source>
        <translation>{age_class} сыныбы</translation>
    </message>
    <message>
        <source>For this child</source>
        <translation>Осы бала үшін</translation>
    </message>
    <message>
        <source>as the class</source>
        <translation>сынып бойынша</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>рұқсат ету</translation>
    </message>
    <message>
        <source>block</source>
        <translation>бұғаттау</translation>
    </message>
    <message>
        <source>Always blocked for everyone; no one can allow it.</source>
        <translation>Барлығы үшін әрқашан бұғатталады; оған ешкім рұқсат бере алмайды.</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>рұқсат етілген</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>бұғатталған</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Protection check</source>
        <translation>Қорғанысты тексеру</translation>
    </message>
</context>
<context>
    <name>ChildCard</name>
    <message>
        <source>Time today</source>
        <translation>Бүгінгі уақыт</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Қалған уақыт</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Қазір</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұраулар</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Ескертулер</translation>
    </message>
    <message>
        <source>Recent blocks</source>
        <translation>Соңғы бұғаттаулар</translation>
    </message>
    <message>
        <source>{count} waiting for you</source>
        <translation>жауап күтуде: {count}</translation>
    </message>
    <message>
        <source>none waiting</source>
        <translation>жауап күтетін сұрау жоқ</translation>
    </message>
    <message>
        <source>{count} not seen yet</source>
        <translation>{count} әлі қаралмаған</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>жаңасы жоқ</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>жүктелуде…</translation>
    </message>
    <message>
        <source>nothing blocked today</source>
        <translation>бүгін ештеңе бұғатталған жоқ</translation>
    </message>
    <message>
        <source>not tracked yet: screen time is not running in this service</source>
        <translation>әзірге есептелмейді: бұл қызметте экран уақытын есептеу іске қосылмаған</translation>
    </message>
    <message>
        <source>{used} (no daily limit)</source>
        <translation>{used} (күндік шектеу жоқ)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>шектеусіз</translation>
    </message>
    <message>
        <source>{used} of {limit}</source>
        <translation>{limit} ішінен {used}</translation>
    </message>
</context>
<context>
    <name>ChildEditingPage</name>
    <message>
        <source>Child:</source>
        <translation>Бала:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Өзгерістерді болдырмау</translation>
    </message>
    <message>
        <source>Saved. The filter applies it within seconds.</source>
        <translation>Сақталды. Сүзгі оны бірнеше секундта қолданады.</translation>
    </message>
</context>
<context>
    <name>ChildEditorPage</name>
    <message>
        <source>Child and web rules</source>
        <translation>Бала және интернет ережелері</translation>
    </message>
    <message>
        <source>Add a child…</source>
        <translation>Бала қосу…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>About the child</source>
        <translation>Бала туралы</translation>
    </message>
    <message>
        <source>Age class</source>
        <translation>Жас сыныбы</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>SafeSearch</source>
        <translation>Қауіпсіз іздеу</translation>
    </message>
    <message>
        <source>Only sites on the allow list (whitelist-only)</source>
        <translation>Тек рұқсат тізіміндегі сайттар (ақ тізім режимі)</translation>
    </message>
    <message>
        <source>For young children and exams: every site not on the allow list is blocked.</source>
        <translation>Кіші балалар мен емтихандарға арналған: рұқсат тізімінде жоқ кез келген сайт бұғатталады.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Санаттар</translation>
    </message>
    <message>
        <source>Always allow</source>
        <translation>Әрқашан рұқсат ету</translation>
    </message>
    <message>
        <source>Always block</source>
        <translation>Әрқашан бұғаттау</translation>
    </message>
    <message>
        <source>off</source>
        <translation>өшірулі</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>орташа</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>қатаң</translation>
    </message>
    <message>
        <source>as the class ({level})</source>
        <translation>сынып бойынша ({level})</translation>
    </message>
    <message>
        <source>Enter the child&apos;s name.</source>
        <translation>Баланың атын енгізіңіз.</translation>
    </message>
    <message>
        <source>There is already a child called {name}.</source>
        <translation>{name} есімді бала бұрыннан бар.</translation>
    </message>
    <message>
        <source>Remove {name}? Their rules are deleted; their account is no longer filtered.</source>
        <translation>{name} жойылсын ба? Оның ережелері өшіріледі, ал есептік жазбасы бұдан былай сүзілмейді.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Туған жылы</translation>
    </message>
    <message>
        <source>Age class</source>
        <translation>Жас сыныбы</translation>
    </message>
    <message>
        <source>OS account</source>
        <translation>Жүйедегі есептік жазба</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>for example, Aruzhan</source>
        <translation>мысалы, Аружан</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>көрсетілмеген</translation>
    </message>
    <message>
        <source>the account the child signs in with</source>
        <translation>бала жүйеге кіретін есептік жазба</translation>
    </message>
    <message>
        <source>Proposed from the birth year (Law 169-VI); you may choose another class.</source>
        <translation>Туған жылы бойынша ұсынылады (169-VI Заң); басқа сыныпты таңдауға болады.</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>Children</source>
        <translation>Балалар</translation>
    </message>
    <message>
        <source>Add each child who uses this PC. The birth year proposes the age class of Law 169-VI; pick the account the child signs in with.</source>
        <translation>Осы компьютерді пайдаланатын әр баланы қосыңыз. Туған жылы бойынша 169-VI Заңдағы жас сыныбы ұсынылады; бала жүйеге кіретін есептік жазбаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Add this child</source>
        <translation>Баланы қосу</translation>
    </message>
    <message>
        <source>Enter the child&apos;s name.</source>
        <translation>Баланың атын енгізіңіз.</translation>
    </message>
    <message>
        <source>There is already a child called {name}.</source>
        <translation>{name} есімді бала бұрыннан бар.</translation>
    </message>
    <message>
        <source>{name} is added.</source>
        <translation>{name} қосылды.</translation>
    </message>
    <message>
        <source>no account</source>
        <translation>есептік жазба жоқ</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Qorgan — parent console</source>
        <translation>Qorgan — ата-ана панелі</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable. You see what was loaded before, read-only; the console reconnects by itself. Rules still apply while the console is closed.</source>
        <translation>Qorgan қызметіне қосылу мүмкін емес. Бұрын жүктелген деректер тек қарау үшін көрсетілген; панель өзі қайта қосылады. Панель жабық болса да, ережелер әрекет ете береді.</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable, so the PIN cannot be checked. Trying again… (is Qorgan installed and running?)</source>
        <translation>Qorgan қызметіне қосылу мүмкін емес, сондықтан PIN-кодты тексеру мүмкін емес. Қайта қосылып жатыр… (Qorgan орнатылған және іске қосылған ба?)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Қорғаныс</translation>
    </message>
    <message>
        <source>No children yet. Add a child under Children.</source>
        <translation>Әзірге бала жоқ. «Балалар» бөлімінде бала қосыңыз.</translation>
    </message>
    <message>
        <source>Alerts not seen yet: {count}</source>
        <translation>Қаралмаған ескертулер: {count}</translation>
    </message>
    <message>
        <source>Requests waiting: {count}</source>
        <translation>Жауап күтетін сұраулар: {count}</translation>
    </message>
</context>
<context>
    <name>DayTable</name>
    <message>
        <source>{day}, homework time</source>
        <translation>{day}, үй тапсырмасы уақыты</translation>
    </message>
    <message>
        <source>{where}: “{span}” is not a time span like 16:00-18:00</source>
        <translation>{where}: «{span}» 16:00-18:00 сияқты уақыт аралығы емес</translation>
    </message>
    <message>
        <source>{where}: {span} ends before it starts</source>
        <translation>{where}: {span} басталмай тұрып аяқталады</translation>
    </message>
    <message>
        <source>{where}: {first} and {second} overlap</source>
        <translation>{where}: {first} мен {second} қабаттасады</translation>
    </message>
    <message>
        <source>Time a day</source>
        <translation>Күніне уақыт</translation>
    </message>
    <message>
        <source>Bedtime, until the next morning</source>
        <translation>Ұйқы уақыты, келесі таңға дейін</translation>
    </message>
    <message>
        <source>Homework time: does not count</source>
        <translation>Үй тапсырмасы уақыты: есептелмейді</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>шектеу</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>ұйқы</translation>
    </message>
    <message>
        <source>e.g. 16:00-18:00</source>
        <translation>мысалы, 16:00-18:00</translation>
    </message>
    <message>
        <source>Spans like 16:00-18:00, separated by commas. Time in them is not counted.</source>
        <translation>16:00-18:00 сияқты аралықтар, үтір арқылы. Бұл уақыт есептелмейді.</translation>
    </message>
    <message>
        <source>{day}: bedtime and wake-up time are the same ({time})</source>
        <translation>{day}: ұйқы мен ояну уақыты бірдей ({time})</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Setting up Qorgan</source>
        <translation>Qorgan-ды баптау</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Әрі қарай</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Аяқтау</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Give the group a name, like 7A.</source>
        <translation>Топқа атау беріңіз, мысалы 7A.</translation>
    </message>
    <message>
        <source>There is already a group called {name}.</source>
        <translation>{name} деген топ бұрыннан бар.</translation>
    </message>
    <message>
        <source>Choose the profile the group&apos;s pupils get.</source>
        <translation>Топ оқушыларына берілетін профильді таңдаңыз.</translation>
    </message>
    <message>
        <source>Give the group&apos;s accounts, like pupil7a*.</source>
        <translation>Топтың есептік жазбаларын жазыңыз, мысалы pupil7a*.</translation>
    </message>
    <message>
        <source>Group {group}: the profile {profile} is no longer there.</source>
        <translation>{group} тобы: {profile} профилі енді жоқ.</translation>
    </message>
    <message>
        <source>The profile {profile} is no longer there.</source>
        <translation>{profile} профилі енді жоқ.</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>School groups</source>
        <translation>Мектеп топтары</translation>
    </message>
    <message>
        <source>In a school lab, a group&apos;s pupil accounts share one profile. A pattern such as pupil7a* matches every account that starts with pupil7a.</source>
        <translation>Мектептің компьютер сыныбында топ оқушыларының есептік жазбалары бір профильді бөліседі. pupil7a* сияқты үлгі pupil7a-дан басталатын әр есептік жазбаға сәйкес келеді.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Топ</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Есептік жазбалар</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>e.g. 7A</source>
        <translation>мысалы, 7A</translation>
    </message>
    <message>
        <source>e.g. pupil7a*, teacher-guest</source>
        <translation>мысалы, pupil7a*, teacher-guest</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>The whole lab</source>
        <translation>Бүкіл компьютер сыныбы</translation>
    </message>
    <message>
        <source>Other accounts get</source>
        <translation>Басқа есептік жазбаларға</translation>
    </message>
    <message>
        <source>Check an account</source>
        <translation>Есептік жазбаны тексеру</translation>
    </message>
    <message>
        <source>an account name, e.g. pupil7a12</source>
        <translation>есептік жазба аты, мысалы pupil7a12</translation>
    </message>
    <message>
        <source>Exam mode and its timetable come with the school&apos;s signed policy; an admin can also hold it on or off with: qorgan school exam on|off|auto.</source>
        <translation>Емтихан режимі мен оның кестесі мектептің қол қойылған саясатымен келеді; әкімші оны мына пәрменмен қосулы не өшірулі ұстай алады: qorgan school exam on|off|auto.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Өзгерістерді болдырмау</translation>
    </message>
    <message>
        <source>The rules changed elsewhere; saving keeps both.</source>
        <translation>Ережелер басқа жерде өзгерді; сақтасаңыз, екеуі де сақталады.</translation>
    </message>
    <message>
        <source>not filtered (no profile)</source>
        <translation>сүзілмейді (профильсіз)</translation>
    </message>
    <message>
        <source>Not saved yet: press Save.</source>
        <translation>Әлі сақталған жоқ: «Сақтау» түймесін басыңыз.</translation>
    </message>
    <message>
        <source>{account} is not filtered.</source>
        <translation>{account} сүзілмейді.</translation>
    </message>
    <message>
        <source>{account} gets {profile}.</source>
        <translation>{account} үшін профиль: {profile}.</translation>
    </message>
    <message>
        <source>Saved. The filter applies it within seconds.</source>
        <translation>Сақталды. Сүзгі оны бірнеше секундта қолданады.</translation>
    </message>
</context>
<context>
    <name>ImportBox</name>
    <message>
        <source>Import a list file</source>
        <translation>Тізім файлын импорттау</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <source>Guess from the file name (.json, .csv, .tar.gz)</source>
        <translation>Файл атауынан анықтау (.json, .csv, .tar.gz)</translation>
    </message>
    <message>
        <source>Domains, one per line</source>
        <translation>Домендер, әр жолда біреуден</translation>
    </message>
    <message>
        <source>Hosts file</source>
        <translation>hosts файлы</translation>
    </message>
    <message>
        <source>Adblock filters</source>
        <translation>Adblock сүзгілері</translation>
    </message>
    <message>
        <source>National blocklist</source>
        <translation>Ұлттық бұғаттау тізімі</translation>
    </message>
    <message>
        <source>UT1 blacklists</source>
        <translation>UT1 қара тізімдері</translation>
    </message>
    <message>
        <source>Registry dump (CSV)</source>
        <translation>Тізілімнен көшірме (CSV)</translation>
    </message>
    <message>
        <source>Category of its sites:</source>
        <translation>Сайттарының санаты:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдаңыз…</translation>
    </message>
    <message>
        <source>Choose the file and import…</source>
        <translation>Файлды таңдап, импорттау…</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Qorgan</source>
        <translation>Qorgan-ға қош келдіңіз</translation>
    </message>
    <message>
        <source>Qorgan keeps your child&apos;s time on this PC safe: it filters websites by the child&apos;s age class, limits screen time and shows you what was blocked and why. Nothing about your child leaves this PC.

Choose the language of the console:</source>
        <translation>Qorgan балаңыздың осы компьютердегі уақытын қауіпсіз етеді: сайттарды баланың жас сыныбы бойынша сүзеді, экран уақытын шектейді және не бұғатталғанын, неге бұғатталғанын көрсетеді. Балаңыз туралы ешқандай дерек осы компьютерден шықпайды.

Панельдің тілін таңдаңыз:</translation>
    </message>
</context>
<context>
    <name>ListJobs</name>
    <message>
        <source>National list</source>
        <translation>Ұлттық тізім</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Домендер</translation>
    </message>
    <message>
        <source>Hosts file</source>
        <translation>hosts файлы</translation>
    </message>
    <message>
        <source>Adblock filters</source>
        <translation>Adblock сүзгілері</translation>
    </message>
    <message>
        <source>UT1</source>
        <translation>UT1</translation>
    </message>
    <message>
        <source>Registry dump</source>
        <translation>Тізілімнен көшірме</translation>
    </message>
    <message>
        <source>Signature checked</source>
        <translation>Қолтаңба тексерілді</translation>
    </message>
    <message>
        <source>Checksum checked</source>
        <translation>Бақылау сомасы тексерілді</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Қолтаңбасыз</translation>
    </message>
    <message>
        <source>{name}: not updated: {error}</source>
        <translation>{name}: жаңартылмады: {error}</translation>
    </message>
    <message>
        <source>{name}: {entries} entries.</source>
        <translation>{name}: {entries} жазба.</translation>
    </message>
    <message>
        <source>{name}: {accepted} accepted, {invalid} invalid lines.</source>
        <translation>{name}: {accepted} қабылданды, {invalid} жол қате.</translation>
    </message>
    <message>
        <source>{name}: removed.</source>
        <translation>{name}: жойылды.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Сәтсіз аяқталды.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Аяқталды.</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Lists</source>
        <translation>Тізімдер</translation>
    </message>
    <message>
        <source>National blocklist (Article 41-1, Law on Communications)</source>
        <translation>Ұлттық бұғаттау тізімі («Байланыс туралы» Заңның 41-1-бабы)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Нұсқасы</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Жариялаушы</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Жарияланған күні</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Жүктелген уақыты</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Sites on this list are blocked for everyone; a parent cannot allow them.</source>
        <translation>Бұл тізімдегі сайттар барлығы үшін бұғатталады; ата-ана оларға рұқсат бере алмайды.</translation>
    </message>
    <message>
        <source>List sources</source>
        <translation>Тізім көздері</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Санат</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Жаңартылған</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Қолтаңба</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Көзі</translation>
    </message>
    <message>
        <source>Update now</source>
        <translation>Қазір жаңарту</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>The national list cannot be removed, not even with the PIN: import a newer signed list to replace it.</source>
        <translation>Ұлттық тізімді PIN арқылы да жоюға болмайды: оны ауыстыру үшін қолтаңбасы бар жаңарақ тізімді импорттаңыз.</translation>
    </message>
    <message>
        <source>Remove the list source {name}? The filter stops using its sites; the other lists stay in force.</source>
        <translation>{name} тізім көзін жою керек пе? Сүзгі оның сайттарын бұдан былай қолданбайды; басқа тізімдер күшінде қалады.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation>{name} жойылуда…</translation>
    </message>
    <message>
        <source>Choose the category that the list&apos;s sites belong to.</source>
        <translation>Тізімдегі сайттар жататын санатты таңдаңыз.</translation>
    </message>
    <message>
        <source>Say what kind of list {file} is, and choose its category.</source>
        <translation>{file} қандай тізім екенін көрсетіп, санатын таңдаңыз.</translation>
    </message>
    <message>
        <source>There are no list sources to update.</source>
        <translation>Жаңартатын тізім көздері жоқ.</translation>
    </message>
    <message>
        <source>Queued. The service starts on it within seconds…</source>
        <translation>Кезекке қойылды. Қызмет бірнеше секундта бастайды…</translation>
    </message>
    <message>
        <source>Running now…</source>
        <translation>Орындалып жатыр…</translation>
    </message>
    <message>
        <source>Still not finished; the status above shows when it is.</source>
        <translation>Әлі аяқталған жоқ; аяқталғанын жоғарыдағы күй көрсетеді.</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>жүктелмеген</translation>
    </message>
    <message>
        <source>In force: {entries} entries, built {built}.</source>
        <translation>Қолданыста: {entries} жазба, жасалған уақыты {built}.</translation>
    </message>
    <message>
        <source>Waiting to run: {count}.</source>
        <translation>Орындалуды күтуде: {count}.</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>қазір жүріп жатыр</translation>
    </message>
    <message>
        <source>done</source>
        <translation>аяқталды</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>сәтсіз аяқталды</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>үзілді</translation>
    </message>
    <message>
        <source>Last update: {state}, {time}.</source>
        <translation>Соңғы жаңарту: {state}, {time}.</translation>
    </message>
    <message>
        <source>List status is not available from this service yet. The filter uses the starter lists that come with Qorgan.</source>
        <translation>Бұл қызмет әзірге тізімдердің күйін көрсете алмайды. Сүзгі Qorgan-мен бірге келетін бастапқы тізімдерді пайдаланады.</translation>
    </message>
    <message>
        <source>No list sources are set up; the starter lists are in use.</source>
        <translation>Тізім көздері бапталмаған; бастапқы тізімдер қолданылуда.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Жаңартылуда…</translation>
    </message>
    <message>
        <source>Import a list</source>
        <translation>Тізімді жүктеу</translation>
    </message>
    <message>
        <source>Lists (*.json *.txt *.csv);;All files (*)</source>
        <translation>Тізімдер (*.json *.txt *.csv);;Барлық файлдар (*)</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Qorgan parent console</source>
        <translation>Qorgan ата-ана панелі</translation>
    </message>
    <message>
        <source>Enter the parent PIN to open the console.</source>
        <translation>Панельді ашу үшін ата-ананың PIN-кодын енгізіңіз.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>The console locked itself after a while without use.</source>
        <translation>Панель біраз уақыт пайдаланылмағандықтан өздігінен құлыпталды.</translation>
    </message>
    <message>
        <source>The session ended; enter the PIN again.</source>
        <translation>Сеанс аяқталды; PIN-кодты қайта енгізіңіз.</translation>
    </message>
    <message>
        <source>Wrong PIN ({tries} in a row). After 5 wrong tries the PIN locks for a minute, and longer after each further wrong try.</source>
        <translation>PIN-код қате (қатарынан {tries} рет). 5 қате әрекеттен кейін PIN-код бір минутқа құлыпталады, әр келесі қатеден кейін — ұзағырақ.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until {time} ({seconds} s left).</source>
        <translation>Қате PIN-код тым көп рет енгізілді. {time} дейін құлыпталды ({seconds} с қалды).</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <source>Home or school</source>
        <translation>Үй немесе мектеп</translation>
    </message>
    <message>
        <source>Home: a family PC</source>
        <translation>Үй: отбасылық компьютер</translation>
    </message>
    <message>
        <source>Each child has a profile of their own.</source>
        <translation>Әр баланың өз профилі болады.</translation>
    </message>
    <message>
        <source>School: a computer lab</source>
        <translation>Мектеп: компьютер сыныбы</translation>
    </message>
    <message>
        <source>Pupils&apos; accounts share class profiles; exam mode allows chosen sites only.</source>
        <translation>Оқушылардың есептік жазбалары ортақ сынып профильдерін пайдаланады; емтихан режимінде тек таңдалған сайттар ашылады.</translation>
    </message>
</context>
<context>
    <name>OpenPortsBox</name>
    <message>
        <source>Open ports</source>
        <translation>Ашық порттар</translation>
    </message>
    <message>
        <source>Everything but web and DNS is refused for the children; a port opened here goes out directly, not through the filter.</source>
        <translation>Балаларға вебтен және DNS-тен басқаның бәрі жабық; мұнда ашылған порт сүзгі арқылы емес, тікелей шығады.</translation>
    </message>
    <message>
        <source>e.g. 25565/tcp or 27015-27030/udp</source>
        <translation>мысалы, 25565/tcp немесе 27015-27030/udp</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>write it as PORT/tcp, PORT/udp or FIRST-LAST/tcp</source>
        <translation>ПОРТ/tcp, ПОРТ/udp немесе БІРІНШІ-СОҢҒЫ/tcp түрінде жазыңыз</translation>
    </message>
    <message>
        <source>ports go from 1 to 65535, the first no higher than the last</source>
        <translation>порттар 1-ден 65535-ке дейін, біріншісі соңғысынан үлкен емес</translation>
    </message>
    <message>
        <source>53, 80, 443 and 853 are the proxy&apos;s (web and DNS go through it)</source>
        <translation>53, 80, 443 және 853 проксидікі (веб пен DNS сол арқылы өтеді)</translation>
    </message>
    <message>
        <source>Opened {port}.</source>
        <translation>Ашылды: {port}.</translation>
    </message>
    <message>
        <source>Port closed.</source>
        <translation>Порт жабылды.</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Parent PIN</source>
        <translation>Ата-ананың PIN-коды</translation>
    </message>
    <message>
        <source>Choose a PIN of at least 4 characters. You will need it to open the console and to approve your child&apos;s requests. Do not tell it to your child.</source>
        <translation>Кемінде 4 таңбадан тұратын PIN-код ойлап табыңыз. Ол панельді ашу және баланың сұрауларын мақұлдау үшін керек. Оны балаңызға айтпаңыз.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN-код</translation>
    </message>
    <message>
        <source>the same PIN again</source>
        <translation>сол PIN-кодты қайталаңыз</translation>
    </message>
    <message>
        <source>The PIN needs at least 4 characters.</source>
        <translation>PIN-код кемінде 4 таңбадан тұруы керек.</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>Екі PIN-код сәйкес келмейді.</translation>
    </message>
    <message>
        <source>Saving the PIN…</source>
        <translation>PIN-код сақталуда…</translation>
    </message>
    <message>
        <source>The service gave no session.</source>
        <translation>Қызмет сеанс ашпады.</translation>
    </message>
    <message>
        <source>The PIN is set.</source>
        <translation>PIN-код орнатылды.</translation>
    </message>
</context>
<context>
    <name>ProtectionReport</name>
    <message>
        <source>Qorgan service</source>
        <translation>Qorgan қызметі</translation>
    </message>
    <message>
        <source>Certificate for HTTPS filtering</source>
        <translation>HTTPS сүзгісіне арналған сертификат</translation>
    </message>
    <message>
        <source>Firewall redirection</source>
        <translation>Брандмауэр арқылы бағыттау</translation>
    </message>
    <message>
        <source>National blocklist</source>
        <translation>Ұлттық бұғаттау тізімі</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>тексерілуде…</translation>
    </message>
    <message>
        <source>unknown while the service is not reachable</source>
        <translation>қызмет қолжетімсіз болғандықтан белгісіз</translation>
    </message>
    <message>
        <source>running (demo mode, as your user)</source>
        <translation>жұмыс істеп тұр (көрсетілім режимі, сіздің пайдаланушыңыз атынан)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>жұмыс істеп тұр</translation>
    </message>
    <message>
        <source>created on this PC</source>
        <translation>осы компьютерде жасалған</translation>
    </message>
    <message>
        <source>missing: HTTPS sites cannot show the block page</source>
        <translation>жоқ: HTTPS сайттарында бұғаттау беті көрсетілмейді</translation>
    </message>
    <message>
        <source>demo mode: not applicable</source>
        <translation>көрсетілім режимі: қолданылмайды</translation>
    </message>
    <message>
        <source>not keeping up: its last sign of life is old</source>
        <translation>жауап бермей тұр: соңғы белгісі ескі</translation>
    </message>
    <message>
        <source>running, but the filter is down</source>
        <translation>жұмыс істеп тұр, бірақ сүзгі тоқтап тұр</translation>
    </message>
    <message>
        <source>active</source>
        <translation>қосулы</translation>
    </message>
    <message>
        <source>version {version}, {entries} entries</source>
        <translation>нұсқасы {version}, жазбалар: {entries}</translation>
    </message>
    <message>
        <source>not checked by this version</source>
        <translation>бұл нұсқа тексермейді</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>қате: {error}</translation>
    </message>
    <message>
        <source>not in place: the child&apos;s traffic is not filtered</source>
        <translation>орнатылмаған: баланың трафигі сүзілмейді</translation>
    </message>
    <message>
        <source>trusted by the system and the browsers</source>
        <translation>жүйе мен браузерлер сенім білдіреді</translation>
    </message>
    <message>
        <source>could not be installed: {error}</source>
        <translation>орнату мүмкін болмады: {error}</translation>
    </message>
    <message>
        <source>being installed…</source>
        <translation>орнатылуда…</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>жүктелмеген</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>оқу мүмкін емес: {error}</translation>
    </message>
    <message>
        <source>version {version} from {publisher}, {entries} entries</source>
        <translation>нұсқасы {version}, жариялаған: {publisher}, жазбалар: {entries}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Есеп</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Жасалған уақыты</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Басқаша сақтау…</translation>
    </message>
    <message>
        <source>Weekly reports are not available from this service yet.</source>
        <translation>Бұл қызмет әзірге апталық есептерді бере алмайды.</translation>
    </message>
    <message>
        <source>No reports yet. Qorgan writes one every week.</source>
        <translation>Әзірге есеп жоқ. Qorgan есепті апта сайын жасайды.</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>Сақтау мүмкін болмады: {error}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Есепті сақтау</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Requests</source>
        <translation>Сұраулар</translation>
    </message>
    <message>
        <source>Show answered requests too</source>
        <translation>Жауап берілген сұрауларды да көрсету</translation>
    </message>
    <message>
        <source>No requests. When a child asks for more time or a site, it shows here.</source>
        <translation>Сұраулар жоқ. Бала қосымша уақыт немесе сайт сұраса, сұрау осында көрінеді.</translation>
    </message>
    <message>
        <source>Allow a site for:</source>
        <translation>Сайтқа рұқсат мерзімі:</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Мақұлдау</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Қабылдамау</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Сұралған уақыты</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Бала</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Не сұрады</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Хабарлама</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Жауап</translation>
    </message>
    <message>
        <source>site {host}</source>
        <translation>{host} сайты</translation>
    </message>
    <message>
        <source>{time} more</source>
        <translation>тағы {time}</translation>
    </message>
    <message>
        <source>more time</source>
        <translation>қосымша уақыт</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>күтуде</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>мақұлданды</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>қабылданбады</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Мақұлданды.</translation>
    </message>
    <message>
        <source>Declined.</source>
        <translation>Қабылданбады.</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule and time limits</source>
        <translation>Кесте және уақыт шектеулері</translation>
    </message>
    <message>
        <source>Allowed hours</source>
        <translation>Рұқсат етілген сағаттар</translation>
    </message>
    <message>
        <source>Allow all</source>
        <translation>Барлығына рұқсат ету</translation>
    </message>
    <message>
        <source>Close all</source>
        <translation>Барлығын жабу</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Дс</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Сс</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Ср</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Бс</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Жм</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Сб</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Жс</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>Daily budget per category (0: no budget)</source>
        <translation>Санат бойынша күндік лимит (0 — лимитсіз)</translation>
    </message>
    <message>
        <source>the PC may be used</source>
        <translation>компьютерді пайдалануға болады</translation>
    </message>
    <message>
        <source>homework time, not counted</source>
        <translation>үй тапсырмасы уақыты, есептелмейді</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>ұйқы уақыты</translation>
    </message>
    <message>
        <source>Click or drag over half-hours to open or close them.</source>
        <translation>Жарты сағаттарды ашу не жабу үшін басыңыз немесе тышқанмен сүйреңіз.</translation>
    </message>
    <message>
        <source>Each day</source>
        <translation>Күндер бойынша</translation>
    </message>
    <message>
        <source>Budgets per category</source>
        <translation>Санаттар бойынша лимит</translation>
    </message>
    <message>
        <source>Budgets for single apps, and apps that do not count, are set under Apps.</source>
        <translation>Жеке қолданбалардың лимиттері мен есепке алынбайтын қолданбалар «Қолданбалар» бөлімінде бапталады.</translation>
    </message>
</context>
<context>
    <name>ScreenTime</name>
    <message>
        <source>may use the PC</source>
        <translation>компьютерді пайдалана алады</translation>
    </message>
    <message>
        <source>using the PC</source>
        <translation>компьютерде</translation>
    </message>
    <message>
        <source>not using the PC</source>
        <translation>компьютерде емес</translation>
    </message>
    <message>
        <source>today&apos;s time is used up</source>
        <translation>бүгінгі уақыт таусылды</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>ұйқы уақыты</translation>
    </message>
    <message>
        <source>outside the allowed hours</source>
        <translation>рұқсат етілген сағаттардан тыс</translation>
    </message>
    <message>
        <source>the session is locked</source>
        <translation>сеанс құлыпталған</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>белгісіз</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Жалпы</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Keep history for</source>
        <translation>Тарихты сақтау мерзімі</translation>
    </message>
    <message>
        <source>Lock the console after</source>
        <translation>Панельді құлыптау</translation>
    </message>
    <message>
        <source>days</source>
        <translation>күн</translation>
    </message>
    <message>
        <source>min without use</source>
        <translation>мин әрекетсіздіктен кейін</translation>
    </message>
    <message>
        <source>Weekly report by e-mail</source>
        <translation>Апталық есеп электрондық поштамен</translation>
    </message>
    <message>
        <source>Send the weekly report by e-mail</source>
        <translation>Апталық есепті электрондық поштамен жіберу</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кімге</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Кімнен</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP сервері</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Қауіпсіздік</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Пайдаланушы аты</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <source>parent@example.kz</source>
        <translation>parent@example.kz</translation>
    </message>
    <message>
        <source>kept in the system keyring, not in Qorgan&apos;s data</source>
        <translation>Qorgan деректерінде емес, жүйелік кілттер қоймасында сақталады</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Баптауларды сақтау</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Баптаулар сақталды.</translation>
    </message>
</context>
<context>
    <name>SiteListEditor</name>
    <message>
        <source>a site, e.g. bilimland.kz or 10.0.0.0/8</source>
        <translation>сайт, мысалы bilimland.kz немесе 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Not a site the filter can read: {error}</source>
        <translation>Сүзгі бұл жазбаны сайт ретінде оқи алмайды: {error}</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} сағ {minutes} мин</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} сағ</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <source>dd.MM.yyyy HH:mm</source>
        <translation>dd.MM.yyyy HH:mm</translation>
    </message>
    <message>
        <source>The Qorgan service is not reachable. Nothing can be saved until it is back.</source>
        <translation>Qorgan қызметіне қосылу мүмкін емес. Ол қайта қосылғанша ештеңе сақталмайды.</translation>
    </message>
    <message>
        <source>This Qorgan service cannot do this yet.</source>
        <translation>Qorgan қызметінің бұл нұсқасы мұны әлі істей алмайды.</translation>
    </message>
    <message>
        <source>Enter the parent PIN again.</source>
        <translation>Ата-ананың PIN-кодын қайта енгізіңіз.</translation>
    </message>
    <message>
        <source>The PIN is locked for now after too many wrong tries.</source>
        <translation>Қате әрекеттер тым көп болғандықтан PIN-код уақытша құлыпталды.</translation>
    </message>
    <message>
        <source>The service refused this: {detail}</source>
        <translation>Қызмет мұны қабылдамады: {detail}</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Бірдеңе дұрыс болмады: {detail}</translation>
    </message>
</context>
<context>
    <name>TrayModel</name>
    <message>
        <source>Asking for a site is not available on this PC yet. Ask a parent in person.</source>
        <translation>Бұл компьютерде сайт сұрау әзірге жоқ. Ата-анаңнан өзің сұра.</translation>
    </message>
    <message>
        <source>Asking for time is not available on this PC yet. Ask a parent in person.</source>
        <translation>Бұл компьютерде уақыт сұрау әзірге мүмкін емес. Ата-анаңнан өзің сұра.</translation>
    </message>
    <message>
        <source>Qorgan does not supervise this account, so there is no one to ask.</source>
        <translation>Qorgan бұл есептік жазбаны қадағаламайды, сондықтан сұрайтын ешкім жоқ.</translation>
    </message>
</context>
<context>
    <name>TrayPanel</name>
    <message>
        <source>Qorgan&apos;s service is not reachable right now.</source>
        <translation>Qorgan қызметі қазір қолжетімсіз.</translation>
    </message>
    <message>
        <source>Screen time is not counted on this PC yet.</source>
        <translation>Бұл компьютерде экран уақыты әзірге есептелмейді.</translation>
    </message>
    <message>
        <source>Checking your time…</source>
        <translation>Уақытың тексерілуде…</translation>
    </message>
    <message>
        <source>Qorgan does not supervise this account.</source>
        <translation>Qorgan бұл есептік жазбаны қадағаламайды.</translation>
    </message>
    <message>
        <source>No time limit today.</source>
        <translation>Бүгін уақыт шектелмеген.</translation>
    </message>
    <message>
        <source>Time left today: {time}</source>
        <translation>Бүгін қалған уақыт: {time}</translation>
    </message>
    <message>
        <source>Qorgan</source>
        <translation>Qorgan</translation>
    </message>
    <message>
        <source>Qorgan is on</source>
        <translation>Qorgan қосулы</translation>
    </message>
    <message>
        <source>Now: {state}</source>
        <translation>Қазір: {state}</translation>
    </message>
    <message>
        <source>Ask for more time…</source>
        <translation>Қосымша уақыт сұрау…</translation>
    </message>
    <message>
        <source>What Qorgan does</source>
        <translation>Qorgan не істейді</translation>
    </message>
    <message>
        <source>Ask a parent</source>
        <translation>Ата-анаңнан сұра</translation>
    </message>
    <message>
        <source>Your computer time for today is over.</source>
        <translation>Бүгінгі компьютер уақытың бітті.</translation>
    </message>
    <message>
        <source>{time} of computer time left today. Save your work.</source>
        <translation>Бүгін компьютерде {time} уақытың қалды. Жұмысыңды сақтап ал.</translation>
    </message>
    <message>
        <source>{host} is blocked.</source>
        <translation>{host} жабық.</translation>
    </message>
    <message>
        <source>{host} is blocked: {category}.</source>
        <translation>{host} жабық: {category}.</translation>
    </message>
    <message>
        <source>You can ask a parent.</source>
        <translation>Ата-анаңнан сұрай аласың.</translation>
    </message>
    <message>
        <source>This site stays closed.</source>
        <translation>Бұл сайт жабық болып қалады.</translation>
    </message>
    <message>
        <source>If you feel bad, you can call 150 at any time: it is free, they listen.</source>
        <translation>Көңіл-күйің нашар болса, 150-ге кез келген уақытта қоңырау шала аласың: тегін, сені тыңдайды.</translation>
    </message>
    <message>
        <source>A parent will see that you asked for {host}.</source>
        <translation>Ата-анаң сенің {host} сұрағаныңды көреді.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Балалар</translation>
    </message>
    <message>
        <source>School groups</source>
        <translation>Мектеп топтары</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Кесте</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Қолданбалар</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Тізімдер</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Белсенділік</translation>
    </message>
    <message>
        <source>Requests ({count})</source>
        <translation>Сұраулар ({count})</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Сұраулар</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>Lock the console</source>
        <translation>Панельді құлыптау</translation>
    </message>
</context>
</TS>
