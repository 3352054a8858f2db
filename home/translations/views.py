"""Admin views of the translation status: the overview with filters and counts, what changed in one source,
and one-click sync (of one source or of every out-of-date one)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail_localize.models import TranslationSource

from home.translations import status as translation_status

PERMISSION = "wagtail_localize.submit_translation"


def _check(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _choice(request, name: str, allowed) -> str:
    value = request.GET.get(name, "")[:200]
    return value if value in allowed else ""


def overview(request):
    _check(request)
    everything = translation_status.translation_status(request.user)
    state = _choice(request, "state", translation_status.STATES)
    type_key = _choice(request, "type", dict(everything.types))
    section = _choice(request, "section", dict(everything.sections))
    filtered = (
        translation_status.translation_status(request.user, state=state, type_key=type_key, section=section)
        if state or type_key or section
        else everything
    )
    return TemplateResponse(
        request,
        "home/admin/translation_status.html",
        {
            "status": filtered,
            "states": list(translation_status.STATES.items()),
            "types": everything.types,
            "sections": everything.sections,
            "selected": {"state": state, "type": type_key, "section": section},
            "total": len(filtered.rows),
        },
    )


def changes(request, source_id: int):
    _check(request)
    source = get_object_or_404(TranslationSource, pk=source_id)
    return TemplateResponse(
        request,
        "home/admin/translation_changes.html",
        {"source": source, "changes": translation_status.changed_segments(source)},
    )


@require_POST
def sync(request, source_id: int):
    _check(request)
    source = get_object_or_404(TranslationSource, pk=source_id)
    saved = translation_status.sync_translations(source, request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d translation brought up to date as a draft; translate the new texts and submit it for review.",
            "%(count)d translations brought up to date as drafts; translate the new texts and submit them for review.",
            saved,
        )
        % {"count": saved},
    )
    return redirect("translation_status")


@require_POST
def sync_all(request):
    _check(request)
    sources = translation_status.outdated_sources(request.user)
    for source in sources:
        translation_status.sync_translations(source, request.user)
    messages.success(request, _("Every out-of-date source synced: %(count)d.") % {"count": len(sources)})
    return redirect("translation_status")
