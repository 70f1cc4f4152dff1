"""``GET /v1/reports/counts``: the office's report of a site over a date range (``kiosk.central.reports``).

Who may read it: a terminal token reads its own site only, as everywhere in this API. An office reader
that sees several sites would need a principal of its own (a role token bound to a set of sites, not to a
terminal), which the service does not have; until then the office runs ``kiosk central report`` on the
service's host, which reads the database directly.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from kiosk.central import reports
from kiosk.central.dependencies import CallerDep, ServiceDep, error_responses
from kiosk.central.jsonbody import StrictJsonRoute
from kiosk.central.problems import ApiError, invalid_request

router = APIRouter(tags=["reports"], route_class=StrictJsonRoute)

_DATE = r"^\d{4}-\d{2}-\d{2}$"
_KNOWN_PARAMETERS = frozenset({"from", "to", "site", "gaps"})


class DayCountOut(BaseModel):
    site: str
    date: dt.date = Field(description="the Japan-time day the records were counted on")
    kind: str
    outcome: str
    count: int


class OldGapOut(BaseModel):
    site: str
    terminal_id: str
    first_missing: int = Field(description="the terminal's lowest sequence number not received")
    missing_count: int = Field(description="how many numbers below its highest received are missing in all")
    next_sequence: int = Field(description="the first number received after the first hole")
    next_received_at: dt.datetime = Field(description="when that record arrived: the hole is open since then")


class ReportOut(BaseModel):
    from_: dt.date = Field(alias="from")
    to: dt.date
    site: str
    total: int = Field(description="the sum of the counts")
    counts: list[DayCountOut] = Field(description="per site, day, kind and outcome; combinations without "
                                                  "records are left out")
    oldest_gaps: list[OldGapOut] = Field(description="terminals of the site with a hole in their numbering, "
                                                     "the longest open first (whatever the date range)")


def _check_parameters(request: Request) -> None:
    names = [name for name, _ in request.query_params.multi_items()]
    unknown = sorted(set(names) - _KNOWN_PARAMETERS)
    if unknown:
        raise invalid_request(f"unknown query parameters: {', '.join(n[:40] for n in unknown[:5])}")
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise invalid_request(f"query parameters given more than once: {', '.join(repeated)}")


@router.get("/v1/reports/counts", response_model=ReportOut, response_model_by_alias=True,
            responses=error_responses(401, 403, 422, 503))
def report_counts(
    request: Request,
    caller: CallerDep,
    service: ServiceDep,
    first: Annotated[str, Query(alias="from", pattern=_DATE, description="first Japan-time day, YYYY-MM-DD")],
    last: Annotated[str, Query(alias="to", pattern=_DATE,
                               description=f"last day, included; at most {reports.MAX_RANGE_DAYS} days "
                                           "after from")],
    site: Annotated[str | None, Query(min_length=1, max_length=reports.MAX_SITE_LENGTH,
                                      description="the caller's own site (the default)")] = None,
    gaps: Annotated[int, Query(ge=0, le=reports.MAX_GAPS,
                               description="how many gappy terminals to list")] = reports.DEFAULT_GAPS,
) -> dict[str, Any]:
    """Counts per site, day, kind and outcome over a date range, and the terminals whose gaps are oldest."""
    _check_parameters(request)
    try:
        wanted = reports.report_range(first, last, site if site is not None else caller.site)
    except reports.InvalidReportRange as exc:
        raise invalid_request(str(exc)) from exc
    if wanted.site != caller.site:
        raise ApiError(403, "wrong_site", f"this terminal may read site {caller.site} only")
    with service.sessions() as session:
        return reports.build_report(session, wanted, gaps).to_wire()
