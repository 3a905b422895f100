"""Script step modules, one per capability (found by listing this package).

A step function is called as fn(ctx, arg) on the Kivy main thread. It either
finishes its work and returns None, or returns a zero-argument predicate the
runner polls once per frame until it returns True (a bounded wait in real
time; application time-outs use ctx.clock, never real waiting). Raise
ScriptFailure (kiosk_command.script.context) with a clear message to fail.
"""
