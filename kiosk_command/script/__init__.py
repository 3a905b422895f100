"""`kiosk script FILE.json`: scripted visitor sessions against the real app.

Steps are registered by capability: every module in kiosk_command.script.steps
exposes STEPS (step name -> function) and may expose setup(ctx) / teardown(ctx)
to start what its steps need (simulators, the reference platform).
"""
