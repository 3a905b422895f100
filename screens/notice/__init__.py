"""The public notice of services: the list, one service's card, the centre's complaint
channels and opening hours."""

from screens.notice.card import NoticeServiceScreen
from screens.notice.centre import NoticeCentreScreen
from screens.notice.listing import NoticeListScreen

FLOW = "notice"
SCREENS = {
    "notice": (NoticeListScreen, "notice.kv"),
    "notice_service": (NoticeServiceScreen, "notice.kv"),
    "notice_centre": (NoticeCentreScreen, "notice.kv"),
}
