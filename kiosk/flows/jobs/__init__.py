"""Find a job: search, browse, filter and order postings; print a slip, QR, interest."""

from kiosk.flows import FlowInfo, Say, ScreenInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(
    name="jobs",
    tile=Tile("jobs", order=2),
    entry="jobs",
    screens=(
        ScreenInfo("jobs", ("jobs",),
                   speaks=(Say("jobs.title"),)),
        ScreenInfo("job_filters", ("job_filters", "job_groups")),
        ScreenInfo("job_detail", ("job_detail",),
                   speaks=(Say("voice.job", values="voice_job"), Say("voice.job_actions")),
                   long_press=(("jobs.detail.print", "voice.hint.print"),)),
        ScreenInfo("job_print", ("job_print", "job_printed", "job_print_failed"),
                   speaks=(Say("jobs.print.title"),)),
        ScreenInfo("job_qr", ("job_qr",),
                   speaks=(Say("jobs.qr.title"),)),
        ScreenInfo("job_interest", ("job_interest",),
                   speaks=(Say("jobs.interest.title"),)),
    ),
    outbox_kinds={"job_interest": Kind("/job-interests")},
    receipts={"job": "kiosk.flows.jobs.receipt"},
    factory="kiosk.flows.jobs.flow:JobsFlow",
)
