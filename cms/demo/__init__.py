"""Demo content for Innovation Hub Sundsvall, built in code by ``manage.py load_demo``.

Every builder looks its objects up by a natural key (username, organisation name, topic
name, case id, page slug under its parent, image title) and creates only what is missing,
so a second run changes nothing. Text is written for the project in plain Swedish; the
facts follow the article the project started from (see the shared DOMAIN notes).

Modules, in the order ``runner.run`` uses them:

- ``users``: the editorial logins
- ``organisations``: organisations and topics
- ``images``: abstract pictures drawn with Pillow
- ``cases``: the 128 case records, planned by ``case_plan`` from the hand-written
  ``featured_cases`` and generated ones combined from ``case_parts``, ``areas_*`` and
  ``case_texts``
- ``fixed_pages``, ``programme``, ``articles``, ``stories``, ``newsletter``, ``home``: the
  pages (the articles' and stories' texts in ``article_bodies`` and ``story_bodies``), with
  helpers for rich text and blocks in ``base``

Beside the demo, ``generate`` writes case records in bulk for the tests and the
benchmarks (``generate_bench_content``, ``scripts/bench_api.py``).
"""
