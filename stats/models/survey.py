"""The salary survey: a year of answers, the questions asked (worded per year), their answer options, and one
anonymous response per respondent with its monthly salary and answers."""

from django.db import connection, models, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _in_language(english: str, danish: str) -> str:
    return danish if (get_language() or "").startswith("da") and danish else english


class SurveyYear(models.Model):
    """One year's survey. Its responses are replaced whole by each import of the year (never edited row by row),
    so `imported_at` says which data the cached tables and the fitted calculator belong to."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    imported_at = models.DateTimeField(_("imported at"))
    response_count = models.PositiveIntegerField(_("responses"), default=0)
    salary_text_en = models.TextField(_("salary question in English"), blank=True)
    salary_text_da = models.TextField(_("salary question in Danish"), blank=True)

    class Meta:
        verbose_name = _("survey year")
        verbose_name_plural = _("survey years")
        ordering = ["-year"]
        permissions = [("import_survey", _("Can import salary survey answers"))]

    def __str__(self) -> str:
        return str(self.year)

    @property
    def salary_text(self) -> str:
        return _in_language(self.salary_text_en, self.salary_text_da)

    def delete(self, *args, **kwargs):
        # Hundreds of thousands of rows: one DELETE per table instead of Django's collector loading them all.
        delete_answers_of(self)
        result = super().delete(*args, **kwargs)
        # The calculator serves the newest year: if that was this one, the year before needs its model.
        newest = SurveyYear.objects.filter(response_count__gt=0).order_by("-year").first()
        if newest and not hasattr(newest, "salary_model"):
            from home.publish import publish
            from stats.tasks import fit_salary_model

            transaction.on_commit(lambda: publish(fit_salary_model, newest.pk))
        return result


def delete_answers_of(year: SurveyYear) -> None:
    """Every response and answer of `year`, in two statements (the caller holds the transaction)."""
    with connection.cursor() as cursor:
        for model in (Answer, Response):
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE year_id = %s", [year.pk])  # noqa: S608 # nosec B608 - names from models


class Question(models.Model):
    """A question, the same across years (`key`), so years can be compared; each year's wording is a
    YearQuestion. A new year adds, drops or rewords questions by data, never by a migration."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        NUMBER = "number", _("Number")

    key = models.SlugField(_("key"), max_length=60, unique=True, help_text=_("Stable name used across years."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    ordinal = models.BooleanField(
        _("ordered answers"), default=False, help_text=_("Show the answers in their order, not by median.")
    )
    closed = models.BooleanField(
        _("only the listed answers"),
        default=False,
        help_text=_("Rows with another answer are rejected; otherwise new answers are added as they come."),
    )
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_en = models.TextField(_("wording in English"))
    text_da = models.TextField(_("wording in Danish"), blank=True)
    short_en = models.CharField(_("short name in English"), max_length=80)
    short_da = models.CharField(_("short name in Danish"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["position", "key"]

    def __str__(self) -> str:
        return self.short_name

    @property
    def text(self) -> str:
        return _in_language(self.text_en, self.text_da)

    @property
    def short_name(self) -> str:
        return _in_language(self.short_en, self.short_da)

    @property
    def is_choice(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class YearQuestion(models.Model):
    """A question as it was asked in one year: `text_en` is the column header of that year's export."""

    year = models.ForeignKey(SurveyYear, on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="years")
    text_en = models.TextField(_("wording in English (the column header)"))
    text_da = models.TextField(_("wording in Danish"), blank=True)

    class Meta:
        verbose_name = _("question asked in a year")
        verbose_name_plural = _("questions asked in a year")
        constraints = [models.UniqueConstraint(fields=["year", "question"], name="stats_one_wording_per_year")]

    def __str__(self) -> str:
        return f"{self.year}: {self.question.key}"

    @property
    def text(self) -> str:
        return _in_language(self.text_en, self.text_da)


class Choice(models.Model):
    """An answer option of a choice question, shared by every year that offered it (so years compare).
    `value` is the English text as the export writes it; `number` gives ordered answers ("3-4 years") the value
    the calculator uses."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    value = models.CharField(_("answer in English (as exported)"), max_length=200)
    label_da = models.CharField(_("answer in Danish"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    number = models.FloatField(_("numeric value"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["question", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["question", "value"], name="stats_choice_unique_value")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _in_language(self.value, self.label_da)


class Response(models.Model):
    """One respondent: the year and the monthly salary before tax in whole kroner. Deliberately nothing else:
    no timestamp, e-mail or row number of the export, which could tie the answers back to a person."""

    year = models.ForeignKey(SurveyYear, on_delete=models.CASCADE, related_name="responses")
    salary = models.PositiveIntegerField(_("monthly salary (DKK)"))

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self) -> str:
        return f"{self.year_id}/{self.pk}"


class Answer(models.Model):
    """One answer of one response: a choice (one row per ticked option of a multiple choice) or a number.
    The year and salary are copied from the response, so a table's percentiles read one table, not a join;
    answers are only ever written by an import, which writes both at once."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    # A big year has millions of answers, written by the importer alone: besides the response (joins) they carry
    # one index, by year, question, choice and salary, which serves the tables and replacing a year. The question,
    # choice and year the importer takes from rows it holds in the same transaction, so the database does not
    # check those references again one by one at commit (that was 40 % of a 200,000-respondent import on
    # PostgreSQL); Django still protects questions and options with answers, and a year deletes its answers itself.
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    choice = models.ForeignKey(
        Choice, on_delete=models.PROTECT, null=True, related_name="+", db_index=False, db_constraint=False
    )
    number = models.FloatField(null=True)
    year = models.ForeignKey(
        SurveyYear, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    salary = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        # With the salary last, a table's percentiles read the index alone, already in salary order per group.
        indexes = [models.Index(fields=["year", "question", "choice", "salary"], name="stats_answer_table_idx")]

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"
