"""The data model; import models from here."""

from backoffice.models.alert import Alert
from backoffice.models.attachment import Attachment
from backoffice.models.authorisation import Authorisation, AuthorisationStatus
from backoffice.models.calendar import CalendarDay, NetworkOutage
from backoffice.models.case import Case
from backoffice.models.counter import Counter
from backoffice.models.deadline import Deadline, DeadlineStatus
from backoffice.models.event import CaseEvent
from backoffice.models.heartbeat import SchedulerHeartbeat
from backoffice.models.job_run import JobRun
from backoffice.models.notice import Notice, NoticeDocument, ServiceStatus
from backoffice.models.office import Office
from backoffice.models.party import Party, PartyKind
from backoffice.models.pcc import PccCode, PccHolder, PccRequest, PccView
from backoffice.models.sign_in_session import SignInFailure, SignInSession
from backoffice.models.sms import SmsMessage
from backoffice.models.staged_filing import StagedFile, StagedFiling
from backoffice.models.user import User

__all__ = [
    "Alert",
    "Attachment",
    "Authorisation",
    "AuthorisationStatus",
    "CalendarDay",
    "Case",
    "CaseEvent",
    "Counter",
    "Deadline",
    "DeadlineStatus",
    "JobRun",
    "NetworkOutage",
    "Notice",
    "NoticeDocument",
    "Office",
    "Party",
    "PartyKind",
    "PccCode",
    "PccHolder",
    "PccRequest",
    "PccView",
    "SchedulerHeartbeat",
    "ServiceStatus",
    "SignInFailure",
    "SignInSession",
    "SmsMessage",
    "StagedFile",
    "StagedFiling",
    "User",
]
