"""24 monthly issues of "Aktuellt i Idéslussen", November 2018 to October 2020.

Each issue comes out on the third Tuesday of its month. Its "Nuläget" is the register's
status on the issue date (computed by the issue, ``NewsletterIssuePage.status``, never
typed), and the sections link the public cases and the pages
that are new since the previous issue. The last issue, 20 October 2020, is the day the
article was last updated: it reports its figures, 128 cases, 8 in implementation, 88 closed.
"""

import datetime as dt

from cms.cases.choices import Outcome, Phase
from cms.cases.models import CaseRecord
from cms.newsletter.models import NewsletterIssuePage
from swedish import swedish_date, swedish_month

from . import base as b

FIRST_MONTH = (2018, 11)
ISSUES = 24
STEP_OUTCOMES = {"infort", "overlamnat", "hittat_hem"}

MONTH_LINES = {
    1: "Ett nytt år har börjat, och idéerna fortsätter att komma in.",
    2: "Vintern är här, och i Idéslussen är det full fart.",
    3: "Våren närmar sig, och flera case går in i en ny fas.",
    4: "I april händer mycket i casen, och vi delar gärna med oss.",
    5: "Snart är det sommar. Här är vad som har hänt den senaste månaden.",
    6: "Innan semestern vill vi tacka alla idébärare för en fin vår.",
    7: "Sommar i Idéslussen: lugnare tempo, men idéerna tar inte semester.",
    8: "Välkommen tillbaka efter sommaren!",
    9: "Hösten är i gång, och det märks i registret.",
    10: "Oktober bjuder på nyheter från flera verksamheter.",
    11: "Mörkret faller, men idéerna lyser.",
    12: "Året går mot sitt slut. Tack för alla idéer!",
}


def third_tuesday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 15)
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


def issue_dates() -> list[dt.date]:
    year, month = FIRST_MONTH
    dates = []
    for _ in range(ISSUES):
        dates.append(third_tuesday(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates


def ensure_newsletters(index, ctx, report) -> list[NewsletterIssuePage]:
    """``ctx`` as for the stories, plus ``stories`` (by case key)."""
    user = ctx["users"]["kommunikator"]
    b.publish_once(index, user, report, "Sektionssidor")
    dates = issue_dates()
    slugs = [f"{day.year}-{day.month:02d}" for day in dates]
    records = []
    if set(slugs) - {p.slug for p in index.get_children().only("slug")}:
        records = list(
            CaseRecord.objects.filter(publication_level="publik")
            .prefetch_related("phase_history")
            .order_by("received_date", "case_id")
        )
    issues = []
    for number, (day, slug) in enumerate(zip(dates, slugs, strict=True), start=1):
        previous = dates[number - 2] if number > 1 else third_tuesday(2018, 10)

        def factory(number=number, day=day, previous=previous):
            return _issue(number, day, previous, records, ctx)

        issues.append(
            b.ensure_child_page(index, slug, factory, user, report, "Nyhetsbrev", published=day)
        )
    return issues


def _dated_pages(ctx):
    """Stories, articles and programme years with the date they were published."""
    out = [(p.first_published_at.date(), p) for p in ctx["stories"].values()]
    out += [(p.published_date, p) for p in ctx["articles"].values()]
    out += [(p.first_published_at.date(), p) for p in ctx["programme"].values()]
    return sorted(out, key=lambda item: (item[0], item[1].pk))


def _issue(number, day, previous, records, ctx):
    images = ctx["images"]

    def img(k):
        image = images[(number * 3 + k) % len(images)]
        return b.image_value(image)

    received = [r for r in records if previous < r.received_date <= day]
    all_received = CaseRecord.objects.filter(
        received_date__gt=previous, received_date__lte=day
    ).count()
    steps = [
        (r, h.phase)
        for r in records
        for h in r.phase_history.all()
        if previous < h.date <= day
        and (h.phase == "implementeras" or (h.phase == "avslutad" and r.outcome in STEP_OUTCOMES))
    ]
    sections = [_new_cases(all_received, received[:4], img(0))]
    if steps:
        sections.append(_steps(steps[:4], img(1)))
    new_pages = [p for published, p in _dated_pages(ctx) if previous < published <= day]
    if day == b.DEMO_DAY:
        sections.append(_portal_opens(ctx, img(2)))
        new_pages.remove(ctx["stories"]["demens"])
    if new_pages:
        sections.append(_read_more(new_pages, img(3)))
    sessions = [
        (page, s)
        for page in ctx["programme"].values()
        for s in page.sessions.all()
        if (s.date.year, s.date.month) == (day.year, day.month)
    ]
    if sessions:
        sections.append(_programme(sessions, img(4)))
    if len(sections) < 3:
        sections.append(_how_it_works(ctx, img(5)))

    month = swedish_month(day)
    return NewsletterIssuePage(
        title=f"Aktuellt i Idéslussen – {month}",
        issue_date=day,
        issue_number=number,
        intro=f"{MONTH_LINES[day.month]} Här är nyheterna från Idéslussen i {month}.",
        listing_summary=(
            f"Nyheterna från Idéslussen i {month}, med Nuläget ur case-registret "
            f"{swedish_date(day)}."
        ),
        body=b.stream(f"newsletter-{number}", sections),
    )


def _section(heading, html, image, cases=(), pages=()):
    return {
        "type": "section",
        "value": {
            "heading": heading,
            "text": html,
            "image": image,
            "cases": [c.pk for c in cases],
            "pages": [p.pk for p in pages],
        },
    }


def _new_cases(count, shown, image):
    if count == 0:
        text = b.paras(
            "Inga nya idéer kom in sedan förra numret, men arbetet med de pågående casen "
            "fortsätter."
        )
    else:
        # How many is in the issue's Nuläget, counted from the register; the text names
        # some of the new ideas and states no count of its own.
        text = b.paras("Sedan förra numret har nya idéer kommit in till Idéslussen.")
        if shown:
            text += b.paras("Några av dem:") + b.bullets([b.esc(r.title) for r in shown])
    return _section("Nya idéer i slussen", text, image, cases=shown)


def _steps(steps, image):
    items = [
        f"{b.esc(r.title)}: "
        + (Outcome(r.outcome).label if phase == "avslutad" else Phase(phase).label).lower()
        for r, phase in steps
    ]
    text = b.paras("De här casen har tagit ett stort steg sedan förra numret:") + b.bullets(items)
    return _section("Case som har tagit nästa steg", text, image, cases=[r for r, _ in steps])


def _read_more(pages, image):
    text = b.paras("Nytt på webbplatsen sedan förra numret:") + b.bullets(
        [b.title_link(p) for p in pages]
    )
    return _section("Läs på webben", text, image, pages=pages)


def _programme(sessions, image):
    items = [
        f"{swedish_date(s.date)}: {b.esc(s.title)} ({b.link(page, page.title)})"
        for page, s in sessions
    ]
    text = b.paras("Deltagarna i Innovationsprogrammet ses den här månaden:") + b.bullets(items)
    return _section(
        "Innovationsprogrammet", text, image, pages=list(dict.fromkeys(p for p, _ in sessions))
    )


def _portal_opens(ctx, image):
    about = ctx["pages"]["om"]
    story = ctx["stories"]["demens"]
    text = b.paras(
        "Nu öppnar vi caseportalen Innovation Hub Sundsvall. Där kan alla följa casen i "
        "Idéslussen, se vilken fas de är i och läsa goda exempel. "
        f"{b.link(about, 'Läs mer om caseportalen')}.",
        f"Först ut bland de nya exemplen: {b.title_link(story)}.",
    )
    return _section("Caseportalen är öppen", text, image, pages=[about, story])


def _how_it_works(ctx, image):
    page = ctx["pages"]["sa-arbetar"]
    text = b.paras(
        "Alla som arbetar i en förvaltning eller ett kommunalt bolag kan vända sig till "
        "Idéslussen. Du behöver ingen färdig lösning, bara en fråga du vill utforska. "
        f"{b.link(page, 'Så arbetar Idéslussen')}."
    )
    return _section("Har du en idé?", text, image, pages=[page])
