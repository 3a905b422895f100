"""Find a job: the list, its filters, a posting's detail, slip printing, QR and interest."""

from screens.jobs.detail import JobDetailScreen, JobQrScreen
from screens.jobs.filters import JobFiltersScreen
from screens.jobs.interest import JobInterestScreen
from screens.jobs.listing import JobsScreen
from screens.jobs.printing import JobPrintScreen

FLOW = "jobs"
SCREENS = {
    "jobs": (JobsScreen, "jobs.kv"),
    "job_filters": (JobFiltersScreen, "jobs.kv"),
    "job_detail": (JobDetailScreen, "jobs.kv"),
    "job_qr": (JobQrScreen, "jobs.kv"),
    "job_print": (JobPrintScreen, "jobs.kv"),
    "job_interest": (JobInterestScreen, "jobs.kv"),
}
