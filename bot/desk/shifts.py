"""Working hours of the operators: are they at work now, and when are they back.

`WORKING_HOURS` is "HH:MM-HH:MM" in `TIMEZONE` (Asia/Almaty by default), every day. An end
before the start runs over midnight ("20:00-08:00"); "00:00-24:00" means around the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAY_MINUTES = 24 * 60
_SPEC = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")


@dataclass(frozen=True)
class WorkingHours:
    start: int  # minutes after local midnight
    end: int  # minutes after local midnight; 1440 is the end of the day
    zone: ZoneInfo

    @classmethod
    def parse(cls, spec: str, timezone: str) -> WorkingHours:
        """'09:00-21:00' in 'Asia/Almaty'; a ValueError says what is wrong."""
        match = _SPEC.fullmatch(spec)
        if match is None:
            raise ValueError(f"working hours {spec!r}: expected HH:MM-HH:MM, e.g. 09:00-21:00")
        h1, m1, h2, m2 = (int(part) for part in match.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if m1 > 59 or m2 > 59 or start >= DAY_MINUTES or end > DAY_MINUTES:
            raise ValueError(f"working hours {spec!r}: not a time of day")
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {timezone!r} (an IANA name such as Asia/Almaty)") from None
        return cls(start, end, zone)

    @property
    def always(self) -> bool:
        return self.start == self.end or (self.start == 0 and self.end == DAY_MINUTES)

    @property
    def label(self) -> str:
        """'09:00-21:00', as configured."""
        return f"{_clock(self.start)}-{_clock(self.end)}"

    def local(self, now: datetime) -> datetime:
        return now.astimezone(self.zone)

    def is_open(self, now: datetime) -> bool:
        if self.always:
            return True
        local = self.local(now)
        minute = local.hour * 60 + local.minute
        if self.start < self.end:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end  # over midnight

    def back_at(self, now: datetime) -> str | None:
        """The local time operators are back ('09:00'), or None while they are at work."""
        return None if self.is_open(now) else _clock(self.start)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
