"""The demo training modules (English) and the shapes all demo training content uses.

Written as a trainer for municipal practitioners would: no statistics, no quotations, no
real people. Documents are named by their title in the demo library
(library/demo_content.py) and attached only when they exist; links are organisation home
pages only, so that they stay valid.

The French and Arabic translations live in demo_content_fr.py and demo_content_ar.py, the
toolkits in demo_toolkits.py.
"""

from dataclasses import dataclass

from training.choices import ModuleLevel

SCN_SITE = "https://strongcitiesnetwork.org/"
ISD_SITE = "https://www.isdglobal.org/"
RAN_SITE = "https://home-affairs.ec.europa.eu/networks/radicalisation-awareness-network-ran_en"
HEDAYAH_SITE = "https://hedayah.com/"
GCTF_SITE = "https://www.thegctf.org/"
GIFCT_SITE = "https://gifct.org/"
TECH_AGAINST_TERRORISM_SITE = "https://techagainstterrorism.org/"


@dataclass(frozen=True)
class DemoQuestion:
    """A quiz question; `choices` are (text, is_correct) pairs in display order."""

    text: str
    explanation: str
    choices: tuple[tuple[str, bool], ...]
    multiple: bool = False


@dataclass(frozen=True)
class DemoLesson:
    title: str
    body: str
    questions: tuple[DemoQuestion, ...]
    links: tuple[tuple[str, str], ...] = ()  # (title, url)
    documents: tuple[str, ...] = ()  # demo library titles


@dataclass(frozen=True)
class DemoModule:
    """A module; `translation_of` is the slug of the original when this is a translation."""

    slug: str
    title: str
    summary: str
    language: str
    level: str
    estimated_minutes: int
    themes: tuple[str, ...]
    working_group: str  # slug of a membership.demo working group
    lessons: tuple[DemoLesson, ...]
    translation_of: str | None = None


COUNTER_NARRATIVES = "counter-narrative-campaigns"
INTERVENTIONS = "individual-interventions"


# --- Counter-narrative campaigns -----------------------------------------------------------

CN_LESSON_1 = DemoLesson(
    title="Counter-narratives and alternative narratives",
    body="""\
Extremist groups do not only recruit through ideology. They tell a **story**: a group is
under attack, the institutions have failed it, and violence is the only honourable answer.
Communication work in prevention answers that story. This lesson sets out the three main
families of messages and when a city should, and should not, use them.

## Three kinds of message

- **Counter-narratives** challenge an extremist message directly. They expose its
  contradictions, show the gap between its promises and the reality of life inside a
  violent group, or use humour and satire to take away its glamour.
- **Alternative narratives** do not argue with the extremists at all. They tell a positive
  story about what a community stands for: belonging, shared values, a voice in local life.
  They often reach more people, and carry less risk, than direct rebuttal.
- **Strategic communications by government** explain what the city is doing and why, answer
  rumours and misinformation, and build trust. They are part of the picture, but an
  official voice is rarely the most credible one for young people.

Most local campaigns are alternative narratives. Direct counter-messaging is a specialist
tool for a narrow audience.

## When not to run a campaign

A campaign is not always the right answer. Think again when:

1. **It would amplify the message you want to weaken.** Quoting or reposting extremist
   content, or reacting loudly to a small fringe group, can bring it a new audience.
2. **The audience is already committed.** People deeply involved in a violent movement are
   seldom moved by a video. They need individual support, not a campaign.
3. **It would single out a community.** A campaign aimed at "the Muslim community" or any
   other religious, ethnic or national group tells that group it is suspect, and breaks
   the network's principle of never associating violent extremism with any religion,
   nationality or ethnic group.
4. **Nobody credible will carry it.** A message that the audience sees as official
   propaganda can harden the attitudes it meant to change.
5. **The grievance is real and unanswered.** If young people complain about discrimination
   or a lack of services, words without action damage trust. Fix what can be fixed first,
   and say what you are doing.

## Key points

Start from the problem, not from the product. A campaign is one tool among others:
youth work, mentoring, dialogue and better services often do more.
""",
    questions=(
        DemoQuestion(
            text="Which message is an alternative narrative rather than a counter-narrative?",
            explanation=(
                "An alternative narrative tells a positive story of what a community stands "
                "for, without arguing with the extremist message. The other two answers "
                "challenge extremist claims directly: they are counter-narratives."
            ),
            choices=(
                ("A satirical video mocking a violent group's promises", False),
                (
                    "Young residents telling how they changed their neighbourhood through "
                    "the local youth council",
                    True,
                ),
                ("A fact-check taking apart a piece of extremist propaganda", False),
            ),
        ),
        DemoQuestion(
            text="When should a city think twice before running a campaign? Tick all that apply.",
            explanation=(
                "Amplifying extremist content, stigmatising a community and speaking without "
                "a credible messenger can all do harm. A small budget is not in itself a "
                "reason to stop: modest, well-targeted work with local partners is often "
                "the most effective."
            ),
            choices=(
                ("When the campaign would repeat the extremist content to a wider audience", True),
                ("When it would target one religious or ethnic group as a whole", True),
                ("When no messenger the audience trusts is willing to take part", True),
                ("When the budget is small", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="Who is a communication campaign least likely to help?",
            explanation=(
                "People already committed to a violent movement rarely change their views "
                "because of a campaign; they need individual interventions. Campaigns work "
                "best for the wider public and for people who are curious or starting to "
                "be drawn in."
            ),
            choices=(
                ("The general public of the city", False),
                ("Young people who are curious about an extremist online group", False),
                ("Someone already deeply involved in a violent movement", True),
            ),
        ),
    ),
    links=(("Strong Cities Network", SCN_SITE),),
    documents=("Youth-Led Counter-Narrative Campaigns: What Works",),
)

CN_LESSON_2 = DemoLesson(
    title="Knowing the audience and choosing credible messengers",
    body="""\
A campaign that speaks to "everyone" usually reaches no one. The two decisions that matter
most are **who** you want to reach and **who** they will listen to.

## Defining the audience

Describe your audience as precisely as you can: age group, neighbourhood or platform,
interests, the languages they use, and what worries them. Avoid defining it by religion,
ethnicity or nationality. Define it by situation and behaviour instead, for example
"16 to 20 year-olds in the city who follow channels sharing conspiracy content".

Find out what the audience actually thinks before you design anything:

- **Listen first.** Talk to youth workers, teachers, sports coaches and young people
  themselves. Small group discussions tell you more than assumptions made in an office.
- **Look at what is shared.** Public online conversations show which stories, words and
  images circulate. Record themes, not individuals' details.
- **Co-create.** Young people who help design a campaign know which tone works and which
  will be mocked. Pay them or recognise their time properly.

## Credible messengers

The messenger often matters more than the message. Credibility comes from shared
experience, independence and consistency. Possible messengers include:

- **peers**: young people of the same age and background;
- **community figures**: coaches, artists, local businesspeople, religious and community
  leaders trusted by the audience;
- **survivors** of violence and families affected by it;
- **former members** of extremist groups, who can speak about the reality behind the
  propaganda.

Every messenger needs **support and protection**. Former members need careful preparation:
their story must not glamorise violence, and speaking in public can put them at risk.
Survivors must never be pushed to retell trauma. Agree in advance how you will respond if
a messenger is harassed online.

## The role of the city

The municipality often works best as **convenor and funder**: it brings partners together,
pays for training and production, and leaves the voice to others. Be open about who funds a
campaign. Covert campaigns, fake accounts or hidden sponsorship destroy trust when they are
discovered, and they go against the network's commitment to transparency of partners and
funding.
""",
    questions=(
        DemoQuestion(
            text="Which audience definition is the most useful for a local campaign?",
            explanation=(
                "A good audience definition is precise and based on situation and "
                "behaviour. Defining an audience by religion or ethnicity stigmatises whole "
                'groups, and "all residents" is too broad to guide any decision.'
            ),
            choices=(
                ("All residents of the city", False),
                ("Young people from one religious community", False),
                (
                    "16 to 20 year-olds in the city who follow channels sharing conspiracy content",
                    True,
                ),
            ),
        ),
        DemoQuestion(
            text="What makes a messenger credible to an audience? Tick all that apply.",
            explanation=(
                "Credibility comes from shared experience, independence and consistency "
                "between words and actions. An official title or a large follower count "
                "does not in itself make someone credible to a sceptical audience."
            ),
            choices=(
                ("Shared experience with the audience", True),
                ("Independence from the authorities the audience distrusts", True),
                ("Acting consistently with what they say", True),
                ("A senior position in the city administration", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="Why should a city be open about funding a campaign?",
            explanation=(
                "Hidden sponsorship destroys trust when it comes out, and it can discredit "
                "the messengers. Transparency of partners and funding is one of the "
                "network's principles."
            ),
            choices=(
                (
                    "Because hidden sponsorship damages trust and the messengers when discovered",
                    True,
                ),
                ("Because openness always makes a campaign more popular", False),
                ("Because municipalities may not fund communication work", False),
            ),
        ),
    ),
    links=(("Institute for Strategic Dialogue (ISD)", ISD_SITE),),
    documents=(
        "Youth-Led Counter-Narrative Campaigns: What Works",
        "Faith Communities as Partners in Prevention: The Montgomery County Model",
    ),
)

CN_LESSON_3 = DemoLesson(
    title="Designing and running a campaign",
    body="""\
A clear plan protects the campaign, its messengers and its audience. Many practitioners use
a simple planning model such as **GAMMMA+**, published by the EU's Radicalisation Awareness
Network: **G**oal, **A**udience, **M**essage, **M**essenger, **M**edia, **A**ction, plus
monitoring and evaluation.

## From goal to call to action

1. **Goal.** What should change, for whom? "Raise awareness" is too vague; "more young people
   in two districts know where to get help when a friend is being drawn into hate groups" is
   a goal you can work towards and measure.
2. **Message.** One main idea, in the audience's own words and language. Test drafts with a
   few members of the audience before you produce anything.
3. **Media and channels.** Go where the audience already is: a particular platform, a local
   radio station, school assemblies, sports clubs, community events. Online and offline
   activity reinforce each other.
4. **Action.** Offer something to do: join an activity, talk to someone, report hate
   content, contact a support service. A campaign without a next step fades quickly.

## Partners

Work with youth organisations, schools, community groups, local media and, for online
campaigns, the platforms' own programmes for civil society. Agree roles, decision-making
and the use of the city's logo in writing before launch.

## Safeguarding and do no harm

Plan for what can go wrong:

- **Moderation.** Decide who watches the comments, how quickly, and what is removed or
  reported. Extremist replies under your video can reach your audience too.
- **Protection of messengers.** Have a plan for harassment and threats, including who to call
  and how to take content down.
- **Signposting.** Every campaign that talks about radicalisation should point to a real,
  staffed support service, checked before launch.
- **Children and young people.** Follow the city's child protection rules, obtain consent
  from parents or guardians where the law requires it, and never publish details that
  identify a young person at risk.
- **No harmful material.** Do not reproduce extremist symbols, footage of violence or
  recruitment material, even to criticise it.
- **Data protection.** Collect only the data you need, and say what you collect.

Start small: a pilot with a few partners shows what works before you spend more.
""",
    questions=(
        DemoQuestion(
            text="Which campaign goal is the most useful?",
            explanation=(
                "A useful goal says what should change and for whom, so that you can plan "
                'activities and measure progress. "Raise awareness" and a number of videos '
                "describe activity, not change."
            ),
            choices=(
                ("Raise awareness of extremism", False),
                ("Produce ten videos this year", False),
                (
                    "More young people in two districts know where to get help when a friend "
                    "is drawn into hate groups",
                    True,
                ),
            ),
        ),
        DemoQuestion(
            text="Which safeguards belong in the plan before launch? Tick all that apply.",
            explanation=(
                "Moderation, a protection plan for messengers and a checked support service "
                "protect the audience and the people who speak for the campaign. Showing "
                "extremist footage, even to criticise it, spreads the material further."
            ),
            choices=(
                ("Who moderates comments, and how quickly", True),
                ("What to do if a messenger is harassed or threatened", True),
                ("A real support service to signpost to, checked before launch", True),
                ("Extremist footage to show the audience what to avoid", False),
            ),
            multiple=True,
        ),
    ),
    links=(("EU Radicalisation Awareness Network (RAN)", RAN_SITE),),
    documents=(
        "Countering Online Hate in Dhaka: A Municipal Communications Strategy",
        "Working with Technology Companies against Online Hate: A Guide for Cities",
    ),
)

CN_LESSON_4 = DemoLesson(
    title="Measuring and evaluating a campaign",
    body="""\
Evaluation tells you whether a campaign did what it set out to do, and helps the next one
do better. Plan it at the start, together with the goal, not after the launch.

## Reach is not impact

- **Reach** counts who saw the campaign: views, impressions, people at events.
- **Engagement** counts what they did with it: shares, comments, time spent watching,
  clicks on the call to action.
- **Impact** is the change you aimed for: in knowledge, attitudes or behaviour, such as more
  young people contacting a support service.

High view counts are easy to buy and easy to misread. A video watched for three seconds by
people outside the audience is not a success. Choose a few indicators linked to the goal,
and record a **baseline** before launch so that you can compare.

## Methods that suit local campaigns

1. **Platform analytics** for reach and engagement, broken down by age and place where the
   platform allows it.
2. **Short surveys** of the audience before and after, kept anonymous.
3. **Focus groups** with young people and partners, to understand how the message was
   received and whether it was misunderstood.
4. **Reading the comments** for the tone of the reactions, including hostile ones.
5. **Partner records**: calls to a helpline, attendance at activities, requests for support.

Attributing a change in attitudes to one campaign is hard. Be modest in your claims: say what
you observed, what may explain it, and what you cannot know.

## Ethics of measurement

- Collect the **least data** you need, and keep it safe.
- Do not track or profile individuals who interact with the campaign.
- Ask for **informed consent** in surveys and focus groups; for minors, follow the rules on
  parental consent.
- Report results honestly, including what did not work. Failures shared with other cities
  are valuable learning.

## Key points

Decide what success looks like before you start, measure change and not only activity, and
share what you learned through the network.
""",
    questions=(
        DemoQuestion(
            text="Which of these is a measure of impact rather than reach?",
            explanation=(
                "Impact is the change the campaign aimed for. Views and impressions show "
                "reach: they say who saw it, not whether anything changed."
            ),
            choices=(
                ("Number of video views", False),
                ("Number of impressions on social media", False),
                (
                    "More young people contacting the support service after the campaign than "
                    "before it",
                    True,
                ),
            ),
        ),
        DemoQuestion(
            text="Which practices are ethical in campaign evaluation? Tick all that apply.",
            explanation=(
                "Collect little data, with consent, and report honestly. Building profiles "
                "of individual people who commented is surveillance, not evaluation, and "
                "breaks the trust the campaign depends on."
            ),
            choices=(
                ("Anonymous surveys with informed consent", True),
                ("Reporting what did not work as well as what did", True),
                ("Keeping a list of everyone who posted a hostile comment", False),
                ("Collecting only the data the indicators need", True),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="When should you plan the evaluation of a campaign?",
            explanation=(
                "Plan the evaluation with the goal, before launch, so that you can record a "
                "baseline and choose indicators that match what you want to change."
            ),
            choices=(
                ("At the start, together with the goal", True),
                ("Once the campaign has finished", False),
                ("Only if the campaign goes viral", False),
            ),
        ),
    ),
    links=(("EU Radicalisation Awareness Network (RAN)", RAN_SITE),),
    documents=("Monitoring and Evaluation for Local Prevention Programmes: A Short Handbook",),
)

COUNTER_NARRATIVES_EN = DemoModule(
    slug=COUNTER_NARRATIVES,
    title="Counter-narrative campaigns",
    summary=(
        "How cities can answer extremist messages: counter- and alternative narratives, "
        "knowing the audience, credible messengers, running a safe campaign and measuring "
        "what it changes."
    ),
    language="en",
    level=ModuleLevel.INTRODUCTORY,
    estimated_minutes=60,
    themes=(
        "Counter-narratives and strategic communications",
        "Online extremism",
        "Youth engagement",
    ),
    working_group="online-harms",
    lessons=(CN_LESSON_1, CN_LESSON_2, CN_LESSON_3, CN_LESSON_4),
)


# --- Individual interventions --------------------------------------------------------------

II_LESSON_1 = DemoLesson(
    title="Multi-agency case management and referral",
    body="""\
Some people need more than prevention work aimed at everyone: a young person sharing violent
propaganda, an adult whose family fears they are being drawn into a violent group. An
**individual intervention** is tailored support for one person, offered by several services
working together.

## Why several agencies

No single service sees the whole person. A school sees behaviour in class, social services
see the family situation, health services see mental health needs, the police may hold
information on risk. A **multi-agency panel** or case conference brings them together to
share what is necessary, agree a plan and name one **case coordinator** who keeps in touch
with the person.

## A typical referral pathway

1. **A concern is noticed** by a frontline worker, a relative or a community member.
2. **The worker discusses it** with the designated lead in their organisation. Many concerns
   turn out to have another explanation and need other support, or none.
3. **Immediate danger goes to the police or emergency services at once.** The prevention
   pathway is not for emergencies.
4. **Screening**: is there a real concern linked to violent extremism? If not, the person
   is directed to the service that fits their need.
5. **Panel assessment and support plan**, reviewed at set intervals.
6. **Closure** once the concern has gone, with a light check-in later if agreed.

## Information sharing and consent

Share information only when it is **necessary and proportionate**, on a legal basis, and
only with the people who need it. Seek the person's consent (and that of parents for
children) wherever possible, and explain what will be shared and why. Where the law allows
sharing without consent, for example to prevent serious harm, record who decided it and why.

Keep the support pathway separate from criminal investigation. If people believe that
asking for help leads automatically to the police, families stop asking.

## Participation is voluntary

In most cities, support through a prevention panel is **voluntary**. People take part because
the offer meets real needs: housing, school, work, health, a trusted adult to talk to. The
quality of the relationship is often what makes the difference.
""",
    questions=(
        DemoQuestion(
            text=(
                "A teacher hears a student praising a recent terrorist attack. The student "
                "is not in immediate danger and no one else is. What is the right first step?"
            ),
            explanation=(
                "The teacher should discuss the concern with the designated lead in the "
                "school, who decides whether a referral is needed. Emergencies go straight "
                "to the police, but this is not one; and doing nothing leaves a student "
                "without support."
            ),
            choices=(
                ("Call the police emergency number", False),
                ("Discuss the concern with the school's designated lead", True),
                ("Do nothing unless it happens again", False),
            ),
        ),
        DemoQuestion(
            text=(
                "Which principles apply to sharing information about a person? Tick all that apply."
            ),
            explanation=(
                "Share only what is necessary and proportionate, on a legal basis, with "
                "those who need it, and record the decisions. Sending a whole file to every "
                "partner breaks data protection rules and the person's trust."
            ),
            choices=(
                ("Share only what is necessary and proportionate", True),
                ("Seek consent wherever possible and explain what is shared", True),
                ("Record who decided to share without consent, and why", True),
                ("Send the whole file to every partner, in case it helps", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="What is the case coordinator's role?",
            explanation=(
                "The case coordinator is the person's single point of contact: they keep in "
                "touch, coordinate the partners and make sure the plan is reviewed. Risk "
                "decisions and investigations belong to other processes."
            ),
            choices=(
                ("To investigate whether the person has committed an offence", False),
                ("To keep in touch with the person and coordinate the support plan", True),
                ("To decide alone whether the person is dangerous", False),
            ),
        ),
    ),
    links=(("EU Radicalisation Awareness Network (RAN)", RAN_SITE),),
    documents=(
        "Anchor Teams: Multi-Agency Work with Young People in Helsinki",
        "The Aarhus Model: Early Prevention and Exit Support for Young People",
    ),
)

II_LESSON_2 = DemoLesson(
    title="Risk, protective factors and safeguarding-led assessment",
    body="""\
There is **no single profile** of a person who becomes involved in violent extremism.
Assessment looks at the circumstances of one person, not at the group they belong to.

## Never profile by identity

Religion, ethnicity, nationality or appearance are **not** risk indicators. Treating them as
such is discriminatory, unlawful in many countries and harmful: it alienates whole
communities and sends practitioners looking in the wrong place. Holding strong political or
religious views is not in itself a concern either. The concern is **support for violence**,
or involvement in it.

## Factors that can increase vulnerability

Practitioners often think in terms of factors that push and pull:

- personal crisis, loss or trauma;
- a search for identity, belonging, meaning or adventure;
- a sense of injustice or humiliation, personal or shared with a group;
- isolation, conflict at home, exclusion from school or work;
- contact with people or online spaces that promote violence;
- a growing fascination with weapons or past attacks.

None of these predicts violence on its own. Many people live with several of them and never
turn to violence.

## Protective factors

Assessment should look just as carefully at what protects the person:

- trusted relationships with family, friends or a mentor;
- a place in education, training or work;
- a sense of belonging to the local community;
- the ability to handle conflict and different opinions;
- support for their mental and physical health.

Support plans build on protective factors, not only on reducing risk.

## A safeguarding-led approach

Start from the question: **what does this person need to be safe and to keep others safe?**
Consider mental health, learning difficulties or neurodivergence, and exploitation by others,
without assuming that they explain everything. Specialist tools for structured professional
judgement exist; they are used by trained assessors, not as checklists by frontline staff.
Record the reasons for every decision and review them as the situation changes.
""",
    questions=(
        DemoQuestion(
            text="Which of these is a legitimate focus of a risk assessment?",
            explanation=(
                "Assessment looks at a person's circumstances and behaviour, such as "
                "expressed support for violence. Religion, ethnicity and nationality are "
                "never risk indicators, and strong views alone are not a concern."
            ),
            choices=(
                ("The person's religion", False),
                ("The person's expressed support for using violence", True),
                ("The person's nationality or origin", False),
                ("The person's strong but non-violent political opinions", False),
            ),
        ),
        DemoQuestion(
            text="Which of these are protective factors? Tick all that apply.",
            explanation=(
                "Trusted relationships, a place in education or work and a sense of "
                "belonging protect people. Isolation from family is a factor that can "
                "increase vulnerability."
            ),
            choices=(
                ("A trusted relationship with a mentor or relative", True),
                ("A place in education, training or work", True),
                ("A sense of belonging to the local community", True),
                ("Isolation from family and friends", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="A young person shows several vulnerability factors. What does that tell you?",
            explanation=(
                "Factors are not predictors: many people live with several of them and never "
                "turn to violence. They indicate needs to look at carefully, together with "
                "protective factors, not a conclusion."
            ),
            choices=(
                ("That they will become violent", False),
                ("That there are needs to look at, together with what protects them", True),
                ("Nothing: factors are irrelevant", False),
            ),
        ),
    ),
    documents=(
        "Assessing Risk among Young People in Malé: A Framework for Practitioners",
        "A Public Health Approach to Preventing Targeted Violence in Denver",
    ),
)

II_LESSON_3 = DemoLesson(
    title="Families, mentors and the way out",
    body="""\
People leave violent groups for many reasons: disappointment, exhaustion, a new
relationship, a child, a job. Good support makes that step easier and helps it last.

## Disengagement and deradicalisation

- **Disengagement** is a change of behaviour: the person stops taking part in violence or in
  a violent group.
- **Deradicalisation** is a change of beliefs: the person moves away from the ideas that
  justified violence.

Disengagement is often the realistic first goal. Changes in beliefs can follow over time,
or may not; a person who has left violence behind is already a success.

## Working with families

Families are often the first to notice a change, and the most affected by it. They may
feel shame, fear or anger, and fear that asking for help will get their relative arrested.

- Offer a **confidential first contact**, for example through a helpline or a trusted
  community organisation.
- Treat parents and siblings as **partners**, not suspects. Help them keep the relationship
  alive, even through disagreement.
- Offer **support of their own**: counselling, peer groups of parents in the same situation.

## Mentors

A mentor is a trusted adult who meets the person regularly, listens, challenges and helps
with practical problems. Mentors need to be **selected, trained and supervised**, with clear
limits and a person to turn to when they are worried. Some programmes involve former members
of extremist groups or people with theological knowledge; this requires careful vetting and
support, and is never a substitute for professional services.

## Practical needs

Leaving a group often means losing friends, income and a sense of purpose. A plan should
cover what replaces them: housing, education or training, work, health care, a new social
circle, and sometimes protection from the former group.

## Returning to the community

Reintegration needs the community as well. Work with neighbours, employers, schools and
religious and community leaders to reduce stigma, while taking the concerns of victims and
residents seriously.
""",
    questions=(
        DemoQuestion(
            text="What is disengagement?",
            explanation=(
                "Disengagement is a change of behaviour: leaving violence or a violent "
                "group. Deradicalisation is a change of beliefs, which may come later or not "
                "at all."
            ),
            choices=(
                ("Leaving violence or a violent group behind", True),
                ("Giving up all the beliefs the person held", False),
                ("Being excluded from school", False),
            ),
        ),
        DemoQuestion(
            text="How should a programme work with mentors? Tick all that apply.",
            explanation=(
                "Mentors need selection, training and supervision, with clear limits and "
                "someone to turn to. They complement professional services; they do not "
                "replace them."
            ),
            choices=(
                ("Select and train them carefully", True),
                ("Give them regular supervision and someone to turn to", True),
                ("Let them replace health and social services", False),
            ),
            multiple=True,
        ),
        DemoQuestion(
            text="A mother calls because she is worried about her son. What helps most at first?",
            explanation=(
                "A confidential, supportive first contact keeps the family engaged. Treating "
                "her as a suspect or threatening consequences makes families stop asking "
                "for help."
            ),
            choices=(
                ("Tell her the police will be informed of everything she says", False),
                ("Listen in confidence, explain the options and offer her support", True),
                ("Advise her to cut contact with her son", False),
            ),
        ),
    ),
    links=(("Strong Cities Network", SCN_SITE),),
    documents=(
        "Supporting Families Affected by Radicalisation: A Guide from Minneapolis",
        "Bringing Families Home: Reintegration of Returnees in Peja",
    ),
)

INTERVENTIONS_EN = DemoModule(
    slug=INTERVENTIONS,
    title="Individual interventions",
    summary=(
        "Supporting one person at risk of involvement in violent extremism: multi-agency "
        "case management and referral, safeguarding-led assessment without profiling, and "
        "working with families and mentors towards disengagement."
    ),
    language="en",
    level=ModuleLevel.INTERMEDIATE,
    estimated_minutes=50,
    themes=(
        "Interventions and referral",
        "Risk assessment",
        "Deradicalisation, disengagement, rehabilitation and reintegration",
        "Mentoring",
    ),
    working_group="youth-and-families",
    lessons=(II_LESSON_1, II_LESSON_2, II_LESSON_3),
)
