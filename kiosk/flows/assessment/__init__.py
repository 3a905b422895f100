"""职业兴趣自评: a short interest inventory on Holland's six types that a visitor does
alone, one question a screen, with a report on screen and paper that leads somewhere
(the job list by group, guidance, the staff desk) and a QR code carrying the result.
The result is kept in the visitor's record only when they choose it after a card read.
"""

from kiosk.flows import FlowInfo, Say, ScreenInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(
    name="assessment",
    tile=Tile("assessment", order=4),
    entry="as_intro",
    screens=(
        ScreenInfo("as_intro", ("as_intro", "as_intro_resume"),
                   speaks=(Say("as.ui.title"),)),
        ScreenInfo("as_item", ("as_item", "as_item_can"),
                   speaks=(Say("voice.as_item", values="voice_item"),)),
        ScreenInfo("as_pause", ("as_pause",),
                   speaks=(Say("as.ui.pause_title"),)),
        ScreenInfo("as_report", ("as_report", "as_report_tie", "as_report_flat"),
                   speaks=(Say("as.ui.report_title"),
                           Say("voice.as_result", values="voice_result", private=True))),
        ScreenInfo("as_save", ("as_save", "as_save_card", "as_save_queued"),
                   speaks=(Say("as.ui.save_title"),)),
    ),
    outbox_kinds={"assessment": Kind("/assessments")},
    receipts={"report": "kiosk.flows.assessment.receipt"},
    factory="kiosk.flows.assessment.flow:AssessmentFlow",
)
