"""StreamField blocks of Stent's informational pages, with their JSON form for the headless API."""
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

#: the renditions a front-end receives for an image in a page body
FIGURE_RENDITIONS = {"medium": "max-800x600", "large": "max-1600x1200"}


def rendition_json(image, spec):
    """A rendition as the API shows it: URL, size and alternative text."""
    rendition = image.get_rendition(spec)
    return {"url": rendition.full_url, "width": rendition.width, "height": rendition.height,
            "alt": rendition.alt}


class FigureBlock(blocks.StructBlock):
    """An image with a caption; the API returns its renditions with their URLs."""

    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")

    def get_api_representation(self, value, context=None):
        image = value["image"]
        if image is None:  # the image was deleted after the page was written
            return {"image": None, "caption": value["caption"]}
        return {
            "image": {"id": image.pk, "title": image.title,
                      "renditions": {name: rendition_json(image, spec)
                                     for name, spec in FIGURE_RENDITIONS.items()}},
            "caption": value["caption"],
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation, e.g. a member's testimony, with who said it."""

    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")


class FaqItemBlock(blocks.StructBlock):
    """One frequently asked question and its answer."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("FAQ item")


class InformationStreamBlock(blocks.StreamBlock):
    """The body of condition pages and articles."""

    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", icon="title",
                               max_length=200)
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["h3", "h4", "bold", "italic", "link", "ol", "ul"])
    figure = FigureBlock()
    quote = QuoteBlock()
    faq = FaqItemBlock()
