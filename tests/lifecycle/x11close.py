"""Ask a window to close the way a window manager does (Alt-F4, a title bar's close button).

A window manager sends the client a WM_PROTOCOLS ClientMessage naming WM_DELETE_WINDOW;
SDL turns that into SDL_QUIT, which Kivy hands to on_request_close. The tests' X
server has no window manager, so this sends the same message itself, through libX11
by ctypes (no extra package). The window is found by its _NET_WM_PID, since other
tests' windows may share the display.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os

_CLIENT_MESSAGE = 33
_NO_EVENT_MASK = 0
_XA_CARDINAL = 6


class _ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("l", ctypes.c_long * 5)]


class _Event(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


def _x11() -> ctypes.CDLL:
    lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                               ctypes.POINTER(ctypes.c_ulong),
                               ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                               ctypes.POINTER(ctypes.c_uint)]
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
        ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
    lib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.POINTER(_Event)]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return lib


def _pid_of(lib: ctypes.CDLL, dpy: int, window: int, pid_atom: int) -> int | None:
    kind, fmt = ctypes.c_ulong(), ctypes.c_int()
    count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
    status = lib.XGetWindowProperty(dpy, window, pid_atom, 0, 1, 0, _XA_CARDINAL,
                                    ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count),
                                    ctypes.byref(after), ctypes.byref(data))
    if status != 0 or not data.value:
        return None
    try:
        return int(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0]) if count.value else None
    finally:
        lib.XFree(data)


def _windows(lib: ctypes.CDLL, dpy: int, window: int) -> list[int]:
    root, parent = ctypes.c_ulong(), ctypes.c_ulong()
    children, n = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    if not lib.XQueryTree(dpy, window, ctypes.byref(root), ctypes.byref(parent),
                          ctypes.byref(children), ctypes.byref(n)):
        return []
    found = [children[i] for i in range(n.value)]
    if children:
        lib.XFree(children)
    return found + [w for c in found for w in _windows(lib, dpy, c)]


def request_close(pid: int, display: str | None = None) -> int:
    """Send WM_DELETE_WINDOW to every window of process pid; the number of windows asked."""
    lib = _x11()
    dpy = lib.XOpenDisplay((display or os.environ["DISPLAY"]).encode())
    if not dpy:
        raise OSError("cannot open the X display")
    try:
        pid_atom = lib.XInternAtom(dpy, b"_NET_WM_PID", 0)
        protocols = lib.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
        delete = lib.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
        asked = 0
        for window in _windows(lib, dpy, lib.XDefaultRootWindow(dpy)):
            if _pid_of(lib, dpy, window, pid_atom) != pid:
                continue
            event = _Event()
            event.xclient.type = _CLIENT_MESSAGE
            event.xclient.window = window
            event.xclient.message_type = protocols
            event.xclient.format = 32
            event.xclient.l[0] = delete
            lib.XSendEvent(dpy, window, 0, _NO_EVENT_MASK, ctypes.byref(event))
            asked += 1
        lib.XFlush(dpy)
        return asked
    finally:
        lib.XCloseDisplay(dpy)
