"""Personal Customs Code (PCC, 개인통관고유부호) issuance for foreigners: the rules the service
follows, as plain Python (no Flask).

The source is the KCS Technical Service Center's FAQ (``../shared/seeds/000_…``), operational
guidance, not law: no article of the Customs Act governs the steps, so nothing here names one.
What the FAQ leaves open is marked [Assumption] where it is decided.

- :mod:`workflows.pcc.codes`: the code itself, ``P`` and 12 random digits;
- :mod:`workflows.pcc.identity`: names, registration numbers, telephone numbers and dates of
  birth as the FAQ says to type them, and how they are masked;
- :mod:`workflows.pcc.remedies`: what to do when a step fails, in Korean and English;
- :mod:`workflows.pcc.one_time`: the one-time codes of the identity check;
- :mod:`workflows.pcc.adapters`: the outside services (the real-name registry, the identity
  verifiers, the SMS sender) as interfaces, each with its local implementation.
"""
