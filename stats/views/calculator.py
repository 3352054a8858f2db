"""The salary calculator page. The visitor's answers come by POST (never in a URL that logs keep), are used for
one estimate from the stored model and are not stored; the answer page is not cached anywhere."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from stats.forms.calculator import CalculatorForm
from stats.services.calculator import CalculatorError, current_model, estimate, input_choices


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def calculator(request):
    model = current_model()
    if model is None:
        return render(request, "stats/calculator.html", {"model": None})
    form = CalculatorForm(request.POST if request.method == "POST" else None, inputs=input_choices(model))
    result, status = None, 200
    if form.is_bound:
        if form.is_valid():
            try:
                result = estimate(model, form.cleaned_data)
            except CalculatorError as error:
                form.add_error(None, error.message)
                status = 422
        else:
            status = 400
    return render(request, "stats/calculator.html", {"model": model, "form": form, "result": result}, status=status)
