"""政策查询: a plain policies handbook, "for you" after a card read, and policy questions.

The handbook: categories (employment support, starting a business, training,
unemployment insurance, key groups, rights), each policy's plain summary
first (who it is for, what you get, what to bring, where to apply), then the
full text; search over title and body with the jobs' search engine; print the
summary or take it by QR code. A question goes through the outbox with a
tracking number the terminal makes, and a slip promising the answer one
working day later on the platform's working-day calendar; the answer is read
later by tracking number and phone.
"""

from kiosk.flows import FlowInfo, Say, ScreenInfo, Tile
from kiosk.platform.kinds import Kind

FLOW = FlowInfo(
    name="policies",
    tile=Tile("policies", order=5),
    entry="policies",
    screens=(
        ScreenInfo("policies", ("policies", "policies_offline"),
                   speaks=(Say("pol.title"),)),
        ScreenInfo("policy_list", ("policy_list", "policy_search", "policy_for_you")),
        ScreenInfo("policy", ("policy",),
                   speaks=(Say("voice.policy", values="voice_policy"),)),
        ScreenInfo("policy_qr", ("policy_qr",),
                   speaks=(Say("pol.qr.title"),)),
        ScreenInfo("policy_ask", ("policy_ask",),
                   speaks=(Say("pol.ask.title"),)),
        ScreenInfo("policy_asked", ("policy_asked", "policy_asked_code")),
        ScreenInfo("policy_lookup", ("policy_lookup", "policy_answer"),
                   speaks=(Say("pol.lookup.title"),)),
    ),
    outbox_kinds={"policy_question": Kind("/policy-questions")},
    receipts={"policy": "kiosk.flows.policies.receipt",
              "policy_question": "kiosk.flows.policies.question_receipt"},
    factory="kiosk.flows.policies.flow:PoliciesFlow",
)
