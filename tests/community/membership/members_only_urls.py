"""A tiny members-only view for the decorator tests, with the site's own URLs around it."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns
from community.permissions import members_only


@members_only
def secret(request):
    return HttpResponse("members only content")


urlpatterns = [path("members-only-test/", secret, name="members_only_test"), *site_urlpatterns]
