"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("afbeelding"))
    caption = blocks.CharBlock(label=_("onderschrift"), required=False, max_length=250)
    alt_text = blocks.CharBlock(
        label=_("beschrijving voor wie niet ziet"),
        required=False,
        max_length=250,
        help_text=_("Wat staat er op de foto? Laat leeg als de foto alleen versiert."),
    )

    class Meta:
        icon = "image"
        template = "components/blocks/image_with_caption.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citaat"))
    attribution = blocks.CharBlock(label=_("van wie"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class DocumentBlock(blocks.StructBlock):
    """A document to download (a form, a flyer, a sample letter), with its type and size."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("titel"),
        required=False,
        max_length=200,
        help_text=_("Leeg: de titel van het document."),
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        document = value.get("document")
        size = None
        if document is not None:
            # Wagtail fills file_size on upload in the admin; a document stored otherwise is
            # measured here, without saving (showing a page writes nothing).
            size = document.file_size
            if size is None:
                try:
                    size = document.file.size
                except (OSError, ValueError):
                    size = None
        context["file_size"] = size
        return context


class VideoLinkBlock(blocks.StructBlock):
    """A link to a video elsewhere, shown as a card: nothing of the video site is loaded when
    the page is shown (no embed, no third-party scripts or cookies), and on paper the address
    is printed."""

    url = blocks.URLBlock(label=_("adres van de video"), help_text=_("Begint met https://"))
    title = blocks.CharBlock(label=_("titel"), max_length=200)
    description = blocks.TextBlock(label=_("waar gaat het over"), required=False, max_length=500)

    class Meta:
        icon = "media"
        template = "components/blocks/video_link.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("tussenkop"), form_classname="title", template="components/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("tekst"), features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    image = ImageWithCaptionBlock(label=_("afbeelding"))
    quote = QuoteBlock(label=_("citaat"))
    document = DocumentBlock(label=_("document"))
    video_link = VideoLinkBlock(label=_("link naar een video"))
