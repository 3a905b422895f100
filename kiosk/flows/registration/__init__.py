"""求职登记: register as a job seeker, apply for unemployment registration, see my page.

The visit: identify (card, or typed and checked), the notice and consent,
about you, what you want, review and submit through the outbox, the slip;
失业登记 for a visitor who is unemployed; and, for a registered card holder,
their own page. Both submissions share one order group, so an application
never overtakes the registration it belongs to.
"""

from kiosk.flows import FlowInfo, Say, ScreenInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(
    name="registration",
    tile=Tile("registration", order=1),
    entry="reg_start",
    screens=(
        ScreenInfo("reg_start", ("reg_start",)),
        ScreenInfo("reg_manual", ("reg_manual", "reg_manual_error")),
        ScreenInfo("reg_consent", ("reg_consent",)),
        ScreenInfo("reg_about", ("reg_about",)),
        ScreenInfo("reg_wants", ("reg_wants",)),
        ScreenInfo("reg_review", ("reg_review",),
                   speaks=(Say("voice.reg_review"),
                           Say("voice.reg_identity", values="voice_identity", private=True)),
                   long_press=(("reg.review.submit", "voice.hint.submit"),)),
        ScreenInfo("reg_done", ("reg_done", "reg_done_queued")),
        ScreenInfo("reg_unemployment", ("reg_unemployment",)),
        ScreenInfo("my_page", ("my_page", "my_page_empty")),
    ),
    outbox_kinds={"registration": Kind("/seekers/registrations", "registration"),
                  "unemployment": Kind("/seekers/unemployment", "registration")},
    receipts={"registration": "kiosk.flows.registration.receipt",
              "unemployment": "kiosk.flows.registration.unemployment_receipt"},
    factory="kiosk.flows.registration.flow:RegistrationFlow",
)
