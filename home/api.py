"""The read-only public API (Wagtail API v2 at /api/v2/): events, news and member articles in every language
with their translations, images and documents. Anonymous, rate-limited per client address, and only live pages
that anyone may see (never a draft, a private page or a document in a restricted collection)."""

from django.apps import apps
from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework.fields import Field
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction, Page

from community.services import ratelimit

# The page types other sites may read, as "app_label.Model" (home imports no other app's models).
PUBLIC_PAGE_TYPES = ("events.EventPage", "home.NewsPage", "community.ArticlePage")
RATE_LIMIT_ACTION = "api"


class RateLimited:
    """Refuses a client past its allowance (community.services.ratelimit, action "api") with a 429 in JSON."""

    def dispatch(self, request, *args, **kwargs):
        if not ratelimit.attempt(RATE_LIMIT_ACTION, ip=ratelimit.client_ip(request)):
            response = JsonResponse({"message": _("Too many requests; wait a minute and try again.")}, status=429)
            response["Retry-After"] = "60"
            return response
        return super().dispatch(request, *args, **kwargs)


class TranslationsField(Field):
    """The page's other live, public language versions: id, language and address. One query per response: the
    versions of every page being serialised are read together the first time."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(source="*", **kwargs)

    def _versions(self, page) -> dict:
        cache = self.context.setdefault("translations_by_key", {})
        if page.translation_key not in cache:
            listing = getattr(getattr(self.parent, "parent", None), "instance", None)
            pages = list(listing) if listing is not None and not isinstance(listing, Page) else [page]
            keys = {item.translation_key for item in pages} | {page.translation_key}
            for key in keys:
                cache.setdefault(key, [])
            versions = Page.objects.live().public().filter(translation_key__in=keys).select_related("locale")
            for version in versions:
                if version not in cache[version.translation_key]:
                    cache[version.translation_key].append(version)
        return cache[page.translation_key]

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {"id": version.pk, "locale": version.locale.language_code, "html_url": version.get_full_url(request)}
            for version in self._versions(page)
            if version.pk != page.pk
        ]


class PublicPageSerializer(PageSerializer):
    translations = TranslationsField()


class PublicPagesAPIViewSet(RateLimited, PagesAPIViewSet):
    base_serializer_class = PublicPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "locale", "translations"]

    def get_base_queryset(self):
        models = [apps.get_model(label) for label in PUBLIC_PAGE_TYPES]
        # public() as well: Wagtail would let a logged-in visitor's session see pages restricted to them.
        return super().get_base_queryset().public().type(*models)

    def get_queryset(self):
        # What each listed page's fields read, loaded with the page: its language and (events, stories) picture.
        queryset = super().get_queryset().select_related("locale")
        if any(field.name == "image" for field in queryset.model._meta.get_fields()):
            queryset = queryset.select_related("image")
        return queryset


class PublicImagesAPIViewSet(RateLimited, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(RateLimited, DocumentsAPIViewSet):
    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        documents = super().get_queryset()
        for path in restricted:
            documents = documents.exclude(collection__path__startswith=path)
        return documents


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
