"""The platform load generator's parts (`python -m bench.load` is the command).

Simulated terminals are real enrolled devices that sign every request with the
kiosk's own signing code and talk HTTP over loopback to a real `kiosk central
serve` process; nothing of the platform is stood in for.
"""
