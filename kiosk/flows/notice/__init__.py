"""公示公告: the public notice of services — what each service is, on what basis, its
numbered process, what to bring, how long it takes, the norms and the centre's
commitments; the complaint channels and opening hours. Read-only, from the catalog
cache (synced from the platform's /notices); the attract screen shows short cards of it.
"""

from kiosk.flows import FlowInfo, Say, ScreenInfo, Tile

FLOW = FlowInfo(
    name="notice",
    tile=Tile("notice", order=7),
    entry="notice",
    screens=(
        ScreenInfo("notice", ("notice",),
                   speaks=(Say("notice.title"),)),
        ScreenInfo("notice_service", ("notice_service", "notice_service_end")),
        ScreenInfo("notice_centre", ("notice_centre",),
                   speaks=(Say("notice.centre.title"),)),
    ),
    factory="kiosk.flows.notice.flow:NoticeFlow",
)
