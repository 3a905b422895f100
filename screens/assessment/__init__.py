"""职业兴趣自评: introduction, one question a screen, pause, the report, keeping it."""

from screens.assessment.questions import AsIntroScreen, AsItemScreen, AsPauseScreen
from screens.assessment.report import AsReportScreen, AsSaveScreen

FLOW = "assessment"
SCREENS = {
    "as_intro": (AsIntroScreen, "assessment.kv"),
    "as_item": (AsItemScreen, "assessment.kv"),
    "as_pause": (AsPauseScreen, "assessment.kv"),
    "as_report": (AsReportScreen, "assessment.kv"),
    "as_save": (AsSaveScreen, "assessment.kv"),
}
