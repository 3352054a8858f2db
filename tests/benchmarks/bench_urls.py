"""The site's URLs plus a trivial view: the fastest answer Django can give through the same middleware and
server, the ceiling the real pages are measured against."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from cms.urls import handler400, handler403, handler404, handler500  # noqa: F401 - Django reads them from here
from cms.urls import urlpatterns as site_urlpatterns


def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]
