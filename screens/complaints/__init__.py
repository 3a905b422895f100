"""投诉与评价: file a complaint, its slip, look it up, and rate a service."""

from screens.complaints.filing import (
    ComplaintFiledScreen,
    ComplaintFileScreen,
    ComplaintsScreen,
)
from screens.complaints.lookup import ComplaintLookupScreen
from screens.complaints.rating import RateDeskScreen, RateScreen

FLOW = "complaints"
SCREENS = {
    "complaints": (ComplaintsScreen, "complaints.kv"),
    "complaint_file": (ComplaintFileScreen, "complaints.kv"),
    "complaint_filed": (ComplaintFiledScreen, "complaints.kv"),
    "complaint_lookup": (ComplaintLookupScreen, "complaints.kv"),
    "rate": (RateScreen, "complaints.kv"),
    "rate_desk": (RateDeskScreen, "complaints.kv"),
}
