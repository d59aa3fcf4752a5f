"""The fixed site tree: the home page and one index page per section.

Wagtail's welcome page is replaced by our HomePage, and the section indexes exist from the
first migrate so that the editorial roles (next migration) can be granted on them.
"""

from django.db import migrations
from django.utils import timezone

SECTIONS = [
    ("cases", "casestoryindexpage", "Goda exempel", "goda-exempel",
     {"intro": "Berättelser från idécoacherna om case som prövats i Idéslussen."}),
    ("articles", "inspirationindexpage", "Inspiration", "inspiration",
     {"intro": "Metoder, myter och exempel om innovation i offentlig sektor."}),
    ("programme", "programmeindexpage", "Innovationsprogrammet", "innovationsprogrammet",
     {"intro": "Ett år med åtta tillfällen om tjänstedesign, kultur och förnyelse.",
      "body": "[]"}),
    ("newsletter", "newsletterindexpage", "Aktuellt i Idéslussen", "nyhetsbrev",
     {"intro": "Nyhetsbrevet från Idéslussen, en gång i månaden."}),
]


def create_tree(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("core", "HomePage")

    if HomePage.objects.exists():
        return
    locale = Locale.objects.order_by("pk").first()
    now = timezone.now()
    common = {"live": True, "has_unpublished_changes": False, "first_published_at": now,
              "last_published_at": now, "locale": locale}

    # Wagtail's own welcome page goes; the site will point at our home page.
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    root = Page.objects.get(depth=1)

    ct, _ = ContentType.objects.get_or_create(app_label="core", model="homepage")
    home = HomePage.objects.create(
        title="Innovation Hub Sundsvall",
        draft_title="Innovation Hub Sundsvall",
        slug="home",
        content_type=ct,
        path=f"{root.path}0001",
        depth=2,
        numchild=len(SECTIONS),
        url_path="/home/",
        intro="Idéslussen är en fri och trygg plats där medarbetare i Sundsvalls kommun "
        "prövar idéer tillsammans med idécoacher.",
        body="[]",
        **common,
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk,
                        is_default_site=True, site_name="Innovation Hub Sundsvall")

    for i, (app_label, model, title, slug, extra) in enumerate(SECTIONS, start=1):
        Model = apps.get_model(app_label, model)
        ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=ct,
            path=f"{home.path}{i:04d}",
            depth=3,
            numchild=0,
            url_path=f"/home/{slug}/",
            **extra,
            **common,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("core", "0002_seed_sdgs"),
        ("cases", "0002_initial"),
        ("articles", "0003_initial"),
        ("programme", "0001_initial"),
        ("newsletter", "0001_initial"),
    ]
    operations = [migrations.RunPython(create_tree, migrations.RunPython.noop)]
