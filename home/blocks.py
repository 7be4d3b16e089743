"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
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


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("tussenkop"), form_classname="title", template="components/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("tekst"), features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    image = ImageWithCaptionBlock(label=_("afbeelding"))
    quote = QuoteBlock(label=_("citaat"))
