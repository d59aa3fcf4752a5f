"""The Innovation Hub Sundsvall CMS: a headless Wagtail project."""
