"""The text of the demo library (`make run`): 61 documents in English, French and Arabic.

Data only; library/demo.py turns each entry into a real file (PDF, DOCX, ODT or XLSX) and
a published document. A document's file holds its title, summary, its own opening
paragraph, one paragraph per theme (THEME_PARAGRAPHS, in its language), one about its
type (TYPE_PARAGRAPHS) and a note saying it is a demonstration document. Cities, themes
and regions are named as in the reference data (membership/data/member_cities.csv,
membership.reference.THEMES and REGIONS). The cities are real members of the network;
the programmes and findings described are illustrative.
"""

from dataclasses import dataclass

LAP = "Local action planning"
RISK = "Risk assessment"
NETWORKS = "Prevention networks (multi-agency)"
YOUTH = "Youth engagement"
NARRATIVES = "Counter-narratives and strategic communications"
REFERRAL = "Interventions and referral"
MENTORING = "Mentoring"
REINTEGRATION = "Deradicalisation, disengagement, rehabilitation and reintegration"
HATE = "Hate crime and hate speech"
COHESION = "Polarisation and social cohesion"
ONLINE = "Online extremism"
GENDER = "Gender and women's participation"
EDUCATION = "Education and schools"
LEADERS = "Religious and community leaders"
PSYCHOSOCIAL = "Psychosocial support"
POLICING = "Policing and community engagement"
PARTNERSHIPS = "Public-private partnerships"
EVALUATION = "Monitoring and evaluation"

SCN = "Strong Cities Network"


@dataclass(frozen=True)
class DemoDocument:
    """One document of the demo library, as its file and its metadata will say."""

    title: str
    summary: str
    language: str
    document_type: str  # a library.choices.DocumentType value
    themes: tuple[str, ...]  # English theme names
    cities: tuple[str, ...]  # member city names, as in the reference data
    year: int
    author: str
    body: str  # the document's own opening paragraph
    regions: tuple[str, ...] = ()  # English region names, for regional documents
    file_kind: str = "pdf"  # a library.choices.FileKind value
    # Uploaded by the demo city editor of Mombasa as Mombasa's own contribution.
    city_contribution: bool = False
    downloads: int = 0


# Headings of the generated files, per language.
HEADINGS = {
    "en": {
        "summary": "Summary",
        "background": "Background",
        "about": "About this document",
        "published": "Published by {author}, {year}",
        "note": (
            "Demonstration document generated for the SCN Online Hub. The cities named are "
            "members of the Strong Cities Network; the content is illustrative and does not "
            "state their official positions."
        ),
    },
    "fr": {
        "summary": "Résumé",
        "background": "Contexte",
        "about": "À propos de ce document",
        "published": "Publié par {author}, {year}",
        "note": (
            "Document de démonstration créé pour le SCN Online Hub. Les villes citées sont "
            "membres du Strong Cities Network ; le contenu est illustratif et n'engage pas "
            "ces villes."
        ),
    },
    "ar": {
        "summary": "الملخص",
        "background": "السياق",
        "about": "حول هذه الوثيقة",
        "published": "الجهة الناشرة: {author}، سنة النشر: {year}",
        "note": (
            "وثيقة تجريبية أُنشئت لمنصة SCN Online Hub. المدن المذكورة أعضاء في شبكة المدن "
            "القوية، والمحتوى توضيحي ولا يعبّر عن مواقفها الرسمية."
        ),
    },
}

# One paragraph per theme and language: the part of a document's body about that theme.
THEME_PARAGRAPHS = {
    LAP: {
        "en": (
            "A local action plan turns shared concern into coordinated work. It starts from "
            "an assessment of the local drivers of violent extremism and hate, names the "
            "partners responsible for each measure, sets a budget and a timetable, and "
            "explains how progress will be measured. The strongest plans are written with the "
            "people they affect: young people, parents, teachers, social workers, faith and "
            "community leaders, and the police. They are reviewed every year and published so "
            "that residents can hold the municipality to account."
        ),
        "fr": (
            "Un plan d'action local transforme une inquiétude partagée en travail coordonné. "
            "Il part d'un diagnostic des facteurs locaux de l'extrémisme violent et de la "
            "haine, désigne les partenaires responsables de chaque mesure, fixe un budget et "
            "un calendrier, et précise comment les progrès seront mesurés. Les plans les plus "
            "solides sont rédigés avec les personnes concernées : les jeunes, les parents, les "
            "enseignants, les travailleurs sociaux, les responsables religieux et associatifs, "
            "ainsi que la police. Ils sont révisés chaque année et rendus publics afin que les "
            "habitants puissent demander des comptes à la municipalité."
        ),
        "ar": (
            "تحوّل خطة العمل المحلية القلق المشترك إلى عمل منسّق. وتنطلق الخطة من تشخيص "
            "العوامل المحلية التي تغذّي التطرف العنيف والكراهية، وتحدّد الشركاء المسؤولين عن "
            "كل إجراء، وتضع ميزانية وجدولاً زمنياً، وتوضح كيفية قياس التقدم. وتُكتب أنجح الخطط "
            "بمشاركة الفئات المعنية بها: الشباب والأهالي والمعلمين والعاملين الاجتماعيين "
            "والقادة الدينيين وقادة المجتمع والشرطة. وتُراجَع الخطة كل عام وتُنشر ليتمكن "
            "السكان من مساءلة البلدية."
        ),
    },
    RISK: {
        "en": (
            "Risk assessment helps practitioners decide when concern about a person calls for "
            "action, and what kind. Structured professional judgement tools list risk and "
            "protective factors, such as grievances, identity crises, exposure to extremist "
            "networks, family support and school attendance, but they never replace a "
            "conversation with the person. Assessments should be shared only with those who "
            "need to know, reviewed regularly, and recorded in a way that respects data "
            "protection law and avoids stigmatising whole communities."
        ),
        "fr": (
            "L'évaluation des risques aide les professionnels à décider quand une inquiétude "
            "au sujet d'une personne appelle une intervention, et laquelle. Les outils de "
            "jugement professionnel structuré recensent des facteurs de risque et de "
            "protection, comme le sentiment d'injustice, les crises identitaires, l'exposition "
            "à des réseaux extrémistes, le soutien familial ou l'assiduité scolaire, mais ils "
            "ne remplacent jamais un entretien avec la personne. Les évaluations ne sont "
            "partagées qu'avec ceux qui en ont besoin, revues régulièrement et consignées dans "
            "le respect de la protection des données, sans stigmatiser des communautés "
            "entières."
        ),
        "ar": (
            "يساعد تقييم المخاطر العاملين في الميدان على تحديد متى يستدعي القلق بشأن شخص ما "
            "التدخل، وما نوع هذا التدخل. وتعرض أدوات الحكم المهني المنظَّم عوامل الخطر وعوامل "
            "الحماية، مثل الشعور بالظلم وأزمات الهوية والتعرض لشبكات متطرفة والدعم الأسري "
            "والانتظام في الدراسة، لكنها لا تغني أبداً عن الحوار المباشر مع الشخص. ولا يُطلع "
            "على التقييمات إلا من يحتاج إليها، وتُراجع بانتظام، وتُحفظ بما يحترم قوانين حماية "
            "البيانات ويتجنب وصم مجتمعات بأكملها."
        ),
    },
    NETWORKS: {
        "en": (
            "No single agency can prevent violent extremism on its own. Multi-agency "
            "prevention networks bring together schools, social services, health "
            "professionals, youth workers, the police and civil society organisations around "
            "a shared case-management process. Clear rules on information sharing, a named "
            "coordinator in the municipality and regular case conferences make the difference "
            "between a network that exists on paper and one that actually supports people. "
            "Trust between partners is built slowly, through joint training and small "
            "successes."
        ),
        "fr": (
            "Aucune institution ne peut prévenir seule l'extrémisme violent. Les réseaux de "
            "prévention multi-agences réunissent les écoles, les services sociaux, les "
            "professionnels de santé, les animateurs jeunesse, la police et les associations "
            "autour d'une procédure commune de suivi des situations. Des règles claires de "
            "partage d'informations, un coordinateur désigné au sein de la municipalité et des "
            "réunions de concertation régulières font la différence entre un réseau qui existe "
            "sur le papier et un réseau qui accompagne réellement les personnes. La confiance "
            "entre partenaires se construit lentement, par des formations communes et de "
            "petites réussites."
        ),
        "ar": (
            "لا تستطيع أي جهة بمفردها أن تمنع التطرف العنيف. فشبكات الوقاية المتعددة الجهات "
            "تجمع المدارس والخدمات الاجتماعية والعاملين في القطاع الصحي والعاملين مع الشباب "
            "والشرطة ومنظمات المجتمع المدني حول آلية مشتركة لمتابعة الحالات. وتصنع القواعد "
            "الواضحة لتبادل المعلومات، ووجود منسّق معيَّن في البلدية، واجتماعات دورية لدراسة "
            "الحالات، الفرقَ بين شبكة موجودة على الورق فقط وشبكة تدعم الناس فعلاً. وتُبنى الثقة "
            "بين الشركاء ببطء، من خلال التدريب المشترك والنجاحات الصغيرة."
        ),
    },
    YOUTH: {
        "en": (
            "Young people are too often treated as a risk to be managed rather than as "
            "partners. Meaningful youth engagement gives them real influence over decisions "
            "that affect them: youth councils with a budget, participatory projects in their "
            "neighbourhoods, and paid roles as peer educators. When young people see that "
            "local institutions listen and act, the extremist claim that the system will never "
            "hear them loses its force. Engagement works best when it reaches beyond the "
            "already active and includes those who feel excluded."
        ),
        "fr": (
            "Les jeunes sont trop souvent considérés comme un risque à gérer plutôt que comme "
            "des partenaires. Un véritable engagement des jeunes leur donne une influence "
            "réelle sur les décisions qui les concernent : des conseils de jeunes dotés d'un "
            "budget, des projets participatifs dans leur quartier, des postes rémunérés "
            "d'éducateurs pairs. Quand les jeunes constatent que les institutions locales les "
            "écoutent et agissent, le discours extrémiste selon lequel le système ne les "
            "entendra jamais perd de sa force. L'engagement fonctionne mieux lorsqu'il dépasse "
            "le cercle des jeunes déjà actifs pour inclure ceux qui se sentent exclus."
        ),
        "ar": (
            "كثيراً ما يُنظر إلى الشباب على أنهم خطر ينبغي إدارته لا شركاء ينبغي العمل معهم. "
            "أما الإشراك الحقيقي للشباب فيمنحهم تأثيراً فعلياً في القرارات التي تمسّ حياتهم: "
            "مجالس شبابية لها ميزانية خاصة، ومشاريع تشاركية في أحيائهم، وأدوار مدفوعة الأجر "
            "بوصفهم مثقِّفين أقراناً. وعندما يرى الشباب أن المؤسسات المحلية تستمع إليهم وتعمل "
            "بما يقولون، تفقد الدعاية المتطرفة التي تزعم أن النظام لن يسمعهم أبداً قوتها. "
            "وينجح الإشراك أكثر عندما يتجاوز الشباب الناشطين أصلاً ليصل إلى من يشعرون بالإقصاء."
        ),
    },
    NARRATIVES: {
        "en": (
            "Counter-narratives are most credible when they come from voices young people "
            "already trust: former extremists, survivors, local artists, athletes and peers. "
            "Rather than lecturing, effective campaigns offer alternative stories of "
            "belonging, purpose and dignity, and they invite audiences to talk back. Municipal "
            "communication teams can support these voices with training, small grants and "
            "audience research, while staying in the background. Every campaign should be "
            "tested with its audience first, and monitored for unintended effects such as "
            "amplifying the very message it wants to answer."
        ),
        "fr": (
            "Les contre-discours sont plus crédibles lorsqu'ils émanent de voix auxquelles les "
            "jeunes font déjà confiance : anciens extrémistes, victimes, artistes locaux, "
            "sportifs et pairs. Plutôt que de faire la morale, les campagnes efficaces "
            "proposent d'autres récits d'appartenance, de sens et de dignité, et invitent le "
            "public à réagir. Les services de communication municipaux peuvent soutenir ces "
            "voix par des formations, de petites subventions et des études de public, tout en "
            "restant en retrait. Chaque campagne doit d'abord être testée auprès de son "
            "public, puis suivie pour repérer les effets indésirables, comme l'amplification "
            "du message même qu'elle veut contrer."
        ),
        "ar": (
            "تكون الخطابات المضادة أكثر مصداقية عندما تصدر عن أصوات يثق بها الشباب أصلاً: "
            "متطرفون سابقون، وناجون من العنف، وفنانون محليون، ورياضيون، وأقران. وبدلاً من "
            "الوعظ، تقدّم الحملات الناجحة روايات بديلة عن الانتماء والمعنى والكرامة، وتدعو "
            "الجمهور إلى التفاعل والرد. ويمكن لفرق الاتصال في البلديات أن تدعم هذه الأصوات "
            "بالتدريب والمنح الصغيرة ودراسة الجمهور، مع البقاء في الخلفية. وينبغي اختبار كل "
            "حملة مع جمهورها أولاً، ثم متابعتها لرصد آثارها غير المقصودة، مثل تضخيم الرسالة "
            "نفسها التي تسعى إلى الرد عليها."
        ),
    },
    REFERRAL: {
        "en": (
            "A referral pathway tells a teacher, a social worker or a neighbour what to do "
            "when they are worried about someone. It should be simple: one contact point, a "
            "quick first assessment, and a decision on whether the case belongs in the "
            "prevention network, in ordinary social services or with the police. Most "
            "referrals do not concern violent extremism at all but mental health, family "
            "conflict or school difficulties, and they should be handled as such. Consent, "
            "proportionality and feedback to the person who made the referral keep the "
            "pathway trusted."
        ),
        "fr": (
            "Un circuit d'orientation indique à un enseignant, à un travailleur social ou à "
            "un voisin ce qu'il doit faire lorsqu'il s'inquiète pour quelqu'un. Il doit rester "
            "simple : un point de contact unique, une première évaluation rapide, puis une "
            "décision sur l'orientation de la situation vers le réseau de prévention, vers les "
            "services sociaux ordinaires ou vers la police. La plupart des signalements ne "
            "relèvent pas de l'extrémisme violent mais de la santé mentale, de conflits "
            "familiaux ou de difficultés scolaires, et doivent être traités comme tels. Le "
            "consentement, la proportionnalité et un retour à la personne qui a signalé la "
            "situation préservent la confiance dans le dispositif."
        ),
        "ar": (
            "يوضح مسار الإحالة للمعلم أو العامل الاجتماعي أو الجار ما ينبغي فعله عندما يساوره "
            "القلق بشأن شخص ما. ويجب أن يكون المسار بسيطاً: جهة اتصال واحدة، وتقييم أولي سريع، "
            "ثم قرار بشأن إحالة الحالة إلى شبكة الوقاية أو إلى الخدمات الاجتماعية العادية أو "
            "إلى الشرطة. ولا تتعلق معظم الإحالات بالتطرف العنيف أصلاً، بل بالصحة النفسية أو "
            "النزاعات الأسرية أو الصعوبات المدرسية، وينبغي التعامل معها على هذا الأساس. "
            "ويحافظ احترام الموافقة والتناسب وإبلاغ صاحب الإحالة بما جرى على ثقة الناس بهذا "
            "المسار."
        ),
    },
    MENTORING: {
        "en": (
            "Mentoring pairs a young person with a trained adult who offers time, attention "
            "and a stable relationship. Mentors are not therapists or police officers; they "
            "help with everyday goals such as finishing school, finding work or repairing "
            "family ties, and they model a life in which conflicts are solved without "
            "violence. Programmes need careful matching, supervision for mentors, clear "
            "boundaries and a plan for ending the relationship well. Evaluations show that the "
            "length and quality of the relationship matter more than any particular "
            "curriculum."
        ),
        "fr": (
            "Le mentorat associe un jeune à un adulte formé qui lui offre du temps, de "
            "l'attention et une relation stable. Le mentor n'est ni un thérapeute ni un "
            "policier : il aide à atteindre des objectifs concrets, comme terminer sa "
            "scolarité, trouver un emploi ou renouer avec sa famille, et il incarne une vie où "
            "les conflits se règlent sans violence. Les programmes exigent un appariement "
            "soigneux, une supervision des mentors, des limites claires et une fin de relation "
            "bien préparée. Les évaluations montrent que la durée et la qualité de la relation "
            "comptent davantage que le contenu du programme."
        ),
        "ar": (
            "يقوم الإرشاد على ربط شاب أو شابة بشخص بالغ مدرَّب يمنحه الوقت والاهتمام وعلاقة "
            "مستقرة. والمرشد ليس معالجاً نفسياً ولا شرطياً، بل يساعد على بلوغ أهداف يومية مثل "
            "إكمال الدراسة أو إيجاد عمل أو إصلاح العلاقات الأسرية، ويقدّم نموذجاً لحياة تُحلّ "
            "فيها النزاعات من دون عنف. وتحتاج برامج الإرشاد إلى مطابقة دقيقة بين المرشد "
            "والمسترشد، وإشراف على المرشدين، وحدود واضحة، وخطة لإنهاء العلاقة على نحو سليم. "
            "وتُظهر التقييمات أن مدة العلاقة وجودتها أهم من أي منهج بعينه."
        ),
    },
    REINTEGRATION: {
        "en": (
            "Leaving an extremist group is a process, not a moment. Disengagement programmes "
            "support people who want to step away from violence with practical help, such as "
            "housing, work, education and safe contacts, alongside ideological dialogue where "
            "it is useful. The rehabilitation and reintegration of returning foreign fighters "
            "and their families also depend on the receiving community: neighbours, "
            "employers, schools and religious institutions must be prepared to accept them. "
            "Cities coordinate closely with prison and probation services so that support "
            "continues after release."
        ),
        "fr": (
            "Quitter un groupe extrémiste est un processus, pas un instant. Les programmes de "
            "désengagement accompagnent les personnes qui veulent s'éloigner de la violence "
            "par une aide concrète, comme le logement, l'emploi, la formation et des contacts "
            "sûrs, complétée si besoin par un dialogue idéologique. La réhabilitation et la "
            "réintégration des combattants de retour et de leurs familles dépendent aussi de "
            "la communauté d'accueil : voisins, employeurs, écoles et institutions religieuses "
            "doivent être préparés à les accueillir. Les villes se coordonnent étroitement "
            "avec les services pénitentiaires et de probation pour que l'accompagnement se "
            "poursuive après la libération."
        ),
        "ar": (
            "ترك جماعة متطرفة مسارٌ طويل وليس لحظة واحدة. وتدعم برامج فك الارتباط من يريدون "
            "الابتعاد عن العنف بمساعدة عملية، مثل السكن والعمل والتعليم وشبكة علاقات آمنة، إلى "
            "جانب الحوار الفكري حين يكون مفيداً. كما تعتمد إعادة تأهيل المقاتلين العائدين "
            "وأسرهم وإعادة إدماجهم على المجتمع المستقبِل: فالجيران وأصحاب العمل والمدارس "
            "والمؤسسات الدينية يجب أن يكونوا مستعدين لتقبّلهم. وتنسّق المدن تنسيقاً وثيقاً مع "
            "إدارات السجون ومصالح المراقبة القضائية كي يستمر الدعم بعد الإفراج."
        ),
    },
    HATE: {
        "en": (
            "Hate crime and hate speech harm not only their direct victims but whole "
            "communities, who learn that they are unwelcome. Cities can make reporting easier "
            "through third-party reporting centres, train frontline staff to recognise bias "
            "motivation, and support victims through the justice process. Rapid, visible "
            "solidarity after an incident, from the mayor, from other communities and from "
            "local media, limits the risk of retaliation and shows that the city stands "
            "together. Collecting reliable local data is the first step towards any response."
        ),
        "fr": (
            "Les crimes et discours de haine ne blessent pas seulement leurs victimes "
            "directes, mais des communautés entières, qui comprennent qu'elles ne sont pas les "
            "bienvenues. Les villes peuvent faciliter les signalements grâce à des points de "
            "signalement tenus par des tiers, former les agents de première ligne à "
            "reconnaître le mobile discriminatoire et accompagner les victimes tout au long de "
            "la procédure judiciaire. Une solidarité rapide et visible après un incident, de "
            "la part du maire, des autres communautés et des médias locaux, limite le risque "
            "de représailles et montre que la ville reste unie. Recueillir des données locales "
            "fiables est la première étape de toute réponse."
        ),
        "ar": (
            "لا تؤذي جرائم الكراهية وخطاب الكراهية ضحاياها المباشرين فحسب، بل تطال مجتمعات "
            "بأكملها تشعر بأنها غير مرحَّب بها. ويمكن للمدن تسهيل الإبلاغ عبر مراكز إبلاغ "
            "تديرها أطراف مستقلة، وتدريب الموظفين في الخطوط الأمامية على التعرف إلى دافع "
            "التحيّز، ومرافقة الضحايا طوال الإجراءات القضائية. ويحدّ التضامن السريع والعلني "
            "بعد أي حادثة، من رئيس البلدية ومن المجتمعات الأخرى ومن وسائل الإعلام المحلية، من "
            "خطر الانتقام، ويُظهر أن المدينة متماسكة. ويبقى جمع بيانات محلية موثوقة الخطوة "
            "الأولى نحو أي استجابة."
        ),
    },
    COHESION: {
        "en": (
            "Polarisation grows when groups stop meeting each other and start seeing the "
            "other side only through rumours and social media. Social cohesion is rebuilt in "
            "ordinary places: mixed schools, sports clubs, markets, libraries and "
            "neighbourhood festivals. Local authorities can map tensions early, bring "
            "bridge-builders together and make sure that public services are seen to treat "
            "every neighbourhood fairly. Dialogue works best when it addresses concrete local "
            "issues, such as housing, safety or jobs, rather than abstract debates about "
            "identity."
        ),
        "fr": (
            "La polarisation s'accroît lorsque des groupes cessent de se rencontrer et ne "
            "voient plus l'autre qu'à travers les rumeurs et les réseaux sociaux. La cohésion "
            "sociale se reconstruit dans des lieux ordinaires : écoles mixtes, clubs sportifs, "
            "marchés, bibliothèques et fêtes de quartier. Les autorités locales peuvent "
            "repérer tôt les tensions, réunir les bâtisseurs de ponts et veiller à ce que les "
            "services publics traitent chaque quartier équitablement. Le dialogue fonctionne "
            "mieux lorsqu'il porte sur des questions locales concrètes, comme le logement, la "
            "sécurité ou l'emploi, plutôt que sur des débats abstraits sur l'identité."
        ),
        "ar": (
            "يتزايد الاستقطاب حين تكفّ الجماعات عن الالتقاء وتبدأ برؤية الطرف الآخر من خلال "
            "الشائعات ووسائل التواصل الاجتماعي فقط. ويُعاد بناء التماسك الاجتماعي في الأماكن "
            "العادية: المدارس المختلطة والأندية الرياضية والأسواق والمكتبات ومهرجانات "
            "الأحياء. وتستطيع السلطات المحلية رصد التوترات مبكراً، والجمع بين بُناة الجسور، "
            "والتأكد من أن الخدمات العامة تعامل جميع الأحياء بإنصاف ظاهر. وينجح الحوار أكثر "
            "عندما يتناول قضايا محلية ملموسة، مثل السكن والأمن وفرص العمل، بدلاً من النقاشات "
            "المجردة حول الهوية."
        ),
    },
    ONLINE: {
        "en": (
            "Extremist recruitment has moved to where young people spend their time: video "
            "platforms, gaming communities, encrypted messaging apps and meme culture. "
            "Municipal practitioners rarely moderate content themselves, but they can raise "
            "digital literacy in schools and youth centres, train youth workers to talk about "
            "what young people see online, and build relationships with platforms to report "
            "illegal content quickly. Online and offline prevention must be connected: a "
            "worrying post is often the first visible sign of a problem that needs a personal "
            "response."
        ),
        "fr": (
            "Le recrutement extrémiste s'est déplacé là où les jeunes passent leur temps : "
            "plateformes vidéo, communautés de joueurs en ligne, messageries chiffrées et "
            "culture des mèmes. Les professionnels municipaux modèrent rarement eux-mêmes les "
            "contenus, mais ils peuvent renforcer l'éducation au numérique dans les écoles et "
            "les maisons de jeunes, former les animateurs à parler avec les jeunes de ce "
            "qu'ils voient en ligne et nouer des relations avec les plateformes pour signaler "
            "rapidement les contenus illicites. La prévention en ligne et hors ligne doit être "
            "reliée : une publication inquiétante est souvent le premier signe visible d'une "
            "difficulté qui appelle une réponse personnelle."
        ),
        "ar": (
            "انتقل التجنيد المتطرف إلى حيث يقضي الشباب أوقاتهم: منصات الفيديو، ومجتمعات "
            "الألعاب الإلكترونية، وتطبيقات المراسلة المشفّرة، وثقافة الصور الساخرة. ونادراً ما "
            "يتولى العاملون في البلديات الإشراف على المحتوى بأنفسهم، لكنهم يستطيعون تعزيز "
            "التربية الرقمية في المدارس ومراكز الشباب، وتدريب العاملين مع الشباب على الحديث "
            "معهم عمّا يشاهدونه على الإنترنت، وبناء علاقات مع المنصات للإبلاغ السريع عن المحتوى "
            "غير القانوني. ويجب الربط بين الوقاية على الإنترنت وخارجه، فالمنشور المقلق كثيراً "
            "ما يكون أول علامة ظاهرة على مشكلة تحتاج إلى استجابة شخصية."
        ),
    },
    GENDER: {
        "en": (
            "Women play many roles in relation to violent extremism: as mothers and sisters "
            "who notice early changes, as community leaders and peacebuilders, and sometimes "
            "as recruiters or perpetrators themselves. Prevention programmes that ignore "
            "gender miss both risks and resources. Cities can fund women's networks, include "
            "women in the design and leadership of prevention work, and make sure that "
            "services are accessible to women who face barriers of language, childcare or "
            "mobility. Masculinity, and the promise of status and belonging that extremist "
            "groups make to young men, deserves equal attention."
        ),
        "fr": (
            "Les femmes jouent de nombreux rôles face à l'extrémisme violent : mères et sœurs "
            "qui remarquent les premiers changements, responsables communautaires et actrices "
            "de paix, et parfois recruteuses ou auteures de violences. Les programmes de "
            "prévention qui ignorent le genre passent à côté de risques comme de ressources. "
            "Les villes peuvent financer des réseaux de femmes, associer les femmes à la "
            "conception et à la direction du travail de prévention, et rendre les services "
            "accessibles aux femmes confrontées à des obstacles de langue, de garde d'enfants "
            "ou de mobilité. La masculinité, et la promesse de statut et d'appartenance que "
            "les groupes extrémistes font aux jeunes hommes, mérite une attention égale."
        ),
        "ar": (
            "تؤدي النساء أدواراً متعددة في ما يتصل بالتطرف العنيف: فهنّ أمهات وأخوات يلاحظن "
            "التغيّرات المبكرة، وقائدات مجتمعيات وصانعات سلام، وأحياناً مجنِّدات أو مرتكبات "
            "للعنف. وتُغفل برامج الوقاية التي تتجاهل النوع الاجتماعي المخاطرَ والمواردَ على حدّ "
            "سواء. ويمكن للمدن تمويل الشبكات النسائية، وإشراك النساء في تصميم العمل الوقائي "
            "وقيادته، وضمان وصول النساء إلى الخدمات رغم عوائق اللغة ورعاية الأطفال والتنقل. "
            "كما تستحق الذكورة، وما تعد به الجماعات المتطرفة الشبانَ من مكانة وانتماء، "
            "اهتماماً مماثلاً."
        ),
    },
    EDUCATION: {
        "en": (
            "Schools are often the first institution to notice that a pupil is struggling, "
            "and the one place where almost every young person can be reached. Citizenship "
            "education, critical thinking, media literacy and open classroom discussion of "
            "difficult events help pupils to resist simplistic answers. Teachers need "
            "training and support to handle controversial questions without fear, and clear "
            "guidance on when to involve the school's safeguarding lead. A good school "
            "climate, where every pupil feels recognised, is itself a strong protective "
            "factor."
        ),
        "fr": (
            "L'école est souvent la première institution à remarquer qu'un élève va mal, et "
            "le seul lieu où presque tous les jeunes peuvent être atteints. L'éducation à la "
            "citoyenneté, l'esprit critique, l'éducation aux médias et la discussion ouverte "
            "en classe des événements difficiles aident les élèves à résister aux réponses "
            "simplistes. Les enseignants ont besoin de formation et de soutien pour aborder "
            "les questions controversées sans crainte, et de consignes claires sur le moment "
            "où il faut alerter le référent de l'établissement. Un bon climat scolaire, où "
            "chaque élève se sent reconnu, est en soi un puissant facteur de protection."
        ),
        "ar": (
            "كثيراً ما تكون المدرسة أول مؤسسة تلاحظ أن أحد التلاميذ يواجه صعوبات، وهي المكان "
            "الوحيد الذي يمكن فيه الوصول إلى جميع الشباب تقريباً. وتساعد التربية على المواطنة "
            "والتفكير النقدي والتربية الإعلامية والنقاش المفتوح في الصف حول الأحداث الصعبة "
            "التلاميذَ على مقاومة الإجابات المبسّطة. ويحتاج المعلمون إلى التدريب والدعم لمعالجة "
            "الأسئلة الخلافية من دون خوف، وإلى توجيهات واضحة حول متى يجب إشراك المسؤول عن "
            "الحماية في المدرسة. والمناخ المدرسي الجيد، الذي يشعر فيه كل تلميذ بأنه معترف به، "
            "هو في حدّ ذاته عامل حماية قوي."
        ),
    },
    LEADERS: {
        "en": (
            "Religious and community leaders carry authority that no municipal programme can "
            "buy. Imams, priests, rabbis, elders and heads of associations can challenge "
            "extremist interpretations, mediate in local conflicts and open doors to families "
            "who distrust public institutions. Partnerships with them work when they are "
            "equal and transparent: leaders should not be treated as informants, and their "
            "independence must be respected. Training on safeguarding, mental health and "
            "referral pathways helps them respond when a member of their community is at "
            "risk."
        ),
        "fr": (
            "Les responsables religieux et communautaires disposent d'une autorité qu'aucun "
            "programme municipal ne peut acheter. Imams, prêtres, rabbins, anciens et "
            "présidents d'associations peuvent contester les interprétations extrémistes, "
            "servir de médiateurs dans les conflits locaux et ouvrir la porte de familles qui "
            "se méfient des institutions publiques. Ces partenariats fonctionnent lorsqu'ils "
            "sont équilibrés et transparents : les responsables ne doivent pas être traités "
            "comme des informateurs, et leur indépendance doit être respectée. Une formation "
            "à la protection, à la santé mentale et aux circuits d'orientation les aide à "
            "réagir lorsqu'un membre de leur communauté est en danger."
        ),
        "ar": (
            "يتمتع القادة الدينيون وقادة المجتمع بسلطة معنوية لا يستطيع أي برنامج بلدي "
            "شراءها. فالأئمة والكهنة والحاخامات والوجهاء ورؤساء الجمعيات قادرون على دحض "
            "التفسيرات المتطرفة، والتوسط في النزاعات المحلية، وفتح الأبواب أمام أسر لا تثق "
            "بالمؤسسات العامة. وتنجح الشراكة معهم عندما تكون متكافئة وشفافة: فلا ينبغي "
            "التعامل معهم كمخبرين، ويجب احترام استقلاليتهم. ويساعدهم التدريب على الحماية "
            "والصحة النفسية ومسارات الإحالة على التصرف عندما يكون أحد أفراد مجتمعهم في خطر."
        ),
    },
    PSYCHOSOCIAL: {
        "en": (
            "Many people drawn towards violent extremism carry trauma, loss, isolation or "
            "untreated mental health problems. Psychosocial support addresses these needs "
            "directly, through counselling, family therapy, peer support groups and "
            "activities that rebuild routine and self-worth. It is equally important for the "
            "families of those who left to join armed groups, for returnees and their "
            "children, and for communities affected by attacks. Practitioners themselves need "
            "supervision and care, because the work is demanding and the cases can be "
            "distressing."
        ),
        "fr": (
            "Beaucoup de personnes attirées par l'extrémisme violent portent des traumatismes, "
            "des deuils, un isolement ou des troubles psychiques non soignés. Le soutien "
            "psychosocial répond directement à ces besoins, par l'écoute, la thérapie "
            "familiale, les groupes de soutien entre pairs et des activités qui redonnent une "
            "routine et l'estime de soi. Il est tout aussi important pour les familles de ceux "
            "qui sont partis rejoindre des groupes armés, pour les personnes revenues et leurs "
            "enfants, et pour les communautés touchées par des attentats. Les professionnels "
            "eux-mêmes ont besoin de supervision et de soins, car le travail est exigeant et "
            "les situations peuvent être éprouvantes."
        ),
        "ar": (
            "يحمل كثير ممن ينجذبون إلى التطرف العنيف صدمات أو فقداناً أو عزلة أو مشكلات نفسية "
            "لم تُعالَج. ويستجيب الدعم النفسي والاجتماعي لهذه الاحتياجات مباشرة، من خلال "
            "الإرشاد النفسي والعلاج الأسري ومجموعات الدعم بين الأقران والأنشطة التي تعيد بناء "
            "الروتين اليومي واحترام الذات. وهو لا يقل أهمية لأسر من غادروا للالتحاق بجماعات "
            "مسلحة، وللعائدين وأطفالهم، وللمجتمعات التي تضررت من الهجمات. ويحتاج العاملون "
            "أنفسهم إلى الإشراف والرعاية، لأن العمل مُرهِق والحالات قد تكون مؤلمة."
        ),
    },
    POLICING: {
        "en": (
            "Community policing builds the trust that prevention depends on. Officers who are "
            "known by name in a neighbourhood, who attend community meetings and who respond "
            "fairly to everyday problems are far more likely to be told when something is "
            "wrong. Heavy-handed operations, discriminatory stops and broken promises quickly "
            "destroy that trust and feed extremist narratives of persecution. Clear "
            "separation between prevention and investigation, and honest communication about "
            "what the police can and cannot do, protect the relationship."
        ),
        "fr": (
            "La police de proximité construit la confiance dont dépend la prévention. Des "
            "agents connus par leur nom dans un quartier, présents aux réunions d'habitants et "
            "qui répondent avec équité aux problèmes quotidiens ont bien plus de chances "
            "d'être alertés quand quelque chose ne va pas. Les opérations brutales, les "
            "contrôles discriminatoires et les promesses non tenues détruisent vite cette "
            "confiance et nourrissent le discours extrémiste de persécution. Une séparation "
            "claire entre prévention et enquête, et une communication honnête sur ce que la "
            "police peut ou ne peut pas faire, protègent la relation."
        ),
        "ar": (
            "تبني الشرطة المجتمعية الثقة التي يعتمد عليها العمل الوقائي. فعناصر الشرطة الذين "
            "يعرفهم سكان الحي بأسمائهم، ويحضرون الاجتماعات المحلية، ويتعاملون بإنصاف مع "
            "المشكلات اليومية، هم الأكثر حظاً في أن يُبلَّغوا عندما يحدث خطب ما. أما العمليات "
            "العنيفة والتوقيفات التمييزية والوعود التي لا يُوفى بها فتهدم هذه الثقة بسرعة "
            "وتغذّي روايات المتطرفين عن الاضطهاد. ويحمي العلاقةَ الفصلُ الواضح بين الوقاية "
            "والتحقيق، والتواصل الصادق حول ما تستطيع الشرطة فعله وما لا تستطيعه."
        ),
    },
    PARTNERSHIPS: {
        "en": (
            "Businesses, foundations and technology companies bring resources that municipal "
            "budgets cannot: jobs and apprenticeships, technical expertise, communication "
            "channels and long-term funding. Partnerships work when they are built around a "
            "shared local goal, such as employment for young people leaving school without "
            "qualifications, and when roles, data protection and exit arrangements are agreed "
            "in writing. Companies also have a direct interest in safe, cohesive cities. "
            "Municipalities should remain accountable for public priorities and avoid "
            "partnerships that could damage trust in the prevention programme."
        ),
        "fr": (
            "Les entreprises, les fondations et les sociétés technologiques apportent des "
            "ressources que les budgets municipaux ne permettent pas : emplois et "
            "apprentissages, expertise technique, canaux de communication et financements à "
            "long terme. Les partenariats fonctionnent lorsqu'ils s'articulent autour d'un "
            "objectif local partagé, comme l'emploi des jeunes sortis de l'école sans "
            "qualification, et lorsque les rôles, la protection des données et les conditions "
            "de sortie sont convenus par écrit. Les entreprises ont aussi un intérêt direct à "
            "des villes sûres et solidaires. Les municipalités doivent rester garantes des "
            "priorités publiques et éviter les partenariats qui pourraient nuire à la "
            "confiance dans le programme de prévention."
        ),
        "ar": (
            "تقدّم الشركات والمؤسسات الخيرية وشركات التكنولوجيا موارد لا تتيحها ميزانيات "
            "البلديات: فرص عمل وتدريب مهني، وخبرة تقنية، وقنوات اتصال، وتمويل طويل الأمد. "
            "وتنجح الشراكات عندما تُبنى حول هدف محلي مشترك، مثل تشغيل الشباب الذين يتركون "
            "المدرسة من دون مؤهلات، وعندما يُتفق كتابياً على الأدوار وحماية البيانات وشروط "
            "إنهاء الشراكة. وللشركات أيضاً مصلحة مباشرة في مدن آمنة ومتماسكة. وينبغي أن تبقى "
            "البلديات مسؤولة عن الأولويات العامة، وأن تتجنب الشراكات التي قد تضر بالثقة في "
            "برنامج الوقاية."
        ),
    },
    EVALUATION: {
        "en": (
            "Prevention is hard to measure because success means that something did not "
            "happen. Good monitoring and evaluation starts with a theory of change that links "
            "each activity to the outcome it is meant to produce, and with indicators that "
            "can realistically be collected: participation, changes in attitudes and skills, "
            "referrals handled, trust in institutions. Mixed methods, combining surveys, "
            "interviews and case reviews, give a fuller picture than numbers alone. "
            "Evaluation findings should be shared openly with partners and other cities, "
            "including what did not work."
        ),
        "fr": (
            "La prévention est difficile à mesurer, car sa réussite signifie que quelque "
            "chose ne s'est pas produit. Un bon dispositif de suivi et d'évaluation part d'une "
            "théorie du changement qui relie chaque activité au résultat attendu, et "
            "d'indicateurs qu'il est réaliste de collecter : participation, évolution des "
            "attitudes et des compétences, situations traitées, confiance dans les "
            "institutions. Les méthodes mixtes, qui combinent enquêtes, entretiens et études "
            "de cas, donnent une image plus complète que les seuls chiffres. Les résultats des "
            "évaluations doivent être partagés ouvertement avec les partenaires et les autres "
            "villes, y compris ce qui n'a pas fonctionné."
        ),
        "ar": (
            "يصعب قياس الوقاية لأن نجاحها يعني أن شيئاً ما لم يحدث. ويبدأ الرصد والتقييم "
            "الجيدان بنظرية تغيير تربط كل نشاط بالنتيجة المتوقعة منه، وبمؤشرات يمكن جمعها "
            "فعلياً: المشاركة، والتغير في المواقف والمهارات، والحالات التي عولجت، والثقة في "
            "المؤسسات. وتقدّم المناهج المختلطة، التي تجمع بين الاستبيانات والمقابلات ومراجعة "
            "الحالات، صورة أكمل مما تقدّمه الأرقام وحدها. وينبغي مشاركة نتائج التقييم بصراحة "
            "مع الشركاء والمدن الأخرى، بما في ذلك ما لم ينجح."
        ),
    },
}

# One closing paragraph per document type and language.
TYPE_PARAGRAPHS = {
    "research": {
        "en": (
            "This research report is based on a review of the literature, interviews with "
            "practitioners and residents, and local data provided by the municipality. Its "
            "findings are intended to inform policy and practice; they do not represent the "
            "official position of the city or of the Strong Cities Network."
        ),
        "fr": (
            "Ce rapport de recherche s'appuie sur une revue de la littérature, des entretiens "
            "avec des professionnels et des habitants, et des données locales fournies par la "
            "municipalité. Ses conclusions visent à éclairer les politiques et les pratiques ; "
            "elles ne reflètent pas la position officielle de la ville ni du Strong Cities "
            "Network."
        ),
        "ar": (
            "يستند هذا التقرير البحثي إلى مراجعة للأدبيات ومقابلات مع العاملين في الميدان "
            "والسكان وبيانات محلية قدّمتها البلدية. وتهدف نتائجه إلى توجيه السياسات "
            "والممارسات، ولا تعبّر عن الموقف الرسمي للمدينة أو لشبكة المدن القوية."
        ),
    },
    "strategy": {
        "en": (
            "This strategy sets out the city's priorities, the principles that guide its "
            "work and the responsibilities of each partner. It was adopted by the city "
            "council after public consultation and will be reviewed at mid-term in light of "
            "the monitoring results."
        ),
        "fr": (
            "Cette stratégie présente les priorités de la ville, les principes qui guident son "
            "action et les responsabilités de chaque partenaire. Elle a été adoptée par le "
            "conseil municipal après une consultation publique et sera révisée à mi-parcours "
            "à la lumière des résultats du suivi."
        ),
        "ar": (
            "تحدد هذه الاستراتيجية أولويات المدينة والمبادئ التي توجّه عملها ومسؤوليات كل "
            "شريك. وقد اعتمدها المجلس البلدي بعد مشاورات عامة، وستُراجَع في منتصف المدة في ضوء "
            "نتائج الرصد."
        ),
    },
    "analysis": {
        "en": (
            "This analysis draws on open sources, local reporting and discussions with "
            "practitioners. It describes trends and their possible consequences for local "
            "prevention work, and ends with recommendations for municipalities and their "
            "partners."
        ),
        "fr": (
            "Cette analyse s'appuie sur des sources ouvertes, des signalements locaux et des "
            "échanges avec des professionnels. Elle décrit les tendances observées et leurs "
            "conséquences possibles pour la prévention locale, et se termine par des "
            "recommandations aux municipalités et à leurs partenaires."
        ),
        "ar": (
            "يعتمد هذا التحليل على مصادر مفتوحة وبلاغات محلية ونقاشات مع العاملين في الميدان. "
            "ويصف الاتجاهات الملاحَظة وآثارها المحتملة على العمل الوقائي المحلي، ويُختتم "
            "بتوصيات موجهة إلى البلديات وشركائها."
        ),
    },
    "case_study": {
        "en": (
            "This case study describes what was done, who was involved, what it cost and "
            "what changed. It was written with the practitioners who ran the work so that "
            "other cities can judge what might transfer to their own context."
        ),
        "fr": (
            "Cette étude de cas décrit ce qui a été fait, par qui, à quel coût et avec quels "
            "changements. Elle a été rédigée avec les professionnels qui ont mené l'action, "
            "afin que d'autres villes puissent juger de ce qui est transposable dans leur "
            "propre contexte."
        ),
        "ar": (
            "تصف دراسة الحالة هذه ما أُنجز، ومن شارك فيه، وكم كلّف، وما الذي تغيّر. وقد كُتبت "
            "بالتعاون مع العاملين الذين نفّذوا المشروع، كي تتمكن المدن الأخرى من تقدير ما يمكن "
            "نقله إلى سياقها الخاص."
        ),
    },
    "toolkit": {
        "en": (
            "This toolkit contains checklists, templates and exercises that practitioners "
            "can adapt to their own setting. Each tool can be used on its own; together they "
            "cover preparation, delivery and follow-up."
        ),
        "fr": (
            "Cette boîte à outils contient des listes de contrôle, des modèles et des "
            "exercices que les professionnels peuvent adapter à leur propre contexte. Chaque "
            "outil peut être utilisé seul ; ensemble, ils couvrent la préparation, la mise en "
            "œuvre et le suivi."
        ),
        "ar": (
            "تتضمن مجموعة الأدوات هذه قوائم تحقق ونماذج وتمارين يمكن للعاملين تكييفها مع "
            "بيئتهم الخاصة. ويمكن استخدام كل أداة على حدة، وهي مجتمعةً تغطي مراحل التحضير "
            "والتنفيذ والمتابعة."
        ),
    },
    "local_action_plan": {
        "en": (
            "This local action plan lists each measure with its lead agency, partners, "
            "budget line, timetable and indicators. The steering group meets every quarter, "
            "and a progress report is presented to the city council each year."
        ),
        "fr": (
            "Ce plan d'action local présente chaque mesure avec son service pilote, ses "
            "partenaires, sa ligne budgétaire, son calendrier et ses indicateurs. Le comité de "
            "pilotage se réunit chaque trimestre, et un bilan d'avancement est présenté chaque "
            "année au conseil municipal."
        ),
        "ar": (
            "تعرض خطة العمل المحلية هذه كل إجراء مع الجهة المسؤولة عنه وشركائه وبند الميزانية "
            "والجدول الزمني والمؤشرات. وتجتمع لجنة التوجيه كل ثلاثة أشهر، ويُقدَّم تقرير سنوي "
            "عن التقدم المحرز إلى المجلس البلدي."
        ),
    },
    "evaluation": {
        "en": (
            "This evaluation was carried out by an independent team. It combines programme "
            "data, a survey of participants and interviews with staff and partners, and "
            "assesses relevance, effectiveness, efficiency and sustainability before making "
            "recommendations."
        ),
        "fr": (
            "Cette évaluation a été réalisée par une équipe indépendante. Elle combine les "
            "données du programme, une enquête auprès des participants et des entretiens avec "
            "le personnel et les partenaires, et examine la pertinence, l'efficacité, "
            "l'efficience et la durabilité avant de formuler des recommandations."
        ),
        "ar": (
            "أجرى هذا التقييم فريق مستقل. ويجمع بين بيانات البرنامج واستبيان للمشاركين "
            "ومقابلات مع الموظفين والشركاء، ويقيّم الملاءمة والفعالية والكفاءة والاستدامة قبل "
            "تقديم التوصيات."
        ),
    },
    "good_practice": {
        "en": (
            "This guide presents good practices that have been tested in several cities, "
            "with the conditions that made them work and the pitfalls to avoid. Contact "
            "details of the practitioners involved are available through the Strong Cities "
            "Network."
        ),
        "fr": (
            "Ce guide présente des bonnes pratiques éprouvées dans plusieurs villes, avec les "
            "conditions de leur réussite et les écueils à éviter. Les coordonnées des "
            "professionnels concernés sont disponibles auprès du Strong Cities Network."
        ),
        "ar": (
            "يعرض هذا الدليل ممارسات جيدة جُرّبت في عدة مدن، مع الشروط التي أسهمت في نجاحها "
            "والأخطاء التي ينبغي تجنبها. ويمكن الحصول على بيانات التواصل مع العاملين المعنيين "
            "عن طريق شبكة المدن القوية."
        ),
    },
    "training": {
        "en": (
            "This training material is designed for a one-day workshop with frontline "
            "practitioners. It contains a facilitator's guide, case scenarios for group work "
            "and a short evaluation form for participants."
        ),
        "fr": (
            "Ce support de formation est conçu pour un atelier d'une journée avec des "
            "professionnels de terrain. Il comprend un guide de l'animateur, des mises en "
            "situation pour le travail en groupe et un court questionnaire d'évaluation pour "
            "les participants."
        ),
        "ar": (
            "صُممت هذه المادة التدريبية لورشة عمل مدتها يوم واحد مع العاملين في الخطوط "
            "الأمامية. وتتضمن دليلاً للميسّر وسيناريوهات حالات للعمل الجماعي واستمارة تقييم "
            "قصيرة للمشاركين."
        ),
    },
}

ENGLISH = [
    DemoDocument(
        title="The Aarhus Model: Early Prevention and Exit Support for Young People",
        summary=(
            "How Aarhus combines early prevention in schools and youth clubs with voluntary "
            "exit support for young people who want to leave extremist milieus."
        ),
        language="en",
        document_type="good_practice",
        themes=(REINTEGRATION, MENTORING, NETWORKS),
        cities=("Aarhus",),
        year=2016,
        author="Municipality of Aarhus",
        body=(
            "Aarhus was among the first cities in Europe to treat radicalisation as a "
            "question of inclusion rather than of security alone. Its model rests on close "
            "cooperation between schools, social services and the East Jutland Police, known "
            "as the SSP cooperation, and on an information and advice centre that "
            "professionals and parents can call. Young people who have travelled, or wanted "
            "to travel, to conflict zones are offered mentors, help with education and "
            "housing, and psychological support, on a voluntary basis. This paper explains how "
            "the model is organised and what other cities have taken from it."
        ),
        downloads=14,
    ),
    DemoDocument(
        title=(
            "Mombasa County Action Plan for Preventing and Countering Violent Extremism 2022-2026"
        ),
        summary=(
            "The county's second action plan: pillars of work with civil society, faith "
            "leaders and young people, from education and livelihoods to psychosocial support "
            "and strategic communication."
        ),
        language="en",
        document_type="local_action_plan",
        themes=(LAP, YOUTH, LEADERS),
        cities=("Mombasa",),
        year=2022,
        author="County Government of Mombasa",
        body=(
            "Mombasa's first County Action Plan, adopted in 2017, showed that prevention "
            "works best when civil society, faith leaders and county departments plan "
            "together. This second plan keeps the county engagement forum as its backbone and "
            "adds clearer budget lines for each pillar. It gives priority to young people in "
            "informal settlements such as Kisauni and Likoni, to returnees and their "
            "families, and to women's groups that already mediate in local conflicts. Each "
            "ward will name a focal person to link residents with the forum."
        ),
        file_kind="docx",
        city_contribution=True,
        downloads=9,
    ),
    DemoDocument(
        title="Mid-term Evaluation of the Mombasa Youth Mentoring Programme",
        summary=(
            "An independent mid-term evaluation of a mentoring programme for young people in "
            "Mombasa: participation, retention, outcomes and recommendations for the second "
            "phase."
        ),
        language="en",
        document_type="evaluation",
        themes=(MENTORING, EVALUATION, YOUTH),
        cities=("Mombasa",),
        year=2024,
        author="County Government of Mombasa",
        body=(
            "The Mombasa Youth Mentoring Programme pairs young people aged 15 to 24 with "
            "volunteer mentors from the same neighbourhoods, trained and supervised by local "
            "youth organisations. At mid-term, most pairs were still meeting regularly after "
            "six months, and participants reported more confidence, better relations with "
            "their families and clearer plans for work or training. The evaluation also found "
            "that female mentors were scarce and that mentors wanted more support when a "
            "young person disclosed contact with extremist recruiters. It recommends longer "
            "training and a direct line to the county referral team."
        ),
        city_contribution=True,
        downloads=6,
    ),
    DemoDocument(
        title="Safeguarding Young People from Online Radicalisation: A Guide for Schools",
        summary=(
            "Practical guidance for Birmingham schools on recognising online radicalisation, "
            "talking with pupils about extremist content and making a safeguarding referral."
        ),
        language="en",
        document_type="toolkit",
        themes=(ONLINE, EDUCATION),
        cities=("Birmingham",),
        year=2019,
        author="Birmingham City Council",
        body=(
            "Teachers in Birmingham told us that they often learn about extremist content "
            "from pupils before anyone else does, and that they are unsure how to respond. "
            "This guide helps school staff understand how recruiters use video platforms, "
            "gaming chats and closed groups, how to talk with pupils about what they have "
            "seen without shaming them, and when to pass a concern to the designated "
            "safeguarding lead. It includes lesson ideas on misinformation and conspiracy "
            "theories and a one-page summary of the referral steps."
        ),
        downloads=11,
    ),
    DemoDocument(
        title="Ten Years of Multi-Agency Prevention in Kristiansand",
        summary=(
            "Lessons from a decade of cooperation between the municipality, the police, "
            "schools and health services in Kristiansand's prevention network."
        ),
        language="en",
        document_type="case_study",
        themes=(NETWORKS, POLICING),
        cities=("Kristiansand",),
        year=2021,
        author="Kristiansand Municipality",
        body=(
            "Kristiansand's prevention network began with a small group of police officers "
            "and youth workers worried about a local far-right group. Ten years later it "
            "includes schools, child welfare services, the mental health service and several "
            "voluntary organisations, and it handles concerns about all forms of extremism. "
            "The network meets every fortnight, uses a shared consent form for information "
            "sharing and keeps its case files in the municipal system. This case study "
            "describes how the network was built, the conflicts between partners that had to "
            "be solved and the cases that changed its practice."
        ),
    ),
    DemoDocument(
        title=(
            "Migrants and Host Communities in Antalya: Building Social Cohesion through Local "
            "Services"
        ),
        summary=(
            "Research on relations between long-time residents and migrants in Antalya, and "
            "on how municipal services can reduce tension and isolation."
        ),
        language="en",
        document_type="research",
        themes=(COHESION, PSYCHOSOCIAL),
        cities=("Antalya",),
        year=2020,
        author="Antalya Metropolitan Municipality",
        body=(
            "Antalya has welcomed large numbers of people from Syria, Ukraine, Russia and "
            "other countries in a short time. Surveys carried out for this study in four "
            "districts show that most residents support helping people in need, but that "
            "competition for housing and jobs, and rumours spread on social media, fuel "
            "resentment. Migrants describe loneliness, language barriers and difficulty "
            "reaching health and counselling services. The report recommends neighbourhood "
            "centres open to all residents, Turkish courses combined with childcare, and "
            "joint cultural events planned with both communities."
        ),
    ),
    DemoDocument(
        title="Bihać on the Migration Route: Hate, Polarisation and Local Responses",
        summary=(
            "An analysis of tensions between residents and migrants in Bihać, of hateful "
            "rhetoric online and offline, and of what the city and its partners did to "
            "reduce them."
        ),
        language="en",
        document_type="analysis",
        themes=(HATE, COHESION),
        cities=("Bihać",),
        year=2021,
        author="City of Bihać",
        body=(
            "Since 2018 Bihać has been one of the main transit points for people trying to "
            "reach the European Union, and for long periods thousands of migrants lived in "
            "and around the city. Residents felt left alone by national authorities, protests "
            "multiplied and hateful messages about migrants spread quickly on local social "
            "media pages. This analysis follows the events month by month, shows how rumours "
            "were turned into political mobilisation, and describes the city's attempts to "
            "keep dialogue open with residents while protecting migrants from attacks."
        ),
    ),
    DemoDocument(
        title="Bringing Families Home: Reintegration of Returnees in Peja",
        summary=(
            "How the municipality of Peja, with national institutions and civil society, "
            "supports women and children who returned from Syria and Iraq."
        ),
        language="en",
        document_type="case_study",
        themes=(REINTEGRATION, PSYCHOSOCIAL, REFERRAL),
        cities=("Peja/Pec",),
        year=2020,
        author="Municipality of Peja",
        body=(
            "In 2019 Kosovo repatriated more than a hundred of its citizens from camps in "
            "north-east Syria, most of them women and children. Several families settled in "
            "and around Peja. A municipal coordination mechanism brought together social "
            "workers, schools, health centres, the imam of the local mosque and a civil "
            "society organisation providing psychological support. Children were enrolled in "
            "school within weeks, while mothers received counselling and vocational training. "
            "This case study describes the first two years of the work, the difficulties with "
            "stigma in the neighbourhood and the role of the prosecutor and probation service."
        ),
        downloads=7,
    ),
    DemoDocument(
        title="Mapping Local Prevention Capacities in the Western Balkans",
        summary=(
            "A regional mapping of the strategies, coordination bodies, skills and resources "
            "that municipalities in the Western Balkans have for preventing violent "
            "extremism."
        ),
        language="en",
        document_type="research",
        themes=(RISK, LAP),
        cities=("Tetovo", "Prishtina", "Tuzla", "Elbasan"),
        regions=("Western Balkans",),
        year=2018,
        author=SCN,
        body=(
            "This mapping covers municipalities in Albania, Bosnia and Herzegovina, Kosovo, "
            "Montenegro, North Macedonia and Serbia, including Tetovo, Prishtina, Tuzla and "
            "Elbasan. Researchers reviewed local strategies and interviewed mayors, municipal "
            "officials, police, teachers and civil society representatives. Most "
            "municipalities have a safety council or a referral mechanism on paper, but few "
            "have trained staff, a budget or a way to measure results. The report sets out a "
            "risk assessment of the main local drivers, from youth unemployment to "
            "ethno-nationalist polarisation, and proposes priorities for training and peer "
            "exchange."
        ),
    ),
    DemoDocument(
        title="Community-Led Responses to Hate Crime: A Practitioner Toolkit",
        summary=(
            "Tools for councils and community groups in London and Luton to encourage "
            "reporting of hate crime, support victims and respond together after incidents."
        ),
        language="en",
        document_type="toolkit",
        themes=(HATE, POLICING),
        cities=("London", "Luton"),
        year=2017,
        author="Greater London Authority and Luton Borough Council",
        body=(
            "Most victims of hate crime never report it, because they think nothing will "
            "happen or because they fear the consequences. This toolkit was developed with "
            "community groups in London and Luton that run third-party reporting centres. It "
            "includes a model reporting form, training material for volunteers, guidance on "
            "supporting victims through the criminal justice process, and a checklist for a "
            "community response in the first 48 hours after a serious incident, including "
            "messages from the council leader and joint visits with the police."
        ),
    ),
    DemoDocument(
        title="A Public Health Approach to Preventing Targeted Violence in Denver",
        summary=(
            "Denver's strategy for preventing targeted violence and hate-motivated attacks "
            "through behavioural threat assessment, referral and community support."
        ),
        language="en",
        document_type="strategy",
        themes=(RISK, REFERRAL, PSYCHOSOCIAL),
        cities=("Denver",),
        year=2023,
        author="City and County of Denver",
        body=(
            "Denver treats targeted violence, whatever the ideology behind it, as a public "
            "health problem with risk factors that can be reduced and protective factors that "
            "can be strengthened. The strategy creates a multidisciplinary threat assessment "
            "and management team, staffed by clinicians, social workers and law enforcement, "
            "that receives referrals from schools, employers and families. It invests in "
            "bystander training so that people know what to do when someone expresses an "
            "intention to harm others, and in mental health services for young adults who are "
            "isolated and in crisis."
        ),
    ),
    DemoDocument(
        title="Faith Communities as Partners in Prevention: The Montgomery County Model",
        summary=(
            "How Montgomery County built a standing partnership between county government "
            "and faith communities to prevent violence and respond to hate."
        ),
        language="en",
        document_type="good_practice",
        themes=(LEADERS, NETWORKS),
        cities=("Montgomery County",),
        year=2016,
        author="Montgomery County Government",
        body=(
            "Montgomery County is home to one of the most religiously diverse populations in "
            "the United States. Its faith community working group brings together "
            "congregations, county departments and the police to share concerns, plan joint "
            "responses to hate incidents and train volunteers. The model grew from interfaith "
            "vigils after attacks elsewhere into a permanent structure with a coordinator in "
            "the county executive's office. This guide explains how the partnership respects "
            "the independence of faith communities, how it handles disagreement and how it "
            "has connected families with counselling and support services."
        ),
    ),
    DemoDocument(
        title="Women as Peacebuilders in Northern Nigeria",
        summary=(
            "Research on women's groups in Kaduna and Kano that mediate local conflicts, "
            "support families of the abducted and speak out against recruitment by armed "
            "groups."
        ),
        language="en",
        document_type="research",
        themes=(GENDER, LEADERS),
        cities=("Kaduna", "Kano"),
        year=2019,
        author=SCN,
        body=(
            "In Kaduna and Kano, women's associations have long played a quiet part in "
            "keeping communities together: they mediate between farmers and herders, "
            "negotiate with local leaders and care for families affected by kidnapping and "
            "insurgent violence. This research, based on focus groups with more than two "
            "hundred women and interviews with traditional and religious leaders, documents "
            "their work and the barriers they face, including lack of funds, insecurity and "
            "exclusion from formal decision-making. It recommends that state and local "
            "governments give women's groups a seat in security and peace committees."
        ),
    ),
    DemoDocument(
        title="Countering Online Hate in Dhaka: A Municipal Communications Strategy",
        summary=(
            "A strategy for the Dhaka North and Dhaka South city corporations to answer "
            "online hate and rumours that have triggered communal violence."
        ),
        language="en",
        document_type="strategy",
        themes=(NARRATIVES, ONLINE),
        cities=("Dhaka North", "Dhaka South"),
        year=2022,
        author="Dhaka North and Dhaka South City Corporations",
        body=(
            "Rumours spread on social media have repeatedly sparked attacks on religious "
            "minorities in Bangladesh. This strategy proposes that the two city corporations "
            "of Dhaka set up a rapid response cell that monitors local trends, verifies "
            "rumours with the police and community leaders, and publishes clear information "
            "within hours. It also supports a network of young content creators who produce "
            "counter-narratives on tolerance and on Dhaka's shared history, and it trains "
            "ward councillors to speak to residents when tension rises."
        ),
    ),
    DemoDocument(
        title="Assessing Risk among Young People in Malé: A Framework for Practitioners",
        summary=(
            "A structured tool and guidance for social workers, teachers and youth workers in "
            "Malé to assess concerns about radicalisation proportionately."
        ),
        language="en",
        document_type="toolkit",
        themes=(RISK, YOUTH),
        cities=("Malé",),
        year=2018,
        author="Malé City Council",
        body=(
            "Practitioners in Malé asked for a common way to decide whether a young person's "
            "behaviour signals a risk of involvement in violent extremism or a different "
            "problem. This framework offers a short list of risk and protective factors "
            "adapted to the Maldivian context, including gang involvement, drug use, "
            "unemployment and exposure to online propaganda, and a guide to recording "
            "concerns. It insists that the tool is used to plan support, not to label young "
            "people, and it explains how to consult a supervisor before any referral."
        ),
    ),
    DemoDocument(
        title="Victoria Social Cohesion and Community Resilience Framework",
        summary=(
            "A framework for building social cohesion and community resilience through "
            "partnerships between government, business and community organisations."
        ),
        language="en",
        document_type="strategy",
        themes=(COHESION, PARTNERSHIPS),
        cities=("Victoria",),
        year=2015,
        author="State Government of Victoria",
        body=(
            "This framework sets out how government, community organisations and business "
            "can work together to strengthen social cohesion in a diverse and growing "
            "population. It funds local projects that bring people of different backgrounds "
            "together, supports multicultural and multifaith organisations to build their "
            "capacity, and asks employers to take part in mentoring and employment "
            "programmes for young people. It also commits to listening to communities that "
            "feel targeted by public debate about extremism, and to reporting publicly on "
            "progress every two years."
        ),
    ),
    DemoDocument(
        title="From Gang Violence to Youth Leadership: Lessons from Medellín and Cali",
        summary=(
            "A case study of urban programmes in Medellín and Cali that offer young people at "
            "risk of gang and armed-group recruitment mentors, culture and work."
        ),
        language="en",
        document_type="case_study",
        themes=(YOUTH, MENTORING),
        cities=("Medellín", "Cali"),
        year=2017,
        author=SCN,
        body=(
            "Medellín transformed some of its most violent neighbourhoods through investment "
            "in libraries, transport and public space, but also through programmes that give "
            "young people reasons and means to stay away from armed groups. In Cali, similar "
            "work combines hip hop schools, sports and mentoring by former gang members. This "
            "case study compares the two cities, describing how young people were involved in "
            "designing activities, how mentors were selected and supported, and how the "
            "programmes coped with changes of mayor and funding."
        ),
        downloads=5,
    ),
    DemoDocument(
        title="Recognising and Responding to Polarisation: Training for Frontline Professionals",
        summary=(
            "A one-day training module for teachers, youth workers and neighbourhood staff in "
            "Rotterdam and Utrecht on spotting polarisation and acting on it."
        ),
        language="en",
        document_type="training",
        themes=(COHESION, EDUCATION),
        cities=("Rotterdam", "Utrecht"),
        year=2019,
        author="Municipalities of Rotterdam and Utrecht",
        body=(
            "Polarisation rarely announces itself. It shows in a change of tone in a "
            "classroom, in graffiti, in groups of young people who no longer share the same "
            "square. This training, developed in Rotterdam and Utrecht, helps frontline "
            "professionals recognise early signals, understand the dynamics between the "
            "poles, the silent middle and the bridge-builders, and choose a response: "
            "starting a conversation, involving parents, or alerting the neighbourhood team. "
            "It includes role plays based on real situations from Dutch schools and "
            "neighbourhoods."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="Anchor Teams: Multi-Agency Work with Young People in Helsinki",
        summary=(
            "How Helsinki's Anchor team of police, social workers, nurses and youth workers "
            "supports young people who show signs of radicalisation or violent behaviour."
        ),
        language="en",
        document_type="good_practice",
        themes=(NETWORKS, REFERRAL),
        cities=("Helsinki",),
        year=2020,
        author="City of Helsinki",
        body=(
            "Finland's Anchor model brings a police officer, a social worker, a psychiatric "
            "nurse and a youth worker into one team that meets young people early, before a "
            "crime has been committed. In Helsinki the team receives referrals from schools, "
            "families and the police, and works with the young person and their parents to "
            "agree a plan. Because the team includes the police, it can act quickly, but its "
            "work is voluntary and focused on wellbeing. This guide describes the team's "
            "working methods, its rules on confidentiality and the results of its first "
            "years."
        ),
    ),
    DemoDocument(
        title="Extremism on Gaming Platforms: A Nordic Exchange",
        summary=(
            "Findings from an exchange between Oslo, Copenhagen and Stockholm on how "
            "extremists use gaming platforms and how cities and companies can respond."
        ),
        language="en",
        document_type="analysis",
        themes=(ONLINE, PARTNERSHIPS),
        cities=("Oslo", "Copenhagen", "Stockholm"),
        regions=("Europe",),
        year=2025,
        author=SCN,
        body=(
            "Practitioners from Oslo, Copenhagen and Stockholm met with researchers and "
            "representatives of gaming companies to compare what they see: extremist symbols "
            "and jokes in game chats, recruitment through gaming communities on messaging "
            "apps, and young people who share violent content to gain status. The exchange "
            "concluded that cities should not treat gaming as a threat in itself, since it is "
            "also a space where many young people find friendship and belonging. It "
            "recommends training youth workers to be present in gaming spaces and creating "
            "direct lines between municipalities and platform trust and safety teams."
        ),
        downloads=8,
    ),
    DemoDocument(
        title="Communal Harmony and Urban Resilience in Mumbai",
        summary=(
            "Research on the neighbourhood committees and police outreach that have helped "
            "Mumbai prevent communal violence since the 1990s."
        ),
        language="en",
        document_type="research",
        themes=(COHESION, POLICING),
        cities=("Mumbai",),
        year=2016,
        author=SCN,
        body=(
            "After the riots of 1992 and 1993, residents, police officers and community "
            "leaders in Mumbai created mohalla committees, neighbourhood peace committees "
            "that meet regularly and step in when tension rises. This research looks at how "
            "these committees have worked over three decades, why some remained active while "
            "others faded, and how they responded to rumours and provocations during "
            "elections and after terrorist attacks. It finds that committees last when the "
            "police take them seriously and when members include young people and women, not "
            "only elders."
        ),
    ),
    DemoDocument(
        title="Evaluation of a Mentoring and Livelihoods Programme for Young People in Zanzibar",
        summary=(
            "Findings of an evaluation of mentoring, vocational training and small grants for "
            "young people in Zanzibar's urban districts."
        ),
        language="en",
        document_type="evaluation",
        themes=(MENTORING, YOUTH, EVALUATION),
        cities=("Zanzibar",),
        year=2023,
        author="Zanzibar Municipal Council",
        body=(
            "The programme evaluated here offered young people in Zanzibar a mentor, a short "
            "vocational course and a small grant to start a business, in fishing, tourism, "
            "tailoring or mobile phone repair. The evaluation followed three hundred "
            "participants for eighteen months. Most businesses were still running at the end, "
            "and participants reported stronger ties with local leaders and less time spent "
            "idle. The mentoring component was the most valued, but it was also the weakest "
            "in rural areas, where mentors were hard to find. Recommendations include "
            "training mentors from the participants' own communities."
        ),
    ),
    DemoDocument(
        title="Supporting Families Affected by Radicalisation: A Guide from Minneapolis",
        summary=(
            "Good practices from Minneapolis in providing counselling and practical support "
            "to families whose relatives joined or tried to join armed groups abroad."
        ),
        language="en",
        document_type="good_practice",
        themes=(PSYCHOSOCIAL, REFERRAL),
        cities=("Minneapolis",),
        year=2021,
        author="City of Minneapolis",
        body=(
            "When young men from Minneapolis travelled to join armed groups in Somalia and "
            "later in Syria, their families faced grief, shame, media attention and "
            "investigation all at once. Community organisations and the city learned that "
            "families needed a trusted place to talk, culturally competent counselling, help "
            "with legal questions and protection of the younger siblings left behind. This "
            "guide brings together what worked, how it was funded, and how practitioners "
            "dealt with the tension between support and law enforcement."
        ),
    ),
    DemoDocument(
        title="Working with Technology Companies against Online Hate: A Guide for Cities",
        summary=(
            "How Atlanta and Los Angeles built partnerships with technology companies and "
            "local businesses to counter online hate and support positive campaigns."
        ),
        language="en",
        document_type="toolkit",
        themes=(PARTNERSHIPS, ONLINE, NARRATIVES),
        cities=("Atlanta", "Los Angeles"),
        year=2024,
        author=SCN,
        body=(
            "City governments rarely have the staff or the influence to change how large "
            "platforms handle hateful content. Atlanta and Los Angeles took a different path: "
            "they invited technology companies, local businesses and universities to "
            "co-design campaigns and digital literacy programmes with young people. Companies "
            "provided advertising credits, data on audience reach and mentoring for young "
            "creators; the cities provided convening power and local knowledge. This guide "
            "describes the agreements that made these partnerships work and the lessons "
            "learned when a campaign drew hostile reactions."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title=(
            "Local Action Plan for the Prevention of Violent Extremism, Municipality of "
            "Tetovo 2019-2022"
        ),
        summary=(
            "Tetovo's first local action plan: a local prevention council, school programmes, "
            "support for returnees and a communication plan."
        ),
        language="en",
        document_type="local_action_plan",
        themes=(LAP, EDUCATION),
        cities=("Tetovo",),
        year=2019,
        author="Municipality of Tetovo",
        body=(
            "Tetovo adopted this plan after a year of consultation with schools, religious "
            "communities, youth organisations and the police. It establishes a local "
            "prevention council chaired by the mayor, with a coordinator in the municipal "
            "administration. Priority measures include extracurricular activities that bring "
            "together pupils of different ethnic backgrounds, training for teachers and "
            "school psychologists, support for families of returnees, and a public "
            "communication plan in Albanian and Macedonian. Each measure has an indicator and "
            "a responsible institution."
        ),
        downloads=4,
    ),
    DemoDocument(
        title="Evaluating Municipal Community Safety Councils in Kosovo",
        summary=(
            "An evaluation of municipal community safety councils in Prishtina, Gjilan and "
            "Ferizaj and of their role in preventing violent extremism."
        ),
        language="en",
        document_type="evaluation",
        themes=(EVALUATION, NETWORKS),
        cities=("Prishtina", "Gjilan", "Ferizaj"),
        year=2022,
        author=SCN,
        body=(
            "Municipal community safety councils were set up across Kosovo to bring "
            "residents, the police and municipal services together on local safety. Since "
            "2015 many have also been asked to take on the prevention of violent extremism. "
            "This evaluation of the councils in Prishtina, Gjilan and Ferizaj finds that they "
            "are good at convening but weak at follow-up: minutes rarely record decisions, "
            "and referral cases are passed to national institutions without feedback. It "
            "recommends a small budget for each council, training for members and a simple "
            "monitoring framework."
        ),
    ),
    DemoDocument(
        title="Monitoring and Evaluation for Local Prevention Programmes: A Short Handbook",
        summary=(
            "A practical introduction to theories of change, indicators, data collection and "
            "reporting for municipal prevention programmes."
        ),
        language="en",
        document_type="training",
        themes=(EVALUATION, LAP),
        cities=(),
        year=2026,
        author=SCN,
        body=(
            "This handbook is written for municipal officials who run prevention programmes "
            "without a dedicated evaluation team. It walks through the steps of building a "
            "theory of change, choosing a handful of indicators that can really be collected, "
            "designing simple surveys and interviews, and reporting results to the council "
            "and to partners. Examples come from cities across the network, from local action "
            "plans in the Western Balkans to youth programmes in East Africa. A final chapter "
            "explains when to commission an external evaluation and how to write its terms "
            "of reference."
        ),
        file_kind="odt",
        downloads=3,
    ),
    DemoDocument(
        title="Police and Community Dialogue after Hate Incidents in Canadian Cities",
        summary=(
            "An analysis of how police services and communities in Edmonton and Ottawa "
            "respond together to hate incidents, and of what builds or breaks trust."
        ),
        language="en",
        document_type="analysis",
        themes=(POLICING, HATE),
        cities=("Edmonton", "Ottawa"),
        year=2018,
        author=SCN,
        body=(
            "Hate incidents reported to police in Canadian cities have risen in recent years, "
            "targeting Muslim, Jewish, Black, Indigenous, Asian and LGBTQ residents. Edmonton "
            "and Ottawa have both created hate crime units and community liaison committees. "
            "This analysis, based on interviews with officers, community leaders and victims, "
            "shows that quick, respectful contact after an incident and regular public "
            "reporting of hate crime statistics build trust, while slow investigations and "
            "poor communication undermine it. It recommends joint training of officers and "
            "community volunteers."
        ),
    ),
    DemoDocument(
        title="Schools as Safe Spaces: Education and Wellbeing Programmes in Peshawar",
        summary=(
            "A case study of school programmes in Peshawar that combine psychosocial support "
            "for pupils affected by violence with peace education."
        ),
        language="en",
        document_type="case_study",
        themes=(EDUCATION, PSYCHOSOCIAL),
        cities=("Peshawar",),
        year=2017,
        author=SCN,
        body=(
            "After the attack on the Army Public School in 2014, many families in Peshawar "
            "feared sending their children to school. Education authorities and civil "
            "society organisations responded with programmes that trained teachers to "
            "recognise trauma, created counselling rooms in schools and introduced peace "
            "education and debate clubs. This case study follows three schools over several "
            "years, describing how pupils and teachers rebuilt a sense of safety, how parents "
            "were involved, and how the programme dealt with the shortage of trained "
            "counsellors."
        ),
    ),
    DemoDocument(
        title="Youth-Led Counter-Narrative Campaigns: What Works",
        summary=(
            "Research on counter-narrative and alternative-narrative campaigns designed and "
            "run by young people in Louisville and Chattanooga."
        ),
        language="en",
        document_type="research",
        themes=(NARRATIVES, YOUTH),
        cities=("Louisville", "Chattanooga"),
        year=2025,
        author=SCN,
        body=(
            "Young people in Louisville and Chattanooga designed campaigns against hate and "
            "extremist recruitment as part of a university and city partnership. Some "
            "campaigns used humour and short videos, others organised events where residents "
            "of different backgrounds met face to face. This research compares their reach "
            "and effect, drawing on platform data, surveys and interviews. It finds that "
            "campaigns that invited people to do something offline, rather than only to "
            "watch, produced the most lasting engagement, and that young designers needed "
            "protection when their work attracted online abuse."
        ),
        downloads=3,
    ),
    DemoDocument(
        title="Indicator Framework for Local Prevention Action Plans",
        summary=(
            "A spreadsheet of outcome and output indicators, data sources and collection "
            "frequencies that cities can adapt to their local action plans."
        ),
        language="en",
        document_type="toolkit",
        themes=(EVALUATION, LAP),
        cities=(),
        year=2023,
        author=SCN,
        body=(
            "This indicator framework accompanies the handbook on monitoring and evaluation. "
            "Each row describes an indicator, its definition, a possible data source and how "
            "often it should be collected. Indicators are grouped by area of work: "
            "coordination, youth engagement, education, referral and support, communication "
            "and community trust. Cities such as Aarhus, Mombasa and Tetovo contributed "
            "indicators from their own plans. Users should choose a small number that fit "
            "their plan rather than trying to collect them all."
        ),
        file_kind="xlsx",
    ),
]

FRENCH = [
    DemoDocument(
        title=(
            "Prévenir la radicalisation menant à la violence : l'approche du Centre de "
            "prévention de Montréal"
        ),
        summary=(
            "Présentation de l'approche montréalaise, qui associe une ligne d'écoute, un "
            "accompagnement psychosocial et la formation des intervenants de première ligne."
        ),
        language="fr",
        document_type="good_practice",
        themes=(REFERRAL, PSYCHOSOCIAL, NETWORKS),
        cities=("Montréal",),
        year=2017,
        author="Ville de Montréal",
        body=(
            "Créé en 2015, le Centre de prévention de la radicalisation menant à la violence "
            "est né de la volonté de la Ville de Montréal d'offrir une réponse qui ne soit pas "
            "uniquement policière. Le Centre reçoit des appels de parents, d'enseignants et de "
            "proches inquiets, évalue chaque situation avec eux et propose un accompagnement "
            "adapté, souvent avec des psychologues et des travailleurs sociaux du réseau "
            "public. Il forme aussi les intervenants de première ligne et mène des activités "
            "de sensibilisation dans les écoles et les cégeps. Ce document décrit le modèle "
            "d'intervention et les partenariats qui le rendent possible."
        ),
        downloads=10,
    ),
    DemoDocument(
        title="Engagement des jeunes et prévention de l'extrémisme violent à Dakar",
        summary=(
            "Une recherche menée dans les quartiers de Dakar sur les attentes des jeunes, "
            "leur rapport aux institutions et leur rôle dans la prévention."
        ),
        language="fr",
        document_type="research",
        themes=(YOUTH, LEADERS),
        cities=("Dakar",),
        year=2019,
        author="Ville de Dakar",
        body=(
            "Dakar compte une population très jeune, confrontée au chômage, au coût du "
            "logement et à la tentation de l'émigration. Cette recherche, fondée sur des "
            "groupes de discussion dans plusieurs communes de la ville et sur des entretiens "
            "avec des responsables d'associations, des imams et des élus, montre que les "
            "jeunes se méfient moins de la religion que de la politique. Ils demandent des "
            "espaces d'expression, des formations qui débouchent sur un emploi et une place "
            "dans les décisions locales. Le rapport propose de s'appuyer sur les associations "
            "sportives et culturelles de quartier et sur les daaras."
        ),
    ),
    DemoDocument(
        title="Cohésion sociale et polarisation dans les quartiers populaires d'Île-de-France",
        summary=(
            "Une analyse des tensions et des ressources de cohésion à Sarcelles, Montreuil "
            "et Paris, et des leviers dont disposent les communes."
        ),
        language="fr",
        document_type="analysis",
        themes=(COHESION, EDUCATION),
        cities=("Sarcelles", "Montreuil", "Paris"),
        year=2018,
        author=SCN,
        body=(
            "Sarcelles, Montreuil et plusieurs arrondissements de Paris réunissent des "
            "habitants d'origines et de confessions très diverses. Les attentats de 2015, les "
            "débats nationaux sur la laïcité et l'immigration et les conflits internationaux "
            "y ont ravivé des tensions, mais aussi suscité de nombreuses initiatives de "
            "dialogue. Cette analyse s'appuie sur des entretiens avec des élus, des "
            "médiateurs, des enseignants et des responsables associatifs. Elle montre "
            "l'importance des médiateurs sociaux, des centres sociaux et des équipements "
            "sportifs, et recommande aux communes de mieux soutenir les bâtisseurs de ponts "
            "dans la durée."
        ),
    ),
    DemoDocument(
        title="Plan local de prévention de la radicalisation de Bordeaux 2021-2025",
        summary=(
            "Le plan de la ville : un comité de pilotage, une cellule d'écoute, la formation "
            "des agents municipaux et des actions de prévention auprès des jeunes."
        ),
        language="fr",
        document_type="local_action_plan",
        themes=(LAP, NETWORKS),
        cities=("Bordeaux",),
        year=2021,
        author="Ville de Bordeaux",
        body=(
            "Bordeaux a été l'une des premières villes françaises à se doter d'un dispositif "
            "municipal de prévention de la radicalisation. Ce plan prolonge cette expérience "
            "en l'inscrivant dans le contrat local de sécurité. Il prévoit une cellule "
            "d'écoute et d'accompagnement des familles, la formation de tous les agents "
            "municipaux en contact avec le public, un programme d'éducation aux médias dans "
            "les centres d'animation, et un partenariat renforcé avec la préfecture, "
            "l'Éducation nationale et les associations de quartier. Chaque action est "
            "assortie d'un pilote, d'un budget et d'indicateurs."
        ),
        file_kind="docx",
        downloads=4,
    ),
    DemoDocument(
        title="Les femmes actrices de la prévention de l'extrémisme violent en Tunisie",
        summary=(
            "Une recherche sur le rôle des femmes, mères, militantes associatives et élues "
            "locales, dans la prévention de l'extrémisme violent à Tunis."
        ),
        language="fr",
        document_type="research",
        themes=(GENDER, LEADERS),
        cities=("Tunis",),
        year=2020,
        author=SCN,
        body=(
            "Après 2011, la Tunisie a connu à la fois un élan démocratique et le départ de "
            "milliers de jeunes vers des zones de conflit. À Tunis, des associations de "
            "femmes ont été parmi les premières à accompagner les familles concernées et à "
            "alerter sur les discours de recrutement. Cette recherche, fondée sur des "
            "entretiens avec des mères, des militantes, des élues municipales et des "
            "prédicatrices, analyse leurs stratégies et les obstacles qu'elles rencontrent. "
            "Elle recommande d'associer systématiquement les femmes aux instances locales de "
            "prévention et de financer leurs réseaux."
        ),
    ),
    DemoDocument(
        title=(
            "Évaluation du programme de mentorat et de formation professionnelle des jeunes "
            "de Kiffa"
        ),
        summary=(
            "Les résultats de l'évaluation d'un programme associant mentorat, apprentissage "
            "d'un métier et dialogue avec les autorités locales à Kiffa."
        ),
        language="fr",
        document_type="evaluation",
        themes=(MENTORING, YOUTH, EVALUATION),
        cities=("Kiffa",),
        year=2022,
        author="Commune de Kiffa",
        body=(
            "À Kiffa, carrefour commercial de l'Assaba, de nombreux jeunes quittent l'école "
            "sans diplôme et peinent à trouver un emploi. Le programme évalué ici a associé "
            "deux cents jeunes à des mentors, artisans, commerçants ou enseignants, et leur a "
            "proposé une formation professionnelle de six mois. L'évaluation montre une nette "
            "amélioration de l'insertion professionnelle et de la confiance envers la "
            "commune, mais souligne la faible participation des jeunes femmes et le manque de "
            "suivi après la formation. Elle recommande d'associer les familles et de prévoir "
            "un accompagnement d'un an."
        ),
    ),
    DemoDocument(
        title=(
            "Réintégration communautaire des anciens associés aux groupes armés dans le "
            "bassin du lac Tchad"
        ),
        summary=(
            "Une étude de cas sur l'accueil, dans des communes du Niger et du Cameroun, de "
            "personnes sorties des groupes armés et sur le rôle des communautés."
        ),
        language="fr",
        document_type="case_study",
        themes=(REINTEGRATION, PSYCHOSOCIAL, LEADERS),
        cities=("Diffa", "Kolofata", "Kousseri"),
        regions=("West Africa",),
        year=2021,
        author=SCN,
        body=(
            "Dans la région de Diffa au Niger et dans l'Extrême-Nord du Cameroun, à Kolofata "
            "ou à Kousseri, des centaines de personnes ont quitté les groupes armés depuis "
            "2016, souvent des jeunes enrôlés de force et des femmes. Leur retour suscite à "
            "la fois l'espoir et la peur chez des habitants qui ont eux-mêmes subi la "
            "violence. Cette étude de cas décrit les dispositifs de transit, le rôle des "
            "chefs traditionnels et religieux dans les cérémonies de pardon, l'accompagnement "
            "psychosocial et les activités génératrices de revenus, ainsi que les tensions "
            "qui persistent."
        ),
        downloads=5,
    ),
    DemoDocument(
        title="Repérer et orienter les situations de radicalisation : guide pratique",
        summary=(
            "Un guide destiné aux professionnels de Bienne et de Berne pour reconnaître les "
            "signes préoccupants et savoir à qui s'adresser."
        ),
        language="fr",
        document_type="toolkit",
        themes=(RISK, REFERRAL),
        cities=("Biel/Bienne", "Bern"),
        year=2016,
        author="Ville de Bienne",
        body=(
            "Ville bilingue, Bienne a créé un service spécialisé auquel les professionnels "
            "comme les habitants peuvent s'adresser en français ou en allemand lorsqu'ils "
            "s'inquiètent pour une personne. Ce guide, élaboré avec la ville de Berne, "
            "explique comment distinguer une opinion radicale, légitime dans une démocratie, "
            "d'un engagement vers la violence. Il propose une grille d'observation simple, "
            "des exemples de situations tirées de l'expérience des écoles et des services "
            "sociaux, et un schéma d'orientation qui précise le rôle de chaque service."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title=(
            "Vilvorde : de l'écoute à l'action, la prévention locale après les départs vers "
            "la Syrie"
        ),
        summary=(
            "Comment Vilvorde (Vilvoorde), touchée par de nombreux départs de jeunes vers la "
            "Syrie, a reconstruit la confiance avec les familles et les jeunes."
        ),
        language="fr",
        document_type="case_study",
        themes=(NETWORKS, PSYCHOSOCIAL, YOUTH),
        cities=("Vilvoorde",),
        year=2015,
        author="Ville de Vilvorde",
        body=(
            "Entre 2012 et 2014, Vilvorde a été l'une des villes européennes les plus "
            "touchées, proportionnellement, par les départs de jeunes vers la Syrie. La "
            "municipalité a choisi de ne pas se limiter à la répression : elle a engagé des "
            "travailleurs de rue, ouvert une permanence pour les familles, soutenu des "
            "mentors issus des mêmes quartiers et renforcé la collaboration entre écoles, "
            "police et services sociaux. Aucun nouveau départ n'a été signalé après 2014. "
            "Cette étude de cas retrace ces choix et les conditions de leur réussite."
        ),
        downloads=6,
    ),
    DemoDocument(
        title=(
            "Contre-discours et éducation aux médias : module de formation pour les "
            "animateurs jeunesse de Yaoundé"
        ),
        summary=(
            "Un module de formation pour aider les animateurs jeunesse à décrypter la "
            "propagande en ligne et à accompagner les jeunes créateurs de contre-discours."
        ),
        language="fr",
        document_type="training",
        themes=(NARRATIVES, ONLINE, EDUCATION),
        cities=("Yaoundé",),
        year=2023,
        author="Communauté urbaine de Yaoundé",
        body=(
            "À Yaoundé, les jeunes s'informent d'abord sur les réseaux sociaux, où circulent "
            "aussi des discours de haine liés aux crises du pays et la propagande de groupes "
            "armés. Ce module de formation aide les animateurs jeunesse à reconnaître les "
            "techniques de manipulation, à animer des ateliers d'éducation aux médias et à "
            "accompagner des jeunes qui veulent produire leurs propres vidéos et messages. Il "
            "comprend des exercices pratiques, des exemples de contre-discours réussis et des "
            "conseils pour protéger les jeunes créateurs contre le harcèlement en ligne."
        ),
    ),
    DemoDocument(
        title="Discours de haine en ligne au Liban : analyse et recommandations",
        summary=(
            "Une analyse des discours de haine sur les réseaux sociaux libanais visant les "
            "réfugiés et les communautés confessionnelles, et des réponses possibles des "
            "villes."
        ),
        language="fr",
        document_type="analysis",
        themes=(HATE, ONLINE),
        cities=("Beirut",),
        year=2024,
        author=SCN,
        body=(
            "La crise économique, l'explosion du port de Beyrouth et la présence de nombreux "
            "réfugiés syriens ont nourri au Liban une forte hausse des discours de haine en "
            "ligne. Cette analyse porte sur plusieurs milliers de publications recueillies sur "
            "des pages et des groupes publics. Elle montre que les réfugiés et certaines "
            "communautés confessionnelles sont les principales cibles, et que les pics de "
            "haine suivent les crises politiques et les faits divers. Le document recommande "
            "aux municipalités, comme Beyrouth, de réagir rapidement aux rumeurs, de soutenir "
            "les médias locaux et de former les jeunes à la vérification des informations."
        ),
    ),
    DemoDocument(
        title=(
            "Évaluation d'un programme de soutien psychosocial aux familles touchées par la "
            "radicalisation"
        ),
        summary=(
            "Les résultats d'une évaluation indépendante du soutien offert aux parents et aux "
            "fratries de jeunes radicalisés à Montréal."
        ),
        language="fr",
        document_type="evaluation",
        themes=(PSYCHOSOCIAL, EVALUATION),
        cities=("Montréal",),
        year=2025,
        author="Ville de Montréal",
        body=(
            "Les familles de jeunes engagés dans un processus de radicalisation vivent "
            "souvent l'isolement, la honte et la peur. Ce programme montréalais leur offre un "
            "suivi psychologique, des groupes de parole entre parents et un soutien pour les "
            "frères et sœurs. L'évaluation, menée par une équipe universitaire auprès de "
            "familles accompagnées et d'intervenants, montre une baisse de la détresse des "
            "parents et une meilleure communication au sein des familles. Elle recommande de "
            "raccourcir les délais d'accès et de mieux outiller les intervenants face aux "
            "situations de crise."
        ),
        downloads=2,
    ),
    DemoDocument(
        title="Police de proximité et confiance des communautés dans l'Extrême-Nord du Cameroun",
        summary=(
            "Une stratégie pour rapprocher forces de sécurité, autorités traditionnelles et "
            "habitants dans les communes de Meri et de Mokolo."
        ),
        language="fr",
        document_type="strategy",
        themes=(POLICING, LEADERS),
        cities=("Meri/Diamaré", "Mokolo"),
        year=2019,
        author=SCN,
        body=(
            "Dans l'Extrême-Nord du Cameroun, les attaques de groupes armés et les opérations "
            "militaires ont profondément abîmé la confiance entre habitants et forces de "
            "sécurité. Cette stratégie, élaborée avec les communes de Meri et de Mokolo, les "
            "chefs traditionnels et les comités de vigilance, propose des rencontres "
            "régulières entre la police, la gendarmerie et les habitants, un mécanisme de "
            "plainte accessible et la formation des agents au respect des droits humains. "
            "Elle insiste sur la protection des personnes qui signalent des menaces et sur "
            "l'accompagnement des victimes."
        ),
    ),
    DemoDocument(
        title="Partenariats public-privé pour la prévention : guide à l'usage des villes",
        summary=(
            "Un guide pratique pour associer entreprises, fondations et chambres de commerce "
            "aux plans locaux de prévention de l'extrémisme violent."
        ),
        language="fr",
        document_type="good_practice",
        themes=(PARTNERSHIPS, LAP),
        cities=("Dakar", "Tunis", "Montréal"),
        year=2026,
        author=SCN,
        body=(
            "Des villes comme Dakar, Tunis et Montréal ont associé des entreprises locales à "
            "leurs actions de prévention : stages et apprentissages pour les jeunes, mécénat "
            "de compétences, campagnes de communication, locaux mis à disposition. Ce guide "
            "tire les leçons de ces expériences. Il explique comment identifier des "
            "partenaires, formaliser un accord, protéger les données personnelles des "
            "participants et évaluer les résultats. Il rappelle que la ville doit rester "
            "maîtresse des priorités et que tout partenariat doit être transparent pour les "
            "habitants."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="Former les professionnels de l'éducation à la prévention de la radicalisation",
        summary=(
            "Un support de formation pour les enseignants, conseillers principaux d'éducation "
            "et animateurs de Paris et de Sarcelles : repères, études de cas et conduite à "
            "tenir."
        ),
        language="fr",
        document_type="training",
        themes=(EDUCATION, RISK),
        cities=("Paris", "Sarcelles"),
        year=2017,
        author="Ville de Paris",
        body=(
            "Les professionnels de l'éducation sont en première ligne lorsqu'un élève tient "
            "des propos de rupture, conteste des enseignements ou change brusquement de "
            "comportement. Ce support de formation, utilisé à Paris et à Sarcelles, propose "
            "des repères pour distinguer une provocation adolescente d'un processus de "
            "radicalisation, des études de cas tirées de situations réelles et une conduite à "
            "tenir qui associe l'équipe éducative, la famille et, si nécessaire, le référent "
            "académique. Il accorde une large place à la laïcité comme cadre de dialogue et "
            "non d'exclusion."
        ),
    ),
]

ARABIC = [
    DemoDocument(
        title="خطة العمل المحلية لمنع التطرف العنيف في مدينة طرابلس 2019-2022",
        summary=(
            "الخطة الأولى لبلدية طرابلس لمنع التطرف العنيف: لجنة محلية للوقاية، وبرامج "
            "للشباب، ودعم للأسر، وشراكات مع المجتمع المدني."
        ),
        language="ar",
        document_type="local_action_plan",
        themes=(LAP, YOUTH, NETWORKS),
        cities=("Tripoli",),
        year=2019,
        author="بلدية طرابلس",
        body=(
            "عانت طرابلس، ثانية كبرى مدن لبنان، من جولات متكررة من الاشتباكات بين أحيائها ومن "
            "معدلات مرتفعة للفقر والبطالة بين الشباب. وقد أعدّت البلدية هذه الخطة بعد عام من "
            "المشاورات مع المدارس والجمعيات الأهلية ودار الفتوى والأجهزة الأمنية. وتنشئ الخطة "
            "لجنة محلية للوقاية يرأسها رئيس البلدية، وتركّز على فتح المساحات العامة أمام "
            "الشباب، وتوفير التدريب المهني، ودعم الأسر المتضررة من النزاعات، وتعزيز التعاون "
            "بين باب التبانة وجبل محسن."
        ),
        file_kind="docx",
        downloads=7,
    ),
    DemoDocument(
        title="التماسك الاجتماعي في أحياء بيروت: دراسة ميدانية",
        summary=(
            "دراسة ميدانية حول العلاقات بين السكان من طوائف وجنسيات مختلفة في أحياء بيروت، "
            "ودور البلدية والجمعيات في تعزيز العيش المشترك."
        ),
        language="ar",
        document_type="research",
        themes=(COHESION, LEADERS),
        cities=("Beirut",),
        year=2018,
        author="بلدية بيروت",
        body=(
            "تضم بيروت سكاناً من طوائف وخلفيات متعددة، إضافة إلى أعداد كبيرة من اللاجئين "
            "والعمال المهاجرين. وتستند هذه الدراسة إلى استبيان شمل عدداً من الأحياء وإلى "
            "مقابلات مع مخاتير ورجال دين وناشطين. وتُظهر النتائج أن الأزمات المتلاحقة زادت من "
            "الشعور بالخوف وانعدام الثقة، لكنها أطلقت أيضاً مبادرات تضامن واسعة بين الجيران. "
            "وتوصي الدراسة بدعم اللجان الأهلية في الأحياء وبإشراك القادة الدينيين في مبادرات "
            "الحوار."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="إشراك الشباب في العمل البلدي: تجربة صيدا",
        summary=(
            "دليل ممارسات جيدة يعرض كيف أشركت بلدية صيدا الشباب في التخطيط للمشاريع المحلية "
            "من خلال مجلس بلدي للشباب."
        ),
        language="ar",
        document_type="good_practice",
        themes=(YOUTH, EDUCATION),
        cities=("Saida",),
        year=2020,
        author="بلدية صيدا",
        body=(
            "أنشأت بلدية صيدا مجلساً بلدياً للشباب يُنتخب أعضاؤه من المدارس والجامعات "
            "والجمعيات، ويملك ميزانية صغيرة لتنفيذ مشاريع يختارها بنفسه. وقد نفّذ المجلس "
            "مشاريع لتأهيل الحدائق العامة، وأنشطة ثقافية ورياضية تجمع شباباً لبنانيين "
            "وفلسطينيين وسوريين، وحملات توعية في المدارس. ويعرض هذا الدليل طريقة تشكيل "
            "المجلس، وعلاقته بالمجلس البلدي، والصعوبات التي واجهها، والدروس التي يمكن للمدن "
            "الأخرى الاستفادة منها."
        ),
        file_kind="docx",
        downloads=4,
    ),
    DemoDocument(
        title="الدعم النفسي والاجتماعي للاجئين والمجتمع المضيف في مجدل عنجر",
        summary=(
            "دراسة حالة عن برنامج للدعم النفسي والاجتماعي يخدم اللاجئين السوريين وسكان البلدة "
            "في البقاع."
        ),
        language="ar",
        document_type="case_study",
        themes=(PSYCHOSOCIAL, COHESION),
        cities=("Majdal Anjar",),
        year=2017,
        author="بلدية مجدل عنجر",
        body=(
            "تقع مجدل عنجر في البقاع قرب الحدود السورية، وقد استقبلت منذ عام 2012 أعداداً من "
            "اللاجئين تفوق أحياناً عدد سكانها. وأطلقت البلدية مع جمعيات محلية ودولية برنامجاً "
            "للدعم النفسي والاجتماعي يقدّم جلسات إرشاد فردية وجماعية للأطفال والنساء، وأنشطة "
            "ترفيهية مشتركة بين الأطفال اللاجئين وأطفال البلدة. وتصف دراسة الحالة هذه كيف ساهم "
            "البرنامج في تخفيف التوتر بين المجتمعين، وكيف واجه نقص التمويل وإرهاق العاملين."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="دور القادة الدينيين في الوقاية من التطرف في الكرك",
        summary=(
            "تحليل لدور الأئمة والوعّاظ ووجهاء العشائر في مواجهة الخطاب المتطرف في الكرك بعد "
            "هجوم عام 2016."
        ),
        language="ar",
        document_type="analysis",
        themes=(LEADERS, NARRATIVES),
        cities=("Al-Karak",),
        year=2017,
        author="بلدية الكرك الكبرى",
        body=(
            "شكّل الهجوم الذي استهدف قلعة الكرك في كانون الأول 2016 صدمة كبيرة لسكان "
            "المدينة. وفي الأشهر التالية، أطلق الأئمة والوعّاظ ووجهاء العشائر مبادرات للحوار "
            "مع الشباب في المساجد والمدارس والدواوين. ويحلل هذا التقرير مضمون تلك المبادرات "
            "وأثرها، ويبيّن أن الخطاب الديني المعتدل يكون أكثر تأثيراً عندما يقترن بالاستماع "
            "إلى هموم الشباب الاقتصادية والاجتماعية، وعندما يُقدَّم بلغة قريبة منهم وعبر وسائل "
            "التواصل التي يستخدمونها."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="تقييم برنامج الإرشاد للشباب في مدينة الزرقاء",
        summary="نتائج تقييم مستقل لبرنامج يربط شباب الزرقاء بمرشدين متطوعين من أحيائهم.",
        language="ar",
        document_type="evaluation",
        themes=(MENTORING, EVALUATION),
        cities=("Zarqa",),
        year=2021,
        author="بلدية الزرقاء",
        body=(
            "تُعدّ الزرقاء من أكبر مدن الأردن وأكثرها كثافة سكانية، ويعاني كثير من شبابها من "
            "البطالة وضعف فرص المشاركة. وقد ربط البرنامج الذي يتناوله هذا التقييم مئة وخمسين "
            "شاباً وشابة بمرشدين متطوعين من المعلمين وأصحاب المهن والرياضيين. وأظهر التقييم "
            "تحسناً في ثقة المشاركين بأنفسهم وفي علاقتهم بأسرهم، وارتفاعاً في نسبة من التحقوا "
            "بالتدريب المهني أو بالعمل. كما أشار إلى ضرورة تدريب المرشدين على التعامل مع "
            "حالات الضيق النفسي وإحالتها."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="مشاركة المرأة في شبكات الوقاية المحلية في إربد",
        summary=(
            "بحث حول مشاركة النساء في لجان الوقاية والشبكات المجتمعية في إربد، والعوائق التي "
            "تحدّ من دورهن."
        ),
        language="ar",
        document_type="research",
        themes=(GENDER, NETWORKS),
        cities=("Irbid",),
        year=2022,
        author="بلدية إربد الكبرى",
        body=(
            "تشارك النساء في إربد في العمل المجتمعي من خلال الجمعيات الخيرية ومراكز الأمومة "
            "والطفولة والمدارس، لكن حضورهن في لجان الوقاية الرسمية لا يزال محدوداً. ويستند هذا "
            "البحث إلى مجموعات نقاش مع نساء من أحياء مختلفة ومن مخيم إربد، وإلى مقابلات مع "
            "مسؤولين في البلدية. ويخلص إلى أن النساء يلاحظن التغيرات المبكرة لدى أبنائهن، "
            "لكنهن يترددن في طلب المساعدة خوفاً من الوصمة. ويوصي بتعيين منسّقات في كل لجنة "
            "وبفتح قنوات إحالة سرية."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="حماية اليافعين من التطرف عبر الإنترنت: دليل للأهالي والمربين",
        summary=(
            "دليل عملي للأهالي والمعلمين في تونس يشرح كيف يستهدف المتطرفون اليافعين على "
            "الإنترنت وكيف يمكن الحديث معهم."
        ),
        language="ar",
        document_type="toolkit",
        themes=(ONLINE, EDUCATION),
        cities=("Tunis",),
        year=2023,
        author="بلدية تونس",
        body=(
            "يقضي اليافعون في تونس ساعات طويلة يومياً على منصات الفيديو والألعاب وتطبيقات "
            "المراسلة، حيث يمكن أن يصادفوا دعاية متطرفة أو خطاب كراهية. ويشرح هذا الدليل "
            "للأهالي والمربين الأساليب التي يستخدمها المجنِّدون، مثل التودد والعزل وتقديم وعود "
            "بالانتماء والبطولة، ويقترح طرقاً للحوار مع اليافعين من دون تخويف أو مراقبة "
            "مفرطة. كما يتضمن أنشطة قصيرة للتربية الإعلامية يمكن تنفيذها في البيت أو في "
            "القسم، وجهات يمكن الاتصال بها عند القلق."
        ),
        file_kind="docx",
        downloads=5,
    ),
    DemoDocument(
        title="خطاب الكراهية في الفضاء الرقمي العربي: دراسة تحليلية",
        summary=(
            "تحليل لخطاب الكراهية على وسائل التواصل الاجتماعي في عدد من مدن الشرق الأوسط "
            "وشمال أفريقيا، مع توصيات للبلديات."
        ),
        language="ar",
        document_type="analysis",
        themes=(HATE, ONLINE),
        cities=("Beirut", "Tunis", "Zarqa"),
        regions=("Middle East and North Africa",),
        year=2025,
        author="شبكة المدن القوية",
        body=(
            "تتناول هذه الدراسة آلاف المنشورات والتعليقات العامة التي جُمعت من صفحات ومجموعات "
            "في بيروت وتونس والزرقاء خلال عام كامل. وتبيّن أن خطاب الكراهية يستهدف بالدرجة "
            "الأولى اللاجئين والمهاجرين والأقليات الدينية والنساء الناشطات في الشأن العام، "
            "وأنه يتصاعد في أوقات الأزمات السياسية والاقتصادية. وتوصي الدراسة البلديات بإنشاء "
            "آليات للرصد والرد السريع على الشائعات، وبدعم المبادرات الشبابية التي تنتج محتوى "
            "إيجابياً، وبالتعاون مع المنصات للإبلاغ عن المحتوى المخالف."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="الشرطة المجتمعية وبناء الثقة مع السكان في طرابلس",
        summary=(
            "دراسة حالة عن تجربة الشرطة البلدية المجتمعية في طرابلس وأثرها في علاقة السكان "
            "بالمؤسسات."
        ),
        language="ar",
        document_type="case_study",
        themes=(POLICING,),
        cities=("Tripoli",),
        year=2020,
        author="بلدية طرابلس",
        body=(
            "أطلقت بلدية طرابلس برنامجاً لتحويل الشرطة البلدية إلى شرطة مجتمعية قريبة من "
            "السكان، بعد سنوات من انعدام الثقة بين الأحياء والمؤسسات الرسمية. وتلقى عناصر "
            "الشرطة تدريباً على التواصل وحل النزاعات وحقوق الإنسان، وخُصص لكل حي فريق يعرفه "
            "السكان ويلتقي بهم بانتظام. وتصف دراسة الحالة هذه مراحل البرنامج، وتعرض نتائج "
            "استطلاع أظهر تحسناً في نظرة السكان إلى الشرطة البلدية، كما تناقش التحديات "
            "المتعلقة بالموارد وبالتنسيق مع الأجهزة الأمنية الأخرى."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="إعادة التأهيل وإعادة الإدماج: تجربة مدينة كيفة",
        summary=(
            "دراسة حالة عن دور العلماء والأسر والسلطات المحلية في إعادة إدماج شباب تأثروا "
            "بالفكر المتطرف في كيفة بموريتانيا."
        ),
        language="ar",
        document_type="case_study",
        themes=(REINTEGRATION, LEADERS),
        cities=("Kiffa",),
        year=2018,
        author="بلدية كيفة",
        body=(
            "اعتمدت موريتانيا منذ عام 2010 نهجاً يقوم على الحوار بين العلماء والشباب المتأثرين "
            "بالفكر المتطرف، إلى جانب دعم إعادة إدماجهم اقتصادياً واجتماعياً. وتعرض دراسة "
            "الحالة هذه كيف طُبّق هذا النهج على المستوى المحلي في كيفة، من خلال تعاون البلدية "
            "مع الأئمة ووجهاء المدينة والأسر. وتتناول مراحل المرافقة، من الحوار الفكري إلى "
            "التدريب المهني وتمويل المشاريع الصغيرة، وتبرز أهمية تقبّل المجتمع المحلي لعودة "
            "هؤلاء الشباب."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="تقييم المخاطر والإحالة: مادة تدريبية للعاملين في الخطوط الأمامية",
        summary=(
            "مادة تدريبية لورشة عمل مع المعلمين والمرشدين الاجتماعيين والعاملين في البلديات في "
            "إربد والكرك حول تقييم المخاطر ومسارات الإحالة."
        ),
        language="ar",
        document_type="training",
        themes=(RISK, REFERRAL),
        cities=("Irbid", "Al-Karak"),
        year=2024,
        author="شبكة المدن القوية",
        body=(
            "يواجه المعلمون والمرشدون الاجتماعيون وموظفو البلديات مواقف يصعب فيها التمييز بين "
            "ضيق عابر لدى شاب ما ومؤشرات جدية على انجذابه إلى العنف. وقد أُعدّت هذه المادة "
            "التدريبية مع عاملين من إربد والكرك، وتتضمن تمارين على عوامل الخطر وعوامل "
            "الحماية، وسيناريوهات مستوحاة من حالات حقيقية، وشرحاً لمسار الإحالة المحلي وللجهات "
            "المعنية. وتؤكد المادة أن الهدف من التقييم هو تقديم الدعم المناسب، لا وصم الأفراد."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="الشراكات بين القطاعين العام والخاص لتوفير فرص العمل للشباب",
        summary=(
            "استراتيجية لبلديتي صيدا وطرابلس لبناء شراكات مع الشركات وغرف التجارة من أجل "
            "تدريب الشباب وتشغيلهم."
        ),
        language="ar",
        document_type="strategy",
        themes=(PARTNERSHIPS, YOUTH),
        cities=("Saida", "Tripoli"),
        year=2026,
        author="شبكة المدن القوية",
        body=(
            "تُعدّ البطالة من أبرز ما يشكو منه الشباب في صيدا وطرابلس، وهي تغذّي الإحباط وتجعل "
            "بعضهم أكثر عرضة للاستقطاب من الجماعات المتطرفة والشبكات الإجرامية. وتقترح هذه "
            "الاستراتيجية أن تقيم البلديتان شراكات مع غرف التجارة والصناعة والشركات المحلية "
            "لتوفير برامج تدريب داخل المؤسسات، وفرص عمل أولى، وإرشاد مهني يقدّمه موظفون من "
            "القطاع الخاص. كما تحدد قواعد الشفافية وحماية البيانات وآليات متابعة النتائج."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="الاتصال الاستراتيجي والخطابات البديلة على المستوى المحلي",
        summary=(
            "مادة تدريبية لفرق الاتصال في البلديات والجمعيات حول تصميم حملات خطاب بديل موجهة "
            "إلى الشباب."
        ),
        language="ar",
        document_type="training",
        themes=(NARRATIVES,),
        cities=("Tunis",),
        year=2016,
        author="بلدية تونس",
        body=(
            "بعد الهجمات التي شهدتها تونس في عام 2015، طلبت البلدية وجمعيات شبابية تدريباً على "
            "الاتصال الاستراتيجي لمواجهة الدعاية المتطرفة. وتشرح هذه المادة كيفية تحليل "
            "الجمهور المستهدف، وصياغة رسائل تقدّم بدائل إيجابية بدلاً من الاكتفاء بالرد، "
            "واختيار الناطقين الموثوقين، وقياس أثر الحملات. وتتضمن أمثلة من حملات نفّذها شباب "
            "تونسيون عبر الفيديو والمسرح والموسيقى، وتمارين عملية لورش العمل."
        ),
        file_kind="docx",
    ),
    DemoDocument(
        title="المدارس مساحات آمنة: برامج التربية على المواطنة في بيروت وصيدا",
        summary=(
            "دليل ممارسات جيدة حول برامج التربية على المواطنة والدعم النفسي في مدارس بيروت وصيدا."
        ),
        language="ar",
        document_type="good_practice",
        themes=(EDUCATION, PSYCHOSOCIAL),
        cities=("Beirut", "Saida"),
        year=2019,
        author="شبكة المدن القوية",
        body=(
            "تستقبل المدارس الرسمية في بيروت وصيدا تلاميذ من خلفيات متنوعة، بينهم أطفال لاجئون "
            "عاشوا تجارب صعبة. ويعرض هذا الدليل برامج نُفّذت في عدد من هذه المدارس لتعليم "
            "المواطنة وحقوق الإنسان وحل النزاعات بالحوار، إلى جانب تدريب المعلمين على ملاحظة "
            "علامات الصدمة وإحالة التلاميذ إلى المرشدين. ويشرح كيف أُشرك الأهالي، وكيف أُعدّت "
            "الأنشطة بما يناسب أعمار التلاميذ، وما الذي ساعد على استمرار هذه البرامج بعد "
            "انتهاء التمويل."
        ),
        file_kind="docx",
    ),
]

DEMO_DOCUMENTS = ENGLISH + FRENCH + ARABIC

# The rows of the indicator framework (the demo's spreadsheet): area, indicator, data
# source, how often it is collected.
INDICATOR_HEADER = ("Area of work", "Indicator", "Data source", "Frequency")
INDICATORS = [
    ("Coordination", "Number of prevention network meetings held with a recorded decision",
     "Meeting minutes", "Quarterly"),
    ("Coordination", "Share of partner agencies that signed the information-sharing agreement",
     "Coordinator's records", "Yearly"),
    ("Youth engagement", "Number of young people taking part in activities they helped design",
     "Attendance lists", "Quarterly"),
    ("Youth engagement", "Share of youth council proposals funded by the municipality",
     "Council decisions", "Yearly"),
    ("Education", "Number of teachers trained to discuss controversial issues in class",
     "Training records", "Yearly"),
    ("Referral and support", "Number of referrals received, by source and outcome",
     "Case-management system", "Quarterly"),
    ("Referral and support", "Share of cases closed with the support plan completed",
     "Case reviews", "Yearly"),
    ("Communication", "Reach and engagement of campaigns led by local voices",
     "Platform analytics", "Per campaign"),
    ("Community trust", "Residents who trust the municipality to treat all neighbourhoods fairly",
     "Resident survey", "Every two years"),
    ("Community trust", "Hate incidents reported to the police and to third-party centres",
     "Police and reporting-centre data", "Quarterly"),
]  # fmt: skip
