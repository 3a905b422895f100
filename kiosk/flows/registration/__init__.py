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
        ScreenInfo("reg_start", ("reg_start",),
                   speaks=(Say("reg.ui.title"),)),
        ScreenInfo("reg_manual", ("reg_manual", "reg_manual_error"),
                   speaks=(Say("reg.ui.manual_title"),)),
        ScreenInfo("reg_consent", ("reg_consent",),
                   speaks=(Say("reg.ui.consent_title"),)),
        ScreenInfo("reg_about", ("reg_about",),
                   speaks=(Say("reg.ui.about_title"),)),
        ScreenInfo("reg_wants", ("reg_wants",),
                   speaks=(Say("reg.ui.wants_title"),)),
        ScreenInfo("reg_review", ("reg_review",),
                   speaks=(Say("voice.reg_review"),
                           Say("voice.reg_identity", values="voice_identity", private=True)),
                   long_press=(("reg.review.submit", "voice.hint.submit"),)),
        ScreenInfo("reg_done", ("reg_done", "reg_done_queued"),
                   speaks=(Say("reg.ui.done_title"),)),
        ScreenInfo("reg_unemployment", ("reg_unemployment",),
                   speaks=(Say("reg.ui.unemployment_title"),)),
        ScreenInfo("my_page", ("my_page", "my_page_empty"),
                   speaks=(Say("reg.ui.my_title"),)),
    ),
    outbox_kinds={"registration": Kind("/seekers/registrations", "registration"),
                  "unemployment": Kind("/seekers/unemployment", "registration")},
    receipts={"registration": "kiosk.flows.registration.receipt",
              "unemployment": "kiosk.flows.registration.unemployment_receipt"},
    factory="kiosk.flows.registration.flow:RegistrationFlow",
)
