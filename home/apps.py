from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from PIL import Image

        # Pillow refuses (warns up to twice this, then raises) to decode a picture claiming more pixels than this,
        # wherever it is opened: a small file can claim a huge canvas (a decompression bomb).
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
