"""职业指导预约: triage, book a session, the ticket, self check-in."""

from screens.guidance.book import GuidanceBookScreen, GuidanceFormScreen
from screens.guidance.checkin import GuidanceCheckinScreen
from screens.guidance.mine import GuidanceMineScreen
from screens.guidance.ticket import GuidanceTicketScreen
from screens.guidance.triage import GuidanceScreen

FLOW = "guidance"
SCREENS = {
    "guidance": (GuidanceScreen, "guidance.kv"),
    "guidance_book": (GuidanceBookScreen, "guidance.kv"),
    "guidance_form": (GuidanceFormScreen, "guidance.kv"),
    "guidance_ticket": (GuidanceTicketScreen, "guidance.kv"),
    "guidance_checkin": (GuidanceCheckinScreen, "guidance.kv"),
    "guidance_mine": (GuidanceMineScreen, "guidance.kv"),
}
