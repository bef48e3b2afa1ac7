import threading

from backoffice.extensions import db
from backoffice.sequences import next_case_reference, next_value
from workflows import clock


def test_case_references_run_per_procedure_and_year(app_ctx):
    assert next_case_reference("objection", 2026) == "OBJ-2026-000001"
    assert next_case_reference("objection", 2026) == "OBJ-2026-000002"
    assert next_case_reference("examination", 2026) == "EXM-2026-000001"
    assert next_case_reference("objection", 2027) == "OBJ-2027-000001"


def test_a_rolled_back_number_is_given_again(app_ctx):
    assert next_value("notice:SEOUL:2026") == 1
    db.session.commit()
    assert next_value("notice:SEOUL:2026") == 2
    db.session.rollback()
    assert next_value("notice:SEOUL:2026") == 2


def test_a_new_case_gets_the_reference_of_the_legal_year(app_ctx, make):
    case = make.case(party=make.party())
    assert case.reference == f"OBJ-{clock.today().year}-000001"


def test_concurrent_callers_get_distinct_consecutive_numbers(app):
    with app.app_context():
        next_value("case:TEST:2026")
        db.session.commit()
    numbers, start = [], threading.Barrier(4)

    def take():
        with app.app_context():
            start.wait()
            for _ in range(5):
                numbers.append(next_value("case:TEST:2026"))
                db.session.commit()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == list(range(2, 22))
