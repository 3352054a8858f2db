"""A URLconf with one view that fails, for the error-reporting tests (the site's own handlers answer it)."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def crash(request):
    raise RuntimeError(f"could not handle the order of {request.POST.get('email')}")


def ok(request):
    return HttpResponse("ok")


urlpatterns = [path("crash/", crash), path("ok/", ok)]

handler500 = "home.views.server_error"
