"""The demo site's words, in Danish and English: home page, about page, news index and footer.

Content, not interface: these strings are what an editor would type into the admin, so they are not gettext
strings. Each English text is written as English, not machine-translated from the Danish.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageText:
    title: str
    slug: str
    intro: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, paragraphs) pairs for the body
    tags: tuple[str, ...] = ()


HOME = {
    "da": {
        "hero_title": "Danish Data Science Community",
        "hero_text": "Et fællesskab for alle, der arbejder med data i Danmark – fra studerende til ledere.",
        "hero_cta_label": "Læs om os",
        "intro": (
            "DDSC samler dataforskere, dataingeniører, analytikere og forskere på tværs af brancher. Vi holder "
            "meetups, workshops og konferencer, deler erfaringer og hjælper hinanden med at skabe værdi med data."
        ),
        "heading": "Det laver vi",
        "paragraph": (
            "Hver måned mødes vi i København, Aarhus, Odense eller Aalborg til faglige oplæg og en snak over en "
            "sandwich. Vi driver en mentorordning for nyuddannede, laver en årlig lønundersøgelse for faget og "
            "arrangerer <b>Data Science Day</b>, hvor over 300 praktikere deler, hvad der virker – og hvad der "
            "ikke gør."
        ),
        "quote": "Det bedste ved DDSC er, at man kan stille et dumt spørgsmål og få fem gode svar.",
        "quote_by": "Medlem siden 2019",
        "cta_title": "Bliv en del af fællesskabet",
        "cta_text": "Medlemskab er gratis. Du får invitationer til vores arrangementer og adgang til vores Slack.",
        "cta_button": "Læs mere",
    },
    "en": {
        "hero_title": "Danish Data Science Community",
        "hero_text": "A community for everyone who works with data in Denmark – from students to leaders.",
        "hero_cta_label": "About us",
        "intro": (
            "DDSC brings together data scientists, data engineers, analysts and researchers across industries. We "
            "run meetups, workshops and conferences, share what we learn and help each other create value with data."
        ),
        "heading": "What we do",
        "paragraph": (
            "Every month we meet in Copenhagen, Aarhus, Odense or Aalborg for talks and a chat over a sandwich. "
            "We run a mentoring programme for graduates, publish a yearly salary survey for the profession and "
            "organise <b>Data Science Day</b>, where more than 300 practitioners share what works – and what doesn't."
        ),
        "quote": "The best thing about DDSC is that you can ask a silly question and get five good answers.",
        "quote_by": "Member since 2019",
        "cta_title": "Join the community",
        "cta_text": "Membership is free. You get invitations to our events and access to our Slack.",
        "cta_button": "Read more",
    },
}

ABOUT = {
    "da": PageText(
        title="Om os",
        slug="om-os",
        intro="Danish Data Science Community er en forening drevet af frivillige, der samler folk, der arbejder "
        "med data i Danmark.",
        sections=(
            (
                "Vores formål",
                (
                    "Vi vil gøre det lettere at lære af hinanden. Derfor skaber vi mødesteder, hvor erfarne og nye i "
                    "faget kan dele viden om metoder, værktøjer og de praktiske udfordringer, der følger med, når "
                    "modeller skal i drift.",
                    "Foreningen er uafhængig af virksomheder og leverandører. Vores arrangementer er åbne for alle "
                    "medlemmer, og materiale fra oplæg deles bagefter, når oplægsholderen giver lov.",
                ),
            ),
            (
                "Bestyrelse og frivillige",
                (
                    "Foreningen ledes af en bestyrelse, der vælges på den årlige generalforsamling. Det daglige "
                    "arbejde klares af frivillige, som planlægger meetups, tager imod gæster ved døren og holder styr "
                    "på vores kanaler.",
                    "Vil du give en hånd med, så skriv til os – der er altid brug for en ekstra hjælper til næste "
                    "arrangement.",
                ),
            ),
        ),
    ),
    "en": PageText(
        title="About us",
        slug="about-us",
        intro="The Danish Data Science Community is a volunteer-run association for people who work with data in "
        "Denmark.",
        sections=(
            (
                "Our purpose",
                (
                    "We want to make it easier to learn from each other. So we create places where experienced "
                    "people and newcomers can share what they know about methods, tools and the practical problems "
                    "that come with putting models into production.",
                    "The association is independent of companies and vendors. Our events are open to all members, "
                    "and material from talks is shared afterwards when the speaker agrees.",
                ),
            ),
            (
                "Board and volunteers",
                (
                    "The association is led by a board elected at the annual general meeting. The day-to-day work is "
                    "done by volunteers who plan meetups, welcome guests at the door and look after our channels.",
                    "If you would like to help, write to us – an extra pair of hands is always welcome at the next "
                    "event.",
                ),
            ),
        ),
    ),
}

NEWS_INDEX = {
    "da": {
        "title": "Nyheder",
        "slug": "nyheder",
        "intro": "Nyt fra fællesskabet: arrangementer, projekter og beslutninger.",
    },
    "en": {"title": "News", "slug": "news", "intro": "News from the community: events, projects and decisions."},
}

FOOTER = {
    "da": {
        "title": "Sidefod",
        "body": "<p>Danish Data Science Community er en forening drevet af frivillige for alle, der arbejder med data "
        'i Danmark. Skriv til os på <a href="mailto:kontakt@ddsc.example">kontakt@ddsc.example</a>.</p>',
    },
    "en": {
        "title": "Footer",
        "body": "<p>The Danish Data Science Community is a volunteer-run association for everyone who works with "
        'data in Denmark. Write to us at <a href="mailto:kontakt@ddsc.example">kontakt@ddsc.example</a>.</p>',
    },
}
