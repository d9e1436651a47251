"""Quality self-assessment (/manage/<alliance>/qualitaet/…)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from familiennetz.core.charts import Series, line_chart
from familiennetz.workspace.access import check_perm, redirect_manage

from .. import selectors, services
from ..forms import AssessmentOpenForm, CriterionForm, NewActionFormSet, RatingsForm
from ..models import Body, QualityAssessment, QualityCriterion, QualityRating, QualityResult
from ..services.meetings import NewAction
from ..services.quality import active_criteria
from .common import add_errors, governance_view, not_found, row_or_404


def _chart(alliance):
    scores = selectors.quality_dimension_scores(alliance=alliance)
    if not scores:
        return None
    years = sorted(scores)
    names = [d.name for d in selectors.quality_dimensions(alliance=alliance)]
    series = [Series(name, [scores[year].get(name) for year in years]) for name in names]
    return line_chart(
        title=_("Self-assessment by dimension (mean rating 1–4)"),
        categories=[str(year) for year in years],
        series=series,
    )


@governance_view
def quality_overview(request):
    alliance, user = request.alliance, request.user
    assessments = QualityAssessment.objects.filter(alliance=alliance).order_by("-year")
    open_form = AssessmentOpenForm(initial={"year": timezone.localdate().year})
    mine = dict(
        QualityRating.objects.filter(alliance=alliance, rater=user)
        .values("assessment_id")
        .annotate(n=Count("pk"))
        .values_list("assessment_id", "n")
    )
    return render(
        request,
        "governance/workspace/quality_overview.html",
        {
            "assessments": assessments,
            "chart": _chart(alliance),
            "open_form": open_form,
            "mine": mine,
            "dimensions": selectors.quality_dimensions(alliance=alliance),
        },
    )


@governance_view
@require_POST
def assessment_open(request):
    check_perm(request, "governance.manage_governance")
    form = AssessmentOpenForm(request.POST)
    if form.is_valid():
        assessment = services.assessment_open(
            alliance=request.alliance, year=form.cleaned_data["year"]
        )
        messages.success(
            request, _("The self-assessment %(year)s is open.") % {"year": assessment.year}
        )
    else:
        messages.error(request, _("Enter a year."))
    return redirect_manage("governance:manage-quality", request.alliance)


@governance_view
def criteria_update(request):
    alliance = request.alliance
    check_perm(request, "governance.manage_governance")
    if not selectors.quality_dimensions(alliance=alliance).exists():
        services.quality_install_defaults(alliance=alliance)
    criterion = None
    if request.GET.get("kriterium", "").isdigit():
        criterion = row_or_404(request, QualityCriterion, int(request.GET["kriterium"]))
    form = CriterionForm(request.POST or None, instance=criterion, alliance=alliance)
    if request.method == "POST" and form.is_valid():
        row = form.save(commit=False)
        row.alliance = alliance
        row.save()
        messages.success(request, _("The criterion was saved."))
        return redirect_manage("governance:manage-quality-criteria", alliance)
    return render(
        request,
        "governance/workspace/quality_criteria.html",
        {
            "form": form,
            "criterion": criterion,
            "dimensions": selectors.quality_dimensions(alliance=alliance),
        },
    )


def _assessment(request, year: int) -> QualityAssessment:
    assessment = QualityAssessment.objects.filter(alliance=request.alliance, year=year).first()
    if assessment is None:
        raise not_found()
    return assessment


@governance_view
def assessment_rate(request, year: int):
    """The member's own ratings (nobody else sees them by name)."""
    alliance, user = request.alliance, request.user
    check_perm(request, "governance.rate_quality")
    assessment = _assessment(request, year)
    criteria = list(active_criteria(alliance))
    existing = {
        r.criterion_id: (r.score, r.comment)
        for r in QualityRating.objects.filter(assessment=assessment, rater=user)
    }
    is_open = assessment.status == QualityAssessment.Status.OPEN
    form = RatingsForm(request.POST or None, criteria=criteria, existing=existing)
    if request.method == "POST":
        if not is_open:
            raise PermissionDenied(_("This self-assessment is consolidated; ratings are closed."))
        if form.is_valid():
            try:
                count = services.ratings_save(
                    assessment=assessment, rater=user, scores=form.scores()
                )
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(
                    request, _("Your %(count)d rating(s) were saved.") % {"count": count}
                )
                return redirect_manage("governance:manage-quality", alliance)
    return render(
        request,
        "governance/workspace/quality_rate.html",
        {"assessment": assessment, "form": form, "is_open": is_open},
    )


@governance_view
def assessment_consolidate(request, year: int):
    alliance, user = request.alliance, request.user
    check_perm(request, "governance.manage_governance")
    assessment = _assessment(request, year)
    criteria = list(active_criteria(alliance))
    existing = {
        r.criterion_id: (r.score, r.note)
        for r in QualityResult.objects.filter(assessment=assessment)
    }
    overview = selectors.rating_overview(assessment)
    for criterion in criteria:
        if criterion.pk not in existing and criterion.pk in overview:
            existing[criterion.pk] = (round(overview[criterion.pk]["mean"]), "")
    post = request.POST if request.method == "POST" else None
    form = RatingsForm(post, criteria=criteria, existing=existing, required=True)
    actions = NewActionFormSet(post, prefix="actions", form_kwargs={"alliance": alliance})
    if post is not None and form.is_valid() and actions.is_valid():
        new_actions = [
            NewAction(title=f["title"], owner=f.get("owner"), due_on=f.get("due_on"))
            for f in actions.cleaned_data
            if f.get("title")
        ]
        steering = Body.objects.filter(alliance=alliance, kind=Body.Kind.STEERING).first()
        try:
            services.assessment_consolidate(
                assessment=assessment,
                results=dict(form.scores()),
                actor=user,
                summary=post.get("summary", "")[:5000],
                actions=new_actions,
                body=steering,
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The self-assessment was consolidated."))
            return redirect_manage("governance:manage-quality", alliance)
    rows = [(c, s, n, overview.get(c.pk)) for c, s, n in form.rows()]
    return render(
        request,
        "governance/workspace/quality_consolidate.html",
        {
            "assessment": assessment,
            "form": form,
            "rows": rows,
            "actions": actions,
            "raters": QualityRating.objects.filter(assessment=assessment)
            .values("rater")
            .distinct()
            .count(),
        },
    )
