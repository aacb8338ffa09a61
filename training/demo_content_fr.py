"""The French translations of the demo modules "Counter-narrative campaigns" and
"Individual interventions"."""

from training.choices import ModuleLevel
from training.demo_content import (
    COUNTER_NARRATIVES,
    INTERVENTIONS,
    ISD_SITE,
    RAN_SITE,
    SCN_SITE,
    DemoLesson,
    DemoModule,
    DemoQuestion,
)

CN_FR_LESSON_1 = DemoLesson(
    title="Contre-discours et discours alternatifs",
    body="""\
Les groupes extrémistes ne recrutent pas seulement par l'idéologie. Ils racontent une
**histoire** : un groupe est attaqué, les institutions l'ont abandonné, et la violence est la
seule réponse honorable. Le travail de communication en prévention répond à cette histoire.
Cette leçon présente les trois grandes familles de messages, et les cas où une ville doit,
ou ne doit pas, y recourir.

## Trois types de messages

- **Les contre-discours** s'attaquent directement au message extrémiste. Ils en montrent les
  contradictions, l'écart entre les promesses et la réalité de la vie dans un groupe
  violent, ou utilisent l'humour et la satire pour lui retirer son prestige.
- **Les discours alternatifs** ne débattent pas avec les extrémistes. Ils racontent une
  histoire positive sur ce que défend une communauté : l'appartenance, des valeurs
  partagées, une place dans la vie locale. Ils touchent souvent plus de monde, avec moins de
  risques, que la réfutation directe.
- **La communication stratégique des pouvoirs publics** explique ce que fait la ville et
  pourquoi, répond aux rumeurs et à la désinformation, et construit la confiance. Elle a sa
  place, mais une voix officielle est rarement la plus crédible auprès des jeunes.

La plupart des campagnes locales relèvent du discours alternatif. Le contre-discours direct
est un outil spécialisé, destiné à un public restreint.

## Quand ne pas lancer de campagne

Une campagne n'est pas toujours la bonne réponse. Réfléchissez-y à deux fois :

1. **Si elle risque d'amplifier le message que vous voulez affaiblir.** Citer ou relayer un
   contenu extrémiste, ou réagir bruyamment à un petit groupe marginal, peut lui offrir un
   nouveau public.
2. **Si le public est déjà engagé.** Les personnes profondément impliquées dans un mouvement
   violent changent rarement d'avis grâce à une vidéo. Elles ont besoin d'un accompagnement
   individuel, pas d'une campagne.
3. **Si elle stigmatise une communauté.** Une campagne visant « la communauté musulmane » ou
   tout autre groupe religieux, ethnique ou national lui signifie qu'il est suspect, et
   contrevient au principe du réseau de ne jamais associer l'extrémisme violent à une
   religion, une nationalité ou un groupe ethnique.
4. **Si personne de crédible ne peut la porter.** Un message perçu comme de la propagande
   officielle peut durcir les attitudes qu'il voulait faire évoluer.
5. **Si le grief est réel et reste sans réponse.** Quand des jeunes dénoncent des
   discriminations ou un manque de services, des mots sans actes abîment la confiance.
   Réglez d'abord ce qui peut l'être, et dites ce que vous faites.

## À retenir

Partez du problème, pas du produit. Une campagne est un outil parmi d'autres : l'animation
jeunesse, le mentorat, le dialogue et de meilleurs services font souvent davantage.
""",
    questions=(
        DemoQuestion(
            text="Lequel de ces messages est un discours alternatif plutôt qu'un contre-discours ?",
            explanation=(
                "Un discours alternatif raconte une histoire positive sur ce que défend une "
                "communauté, sans débattre avec le message extrémiste. Les deux autres "
                "réponses contestent directement les affirmations extrémistes : ce sont des "
                "contre-discours."
            ),
            choices=(
                (
                    "Une vidéo satirique qui tourne en dérision les promesses d'un groupe violent",
                    False,
                ),
                (
                    "De jeunes habitants racontant comment ils ont changé leur quartier grâce "
                    "au conseil local des jeunes",
                    True,
                ),
                (
                    "Une vérification des faits qui démonte un contenu de propagande extrémiste",
                    False,
                ),
            ),
        ),
        DemoQuestion(
            text=(
                "Dans quels cas une ville doit-elle réfléchir à deux fois avant de lancer une "
                "campagne ? Cochez toutes les bonnes réponses."
            ),
            explanation=(
                "Amplifier un contenu extrémiste, stigmatiser une communauté ou parler sans "
                "messager crédible peut faire du tort. Un petit budget n'est pas en soi une "
                "raison de renoncer : un travail modeste et bien ciblé avec des partenaires "
                "locaux est souvent le plus efficace."
            ),
            choices=(
                (
                    "Quand la campagne répéterait le contenu extrémiste auprès d'un public "
                    "plus large",
                    True,
                ),
                ("Quand elle viserait un groupe religieux ou ethnique dans son ensemble", True),
                (
                    "Quand aucun messager en qui le public a confiance n'accepte d'y participer",
                    True,
                ),
                ("Quand le budget est modeste", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="À qui une campagne de communication a-t-elle le moins de chances d'être utile ?",
            explanation=(
                "Les personnes déjà engagées dans un mouvement violent changent rarement "
                "d'avis à cause d'une campagne ; elles ont besoin d'interventions "
                "individuelles. Les campagnes fonctionnent le mieux auprès du grand public et "
                "des personnes curieuses ou qui commencent à être attirées."
            ),
            choices=(
                ("Au grand public de la ville", False),
                ("À des jeunes curieux d'un groupe extrémiste en ligne", False),
                ("À une personne déjà profondément engagée dans un mouvement violent", True),
            ),
        ),
    ),
    links=(("Strong Cities Network", SCN_SITE),),
    documents=(
        "Contre-discours et éducation aux médias : module de formation pour les animateurs "
        "jeunesse de Yaoundé",
        "Youth-Led Counter-Narrative Campaigns: What Works",
    ),
)

CN_FR_LESSON_2 = DemoLesson(
    title="Connaître son public et choisir des messagers crédibles",
    body="""\
Une campagne qui s'adresse à « tout le monde » ne touche généralement personne. Les deux
décisions les plus importantes sont de savoir **qui** vous voulez atteindre, et **qui** ce
public écoutera.

## Définir le public

Décrivez votre public aussi précisément que possible : tranche d'âge, quartier ou
plateforme, centres d'intérêt, langues utilisées, préoccupations. Évitez de le définir par
la religion, l'origine ethnique ou la nationalité. Définissez-le plutôt par sa situation et
ses comportements, par exemple « les 16-20 ans de la ville qui suivent des chaînes
diffusant des contenus complotistes ».

Découvrez ce que pense réellement ce public avant de concevoir quoi que ce soit :

- **Écouter d'abord.** Parlez aux animateurs jeunesse, aux enseignants, aux entraîneurs
  sportifs et aux jeunes eux-mêmes. De petits groupes de discussion en apprennent davantage
  que des hypothèses formulées dans un bureau.
- **Observer ce qui circule.** Les conversations publiques en ligne montrent quels récits,
  quels mots et quelles images se partagent. Relevez des thèmes, pas des données sur des
  personnes.
- **Co-construire.** Les jeunes qui participent à la conception d'une campagne savent quel
  ton fonctionne et lequel sera tourné en ridicule. Rémunérez-les ou reconnaissez
  correctement le temps qu'ils y consacrent.

## Des messagers crédibles

Le messager compte souvent plus que le message. La crédibilité naît d'une expérience
partagée, de l'indépendance et de la cohérence. Parmi les messagers possibles :

- **les pairs** : des jeunes du même âge et du même milieu ;
- **des figures locales** : entraîneurs, artistes, commerçants, responsables religieux et
  communautaires en qui le public a confiance ;
- **des victimes** de la violence et des familles touchées ;
- **d'anciens membres** de groupes extrémistes, qui peuvent parler de la réalité derrière
  la propagande.

Chaque messager a besoin de **soutien et de protection**. Les anciens membres demandent une
préparation attentive : leur récit ne doit pas glorifier la violence, et s'exprimer en
public peut les mettre en danger. On ne doit jamais pousser des victimes à raconter à
nouveau leur traumatisme. Convenez à l'avance de la réponse à apporter si un messager est
harcelé en ligne.

## Le rôle de la ville

La municipalité est souvent plus efficace comme **rassembleuse et financeuse** : elle réunit
les partenaires, finance la formation et la production, et laisse la parole à d'autres.
Soyez transparents sur le financement d'une campagne. Les campagnes dissimulées, les faux
comptes ou les parrainages cachés détruisent la confiance lorsqu'ils sont découverts, et
vont à l'encontre de l'engagement du réseau en faveur de la transparence sur les
partenaires et les financements.
""",
    questions=(
        DemoQuestion(
            text="Quelle définition du public est la plus utile pour une campagne locale ?",
            explanation=(
                "Une bonne définition du public est précise et fondée sur la situation et les "
                "comportements. Définir un public par la religion ou l'origine ethnique "
                "stigmatise des groupes entiers, et « tous les habitants » est trop large "
                "pour guider la moindre décision."
            ),
            choices=(
                ("Tous les habitants de la ville", False),
                ("Les jeunes d'une communauté religieuse", False),
                (
                    "Les 16-20 ans de la ville qui suivent des chaînes diffusant des contenus "
                    "complotistes",
                    True,
                ),
            ),
        ),
        DemoQuestion(
            text=(
                "Qu'est-ce qui rend un messager crédible aux yeux d'un public ? Cochez toutes "
                "les bonnes réponses."
            ),
            explanation=(
                "La crédibilité naît d'une expérience partagée, de l'indépendance et de la "
                "cohérence entre les paroles et les actes. Un titre officiel ou un grand "
                "nombre d'abonnés ne suffisent pas à rendre quelqu'un crédible auprès d'un "
                "public sceptique."
            ),
            choices=(
                ("Une expérience partagée avec le public", True),
                ("L'indépendance vis-à-vis des autorités dont le public se méfie", True),
                ("Agir en cohérence avec ce qu'il dit", True),
                ("Un poste élevé dans l'administration municipale", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text=(
                "Pourquoi une ville doit-elle être transparente sur le financement d'une campagne ?"
            ),
            explanation=(
                "Un financement caché détruit la confiance lorsqu'il est révélé, et peut "
                "discréditer les messagers. La transparence sur les partenaires et les "
                "financements est l'un des principes du réseau."
            ),
            choices=(
                (
                    "Parce qu'un financement caché, une fois découvert, nuit à la confiance et "
                    "aux messagers",
                    True,
                ),
                ("Parce que la transparence rend toujours une campagne plus populaire", False),
                (
                    "Parce que les municipalités n'ont pas le droit de financer la communication",
                    False,
                ),
            ),
        ),
    ),
    links=(("Institute for Strategic Dialogue (ISD)", ISD_SITE),),
    documents=("Youth-Led Counter-Narrative Campaigns: What Works",),
)

CN_FR_LESSON_3 = DemoLesson(
    title="Concevoir et mener une campagne",
    body="""\
Un plan clair protège la campagne, ses messagers et son public. De nombreux praticiens
utilisent un modèle de planification simple comme **GAMMMA+**, publié par le Réseau de
sensibilisation à la radicalisation (RAN) de l'Union européenne : objectif (*Goal*), public
(*Audience*), message, messager, médias, action, plus le suivi et l'évaluation.

## De l'objectif à l'appel à l'action

1. **L'objectif.** Que doit-il changer, et pour qui ? « Sensibiliser » est trop vague ;
   « davantage de jeunes de deux quartiers savent où trouver de l'aide quand un ami est
   attiré par des groupes haineux » est un objectif que l'on peut poursuivre et mesurer.
2. **Le message.** Une idée principale, avec les mots et dans la langue du public. Testez
   les projets auprès de quelques membres du public avant toute production.
3. **Les médias et les canaux.** Allez là où se trouve déjà le public : une plateforme
   donnée, une radio locale, les établissements scolaires, les clubs sportifs, les
   événements de quartier. Les actions en ligne et hors ligne se renforcent mutuellement.
4. **L'action.** Proposez quelque chose à faire : rejoindre une activité, parler à
   quelqu'un, signaler un contenu haineux, contacter un service d'aide. Une campagne sans
   étape suivante s'essouffle vite.

## Les partenaires

Travaillez avec les associations de jeunesse, les écoles, les associations de quartier, les
médias locaux et, pour les campagnes en ligne, les programmes que les plateformes proposent à
la société civile. Mettez par écrit, avant le lancement, les rôles, la prise de décision et
l'usage du logo de la ville.

## Protection et principe de ne pas nuire

Anticipez ce qui peut mal tourner :

- **La modération.** Décidez qui surveille les commentaires, dans quels délais, et ce qui
  est supprimé ou signalé. Les réponses extrémistes sous votre vidéo peuvent elles aussi
  atteindre votre public.
- **La protection des messagers.** Prévoyez un plan en cas de harcèlement et de menaces :
  qui appeler, comment faire retirer les contenus.
- **L'orientation.** Toute campagne qui parle de radicalisation doit renvoyer vers un
  service d'aide réel, doté de personnel, vérifié avant le lancement.
- **Les enfants et les jeunes.** Respectez les règles de protection de l'enfance de la
  ville, obtenez le consentement des parents ou tuteurs lorsque la loi l'exige, et ne
  publiez jamais d'informations permettant d'identifier un jeune en situation de risque.
- **Aucun contenu nocif.** Ne reproduisez pas de symboles extrémistes, d'images de violence
  ni de matériel de recrutement, même pour les critiquer.
- **La protection des données.** Ne collectez que les données nécessaires, et dites
  lesquelles.

Commencez petit : un projet pilote avec quelques partenaires montre ce qui fonctionne
avant d'investir davantage.
""",
    questions=(
        DemoQuestion(
            text="Quel objectif de campagne est le plus utile ?",
            explanation=(
                "Un objectif utile précise ce qui doit changer et pour qui, ce qui permet de "
                "planifier les activités et de mesurer les progrès. « Sensibiliser » et un "
                "nombre de vidéos décrivent une activité, pas un changement."
            ),
            choices=(
                ("Sensibiliser à l'extrémisme", False),
                ("Produire dix vidéos cette année", False),
                (
                    "Davantage de jeunes de deux quartiers savent où trouver de l'aide quand "
                    "un ami est attiré par des groupes haineux",
                    True,
                ),
            ),
        ),
        DemoQuestion(
            text=(
                "Quelles mesures de protection doivent figurer dans le plan avant le "
                "lancement ? Cochez toutes les bonnes réponses."
            ),
            explanation=(
                "La modération, un plan de protection des messagers et un service d'aide "
                "vérifié protègent le public et les personnes qui portent la campagne. "
                "Montrer des images extrémistes, même pour les critiquer, contribue à leur "
                "diffusion."
            ),
            choices=(
                ("Qui modère les commentaires, et dans quels délais", True),
                ("Que faire si un messager est harcelé ou menacé", True),
                (
                    "Un véritable service d'aide vers lequel orienter, vérifié avant le lancement",
                    True,
                ),
                ("Des images extrémistes pour montrer au public ce qu'il faut éviter", False),
            ),
            multiple=True,
        ),
    ),
    links=(("Réseau de sensibilisation à la radicalisation (RAN)", RAN_SITE),),
    documents=(
        "Partenariats public-privé pour la prévention : guide à l'usage des villes",
        "Countering Online Hate in Dhaka: A Municipal Communications Strategy",
    ),
)

CN_FR_LESSON_4 = DemoLesson(
    title="Mesurer et évaluer une campagne",
    body="""\
L'évaluation indique si une campagne a atteint son but, et aide la suivante à faire mieux.
Prévoyez-la dès le départ, en même temps que l'objectif, et non après le lancement.

## La portée n'est pas l'impact

- **La portée** compte qui a vu la campagne : vues, impressions, participants aux
  événements.
- **L'engagement** compte ce que le public en a fait : partages, commentaires, durée de
  visionnage, clics sur l'appel à l'action.
- **L'impact** est le changement visé : dans les connaissances, les attitudes ou les
  comportements, par exemple davantage de jeunes qui contactent un service d'aide.

Un grand nombre de vues s'achète facilement et s'interprète mal. Une vidéo regardée trois
secondes par des personnes extérieures au public visé n'est pas un succès. Choisissez
quelques indicateurs liés à l'objectif, et établissez une **situation de référence** avant
le lancement pour pouvoir comparer.

## Des méthodes adaptées aux campagnes locales

1. **Les statistiques des plateformes** pour la portée et l'engagement, ventilées par âge et
   par lieu lorsque la plateforme le permet.
2. **De courts questionnaires** avant et après, anonymes.
3. **Des groupes de discussion** avec des jeunes et des partenaires, pour comprendre comment
   le message a été reçu et s'il a été mal compris.
4. **La lecture des commentaires**, pour saisir le ton des réactions, y compris hostiles.
5. **Les données des partenaires** : appels à une ligne d'écoute, participation aux
   activités, demandes d'accompagnement.

Attribuer une évolution des attitudes à une seule campagne est difficile. Restez prudents :
dites ce que vous avez observé, ce qui peut l'expliquer, et ce que vous ne pouvez pas
savoir.

## L'éthique de la mesure

- Collectez le **minimum de données** nécessaire, et conservez-les en sécurité.
- Ne suivez pas et ne profilez pas les personnes qui interagissent avec la campagne.
- Demandez un **consentement éclairé** pour les questionnaires et les groupes de
  discussion ; pour les mineurs, respectez les règles sur le consentement parental.
- Rendez compte honnêtement des résultats, y compris de ce qui n'a pas fonctionné. Les échecs
  partagés avec d'autres villes sont des enseignements précieux.

## À retenir

Définissez le succès avant de commencer, mesurez le changement et pas seulement
l'activité, et partagez ce que vous avez appris au sein du réseau.
""",
    questions=(
        DemoQuestion(
            text="Lequel de ces éléments mesure l'impact plutôt que la portée ?",
            explanation=(
                "L'impact est le changement visé par la campagne. Les vues et les "
                "impressions mesurent la portée : elles disent qui a vu la campagne, pas si "
                "quelque chose a changé."
            ),
            choices=(
                ("Le nombre de vues de la vidéo", False),
                ("Le nombre d'impressions sur les réseaux sociaux", False),
                (
                    "Davantage de jeunes contactent le service d'aide après la campagne qu'avant",
                    True,
                ),
            ),
        ),
        DemoQuestion(
            text=(
                "Quelles pratiques sont éthiques dans l'évaluation d'une campagne ? Cochez "
                "toutes les bonnes réponses."
            ),
            explanation=(
                "Collectez peu de données, avec consentement, et rendez compte honnêtement. "
                "Dresser le profil des personnes qui ont commenté relève de la "
                "surveillance, pas de l'évaluation, et ruine la confiance dont la campagne "
                "dépend."
            ),
            choices=(
                ("Des questionnaires anonymes avec consentement éclairé", True),
                ("Rendre compte de ce qui n'a pas fonctionné comme de ce qui a fonctionné", True),
                (
                    "Tenir une liste de toutes les personnes ayant publié un commentaire hostile",
                    False,
                ),
                ("Ne collecter que les données dont les indicateurs ont besoin", True),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="Quand faut-il prévoir l'évaluation d'une campagne ?",
            explanation=(
                "Prévoyez l'évaluation avec l'objectif, avant le lancement, pour établir une "
                "situation de référence et choisir des indicateurs adaptés au changement "
                "recherché."
            ),
            choices=(
                ("Dès le départ, en même temps que l'objectif", True),
                ("Une fois la campagne terminée", False),
                ("Seulement si la campagne devient virale", False),
            ),
        ),
    ),
    links=(("Réseau de sensibilisation à la radicalisation (RAN)", RAN_SITE),),
    documents=("Monitoring and Evaluation for Local Prevention Programmes: A Short Handbook",),
)

COUNTER_NARRATIVES_FR = DemoModule(
    slug=f"{COUNTER_NARRATIVES}-fr",
    title="Campagnes de contre-discours",
    summary=(
        "Comment les villes peuvent répondre aux messages extrémistes : contre-discours et "
        "discours alternatifs, connaissance du public, messagers crédibles, conduite d'une "
        "campagne sûre et mesure de ce qu'elle change."
    ),
    language="fr",
    level=ModuleLevel.INTRODUCTORY,
    estimated_minutes=60,
    themes=(
        "Counter-narratives and strategic communications",
        "Online extremism",
        "Youth engagement",
    ),
    working_group="online-harms",
    lessons=(CN_FR_LESSON_1, CN_FR_LESSON_2, CN_FR_LESSON_3, CN_FR_LESSON_4),
    translation_of=COUNTER_NARRATIVES,
)


# --- Interventions individuelles -----------------------------------------------------------

II_FR_LESSON_1 = DemoLesson(
    title="Gestion de cas multi-agences et orientation",
    body="""\
Certaines personnes ont besoin de plus qu'une prévention destinée à tous : un jeune qui
partage de la propagande violente, un adulte dont la famille craint qu'il soit attiré par un
groupe violent. Une **intervention individuelle** est un accompagnement sur mesure pour une
personne, proposé par plusieurs services qui travaillent ensemble.

## Pourquoi plusieurs services

Aucun service ne voit la personne dans sa globalité. L'école voit le comportement en
classe, les services sociaux la situation familiale, les services de santé les besoins en
santé mentale, la police peut détenir des informations sur le risque. Une **cellule
multi-agences** ou une réunion de concertation les réunit pour partager ce qui est
nécessaire, convenir d'un plan et désigner un **coordinateur de cas** qui reste en contact
avec la personne.

## Un parcours d'orientation type

1. **Une inquiétude est repérée** par un professionnel de terrain, un proche ou un habitant.
2. **Le professionnel en parle** au référent désigné de sa structure. Beaucoup d'inquiétudes
   ont une autre explication et appellent un autre soutien, ou aucun.
3. **Un danger immédiat relève aussitôt de la police ou des secours.** Le parcours de
   prévention n'est pas fait pour les urgences.
4. **Un premier examen** : s'agit-il réellement d'une inquiétude liée à l'extrémisme
   violent ? Sinon, la personne est orientée vers le service qui correspond à ses besoins.
5. **Évaluation en cellule et plan d'accompagnement**, revu à intervalles réguliers.
6. **Clôture** lorsque l'inquiétude a disparu, avec un point de suivi léger plus tard si
   cela a été convenu.

## Partage d'informations et consentement

Ne partagez des informations que lorsque c'est **nécessaire et proportionné**, sur une base
légale, et uniquement avec les personnes qui en ont besoin. Recherchez le consentement de la
personne (et celui des parents pour un enfant) chaque fois que possible, et expliquez ce qui
sera partagé et pourquoi. Lorsque la loi autorise un partage sans consentement, par exemple
pour prévenir un préjudice grave, consignez qui l'a décidé et pourquoi.

Séparez le parcours d'accompagnement de l'enquête pénale. Si les gens pensent que demander de
l'aide mène automatiquement à la police, les familles cessent de demander.

## Une participation volontaire

Dans la plupart des villes, l'accompagnement proposé par une cellule de prévention est
**volontaire**. Les personnes y participent parce que l'offre répond à de vrais besoins :
logement, scolarité, emploi, santé, un adulte de confiance à qui parler. La qualité de la
relation fait souvent la différence.
""",
    questions=(
        DemoQuestion(
            text=(
                "Une enseignante entend un élève faire l'éloge d'un attentat récent. "
                "Personne n'est en danger immédiat. Quelle est la bonne première étape ?"
            ),
            explanation=(
                "L'enseignante doit en parler au référent désigné de l'établissement, qui "
                "décide si une orientation est nécessaire. Les urgences relèvent directement "
                "de la police, mais ce n'en est pas une ; et ne rien faire laisse un élève "
                "sans soutien."
            ),
            choices=(
                ("Appeler le numéro d'urgence de la police", False),
                ("En parler au référent désigné de l'établissement", True),
                ("Ne rien faire, sauf si cela se reproduit", False),
            ),
        ),
        DemoQuestion(
            text=(
                "Quels principes s'appliquent au partage d'informations sur une personne ? "
                "Cochez toutes les bonnes réponses."
            ),
            explanation=(
                "Ne partagez que ce qui est nécessaire et proportionné, sur une base légale, "
                "avec ceux qui en ont besoin, et consignez les décisions. Envoyer tout le "
                "dossier à chaque partenaire enfreint les règles de protection des données "
                "et la confiance de la personne."
            ),
            choices=(
                ("Ne partager que ce qui est nécessaire et proportionné", True),
                (
                    "Rechercher le consentement chaque fois que possible et expliquer ce qui est "
                    "partagé",
                    True,
                ),
                ("Consigner qui a décidé de partager sans consentement, et pourquoi", True),
                ("Envoyer tout le dossier à chaque partenaire, au cas où", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="Quel est le rôle du coordinateur de cas ?",
            explanation=(
                "Le coordinateur de cas est l'interlocuteur unique de la personne : il reste "
                "en contact avec elle, coordonne les partenaires et veille à ce que le plan "
                "soit revu. Les décisions sur le risque et les enquêtes relèvent d'autres "
                "processus."
            ),
            choices=(
                ("Enquêter pour savoir si la personne a commis une infraction", False),
                ("Rester en contact avec la personne et coordonner le plan d'accompagnement", True),
                ("Décider seul si la personne est dangereuse", False),
            ),
        ),
    ),
    links=(("Réseau de sensibilisation à la radicalisation (RAN)", RAN_SITE),),
    documents=(
        "Prévenir la radicalisation menant à la violence : l'approche du Centre de prévention "
        "de Montréal",
        "Anchor Teams: Multi-Agency Work with Young People in Helsinki",
    ),
)

II_FR_LESSON_2 = DemoLesson(
    title="Facteurs de risque et de protection, une évaluation centrée sur la protection",
    body="""\
Il n'existe **pas de profil type** des personnes qui s'engagent dans l'extrémisme violent.
L'évaluation porte sur la situation d'une personne, pas sur le groupe auquel elle appartient.

## Ne jamais profiler selon l'identité

La religion, l'origine ethnique, la nationalité ou l'apparence **ne sont pas** des
indicateurs de risque. Les traiter comme tels est discriminatoire, illégal dans de nombreux
pays et nuisible : cela éloigne des communautés entières et oriente les professionnels dans
la mauvaise direction. Avoir des opinions politiques ou religieuses affirmées n'est pas non
plus en soi un motif d'inquiétude. Ce qui inquiète, c'est le **soutien à la violence**, ou
l'implication dans celle-ci.

## Des facteurs qui peuvent accroître la vulnérabilité

Les professionnels raisonnent souvent en facteurs qui poussent et qui attirent :

- une crise personnelle, un deuil ou un traumatisme ;
- la recherche d'une identité, d'une appartenance, d'un sens ou d'aventure ;
- un sentiment d'injustice ou d'humiliation, personnel ou partagé avec un groupe ;
- l'isolement, des conflits familiaux, l'exclusion de l'école ou du travail ;
- des contacts avec des personnes ou des espaces en ligne qui prônent la violence ;
- une fascination croissante pour les armes ou pour des attentats passés.

Aucun de ces facteurs ne prédit à lui seul la violence. Beaucoup de personnes en cumulent
plusieurs sans jamais se tourner vers la violence.

## Les facteurs de protection

L'évaluation doit examiner avec autant d'attention ce qui protège la personne :

- des relations de confiance avec la famille, des amis ou un mentor ;
- une place dans les études, la formation ou l'emploi ;
- un sentiment d'appartenance à la communauté locale ;
- la capacité à gérer les conflits et les désaccords ;
- un suivi de sa santé mentale et physique.

Les plans d'accompagnement s'appuient sur les facteurs de protection, et pas seulement sur
la réduction des risques.

## Une approche centrée sur la protection

Partez de la question : **de quoi cette personne a-t-elle besoin pour être en sécurité et
pour que les autres le soient ?** Tenez compte de la santé mentale, des troubles de
l'apprentissage ou de la neurodivergence, et de l'exploitation par d'autres, sans supposer
qu'ils expliquent tout. Il existe des outils spécialisés de jugement professionnel
structuré ; ils sont utilisés par des évaluateurs formés, et non comme des listes de
contrôle par les professionnels de terrain. Consignez les raisons de chaque décision et
revoyez-les lorsque la situation évolue.
""",
    questions=(
        DemoQuestion(
            text="Lequel de ces éléments relève légitimement d'une évaluation du risque ?",
            explanation=(
                "L'évaluation porte sur la situation et le comportement de la personne, comme "
                "un soutien exprimé à la violence. La religion, l'origine ethnique et la "
                "nationalité ne sont jamais des indicateurs de risque, et des opinions "
                "affirmées ne sont pas à elles seules une inquiétude."
            ),
            choices=(
                ("La religion de la personne", False),
                ("Le soutien exprimé par la personne au recours à la violence", True),
                ("La nationalité ou l'origine de la personne", False),
                ("Les opinions politiques affirmées mais non violentes de la personne", False),
            ),
        ),
        DemoQuestion(
            text=(
                "Lesquels de ces éléments sont des facteurs de protection ? Cochez toutes les "
                "bonnes réponses."
            ),
            explanation=(
                "Des relations de confiance, une place dans les études ou l'emploi et un "
                "sentiment d'appartenance protègent. L'isolement familial est un facteur qui "
                "peut accroître la vulnérabilité."
            ),
            choices=(
                ("Une relation de confiance avec un mentor ou un proche", True),
                ("Une place dans les études, la formation ou l'emploi", True),
                ("Un sentiment d'appartenance à la communauté locale", True),
                ("L'isolement vis-à-vis de la famille et des amis", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text=(
                "Un jeune présente plusieurs facteurs de vulnérabilité. Qu'est-ce que cela "
                "indique ?"
            ),
            explanation=(
                "Les facteurs ne sont pas des prédicteurs : beaucoup de personnes en cumulent "
                "plusieurs sans jamais se tourner vers la violence. Ils signalent des besoins "
                "à examiner avec soin, avec les facteurs de protection, pas une conclusion."
            ),
            choices=(
                ("Qu'il deviendra violent", False),
                ("Qu'il a des besoins à examiner, avec ce qui le protège", True),
                ("Rien : les facteurs ne comptent pas", False),
            ),
        ),
    ),
    documents=(
        "Repérer et orienter les situations de radicalisation : guide pratique",
        "Assessing Risk among Young People in Malé: A Framework for Practitioners",
    ),
)

II_FR_LESSON_3 = DemoLesson(
    title="Familles, mentors et chemins de sortie",
    body="""\
Les gens quittent les groupes violents pour de nombreuses raisons : la déception,
l'épuisement, une nouvelle relation, un enfant, un emploi. Un bon accompagnement facilite
cette étape et l'aide à durer.

## Désengagement et déradicalisation

- **Le désengagement** est un changement de comportement : la personne cesse de participer à
  la violence ou à un groupe violent.
- **La déradicalisation** est un changement de convictions : la personne s'éloigne des idées
  qui justifiaient la violence.

Le désengagement est souvent le premier objectif réaliste. L'évolution des convictions peut
suivre avec le temps, ou non ; une personne qui a renoncé à la violence est déjà une
réussite.

## Travailler avec les familles

Les familles sont souvent les premières à remarquer un changement, et les plus touchées.
Elles peuvent ressentir de la honte, de la peur ou de la colère, et craindre qu'une demande
d'aide conduise à l'arrestation de leur proche.

- Proposez un **premier contact confidentiel**, par exemple par une ligne d'écoute ou une
  association de confiance.
- Considérez les parents et la fratrie comme des **partenaires**, pas comme des suspects.
  Aidez-les à maintenir le lien, même dans le désaccord.
- Proposez-leur un **soutien propre** : accompagnement psychologique, groupes de parents
  vivant la même situation.

## Les mentors

Un mentor est un adulte de confiance qui rencontre régulièrement la personne, l'écoute, la
questionne et l'aide à résoudre des problèmes concrets. Les mentors doivent être
**sélectionnés, formés et supervisés**, avec des limites claires et une personne vers qui se
tourner en cas d'inquiétude. Certains programmes font appel à d'anciens membres de groupes
extrémistes ou à des personnes ayant des connaissances théologiques ; cela exige une
sélection et un soutien attentifs, et ne remplace jamais les services professionnels.

## Les besoins concrets

Quitter un groupe signifie souvent perdre des amis, des revenus et un but. Le plan doit
prévoir ce qui les remplace : logement, études ou formation, emploi, soins, un nouveau
cercle social, et parfois une protection contre l'ancien groupe.

## Le retour dans la communauté

La réintégration a aussi besoin de la communauté. Travaillez avec les voisins, les
employeurs, les écoles et les responsables religieux et communautaires pour réduire la
stigmatisation, tout en prenant au sérieux les préoccupations des victimes et des habitants.
""",
    questions=(
        DemoQuestion(
            text="Qu'est-ce que le désengagement ?",
            explanation=(
                "Le désengagement est un changement de comportement : quitter la violence ou "
                "un groupe violent. La déradicalisation est un changement de convictions, qui "
                "peut venir plus tard, ou jamais."
            ),
            choices=(
                ("Renoncer à la violence ou quitter un groupe violent", True),
                ("Abandonner toutes les convictions que la personne avait", False),
                ("Être exclu de l'école", False),
            ),
        ),
        DemoQuestion(
            text=(
                "Comment un programme doit-il travailler avec les mentors ? Cochez toutes les "
                "bonnes réponses."
            ),
            explanation=(
                "Les mentors doivent être sélectionnés, formés et supervisés, avec des limites "
                "claires et une personne vers qui se tourner. Ils complètent les services "
                "professionnels, ils ne les remplacent pas."
            ),
            choices=(
                ("Les sélectionner et les former avec soin", True),
                ("Les superviser régulièrement et leur offrir un interlocuteur", True),
                ("Les laisser remplacer les services de santé et les services sociaux", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text=(
                "Une mère appelle car elle s'inquiète pour son fils. Qu'est-ce qui aide le "
                "plus dans un premier temps ?"
            ),
            explanation=(
                "Un premier contact confidentiel et bienveillant maintient la famille dans la "
                "démarche. La traiter en suspecte ou brandir des conséquences pousse les "
                "familles à ne plus demander d'aide."
            ),
            choices=(
                ("Lui dire que la police sera informée de tout ce qu'elle dit", False),
                (
                    "L'écouter en toute confidentialité, expliquer les options et lui proposer un "
                    "soutien",
                    True,
                ),
                ("Lui conseiller de couper les ponts avec son fils", False),
            ),
        ),
    ),
    links=(("Strong Cities Network", SCN_SITE),),
    documents=(
        "Évaluation d'un programme de soutien psychosocial aux familles touchées par la "
        "radicalisation",
        "Supporting Families Affected by Radicalisation: A Guide from Minneapolis",
    ),
)

INTERVENTIONS_FR = DemoModule(
    slug=f"{INTERVENTIONS}-fr",
    title="Interventions individuelles",
    summary=(
        "Accompagner une personne exposée au risque d'engagement dans l'extrémisme violent : "
        "gestion de cas multi-agences et orientation, évaluation centrée sur la protection et "
        "sans profilage, travail avec les familles et les mentors vers le désengagement."
    ),
    language="fr",
    level=ModuleLevel.INTERMEDIATE,
    estimated_minutes=50,
    themes=(
        "Interventions and referral",
        "Risk assessment",
        "Deradicalisation, disengagement, rehabilitation and reintegration",
        "Mentoring",
    ),
    working_group="youth-and-families",
    lessons=(II_FR_LESSON_1, II_FR_LESSON_2, II_FR_LESSON_3),
    translation_of=INTERVENTIONS,
)
