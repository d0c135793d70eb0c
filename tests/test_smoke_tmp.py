from models.entities import Role, VisitStatus
from pst_desktop.queue import QueueService
from pst_desktop.registration import RegistrationService, VisitorForm


def test_flow(db, office, make_actor, clock):
    rec = make_actor(Role.RECEPTIONIST)
    off = make_actor(Role.OFFICER)
    v = RegistrationService(clock).register(rec, VisitorForm(name="Budi", email="budi@example.com", gender="male", consent=True))
    q = QueueService(clock)
    from models.entities import ServiceType, Desk
    svc = ServiceType.get(ServiceType.code == "consultation")
    t1 = q.issue_ticket(rec, visitor_id=v.id, service_id=svc.id)
    t2 = q.issue_ticket(rec, visitor_id=v.id, service_id=svc.id)
    assert (t1.code, t2.code) == ("K-001", "K-002")
    desk = Desk.select().first()
    called = q.call_next(off, desk.id)
    assert called.id == t1.visit_id and called.status == VisitStatus.CALLED
