"""Reads of participation. Other apps (governance, reports) use ``survey_results_summary``,
``survey_list``, ``need_list`` and ``complaint_statistics``: all figures about people in them
are suppressed (core/privacy.py)."""

from .overview import (
    ComplaintStatistics,
    board_list,
    complaint_statistics,
    complaints_of_own_institutions,
    dashboard_figures,
    need_groups,
    need_list,
    procedure_templates,
    procedures_of_own_institutions,
    survey_list,
    survey_list_public,
)
from .results import (
    CrossTable,
    Filters,
    SurveyResults,
    aggregate_rows,
    filter_choices,
    raw_rows,
    survey_crosstab,
    survey_questions,
    survey_results,
    survey_results_summary,
)

__all__ = [
    "ComplaintStatistics",
    "CrossTable",
    "Filters",
    "SurveyResults",
    "aggregate_rows",
    "board_list",
    "complaint_statistics",
    "complaints_of_own_institutions",
    "dashboard_figures",
    "filter_choices",
    "need_groups",
    "need_list",
    "procedure_templates",
    "procedures_of_own_institutions",
    "raw_rows",
    "survey_crosstab",
    "survey_list",
    "survey_list_public",
    "survey_questions",
    "survey_results",
    "survey_results_summary",
]
