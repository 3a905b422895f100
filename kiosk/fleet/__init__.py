"""Remote management on the terminal: what it tells the fleet about itself and the
commands it takes from it.

The platform link (kiosk.platform) carries the heartbeat; this package says what goes
in it (health.py), which commands a terminal accepts and with which arguments
(commands.py), remembers every command it has started so none runs twice
(ledger.py), and runs them when the visitor in front of the glass will not be
disturbed (runner.py). What a command does to the app (restart, a screenshot) is
handed in by the composition root as handlers.
"""
