"""Public pages of participation (no account, no cookies): answering a survey, published
results, a topic board for parents' evenings.

The answer and proposal forms are CSRF-exempt on purpose (docs/adr/0800): they act for nobody
(anonymous, tied to no account or session), so a forged submission could do nothing that a
direct one cannot — and without the CSRF cookie respondents get no cookie at all. What a CSRF
token would also stop, somebody else's page making its visitors' browsers submit answers, is
stopped by refusing cross-site requests (``Origin`` / ``Sec-Fetch-Site``); floods from one
address by the rate limit (a keyed hash of the address in the cache, for its window only);
bots by a honeypot field; repeated answers, where it matters, by single-use codes.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from familiennetz.core.ratelimit import RateLimit

from .. import services
from ..forms import TopicProposalForm, TopicSupportForm
from ..languages import direction, endonym, html_lang, in_language, interface_language
from ..models import Survey, Topic, TopicBoard
from ..selectors import survey_list_public, survey_questions, survey_results
from ..services import SubmitError
from ..survey_form import SurveyForm


def is_cross_site(request) -> bool:
    """A POST sent by a page of another site (browsers say so in these headers)."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return False  # no browser, or a very old one: the rate limit still applies
    own = f"{request.scheme}://{request.get_host()}"
    return origin != own and origin not in settings.CSRF_TRUSTED_ORIGINS


def _refused(request, language: str):
    with in_language(language):
        return render(request, "participation/public/refused.html", status=403)


def _survey_limit(request, survey: Survey) -> RateLimit:
    return RateLimit(
        scope="survey",
        key=f"{request.alliance.pk}:{survey.pk}",
        limit=settings.SURVEY_RATE_LIMIT,
        window=settings.SURVEY_RATE_WINDOW,
    )


SUBMIT_STATUS = {
    SubmitError.CLOSED: 410,
    SubmitError.CODE_MISSING: 200,  # input to correct, like any form error
    SubmitError.CODE_INVALID: 200,
    SubmitError.CODE_USED: 409,
}


def _submit_message(reason: str) -> str:
    """In the respondent's language (called inside ``in_language``)."""
    return {
        SubmitError.CLOSED: _("This survey is closed: it takes no more answers."),
        SubmitError.CODE_MISSING: _("Please enter the code from your sheet."),
        SubmitError.CODE_INVALID: _("This code does not belong to this survey. Please check it."),
        SubmitError.CODE_USED: _("This code was already used: every code works once."),
    }[reason]


def _survey_context(survey: Survey, language: str, form: SurveyForm, code: str, **extra) -> dict:
    ui_language = interface_language(language, get_language())
    return {
        "survey": survey,
        "form": form,
        "questions": form.question_views(),
        "language": language,
        "lang": html_lang(language),
        "dir": direction(language),
        "ui_lang": ui_language,
        "ui_dir": direction(ui_language),
        "ui_differs": html_lang(language) != ui_language,
        "title": survey.text("title", language),
        "intro": survey.text("intro", language),
        "code": code,
        "languages": [(c, endonym(c), html_lang(c), direction(c)) for c in survey.languages],
        **extra,
    }


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def survey_answer(request, slug: str):
    survey = get_object_or_404(
        Survey.objects.for_alliance(request.alliance).exclude(state=Survey.State.DRAFT),
        slug=slug,
    )
    post = request.POST if request.method == "POST" else None
    switch = post.get("sprachwechsel") if post else None
    language = survey.language_or_default(
        switch or (post.get("sprache") if post else None) or request.GET.get("sprache")
    )
    code = ((post.get("code") if post else None) or request.GET.get("code") or "").strip()
    with in_language(language):
        questions = survey_questions(survey)
        if not survey.accepts_answers():
            return render(
                request,
                "participation/public/survey_closed.html",
                _survey_context(
                    survey,
                    language,
                    SurveyForm(survey=survey, questions=[], language=language),
                    code,
                ),
                status=410 if post else 200,
            )
        if post is not None and is_cross_site(request):
            return _refused(request, language)
        form = SurveyForm(
            post, survey=survey, questions=questions, language=language, quiet=bool(switch)
        )
        status, problem = 200, None
        if survey.needs_code and code and post is None:
            reason = services.code_check(survey=survey, code=code)
            if reason:
                status, problem = SUBMIT_STATUS[reason], _submit_message(reason)
        if post is not None and not switch:
            if _survey_limit(request, survey).hit(request):
                status = 429
                problem = _(
                    "Many answers came from your connection in a short time. Your answers are "
                    "still here: please send them again in an hour."
                )
            elif form.is_valid():
                if form.data.get("homepage", "").strip():  # a bot: thanked, nothing stored
                    return redirect(_thanks_url(request, survey, language))
                try:
                    services.response_submit(
                        survey=survey, answers=form.answers(), language=language, code=code
                    )
                except SubmitError as exc:
                    status, problem = SUBMIT_STATUS[exc.reason], _submit_message(exc.reason)
                else:
                    return redirect(_thanks_url(request, survey, language))
        context = _survey_context(survey, language, form, code, problem=problem)
        return render(request, "participation/public/survey_answer.html", context, status=status)


def _thanks_url(request, survey: Survey, language: str) -> str:
    url = reverse(
        "participation:survey-thanks",
        kwargs={"alliance_slug": request.alliance.slug, "slug": survey.slug},
    )
    return f"{url}?sprache={language}"


@never_cache
def survey_thanks(request, slug: str):
    survey = get_object_or_404(
        Survey.objects.for_alliance(request.alliance).exclude(state=Survey.State.DRAFT),
        slug=slug,
    )
    language = survey.language_or_default(request.GET.get("sprache"))
    with in_language(language):
        form = SurveyForm(survey=survey, questions=[], language=language)
        return render(
            request,
            "participation/public/survey_thanks.html",
            _survey_context(survey, language, form, "", thanks=survey.text("thanks", language)),
        )


@never_cache
def survey_list(request):
    return render(
        request,
        "participation/public/survey_list.html",
        survey_list_public(alliance=request.alliance),
    )


@never_cache
def survey_results_public(request, slug: str):
    """Published results: figures with small counts suppressed, charts with tables; no free
    texts."""
    survey = get_object_or_404(
        Survey.objects.for_alliance(request.alliance).filter(results_published_at__isnull=False),
        slug=slug,
    )
    language = survey.language_or_default(request.GET.get("sprache"))
    figures = survey_results(survey=survey, language=language, with_texts=None)
    return render(
        request,
        "participation/public/survey_results.html",
        {
            "survey": survey,
            "results": figures,
            "language": language,
            "lang": html_lang(language),
            "dir": direction(language),
            "title": survey.text("title", language),
            "languages": [(c, endonym(c), html_lang(c)) for c in survey.languages],
        },
    )


# --- topic boards ------------------------------------------------------------------------------


def _topic_limit(request, board: TopicBoard) -> RateLimit:
    return RateLimit(
        scope="topics",
        key=f"{request.alliance.pk}:{board.pk}",
        limit=settings.TOPIC_RATE_LIMIT,
        window=settings.TOPIC_RATE_WINDOW,
    )


def _support_once(topic: Topic) -> RateLimit:
    """One "me too" per client and topic a day (a keyed hash in the cache, nothing stored)."""
    return RateLimit(scope="topic-support", key=str(topic.pk), limit=1, window=86400)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def board(request, slug: str):
    board = get_object_or_404(
        TopicBoard.objects.for_alliance(request.alliance).select_related("organisation"), slug=slug
    )
    language = get_language() or settings.LANGUAGE_CODE
    proposal = TopicProposalForm(request.POST if request.POST.get("action") == "propose" else None)
    support = TopicSupportForm(request.POST if request.POST.get("action") == "support" else None)
    status, problem = 200, None
    if request.method == "POST":
        if is_cross_site(request):
            return _refused(request, language)
        if _topic_limit(request, board).hit(request):
            status = 429
            problem = _(
                "Many proposals came from your connection in a short time. Please try again later."
            )
        elif proposal.is_bound and proposal.is_valid():
            if not proposal.is_spam and board.is_open:
                services.topic_propose(
                    board=board,
                    title=proposal.cleaned_data["title"],
                    description=proposal.cleaned_data.get("description", ""),
                    email=proposal.cleaned_data.get("email", ""),
                    language=language,
                )
            return redirect(f"{board.get_absolute_url()}?danke=vorschlag#danke")
        elif support.is_bound and support.is_valid():
            topic = board.topics.filter(
                pk=support.cleaned_data["topic"], state=Topic.State.VISIBLE
            ).first()
            if topic is None:
                raise Http404(_("This topic is not on the board."))
            once = _support_once(topic)
            if not support.is_spam and not once.is_limited(request):
                once.hit(request)
                services.topic_support(
                    topic=topic, email=support.cleaned_data.get("email", ""), language=language
                )
            return redirect(f"{board.get_absolute_url()}?danke=unterstuetzt#danke")
    topics = list(
        board.topics.filter(state__in=[Topic.State.VISIBLE, Topic.State.SCHEDULED])
        .select_related("event", "event__alliance")
        .order_by("state", "-supporters", "pk")
    )
    return render(
        request,
        "participation/public/board.html",
        {
            "board": board,
            "proposal": proposal,
            "support": support,
            "visible": [t for t in topics if t.state == Topic.State.VISIBLE],
            "scheduled": [t for t in topics if t.state == Topic.State.SCHEDULED],
            "thanks": request.GET.get("danke"),
            "problem": problem,
        },
        status=status,
    )
