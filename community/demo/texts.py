"""The demo board and member articles, in Danish and English.

Content, not interface: what an editor would type into the admin, so not gettext strings. The people are
invented; their names match no demo account except the member who writes an article from her account.
"""

from dataclasses import dataclass

from home.demo.texts import PageText


@dataclass(frozen=True)
class BoardPerson:
    key: str
    name: str
    role: str
    job_title: dict[str, str]
    bio: dict[str, str]
    email: str = ""
    linkedin: str = ""
    github: str = ""
    website: str = ""


@dataclass(frozen=True)
class Article:
    key: str
    days_ago: int
    label: str  # drawn on the picture
    author: str  # a BoardPerson key, "account:<email>" or a guest's name
    da: PageText
    en: PageText


BOARD_INDEX = {
    "da": {
        "title": "Bestyrelsen",
        "slug": "bestyrelsen",
        "intro": "Bestyrelsen vælges på generalforsamlingen og arbejder frivilligt for fællesskabet.",
    },
    "en": {
        "title": "The board",
        "slug": "board",
        "intro": "The board is elected at the annual general meeting and works for the community as volunteers.",
    },
}

ARTICLE_INDEX = {
    "da": {
        "title": "Artikler",
        "slug": "artikler",
        "intro": "Medlemmer skriver om det, de arbejder med: metoder, værktøjer og erfaringer fra praksis.",
    },
    "en": {
        "title": "Articles",
        "slug": "articles",
        "intro": "Members write about their work: methods, tools and lessons from practice.",
    },
}

BOARD = [
    BoardPerson(
        "karen-holm",
        "Karen Holm",
        "chair",
        {"da": "Chef for data science i en pensionskasse", "en": "Head of data science at a pension fund"},
        {
            "da": "Karen har arbejdet med risikomodeller i finanssektoren i femten år og leder i dag et team på "
            "tolv. Hun vil gøre DDSC til stedet, hvor nye i faget finder en mentor.",
            "en": "Karen has built risk models in finance for fifteen years and now leads a team of twelve. She "
            "wants DDSC to be the place where newcomers to the field find a mentor.",
        },
        email="formand@ddsc.example",
        linkedin="https://www.linkedin.com/in/karen-holm-demo",
    ),
    BoardPerson(
        "rasmus-friis",
        "Rasmus Friis",
        "vice_chair",
        {"da": "Dataingeniør i en logistikvirksomhed", "en": "Data engineer at a logistics company"},
        {
            "da": "Rasmus bygger datapipelines, der holder styr på 40.000 pakker i døgnet. I bestyrelsen står han "
            "for meetups i Aarhus.",
            "en": "Rasmus builds the data pipelines that keep track of 40,000 parcels a day. On the board he runs "
            "the Aarhus meetups.",
        },
        github="https://github.com/rasmus-friis-demo",
    ),
    BoardPerson(
        "amira-haddad",
        "Amira Haddad",
        "board_member",
        {"da": "Ph.d.-studerende i maskinlæring, DTU", "en": "PhD student in machine learning, DTU"},
        {
            "da": "Amira forsker i usikkerhed i dybe netværk og underviser på kandidatuddannelsen. Hun "
            "koordinerer samarbejdet med universiteterne.",
            "en": "Amira researches uncertainty in deep networks and teaches on the master's programme. She "
            "coordinates the work with the universities.",
        },
        github="https://github.com/amira-haddad-demo",
        website="https://amira.example.com",
    ),
    BoardPerson(
        "lars-oestergaard",
        "Lars Østergaard",
        "board_member",
        {"da": "Analysechef i en region", "en": "Head of analytics in a Danish region"},
        {
            "da": "Lars bruger data til at planlægge sygehusenes kapacitet. Han holder øje med, at fællesskabet "
            "også taler om etik og datasikkerhed.",
            "en": "Lars uses data to plan hospital capacity. He makes sure the community also talks about ethics "
            "and data protection.",
        },
        linkedin="https://www.linkedin.com/in/lars-oestergaard-demo",
    ),
    BoardPerson(
        "signe-bak",
        "Signe Bak",
        "board_member",
        {"da": "Selvstændig datakonsulent og kasserer", "en": "Freelance data consultant and treasurer"},
        {
            "da": "Signe hjælper små virksomheder i gang med deres første dashboards og passer på foreningens "
            "økonomi.",
            "en": "Signe helps small companies get started with their first dashboards and looks after the "
            "association's finances.",
        },
        email="kasserer@ddsc.example",
    ),
    BoardPerson(
        "emil-thorsen",
        "Emil Thorsen",
        "substitute",
        {"da": "Kandidatstuderende i data science, ITU", "en": "MSc student in data science, ITU"},
        {
            "da": "Emil læser data science og er suppleant. Han taler de studerendes sag og hjælper med hackathons.",
            "en": "Emil studies data science and is the board's substitute. He speaks for the students and helps "
            "run the hackathons.",
        },
        github="https://github.com/emil-thorsen-demo",
    ),
]


def _text(tags, title, slug, intro, heading, *paragraphs) -> PageText:
    return PageText(title=title, slug=slug, intro=intro, sections=((heading, paragraphs),), tags=tags)


ARTICLES = [
    Article(
        "mentorordning",
        3,
        "Mentorer",
        "karen-holm",
        _text(
            ("fællesskab", "karriere"),
            "Derfor starter vi en mentorordning",
            "derfor-starter-vi-en-mentorordning",
            "Mange nye i faget mangler nogen at spørge. Nu parrer vi erfarne medlemmer med nye.",
            "Sådan fungerer det",
            "En mentor og en mentee mødes en gang om måneden i et halvt år. Vi matcher efter branche og ønsker.",
            "Tilmeldingen åbner efter sommerferien; erfarne medlemmer kan allerede nu melde sig som mentorer.",
        ),
        _text(
            ("community", "career"),
            "Why we are starting a mentoring scheme",
            "why-we-are-starting-a-mentoring-scheme",
            "Many newcomers to the field have nobody to ask. Now we pair experienced members with new ones.",
            "How it works",
            "A mentor and a mentee meet once a month for six months. We match people by industry and wishes.",
            "Sign-up opens after the summer holidays; experienced members can volunteer as mentors already.",
        ),
    ),
    Article(
        "usikkerhed",
        10,
        "Usikkerhed",
        "amira-haddad",
        _text(
            ("maskinlæring", "forskning"),
            "Hvor sikker er din model egentlig?",
            "hvor-sikker-er-din-model",
            "En model, der siger 95 procent, tager ofte fejl oftere end det. Kalibrering er nemmere, end man tror.",
            "Kalibrering i praksis",
            "Tegn et reliability-diagram for dit valideringssæt: er forudsigelserne over diagonalen, er modellen "
            "for selvsikker.",
            "Temperature scaling retter det meste med én parameter og ændrer ikke, hvilken klasse modellen vælger.",
        ),
        _text(
            ("machine-learning", "research"),
            "How sure is your model, really?",
            "how-sure-is-your-model",
            "A model that says 95 per cent is often wrong more often than that. Calibration is easier than it looks.",
            "Calibration in practice",
            "Draw a reliability diagram for your validation set: if the predictions sit above the diagonal, the "
            "model is overconfident.",
            "Temperature scaling fixes most of it with a single parameter and never changes the predicted class.",
        ),
    ),
    Article(
        "foerste-job",
        18,
        "Første job",
        "account:member@ddsc.example",
        _text(
            ("karriere",),
            "Mit første år som dataanalytiker",
            "mit-foerste-aar-som-dataanalytiker",
            "Jeg troede, jobbet handlede om modeller. Det handlede mest om at stille de rigtige spørgsmål.",
            "Det, jeg ville ønske, jeg havde vidst",
            "Halvdelen af mine opgaver startede med en uklar mail. At spørge tilbage sparede mig for uger.",
            "SQL og en god graf har skabt mere værdi end nogen model, jeg har trænet indtil videre.",
        ),
        _text(
            ("career",),
            "My first year as a data analyst",
            "my-first-year-as-a-data-analyst",
            "I thought the job was about models. It was mostly about asking the right questions.",
            "What I wish I had known",
            "Half of my tasks began with a vague e-mail. Asking back saved me weeks.",
            "SQL and a good chart have created more value than any model I have trained so far.",
        ),
    ),
    Article(
        "dbt-pipelines",
        26,
        "Pipelines",
        "rasmus-friis",
        _text(
            ("dataengineering", "python"),
            "Test dine datapipelines som din kode",
            "test-dine-datapipelines",
            "Vi fangede 30 fejl på et kvartal ved at teste data, før de nåede dashboardet.",
            "Tre slags test",
            "Skematest fanger ændrede kolonner, værditest fanger umulige tal, og volumentest fanger tomme leverancer.",
            "Testene kører i samme CI som koden, så en fejl stopper udrulningen i stedet for at nå ledelsen.",
        ),
        _text(
            ("data-engineering", "python"),
            "Test your data pipelines like your code",
            "test-your-data-pipelines",
            "We caught 30 errors in a quarter by testing data before it reached the dashboard.",
            "Three kinds of test",
            "Schema tests catch changed columns, value tests catch impossible numbers and volume tests catch empty "
            "deliveries.",
            "The tests run in the same CI as the code, so a fault stops the release instead of reaching management.",
        ),
    ),
    Article(
        "sundhedsdata",
        40,
        "Sundhedsdata",
        "Peter Lund",
        _text(
            ("etik", "sundhed"),
            "Syntetiske data i sundhedsvæsenet",
            "syntetiske-data-i-sundhedsvaesenet",
            "Syntetiske patientdata kan åbne for mere forskning, men kun hvis vi måler, hvad de lækker.",
            "Nytte mod risiko",
            "Vi sammenlignede tre generatorer på både statistisk troværdighed og risikoen for at genkende patienter.",
            "Den bedste balance kom fra den enkleste model, og ingen af dem var sikre uden en privatlivsevaluering.",
        ),
        _text(
            ("ethics", "health"),
            "Synthetic data in healthcare",
            "synthetic-data-in-healthcare",
            "Synthetic patient data can open up more research, but only if we measure what it leaks.",
            "Utility against risk",
            "We compared three generators on statistical fidelity and on the risk of recognising patients.",
            "The best balance came from the simplest model, and none was safe without a privacy evaluation.",
        ),
    ),
]
