"""Registration (求职登记) on the platform, through its HTTP API: scored matches, the
specialist of key-group members, updates that stay one registration, unemployment
applications with their status, and bodies it refuses."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest

from central.classification import MAJOR_OF
from central.db import business_day
from central.demo import staff
from central.demo.seekers import id_number
from tests.conftest import run_kiosk
from tests.stores import count, stored_bytes

ID_NUMBER = "51010719850615002X"
WHO = hashlib.sha256(ID_NUMBER.encode()).hexdigest()
NAME, PHONE, EMPLOYER = "格桑央金", "13812345678", "青城山下茶社"
WANTS = {"occupation_groups": ["交通运输"], "districts": ["武侯区", "锦江区"],
         "pay_min": 5000, "employment_type": "full_time"}
RANK = {"不限": 0, "初中": 1, "高中/中专": 2, "大专": 3, "本科": 4}


def key() -> str:
    return str(uuid.uuid4())


def who(n: int) -> str:
    return hashlib.sha256(f"visitor-{n}".encode()).hexdigest()


def registration(id_hash: str = WHO, **changes) -> dict:
    doc = {"id_hash": id_hash, "name": NAME, "phone": PHONE, "sex": "female",
           "birth_date": "1985-06-15", "education": "senior", "major": "物流管理",
           "experience_years": 8, "last_occupation": "仓管员",
           "certificates": ["education_cert", "employment_card"],
           "employment_status": "unemployed",
           "key_groups": ["registered_unemployed", "zero_employment_family"],
           "difficulties": ["age", "information"], "photo_consent": False,
           "intentions": WANTS}
    return doc | changes


def open_postings(api) -> list[dict]:
    """The catalog as a terminal syncs it, less what is withdrawn, expired or not yet open."""
    items, cursor = [], ""
    while True:
        page = api.get(f"/jobs?limit=1000&cursor={cursor}").json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    today = business_day().isoformat()
    return [j for j in items if not j.get("deleted") and j["valid_from"] <= today
            <= j["valid_until"]]


def expected(jobs: list[dict], wants: dict, education: int) -> list[str]:
    """The ten best matches as the agreed rule states it, worked out independently."""
    majors = {MAJOR_OF[g] for g in wants["occupation_groups"]}
    scored = []
    for job in jobs:
        same, near = job["occupation_group"] in wants["occupation_groups"], \
            MAJOR_OF.get(job["occupation_group"]) in majors
        pays, schooled = job["pay_max"] >= wants["pay_min"], RANK[job["education"]] <= education
        score = (40 * same + 15 * near + 20 * (job["district"] in wants["districts"])
                 + 15 * pays + 10 * (job["employment_type"] == wants["employment_type"])
                 + 10 * schooled)
        if (same or near) and pays and schooled:
            scored.append((score, job["posted_at"], job["id"]))
    return [job_id for _, _, job_id in sorted(scored, reverse=True)[:10]]


def test_key_group_visitor_gets_ten_scored_matches_and_a_specialist(api):
    assert api.post("/seekers/lookup", {"id_hash": WHO}).json()["registered"] is False
    ack = api.post("/seekers/registrations", registration(), idem=key())
    assert ack.status_code == 200, ack.text
    ack = ack.json()
    assert ack["status"] == "registered" and ack["registration_id"].startswith("R-")
    assert ack["specialist"] == staff.choose(WHO).public()
    page = api.post("/seekers/lookup", {"id_number": ID_NUMBER}).json()
    assert page["registration"]["registration_id"] == ack["registration_id"]
    assert page["registration"]["intentions"] == WANTS
    assert sorted(page["registration"]["key_groups"]) == ["registered_unemployed",
                                                          "zero_employment_family"]
    assert page["specialist"] == ack["specialist"]
    assert page["recommended_note"] == "enough"
    shown = page["recommended"]
    assert [j["id"] for j in shown] == expected(open_postings(api), WANTS, RANK["高中/中专"])
    assert all(j["matched"] and j["occupation_group"] == "交通运输" for j in shown)
    assert shown[0]["score"] == 110
    assert [j["score"] for j in shown] == sorted((j["score"] for j in shown), reverse=True)


def test_update_is_the_same_registration(api, platform):
    first = api.post("/seekers/registrations", registration(who(1)), idem=key()).json()
    before = count(platform, "seekers")
    wants = {"major_groups": ["g6"], "pay_min": 6000}
    changed = {k: v for k, v in registration(who(1), intentions=wants).items()
               if k != "key_groups"}                  # left out: the stored ones stay
    again = api.post("/seekers/registrations", changed, idem=key()).json()
    assert again["status"] == "updated"
    assert (again["registration_id"], again["registered_at"]) == (
        first["registration_id"], first["registered_at"])
    assert again["specialist"] == first["specialist"]
    assert count(platform, "seekers") == before
    page = api.post("/seekers/lookup", {"id_hash": who(1)}).json()
    assert page["registration"]["intentions"] == wants
    assert page["registration"]["updated_at"] > page["registration"]["registered_at"]
    assert {MAJOR_OF[j["occupation_group"]] for j in page["recommended"]} == {"g6"}
    assert len(page["recommended"]) == 10
    cleared = api.post("/seekers/registrations", registration(who(1), key_groups=[]),
                       idem=key()).json()
    assert "specialist" not in cleared
    assert api.post("/seekers/lookup", {"id_hash": who(1)}).json()["specialist"] is None


def test_visitor_outside_the_key_groups_has_no_specialist(api):
    ack = api.post("/seekers/registrations", {"id_hash": who(2), "name": "王磊",
                                              "phone": "13900001111", "intentions": {}},
                   idem=key()).json()
    assert ack["status"] == "registered" and "specialist" not in ack
    page = api.post("/seekers/lookup", {"id_hash": who(2)}).json()
    assert page["specialist"] is None and page["registration"]["key_groups"] == []
    assert len(page["recommended"]) == 10 and page["recommended_note"] == "enough"


@pytest.mark.parametrize("wants", [{"major_groups": ["g7"]},
                                   {"occupation_groups": ["家政服务"], "pay_min": 1000000}])
def test_fewer_than_five_matches_says_so_and_still_shows_five(api, wants):
    api.post("/seekers/registrations", registration(who(3), intentions=wants), idem=key())
    page = api.post("/seekers/lookup", {"id_hash": who(3)}).json()
    assert page["recommended_note"] == "fewer"
    assert len(page["recommended"]) == 5
    assert not any(j["matched"] for j in page["recommended"])


def test_unemployment_application_once_and_its_status(api, platform):
    doc = {"id_hash": WHO, "last_employer": EMPLOYER, "left_on": "2026-01-31",
           "reason": "contract_end", "insured": True}
    before = count(platform, "unemployment_applications")
    same = key()
    first = api.post("/seekers/unemployment", doc, idem=same)
    again = api.post("/seekers/unemployment", doc, idem=same)
    assert first.status_code == again.status_code == 201, first.text
    assert first.json() == again.json() and again.headers["Idempotent-Replay"] == "true"
    ack = first.json()
    assert ack["status"] == "received" and ack["application_id"].startswith("U-")
    assert count(platform, "unemployment_applications") == before + 1
    db = str(platform.store)
    done = run_kiosk("central", "unemployment", "set-status", "--db", db,
                     ack["application_id"], "needs_documents")
    assert done.returncode == 0 and "received -> needs_documents" in done.stdout
    page = api.post("/seekers/lookup", {"id_hash": WHO}).json()
    mine = [a for a in page["unemployment"] if a["application_id"] == ack["application_id"]]
    assert mine and mine[0]["status"] == "needs_documents"
    listed = run_kiosk("central", "unemployment", "list", "--db", db,
                       "--status", "needs_documents").stdout
    assert ack["application_id"] in listed and EMPLOYER in listed
    for wrong in (("U-nope", "approved"), (ack["application_id"], "maybe")):
        refused = run_kiosk("central", "unemployment", "set-status", "--db", db, *wrong)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr


def test_personal_fields_are_sealed(api, platform):
    api.post("/seekers/registrations", registration(), idem=key())
    api.post("/seekers/unemployment", {"id_hash": WHO, "last_employer": EMPLOYER,
                                       "reason": "dismissed"}, idem=key())
    raw = stored_bytes(platform)
    for secret in (NAME, PHONE, EMPLOYER, ID_NUMBER, WHO, "物流管理"):
        assert secret.encode() not in raw, secret
    for code in ("zero_employment_family", "registered_unemployed", "contract_end"):
        assert code.encode() not in raw, code


def test_seeded_seekers_are_registered_visitors(api, platform):
    out = run_kiosk("central", "seed", "--db", str(platform.store), "--seekers", "300")
    assert out.returncode == 0 and "added 300 seekers" in out.stdout, out.stderr
    page = api.post("/seekers/lookup", {"id_number": id_number(299)}).json()
    assert page["registered"] and len(page["recommended"]) >= 5
    assert page["registration"]["registration_id"] == "R-seed0000299"


TOMORROW = (business_day() + dt.timedelta(days=2)).isoformat()


@pytest.mark.parametrize(("path", "doc"), [
    ("/seekers/registrations", registration(key_groups=["registered_unemployed"] * 2)),
    ("/seekers/registrations", registration(key_groups=["veteran"])),
    ("/seekers/registrations", registration(education="高中")),
    ("/seekers/registrations", registration(birth_date=TOMORROW)),
    ("/seekers/registrations", registration(birth_date="1985-02-30")),
    ("/seekers/registrations", registration(experience_years=61)),
    ("/seekers/registrations", registration(photo="base64...")),
    ("/seekers/registrations", registration(intentions="交通运输")),
    ("/seekers/registrations", registration(intentions={"major_groups": ["g9"]})),
    ("/seekers/registrations", registration(intentions={"occupation_groups": ["x"] * 11})),
    ("/seekers/registrations", registration(intentions={"start_by": "soon"})),
    ("/seekers/unemployment", {"id_hash": WHO, "reason": "contract_end", "left_on": TOMORROW}),
    ("/seekers/unemployment", {"id_hash": WHO, "reason": "bored"}),
    ("/seekers/unemployment", {"id_hash": WHO, "reason": "other", "last_employer": "x" * 61}),
    ("/seekers/unemployment", {"reason": "other"}),
    ("/seekers/unemployment", {"id_hash": WHO, "reason": "other", "insured": "yes"}),
])
def test_bodies_the_platform_refuses(api, path, doc):
    refused = api.post(path, doc, idem=key())
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"] == "invalid"


def test_unemployment_body_that_is_not_json(api):
    full = "/api/v1/seekers/unemployment"
    body = b'{"id_hash": "' + WHO.encode() + b'", "reason": "other", "insured": tru'
    headers = api.headers("POST", full, body) | {"Content-Type": "application/json",
                                                 "Idempotency-Key": key()}
    refused = api.http.post(api.url + full, data=body, headers=headers, timeout=10)
    assert refused.status_code == 400 and refused.json()["error"] == "bad_json"
