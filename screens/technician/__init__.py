"""The technician's menu on the glass (behind the hidden gesture and the PIN)."""

from screens.technician.menu import TechMenuScreen

FLOW = "technician"
SCREENS = {"tech_menu": (TechMenuScreen, "technician.kv")}
