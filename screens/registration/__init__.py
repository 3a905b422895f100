"""求职登记: identify, consent, about you, what you want, review, done; 失业登记; my page."""

from screens.registration.about import RegAboutScreen, RegWantsScreen
from screens.registration.done import RegDoneScreen, RegReviewScreen
from screens.registration.mypage import MyPageScreen
from screens.registration.start import RegConsentScreen, RegManualScreen, RegStartScreen
from screens.registration.unemployment import RegUnemploymentScreen

FLOW = "registration"
SCREENS = {
    "reg_start": (RegStartScreen, "registration.kv"),
    "reg_manual": (RegManualScreen, "registration.kv"),
    "reg_consent": (RegConsentScreen, "registration.kv"),
    "reg_about": (RegAboutScreen, "registration.kv"),
    "reg_wants": (RegWantsScreen, "registration.kv"),
    "reg_review": (RegReviewScreen, "registration.kv"),
    "reg_done": (RegDoneScreen, "registration.kv"),
    "reg_unemployment": (RegUnemploymentScreen, "registration.kv"),
    "my_page": (MyPageScreen, "registration.kv"),
}
