"""The outside services of PCC issuance as this deployment configures them.

``PCC_REGISTRY`` (``file``: the residents of ``PCC_RESIDENTS_FILE``), ``PCC_VERIFIER``
(``subscription``: the mobile subscriptions of the same file), ``PCC_CERTIFICATES`` (``file``:
the certificates of the same file), ``PCC_SIMPLE`` (``local``) and ``PCC_SMS`` (``local``: the
``sms_messages`` outbox, read on the admin's and officers' "sent messages" page and by tests)
are the local implementations of the interfaces of :mod:`workflows.pcc.adapters`. A production
provider is a class implementing the interface, named by its dotted path in the same setting
(``PCC_SMS = "mycompany.sms:ProviderSms"``), built with the app's configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import select

from backoffice.extensions import db
from backoffice.models import SmsMessage
from workflows.pcc.adapters import (
    CertificateVerifier,
    FileCertificates,
    FileRegistry,
    IdentityVerifier,
    LocalSimpleCertifier,
    Registry,
    SimpleCertifier,
    SmsSender,
    SubscriptionVerifier,
)

DEMO_RESIDENTS = Path(__file__).with_name("demo_residents.json")


class LocalSms:
    """Messages kept in the ``sms_messages`` table instead of sent: one row per key."""

    def send(self, to: str, text: str, *, key: str) -> None:
        if db.session.scalar(select(SmsMessage.id).where(SmsMessage.key == key)) is None:
            db.session.add(SmsMessage(key=key, to=to, text=text))
            db.session.flush()


def _built(app: Flask, setting: str, local: dict[str, object]):
    chosen = app.config[setting]
    if chosen in local:
        return local[chosen]() if callable(local[chosen]) else local[chosen]
    module, _, name = str(chosen).partition(":")
    return getattr(import_module(module), name)(app.config)


@dataclass(frozen=True)
class Adapters:
    """The outside services of one app, as its settings choose them."""

    registry: Registry
    mobile: IdentityVerifier
    certificates: CertificateVerifier
    simple: SimpleCertifier
    sms: SmsSender


def adapters(app: Flask | None = None) -> Adapters:
    """The app's outside services, built once (``PCC_CERTIFICATES = "file"``: the registry
    file's certificates; ``PCC_SIMPLE = "local"``: a code by the SMS sender to the mobile in
    the resident's name)."""
    app = app or current_app
    built = app.extensions.get("pcc_adapters")
    if built is None:
        path = app.config.get("PCC_RESIDENTS_FILE") or DEMO_RESIDENTS
        built = app.extensions["pcc_adapters"] = Adapters(
            registry=_built(app, "PCC_REGISTRY", {"file": lambda: FileRegistry.from_file(path)}),
            mobile=_built(app, "PCC_VERIFIER", {"subscription": SubscriptionVerifier}),
            certificates=_built(app, "PCC_CERTIFICATES", {"file": FileCertificates}),
            simple=_built(app, "PCC_SIMPLE", {"local": LocalSimpleCertifier}),
            sms=_built(app, "PCC_SMS", {"local": LocalSms}))
    return built
