"""The demo news items, in Danish and English: real-looking community happenings, one picture each."""

from dataclasses import dataclass

from home.demo.texts import PageText


@dataclass(frozen=True)
class NewsItem:
    key: str
    days_ago: int
    label: str  # drawn on the picture
    da: PageText
    en: PageText


NEWS = [
    NewsItem(
        key="llm-meetup",
        days_ago=4,
        label="LLM i drift",
        da=PageText(
            tags=("meetup", "llm", "mlops"),
            title="Meetup: Store sprogmodeller i produktion",
            slug="meetup-sprogmodeller-i-produktion",
            intro="Tre teams fortalte åbent om, hvad der skete, da deres sprogmodeller mødte rigtige brugere. "
            "Over 120 deltog i København.",
            sections=(
                (
                    "Evaluering før alt andet",
                    (
                        "Aftenens første oplæg handlede om evaluering. Holdet bag en kundeserviceassistent viste, "
                        "hvordan de byggede et testsæt på 800 rigtige spørgsmål, før de skiftede model, og hvorfor "
                        "de nu kører det, hver gang en prompt ændres.",
                        "De to andre oplæg gik tæt på omkostninger og svartider. Fælles for alle tre var budskabet "
                        "om, at den svære del ikke er modellen, men overvågningen, fejlhåndteringen og samtalen med "
                        "forretningen om, hvad der er godt nok.",
                    ),
                ),
            ),
        ),
        en=PageText(
            tags=("meetup", "llm", "mlops"),
            title="Meetup: Large language models in production",
            slug="meetup-language-models-in-production",
            intro="Three teams talked openly about what happened when their language models met real users. "
            "More than 120 people came along in Copenhagen.",
            sections=(
                (
                    "Evaluation before everything",
                    (
                        "The first talk of the evening was about evaluation. The team behind a customer service "
                        "assistant showed how they built a test set of 800 real questions before switching models, "
                        "and why they now run it every time a prompt changes.",
                        "The other two talks went deep on cost and response times. All three shared one message: "
                        "the hard part is not the model but the monitoring, the error handling and the conversation "
                        "with the business about what is good enough.",
                    ),
                ),
            ),
        ),
    ),
    NewsItem(
        key="general-meeting",
        days_ago=12,
        label="Generalforsamling",
        da=PageText(
            tags=("forening",),
            title="Generalforsamling 2026: Ny bestyrelse og flere lokale afdelinger",
            slug="generalforsamling-2026",
            intro="Godt 60 medlemmer mødtes til årets generalforsamling, valgte tre nye medlemmer til bestyrelsen "
            "og besluttede at styrke arbejdet uden for København.",
            sections=(
                (
                    "Det blev besluttet",
                    (
                        "Bestyrelsens beretning fremhævede et år med flere arrangementer end nogensinde og en "
                        "voksende mentorordning. Regnskabet blev godkendt uden bemærkninger, og kontingentet "
                        "forbliver nul kroner.",
                        "Generalforsamlingen vedtog et forslag om at give de lokale afdelinger i Aarhus, Odense og "
                        "Aalborg deres eget budget til meetups. Den nye bestyrelse konstituerer sig på sit første "
                        "møde i næste uge.",
                    ),
                ),
            ),
        ),
        en=PageText(
            tags=("association",),
            title="Annual general meeting 2026: A new board and more local chapters",
            slug="annual-general-meeting-2026",
            intro="Around 60 members met for this year's general meeting, elected three new board members and "
            "decided to strengthen our work outside Copenhagen.",
            sections=(
                (
                    "What was decided",
                    (
                        "The board's report highlighted a year with more events than ever and a growing mentoring "
                        "programme. The accounts were approved without comment, and the membership fee stays at "
                        "zero.",
                        "The meeting adopted a proposal to give the local chapters in Aarhus, Odense and Aalborg "
                        "their own budget for meetups. The new board will divide its roles at its first meeting "
                        "next week.",
                    ),
                ),
            ),
        ),
    ),
    NewsItem(
        key="data-science-day",
        days_ago=26,
        label="Data Science Day",
        da=PageText(
            tags=("konference",),
            title="Data Science Day samlede over 300 i Aarhus",
            slug="data-science-day-aarhus",
            intro="Årets konference bød på 18 oplæg, fire workshops og en posterudstilling fra studerende på tværs "
            "af landets universiteter.",
            sections=(
                (
                    "Fra forskning til drift",
                    (
                        "Keynoten handlede om, hvordan et dansk hospital bruger prognosemodeller til at planlægge "
                        "sengepladser, og hvad det kræver at få klinikere til at stole på et tal fra en model.",
                        "Om eftermiddagen delte programmet sig i spor om maskinlæring, dataplatforme og ansvarlig "
                        "brug af data. Slides og optagelser fra de fleste oplæg bliver delt med medlemmerne i løbet "
                        "af de næste uger.",
                    ),
                ),
            ),
        ),
        en=PageText(
            tags=("conference",),
            title="Data Science Day brought over 300 people to Aarhus",
            slug="data-science-day-aarhus",
            intro="This year's conference offered 18 talks, four workshops and a poster exhibition by students from "
            "universities across the country.",
            sections=(
                (
                    "From research to production",
                    (
                        "The keynote was about how a Danish hospital uses forecasting models to plan bed capacity, "
                        "and what it takes for clinicians to trust a number that comes from a model.",
                        "In the afternoon the programme split into tracks on machine learning, data platforms and "
                        "responsible use of data. Slides and recordings from most talks will be shared with members "
                        "over the coming weeks.",
                    ),
                ),
            ),
        ),
    ),
    NewsItem(
        key="mentoring",
        days_ago=41,
        label="Mentorordning",
        da=PageText(
            tags=("mentor", "karriere"),
            title="Ny runde i mentorordningen: 40 par er matchet",
            slug="ny-runde-i-mentorordningen",
            intro="Nyuddannede og erfarne dataforskere mødes en gang om måneden i et halvt år. Tilmeldingen til "
            "næste runde åbner i foråret.",
            sections=(
                (
                    "Sådan fungerer det",
                    (
                        "Hver mentee bliver matchet med en mentor fra en anden virksomhed ud fra ønsker om emner og "
                        "branche. Parrene aftaler selv, hvor og hvordan de mødes, og foreningen holder et fælles "
                        "opstartsmøde og en afslutning.",
                        "Emnerne spænder bredt: fra at vælge mellem et job i en startup og i en stor organisation "
                        "til at præsentere en analyse for en direktion.",
                    ),
                ),
            ),
        ),
        en=PageText(
            tags=("mentoring", "career"),
            title="New round of mentoring: 40 pairs matched",
            slug="new-round-of-mentoring",
            intro="Graduates and experienced data scientists meet once a month for six months. Sign-up for the "
            "next round opens in the spring.",
            sections=(
                (
                    "How it works",
                    (
                        "Each mentee is matched with a mentor from another company based on the topics and "
                        "industry they are interested in. The pairs decide where and how they meet, and the "
                        "association hosts a joint kick-off and a closing session.",
                        "Topics range widely: from choosing between a job at a start-up and one at a large "
                        "organisation to presenting an analysis to an executive board.",
                    ),
                ),
            ),
        ),
    ),
    NewsItem(
        key="salary-survey",
        days_ago=55,
        label="Løn 2026",
        da=PageText(
            tags=("lønundersøgelse",),
            title="Lønundersøgelsen 2026 er åben",
            slug="loenundersoegelsen-2026",
            intro="Hvad tjener en dataforsker i Danmark? Hjælp os med at give et ærligt svar – undersøgelsen tager "
            "ti minutter og er anonym.",
            sections=(
                (
                    "Hvorfor vi spørger",
                    (
                        "Lønundersøgelsen er blevet et af de mest brugte opslagsværker i faget. Studerende bruger "
                        "den til at forhandle deres første løn, og ledere bruger den til at holde deres lønniveau "
                        "realistisk.",
                        "Vi spørger om løn, stilling, erfaring, branche og region. Svarene gemmes uden navne, og "
                        "resultaterne offentliggøres kun for grupper med mindst ti besvarelser.",
                    ),
                ),
            ),
        ),
        en=PageText(
            tags=("salary survey",),
            title="The 2026 salary survey is open",
            slug="salary-survey-2026",
            intro="What does a data scientist in Denmark earn? Help us give an honest answer – the survey takes ten "
            "minutes and is anonymous.",
            sections=(
                (
                    "Why we ask",
                    (
                        "The salary survey has become one of the most used references in the profession. Students "
                        "use it to negotiate their first salary, and managers use it to keep their pay levels "
                        "realistic.",
                        "We ask about salary, role, experience, industry and region. Answers are stored without "
                        "names, and results are only published for groups with at least ten responses.",
                    ),
                ),
            ),
        ),
    ),
    NewsItem(
        key="causal-workshop",
        days_ago=73,
        label="Kausal inferens",
        da=PageText(
            tags=("workshop", "statistik"),
            title="Workshop: Kausal inferens for praktikere",
            slug="workshop-kausal-inferens",
            intro="En hel lørdag med difference-in-differences, instrumentvariable og ærlige snakke om, hvornår en "
            "A/B-test ikke kan lade sig gøre.",
            sections=(
                (
                    "Fra korrelation til beslutning",
                    (
                        "Workshoppen blev ledet af to universitetsforskere og en analytiker fra en dansk "
                        "detailkæde. Deltagerne arbejdede med et datasæt om en prisændring og skulle vurdere, hvad "
                        "den faktisk betød for salget.",
                        "Notebooks og data ligger nu i foreningens GitHub, så alle kan regne opgaverne igennem "
                        "derhjemme.",
                    ),
                ),
            ),
        ),
        en=PageText(
            tags=("workshop", "statistics"),
            title="Workshop: Causal inference for practitioners",
            slug="workshop-causal-inference",
            intro="A full Saturday of difference-in-differences, instrumental variables and honest conversations "
            "about when an A/B test just isn't possible.",
            sections=(
                (
                    "From correlation to decision",
                    (
                        "The workshop was led by two university researchers and an analyst from a Danish retail "
                        "chain. Participants worked with a data set about a price change and had to work out what "
                        "it actually did to sales.",
                        "The notebooks and data are now in the association's GitHub, so everyone can work through "
                        "the exercises at home.",
                    ),
                ),
            ),
        ),
    ),
    NewsItem(
        key="climate-hackathon",
        days_ago=96,
        label="Klimadata",
        da=PageText(
            tags=("hackathon", "klima"),
            title="Hackathon: 24 timer med åbne klimadata",
            slug="hackathon-aabne-klimadata",
            intro="Tolv hold byggede prototyper på åbne data fra DMI og Energinet. Vinderne forudsagde lokale "
            "oversvømmelser alene ud fra offentlige data.",
            sections=(
                (
                    "Vinderprojektet",
                    (
                        "Det vindende hold kombinerede nedbørsdata, terrænmodeller og kloakkernes kapacitet i en "
                        "model, der kan markere gader med risiko for oversvømmelse et døgn før et skybrud. Dommerne "
                        "fremhævede, at løsningen var let at forklare for en kommune.",
                        "Andenpladsen gik til et hold, der viste, hvornår på døgnet strømmen er grønnest, så man kan "
                        "flytte sit forbrug.",
                    ),
                ),
            ),
        ),
        en=PageText(
            tags=("hackathon", "climate"),
            title="Hackathon: 24 hours with open climate data",
            slug="hackathon-open-climate-data",
            intro="Twelve teams built prototypes on open data from DMI and Energinet. The winners predicted local "
            "flooding from public data alone.",
            sections=(
                (
                    "The winning project",
                    (
                        "The winning team combined rainfall data, terrain models and sewer capacity in a model that "
                        "can flag streets at risk of flooding a day before a cloudburst. The judges praised how easy "
                        "the solution was to explain to a municipality.",
                        "Second place went to a team that showed when during the day electricity is greenest, so "
                        "people can shift their consumption.",
                    ),
                ),
            ),
        ),
    ),
    NewsItem(
        key="summer-social",
        days_ago=130,
        label="Lyntaler",
        da=PageText(
            tags=("meetup", "socialt"),
            title="Sommerafslutning med lyntaler og grill",
            slug="sommerafslutning-med-lyntaler",
            intro="Fem minutter og ingen slides med mere end tyve ord: ti medlemmer delte deres bedste og værste "
            "erfaringer fra årets projekter.",
            sections=(
                (
                    "Aftenens favoritter",
                    (
                        "Publikum stemte om aftenens bedste lyntale. Vinderen fortalte om en churn-model, der viste "
                        "sig at forudsige, hvornår kunderne flyttede – ikke hvornår de var utilfredse.",
                        "Bagefter tændte frivillige op i grillen, og snakken fortsatte til langt ud på aftenen. Tak "
                        "til alle, der kom, og til vores frivillige, der fik det hele til at glide.",
                    ),
                ),
            ),
        ),
        en=PageText(
            tags=("meetup", "social"),
            title="Summer social with lightning talks and a barbecue",
            slug="summer-social-lightning-talks",
            intro="Five minutes and no slide with more than twenty words: ten members shared their best and worst "
            "lessons from this year's projects.",
            sections=(
                (
                    "The favourites of the evening",
                    (
                        "The audience voted for the best lightning talk of the evening. The winner told the story of "
                        "a churn model that turned out to predict when customers moved house – not when they were "
                        "unhappy.",
                        "Afterwards volunteers fired up the barbecue, and the conversation went on late into the "
                        "evening. Thanks to everyone who came, and to the volunteers who made it all run smoothly.",
                    ),
                ),
            ),
        ),
    ),
]
