"""The demo logins: one per editorial role, and a superuser."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

COMMUNICATORS = "Kommunikatörer"
COACHES = "Idécoacher"


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    email: str
    role: str
    group: str | None = None
    superuser: bool = False


USERS = [
    DemoUser(
        "kommunikator",
        "Idesluss-kommunikator-2026",
        "Sara",
        "Lindqvist",
        "sara.lindqvist@example.org",
        "Kommunikatör: registret, alla sidor och nyhetsbrevet",
        group=COMMUNICATORS,
    ),
    DemoUser(
        "idecoach",
        "Idesluss-coach-2026",
        "Johan",
        "Berglund",
        "johan.berglund@example.org",
        "Idécoach: goda exempel och inspiration",
        group=COACHES,
    ),
    DemoUser(
        "idecoach2",
        "Idesluss-coach-2026",
        "Maria",
        "Sjöberg",
        "maria.sjoberg@example.org",
        "Idécoach: goda exempel och inspiration",
        group=COACHES,
    ),
    DemoUser(
        "admin",
        "Idesluss-admin-2026",
        "Anders",
        "Nyström",
        "anders.nystrom@example.org",
        "Administratör (superanvändare)",
        superuser=True,
    ),
]


def ensure_users(report) -> dict:
    """The demo users by username; existing users are left exactly as they are."""
    User = get_user_model()
    users = {}
    for spec in USERS:
        user = User.objects.filter(username=spec.username).first()
        created = user is None
        if created:
            user = User(
                username=spec.username,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=spec.email,
                is_staff=spec.superuser,
                is_superuser=spec.superuser,
            )
            user.set_password(spec.password)
            user.save()
            if spec.group:
                user.groups.add(Group.objects.get(name=spec.group))
        users[spec.username] = user
        report.add("Användare", created)
    return users


def login_lines() -> list[str]:
    name = max(len(u.username) for u in USERS)
    password = max(len(u.password) for u in USERS)
    return [f"  {u.username:<{name}}  {u.password:<{password}}  {u.role}" for u in USERS]
