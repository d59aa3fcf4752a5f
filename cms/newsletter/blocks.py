"""Newsletter sections: a heading, text, and links to cases and pages."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.api.fields import ExpandReferences
from cms.core.blocks import RICH_TEXT_FEATURES, OptionalImageBlock


class NewsletterSectionBlock(ExpandReferences, blocks.StructBlock):
    heading = blocks.CharBlock(label="Rubrik", max_length=160)
    text = blocks.RichTextBlock(label="Text", features=RICH_TEXT_FEATURES)
    image = OptionalImageBlock()
    cases = blocks.ListBlock(
        SnippetChooserBlock("cases.CaseRecord"), label="Case som nämns", default=[]
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(
            page_type=[
                "cases.CaseStoryPage",
                "articles.InspirationArticlePage",
                "programme.ProgrammePage",
                "core.StandardPage",
            ]
        ),
        label="Sidor som nämns",
        default=[],
    )

    class Meta:
        icon = "doc-full"
        label = "Avsnitt"


class NewsletterBodyBlock(ExpandReferences, blocks.StreamBlock):
    section = NewsletterSectionBlock()
