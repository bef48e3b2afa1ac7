"""PCC issuance for foreigners (issue 19): the public self-service, its own application entry
point (:func:`backoffice.pcc.app.create_pcc_app`), run by its own web workers beside the back
office on the same database; the rules are in :mod:`workflows.pcc`."""
