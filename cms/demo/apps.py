from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and generated test and benchmark data, with their commands
    (``load_demo``, ``generate_bench_content``). No models. Installed everywhere so that
    ``load_demo`` itself can refuse where the demo logins must not exist (production)."""

    name = "cms.demo"
    label = "demo"
    verbose_name = "Demoinnehåll"
