from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from django.urls import register_converter

        from home.converters import RowIdConverter

        # Before any URLconf is loaded: every app's URLs take row ids with it (an id past 64 bits is a 404).
        register_converter(RowIdConverter, "row_id")

        from PIL import Image

        # Pillow refuses (warns up to twice this, then raises) to decode a picture claiming more pixels than this,
        # wherever it is opened: a small file can claim a huge canvas (a decompression bomb).
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS

        from home import page_cache

        page_cache.connect_signals()
