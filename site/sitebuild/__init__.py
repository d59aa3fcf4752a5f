"""The build step: pulls published content from the CMS over HTTP and renders the static site.

This package never imports Django models; it talks to the CMS over its HTTP API only.
"""
