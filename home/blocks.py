"""The StreamField blocks every page body is made of; one shared StreamBlock keeps the editor's choices the same."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote", "code"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(label=_("Level"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2")

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        label = _("Heading")
        preview_value = {"text": "Data science in Denmark", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe the image for people who cannot see it; leave empty to use the image title."),
    )

    class Meta:
        icon = "image"
        template = "home/blocks/image_block.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"
        label = _("Quote")
        preview_value = {"text": "In God we trust; all others must bring data.", "attribution": "W. Edwards Deming"}


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action_block.html"
        label = _("Call to action")
        preview_value = {"title": "Become a member", "text": "Join the community.", "button_label": "Join"}


# Blocks that feature apps add to every body (the polls app's poll block, ...), by name, in registration order.
_feature_blocks: dict[str, blocks.Block] = {}
# Every BodyBlock made so far (one per page model's body): the page models make theirs when they are imported,
# before any app's ready() registers a feature block, so a registration must reach the bodies that exist too.
_bodies: list["BodyBlock"] = []


def register_body_block(name: str, block: blocks.Block) -> None:
    """Offer `block` as `name` in the body of every page (after the shared blocks), without home importing the app
    that owns it. Call it from the app's AppConfig.ready(). Like any change to the body's blocks it changes the
    StreamFields' definitions, so `makemigrations` records it in each app with a body."""
    block.set_name(name)
    _feature_blocks[name] = block
    for body in _bodies:
        body.child_blocks[name] = block


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="home/blocks/paragraph_block.html",
        preview_value="<p>The Danish Data Science Community brings practitioners together.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(label=_("Embedded media"), icon="media", template="home/blocks/embed_block.html")

    class Meta:
        label = _("Body")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.child_blocks.update(_feature_blocks)
        _bodies.append(self)
