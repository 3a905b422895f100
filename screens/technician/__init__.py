"""The technician's menu on the glass (behind the hidden gesture and the PIN)."""

from screens.technician.menu import TechMenuScreen, TechPairingScreen

FLOW = "technician"
SCREENS = {"tech_menu": (TechMenuScreen, "technician.kv"),
           "tech_pairing": (TechPairingScreen, "technician.kv")}
