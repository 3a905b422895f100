"""政策查询: the handbook, a category or search list, a policy, its QR code, questions."""

from screens.policies.ask import PolicyAskedScreen, PolicyAskScreen, PolicyLookupScreen
from screens.policies.handbook import PoliciesScreen, PolicyListScreen
from screens.policies.policy import PolicyQrScreen, PolicyScreen

FLOW = "policies"
SCREENS = {
    "policies": (PoliciesScreen, "policies.kv"),
    "policy_list": (PolicyListScreen, "policies.kv"),
    "policy": (PolicyScreen, "policies.kv"),
    "policy_qr": (PolicyQrScreen, "policies.kv"),
    "policy_ask": (PolicyAskScreen, "policies.kv"),
    "policy_asked": (PolicyAskedScreen, "policies.kv"),
    "policy_lookup": (PolicyLookupScreen, "policies.kv"),
}
