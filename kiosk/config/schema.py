"""The typed settings: one dataclass per TOML section.

Device sections are owned by the rooms that use them; adding a key means adding
a field here and a line in config/default.toml (a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kiosk.config.fields import setting

Language = Literal["zh", "en", "bo"]


@dataclass(frozen=True)
class KioskSection:
    """The terminal itself and its visitor sessions."""

    terminal_id: str = setting("demo-001", doc="name of this terminal in the fleet")
    hall_name: str = setting("示范公共就业服务中心", doc="service centre shown on screen")
    staff_desk: str = setting("1", doc="desk number where visitors get staff help")
    record_url: str = setting("", doc="web page of a visitor's own registration, {ref} its "
                                      "number; printed as a QR code on the slip (empty: none)")
    language: Language = setting("zh", doc="language shown at the start of every session")
    languages: list[str] = setting(["zh", "en", "bo"], doc="languages offered, in order")
    idle_timeout_s: float = setting(60.0, minimum=10, maximum=600)
    elder_idle_timeout_s: float = setting(120.0, minimum=10, maximum=900)
    warning_s: float = setting(25.0, minimum=20, maximum=120, doc="WCAG 2.2.1: at least 20 s")
    failsafe_return_s: float = setting(15.0, minimum=3, maximum=300)
    double_tap_guard_s: float = setting(0.6, minimum=0.1, maximum=3)
    max_receipts: int = setting(5, minimum=0, maximum=50)
    technician_pin_sha256: str = setting(
        "8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92",
        doc="SHA-256 of the technician exit PIN (demo: 123456)")


@dataclass(frozen=True)
class DisplaySection:
    """The touch screen: real size and how the window is shown."""

    width: int = setting(1080, minimum=320, maximum=7680)
    height: int = setting(1920, minimum=320, maximum=7680)
    dpi: float = setting(102.0, minimum=40, maximum=600, doc="physical pixels per inch")
    fullscreen: bool = setting(True)
    show_cursor: bool = setting(False)


@dataclass(frozen=True)
class LoggingSection:
    """Structured logs: one JSON object per line on stderr (journald reads it)."""

    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = setting("INFO")
    modules: dict[str, str] = setting({}, doc="per-module levels, e.g. kiosk.outbox = DEBUG")


@dataclass(frozen=True)
class PathsSection:
    """Where the terminal keeps its state."""

    data_dir: str = setting("~/.local/share/employment-kiosk")


@dataclass(frozen=True)
class PlatformSection:
    """The city employment platform (or the reference platform in central/)."""

    url: str = setting("http://127.0.0.1:8780")
    device_id: str = setting("demo-001")
    key_file: str = setting("", doc="file holding this terminal's signing key")
    pairing: bool = setting(False, doc="without a key, show a pairing code and wait for a "
                                      "technician to confirm it (else run without the link)")
    timeout_s: float = setting(5.0, minimum=0.5, maximum=60)
    retention_days: float = setting(30.0, minimum=1, maximum=365,
                                    doc="unsent submissions older than this are purged")
    submit_wait_s: float = setting(3.0, minimum=0, maximum=30,
                                   doc="how long a visitor waits to hear 'sent' before "
                                       "'saved, will be sent'")
    retry_min_s: float = setting(2.0, minimum=0.1, maximum=600,
                                 doc="first wait before the outbox retries an unreachable platform")
    retry_max_s: float = setting(300.0, minimum=1, maximum=3600,
                                 doc="longest wait between outbox retries")
    park_after: int = setting(5, minimum=1, maximum=100,
                              doc="server failures (5xx, unreadable answer) of one submission "
                                  "before it is parked so the rest go on")
    park_retry_s: float = setting(3600.0, minimum=60, maximum=86400,
                                  doc="how often a parked submission is tried again")
    sync_interval_s: float = setting(900.0, minimum=10, maximum=86400,
                                     doc="how often the catalog cache syncs")
    heartbeat_s: float = setting(60.0, minimum=5, maximum=3600,
                                 doc="how often the terminal reports to the platform")


@dataclass(frozen=True)
class IdcardSection:
    """The GA/T 467 ID-card reader."""

    driver: Literal["serial", "sim", "none"] = setting("sim")
    port: str = setting("/dev/ttyUSB0")
    baud: int = setting(115200, minimum=9600, maximum=115200)
    profile: str = setting("generic-sam")


@dataclass(frozen=True)
class PrinterSection:
    """The thermal receipt printer."""

    driver: Literal["usb", "serial", "network", "file", "cups", "sim", "none"] = setting("sim")
    target: str = setting("", doc="device path, host:port, file or CUPS queue")
    profile: str = setting("generic-80-cn", doc="printer model: a file in config/printers/")
    status_timeout_s: float = setting(0.5, minimum=0.05, maximum=10,
                                      doc="wait for each DLE EOT status answer")
    status_poll_s: float = setting(10.0, minimum=0, maximum=3600,
                                   doc="ask the idle printer for its status this often (0: never)")
    cjk_font: str = setting("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                            doc="font for Chinese printed as pictures and for previews")
    cjk_font_index: int = setting(2, minimum=0, maximum=20,
                                  doc="face in cjk_font (2 = Simplified Chinese in Noto CJK)")
    cjk_bold_font: str = setting("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
                                 doc="bold face for headings drawn as pictures and previews "
                                     "(same face index as cjk_font; empty: thicken the regular)")
    tibetan_font: str = setting("/usr/share/fonts/truetype/tibetan/DDC_Uchen.ttf",
                                doc="font for Tibetan lines (always printed as pictures)")


@dataclass(frozen=True)
class CameraSection:
    """The camera for QR check-in and face photos."""

    driver: Literal["opencv", "sim", "none"] = setting("sim")
    device: str = setting("0", doc="device index or path")
    width: int = setting(640, minimum=160, maximum=3840)
    height: int = setting(480, minimum=120, maximum=2160)
    fps: int = setting(15, minimum=1, maximum=60)
    reconnect_max_s: float = setting(8.0, minimum=1, maximum=120,
                                     doc="longest wait between attempts to reopen a lost camera")
    qr_repeat_s: float = setting(3.0, minimum=0.5, maximum=60,
                                 doc="the same QR code is reported again only after this long")
    face_hold_s: float = setting(1.0, minimum=0.2, maximum=10,
                                 doc="a face must stay centred and sharp this long to capture")
    face_min_size: float = setting(0.22, minimum=0.05, maximum=0.6,
                                   doc="smallest face width, as a share of the frame width")
    face_min_sharpness: float = setting(40.0, minimum=0, maximum=1000,
                                        doc="variance of the Laplacian over the face")
    photo_width: int = setting(320, minimum=96, maximum=1024, doc="face photo width in pixels")


@dataclass(frozen=True)
class VoiceSection:
    """Voice guidance: the audio device, when it reads aloud, the prompt packs."""

    driver: Literal["alsa", "sim", "none"] = setting("sim", doc="alsa: the sound card "
                                                     "through aplay; sim: WAV files")
    device: str = setting("default", doc="ALSA device name (aplay -L)")
    read_aloud: Literal["elder", "always", "never"] = setting(
        "elder", doc="when a visit starts reading aloud: in 长辈版, always, or only on request")
    volume: int = setting(2, minimum=1, maximum=3, doc="loudness step a visit starts at")
    slow: bool = setting(False, doc="a visit starts with slower speech")
    headset: bool = setting(False, doc="a headset is fitted: private data (names, ID and "
                                       "phone numbers, results) is spoken in full")
    bilingual_hall: bool = setting(True, doc="a Tibetan prompt with no recording is said "
                                             "in Chinese (else the screen says so)")
    pack_dir: str = setting("", doc="folder with a recorded prompt pack per language "
                                    "(bo/, zh/, en/; docs/voice.md)")
    sim_dir: str = setting("", doc="where the simulated speaker writes WAV files "
                                   "(empty: audio-sim/ in the data folder)")


@dataclass(frozen=True)
class Settings:
    """All settings, validated."""

    kiosk: KioskSection = field(default_factory=KioskSection)
    display: DisplaySection = field(default_factory=DisplaySection)
    logging: LoggingSection = field(default_factory=LoggingSection)
    paths: PathsSection = field(default_factory=PathsSection)
    platform: PlatformSection = field(default_factory=PlatformSection)
    idcard: IdcardSection = field(default_factory=IdcardSection)
    printer: PrinterSection = field(default_factory=PrinterSection)
    camera: CameraSection = field(default_factory=CameraSection)
    voice: VoiceSection = field(default_factory=VoiceSection)
