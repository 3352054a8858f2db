"""The public members page: active members who chose to be listed, searchable by name or job title."""

from django.core.paginator import Paginator
from django.db.models import Q, Value
from django.db.models.functions import Concat
from django.shortcuts import render

from community.models import Member

PER_PAGE = 24


def directory(request):
    # Not cached: a member who opts out must vanish from the next request on.
    members = Member.objects.in_directory().select_related("user").order_by("user__first_name", "user__last_name")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        members = members.annotate(full_name=Concat("user__first_name", Value(" "), "user__last_name")).filter(
            Q(full_name__icontains=query) | Q(job_title__icontains=query)
        )
    page = Paginator(members, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/directory/index.html", {"page_obj": page, "query": query})
