"""A URLconf with one view that fails, for the error-reporting tests (the site's own handlers answer it)."""

from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def crash(request):
    raise RuntimeError(f"could not handle the order of {request.POST.get('email')}")


def ok(request):
    return HttpResponse("ok")


def runaway(request):
    # The site's statement timeout, shortened in this transaction so that the test need not wait 20 s for it.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = '200ms'")
        cursor.execute("SELECT pg_sleep(10)")
    return HttpResponse("finished")


urlpatterns = [path("crash/", crash), path("ok/", ok), path("runaway/", runaway)]

handler500 = "home.views.server_error"
