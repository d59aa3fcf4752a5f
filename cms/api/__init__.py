"""Everything the CMS's HTTP API is, under ``/api/v2/`` (the URLs are in ``urls``).

One module per resource: ``pages``, ``media`` (images and documents), ``cases``,
``taxonomies``, ``stats``, ``manifest``; beside them the query parameters and errors every
endpoint shares (``params``), what the Wagtail endpoints share (``wagtail_endpoints``,
``filters``), the reference resolver that expands ids into what the site shows
(``resolver``) and the rendition sizes (``renditions``). A case record's shape is in
``case_serializers`` and ``case_rows``.

Content apps import only ``cms.api.fields``: the serializer fields their ``api_fields``
name. Nothing here is imported by this package's ``__init__``, so importing those fields
does not load the endpoints (and the content models they read).
"""
