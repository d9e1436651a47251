from .complaints import Category, Complaint, ComplaintProcedure, Feeling
from .needs import NeedReport
from .surveys import (
    MAX_TEXT_ANSWER,
    Answer,
    Option,
    Question,
    Response,
    Survey,
    SurveyCode,
    SurveyCodeBatch,
)
from .topics import Topic, TopicBoard, TopicContact

__all__ = [
    "MAX_TEXT_ANSWER",
    "Answer",
    "Category",
    "Complaint",
    "ComplaintProcedure",
    "Feeling",
    "NeedReport",
    "Option",
    "Question",
    "Response",
    "Survey",
    "SurveyCode",
    "SurveyCodeBatch",
    "Topic",
    "TopicBoard",
    "TopicContact",
]
